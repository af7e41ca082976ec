/**
 * Versioned schema of the office database. Each migration is literal SQL text, never edited once
 * released; `migrate` applies the missing ones in order, each in its own transaction, under an advisory
 * lock so two processes migrating at once apply each exactly once. A database whose schema is newer
 * than this program knows is refused rather than guessed at.
 */
import type { PoolClient } from 'pg';
import { InputError } from '../io.ts';
import { OFFICE_STORE_SQL } from './migrations/0001-office-store.ts';
import { KPI_VALUES_SQL } from './migrations/0002-kpi-values.ts';
import { REVISION_ORIGINS_SQL } from './migrations/0003-revision-origins.ts';
import { SCORES_SQL } from './migrations/0004-scores.ts';
import { QUARANTINE_MAKERS_SQL } from './migrations/0005-quarantine-makers.ts';
import { FINITE_RATIOS_SQL } from './migrations/0006-finite-ratios.ts';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** In order; each is SQL text in its own module under migrations/, so the prebuilt CLI carries it too. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'office_store', sql: OFFICE_STORE_SQL },
  { version: 2, name: 'kpi_values', sql: KPI_VALUES_SQL },
  { version: 3, name: 'revision_origins', sql: REVISION_ORIGINS_SQL },
  { version: 4, name: 'scores', sql: SCORES_SQL },
  { version: 5, name: 'quarantine_makers', sql: QUARANTINE_MAKERS_SQL },
  { version: 6, name: 'finite_ratios', sql: FINITE_RATIOS_SQL },
];

export const SCHEMA_VERSION = MIGRATIONS.at(-1)!.version;

/** Any constant works: it only has to be the same in every citykpi process. */
const MIGRATION_LOCK = 0x63_6b_70_69;

/** Serialises schema work (migrations, reference data) across processes until the transaction ends. */
export async function lockSchema(client: PoolClient): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
}

const CREATE_LEDGER = `CREATE TABLE IF NOT EXISTS citykpi_migrations (
  version    integer PRIMARY KEY,
  name       text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
)`;

async function appliedVersions(client: PoolClient): Promise<number[]> {
  const { rows } = await client.query<{ version: number }>('SELECT version FROM citykpi_migrations ORDER BY version');
  return rows.map((row) => row.version);
}

function refuseNewer(applied: readonly number[], known: readonly Migration[]): void {
  const newest = applied.at(-1) ?? 0;
  const latest = known.at(-1)?.version ?? 0;
  if (newest > latest) {
    throw new InputError('E_SCHEMA_NEWER', `the database schema is version ${newest}, newer than this citykpi knows (${latest}); update citykpi`);
  }
}

/** Applies every missing migration; returns the versions applied by this call. */
export async function migrate(client: PoolClient, known: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  const appliedNow: number[] = [];
  for (;;) {
    await client.query('BEGIN');
    try {
      await lockSchema(client);
      await client.query(CREATE_LEDGER);
      const applied = await appliedVersions(client);
      refuseNewer(applied, known);
      const next = known.find((migration) => !applied.includes(migration.version));
      if (!next) {
        await client.query('COMMIT');
        return appliedNow;
      }
      await client.query(next.sql);
      await client.query('INSERT INTO citykpi_migrations (version, name) VALUES ($1, $2)', [next.version, next.name]);
      await client.query('COMMIT');
      appliedNow.push(next.version);
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  }
}

/** Every command but `db migrate` needs exactly this program's schema. */
export async function requireCurrentSchema(client: PoolClient): Promise<void> {
  const { rows } = await client.query<{ exists: boolean }>("SELECT to_regclass('citykpi_migrations') IS NOT NULL AS exists");
  const applied = rows[0]?.exists ? await appliedVersions(client) : [];
  refuseNewer(applied, MIGRATIONS);
  if ((applied.at(-1) ?? 0) < SCHEMA_VERSION) {
    throw new InputError('E_SCHEMA_OLD', `the database schema is not up to date (version ${applied.at(-1) ?? 0} of ${SCHEMA_VERSION}); run citykpi db migrate first`);
  }
}
