/**
 * Frozen migrations: the shipped schema versions are declared exactly as they shipped, and a database
 * made by each shipped version's own code (test/fixtures/schema/v<N>.json) opens at the newest version
 * with every row still there and readable through the data layer. The same fixtures are migrated in
 * Chromium's IndexedDB by test/e2e/migrations.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { createDb } from '../../renderer/src/data/db.ts';
import { readAttachment } from '../../renderer/src/data/attachments.ts';
import { toDataError } from '../../renderer/src/data/errors.ts';
import { listAssessments, listDeletedAssessments, listValues } from '../../renderer/src/data/queries.ts';
import { CURRENT_SCHEMA_VERSION, SCHEMA_HISTORY, storesAt } from '../../renderer/src/data/schema-history.ts';
import { decodeRow } from '../fixtures/schema/rows.ts';

interface Released {
  readonly versions: readonly { readonly version: number; readonly madeBy: string; readonly stores: Record<string, string | null> }[];
}
interface Fixture {
  readonly version: number;
  readonly tables: Record<string, Parameters<typeof decodeRow>[0][]>;
}

// happy-dom gives import.meta.url an http: base here, so the path is taken from the repository root.
const fixtureDir = join(process.cwd(), 'test', 'fixtures', 'schema');
const released = JSON.parse(readFileSync(join(fixtureDir, 'released.json'), 'utf8')) as Released;
const fixture = (version: number) => JSON.parse(readFileSync(join(fixtureDir, `v${version}.json`), 'utf8')) as Fixture;
const freshName = () => `migration-${Math.random().toString(36).slice(2)}`;

/** The database as version `version` left it: its own schema (the history up to it), the fixture's rows. */
async function restore(name: string, version: number, tables: Fixture['tables']): Promise<void> {
  const old = new Dexie(name);
  for (const step of SCHEMA_HISTORY.filter((entry) => entry.version <= version)) old.version(step.version).stores(step.stores);
  await old.open();
  expect(old.tables.map((table) => table.name).sort()).toEqual(Object.keys(tables).sort());
  await old.transaction('rw', old.tables, async () => {
    for (const [table, rows] of Object.entries(tables)) await old.table(table).bulkAdd(rows.map(decodeRow));
  });
  old.close();
}

describe('schema history', () => {
  it('declares every shipped version exactly as it shipped, in order, and only appends after them', () => {
    expect(SCHEMA_HISTORY.map((entry) => entry.version)).toEqual(SCHEMA_HISTORY.map((_, index) => index + 1));
    for (const shipped of released.versions) {
      expect(SCHEMA_HISTORY[shipped.version - 1]?.stores, `version ${shipped.version}`).toEqual(shipped.stores);
    }
    expect(CURRENT_SCHEMA_VERSION).toBeGreaterThanOrEqual(Math.max(...released.versions.map((entry) => entry.version)));
  });

  it('has a database made by each shipped version, holding exactly that version\'s tables', () => {
    for (const { version } of released.versions) {
      const made = fixture(version);
      expect(made.version).toBe(version);
      expect(Object.keys(made.tables).sort()).toEqual(Object.keys(storesAt(version)).sort());
      expect(made.tables['revisions']?.length).toBeGreaterThan(0);
    }
  });
});

describe.each(released.versions.map(({ version }) => version))('a database made by schema version %i', (version) => {
  it('opens at the newest version with every row kept and readable through the data layer', async () => {
    const name = freshName();
    const made = fixture(version);
    await restore(name, version, made.tables);

    const db = createDb(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    const tablesNow = storesAt(CURRENT_SCHEMA_VERSION);
    for (const [table, rows] of Object.entries(made.tables)) {
      if (!(table in tablesNow)) continue;
      const stored = await db.table(table).toArray();
      expect(stored, table).toHaveLength(rows.length);
      expect(stored, table).toEqual(expect.arrayContaining(rows.map(decodeRow) as unknown[]));
    }

    const assessments = await listAssessments(db);
    expect(assessments.map((view) => view.city.name).sort()).toEqual(['Lake Amara', 'Ville-Fixture ✓ مدينة 城市'].sort());
    const fixtureAssessment = assessments.find((view) => !view.demo)!;
    expect(fixtureAssessment.year).toBe(2025);
    expect(fixtureAssessment.city.population).toBe(121_500);
    expect((await listDeletedAssessments(db)).map((view) => view.city.name)).toEqual(['Deleted City']);
    const values = [...(await listValues(db, fixtureAssessment.id)).values()];
    const internet = values.find((value) => value.kpiId === 'EC-ICT-ICT-1C')!;
    const current = (field: string) => {
      const state = internet.fields[field];
      return state && !state.conflict ? state.current.value : undefined;
    };
    expect(current('source')).toBe('Enquête TIC 2025 – institut statistique');
    expect(current('quality')).toBe('surveyExtrapolated');
    expect(current('numerator')).toBe(455);
    if (version >= 3) {
      const [evidence] = JSON.parse(String(current('evidence'))) as { sha256: string }[];
      expect(new TextDecoder().decode(await readAttachment(db, evidence!.sha256))).toContain('2025,1000,455');
    }
    db.close();
  });
});

describe('the import ledger (version 4)', () => {
  it('is keyed by file hash, with every row of the old bundle-id ledger copied into it', async () => {
    const name = freshName();
    const made = fixture(3);
    await restore(name, 3, made.tables);
    const old = ['a', 'b'].map((letter, index) => ({
      bundleId: letter.repeat(32),
      fileSha256: `${index}`.repeat(64),
      signerKey: 'key',
      signerFingerprint: 'FP',
      signerDeviceId: 'dev',
      signerDeviceName: 'Laptop',
      createdAt: '2026-01-01T00:00:00Z',
      importedAtMs: index,
      revisionCount: 2,
      addedCount: 2,
    }));
    const v3 = new Dexie(name);
    for (const step of SCHEMA_HISTORY.filter((entry) => entry.version <= 3)) v3.version(step.version).stores(step.stores);
    await v3.table('imports').bulkAdd(old);
    v3.close();

    const db = createDb(name);
    await db.open();
    expect(db.tables.map((table) => table.name)).not.toContain('imports');
    expect(await db.ledger.orderBy('importedAtMs').toArray()).toEqual(old);
    expect(await db.ledger.get('1'.repeat(64))).toEqual(old[1]);
    expect(await db.attestations.count()).toBe(0);
    db.close();
  });
});

describe('a database from a newer CityKPI', () => {
  it('is refused with E_DB_NEWER and left untouched', async () => {
    const name = freshName();
    const future = new Dexie(name);
    for (const step of SCHEMA_HISTORY) future.version(step.version).stores(step.stores);
    future.version(CURRENT_SCHEMA_VERSION + 1).stores({ somethingNew: 'id' });
    await future.open();
    await future.table('revisions').add({ id: 'r-from-the-future', recordId: 'x', hlc: 'h' });
    future.close();

    const db = createDb(name);
    const refused = await db.open().then(() => null, (error: unknown) => toDataError(error));
    expect(refused?.code).toBe('E_DB_NEWER');

    const reopened = new Dexie(name);
    await reopened.open();
    expect(reopened.verno).toBe(CURRENT_SCHEMA_VERSION + 1);
    expect(await reopened.table('revisions').count()).toBe(1);
    reopened.close();
  });
});
