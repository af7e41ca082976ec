/** `citykpi db migrate`: brings the office database's schema up to this program's version. */
import { parseArgs } from 'node:util';
import { EXIT_OK, UsageError, type Command, type ExitCode, type Io } from '../io.ts';
import { openPool, withClient } from '../office/database.ts';
import { refreshCatalogueReference } from '../office/catalogue-reference.ts';
import { SCHEMA_VERSION, migrate } from '../office/migrations.ts';

const USAGE = `citykpi db migrate --postgres <url>

Creates or updates the office database's tables and views (docs/office-server.md). Each migration
is applied once, in its own transaction; running it again changes nothing but the catalogue reference
rows, refreshed from this citykpi's catalogues. A database made by a newer
citykpi is refused (E_SCHEMA_NEWER). Give the password in PGPASSWORD or ~/.pgpass, not in the URL.

Options:
      --postgres <url>  postgres://user@host:port/database
  -h, --help            show this help`;

async function run(args: readonly string[], io: Io): Promise<ExitCode> {
  const { values, positionals } = parseArgs({ args: [...args], options: { postgres: { type: 'string' } }, strict: true, allowPositionals: true });
  if (positionals.length !== 1 || positionals[0] !== 'migrate') throw new UsageError('expected: citykpi db migrate --postgres <url>');
  if (values.postgres === undefined) throw new UsageError('--postgres is required');
  const pool = await openPool(values.postgres, 'citykpi db migrate', 1);
  try {
    const applied = await withClient(pool, async (client) => {
      const versions = await migrate(client);
      await refreshCatalogueReference(client);
      return versions;
    });
    io.out(
      applied.length === 0
        ? `schema already at version ${SCHEMA_VERSION}\n`
        : `applied ${applied.map((version) => String(version).padStart(4, '0')).join(', ')}: schema at version ${SCHEMA_VERSION}\n`,
    );
  } finally {
    await pool.end();
  }
  return EXIT_OK;
}

export const dbCommand: Command = { name: 'db', usage: USAGE, run };
