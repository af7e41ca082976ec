/** Office schema migrations against a real PostgreSQL: applied once each, in a transaction, newer schemas refused. */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../cli/io.ts';
import { MIGRATIONS, SCHEMA_VERSION, migrate, requireCurrentSchema } from '../../cli/office/migrations.ts';
import { cli, errorCode, freshDatabase, query, scratch } from './support/office.ts';

let url: string;
const work = scratch();

beforeAll(async () => {
  url = await freshDatabase();
});
afterAll(() => work.remove());

async function withClient<T>(run: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const client = await pool.connect();
  try {
    return await run(client);
  } finally {
    client.release();
    await pool.end();
  }
}

describe('citykpi db migrate', () => {
  it('refuses to work on a database that was never migrated', async () => {
    await expect(withClient(requireCurrentSchema)).rejects.toMatchObject({ code: 'E_SCHEMA_OLD' });
    const values = await cli(work.dir, 'values', '--postgres', url);
    expect(values.code).toBe(1);
    expect(errorCode(values.stderr)).toBe('E_SCHEMA_OLD');
  });

  it('applies every migration once; running it again, even twice at once, changes nothing', async () => {
    const first = await cli(work.dir, 'db', 'migrate', '--postgres', url);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toContain(`schema at version ${SCHEMA_VERSION}`);
    const [again, concurrent] = await Promise.all([cli(work.dir, 'db', 'migrate', '--postgres', url), cli(work.dir, 'db', 'migrate', '--postgres', url)]);
    expect(again.stdout).toBe(`schema already at version ${SCHEMA_VERSION}\n`);
    expect(concurrent.stdout).toBe(`schema already at version ${SCHEMA_VERSION}\n`);
    const ledger = await query<{ version: number; name: string }>(url, 'SELECT version, name FROM citykpi_migrations ORDER BY version');
    expect(ledger).toEqual(MIGRATIONS.map(({ version, name }) => ({ version, name })));
    await withClient(requireCurrentSchema);
  });

  it('runs each migration in a transaction: one that fails halfway leaves no trace', async () => {
    const broken = { version: SCHEMA_VERSION + 1, name: 'broken', sql: 'CREATE TABLE half_done (id integer); SELECT 1 / 0;' };
    await expect(withClient((client) => migrate(client, [...MIGRATIONS, broken]))).rejects.toThrow(/division by zero/);
    expect(await query(url, "SELECT to_regclass('half_done') AS t")).toEqual([{ t: null }]);
    expect(await query(url, 'SELECT max(version) AS v FROM citykpi_migrations')).toEqual([{ v: SCHEMA_VERSION }]);
  });

  it('refuses a schema newer than it knows, in migrate and in every other command', async () => {
    const newer = await freshDatabase();
    const pool = new pg.Pool({ connectionString: newer, max: 1 });
    try {
      const client = await pool.connect();
      await migrate(client);
      await client.query("INSERT INTO citykpi_migrations (version, name) VALUES ($1, 'from the future')", [SCHEMA_VERSION + 1]);
      await expect(migrate(client)).rejects.toSatisfy((error) => error instanceof InputError && error.code === 'E_SCHEMA_NEWER');
      client.release();
    } finally {
      await pool.end();
    }
    for (const args of [['db', 'migrate', '--postgres', newer], ['values', '--postgres', newer]]) {
      const result = await cli(work.dir, ...args);
      expect(result.code).toBe(1);
      expect(errorCode(result.stderr)).toBe('E_SCHEMA_NEWER');
    }
  });

  it('keeps the proven maker of revisions stored before origins were recorded, where the ledger still proves it', async () => {
    const older = await freshDatabase();
    const pool = new pg.Pool({ connectionString: older, max: 1 });
    const key = 'A'.repeat(43);
    const hex = (digit: string) => digit.repeat(64);
    try {
      const client = await pool.connect();
      await migrate(client, MIGRATIONS.filter((migration) => migration.version <= 2));
      await client.query(
        `INSERT INTO bundles (bundle_id, file_sha256, signer_key, signer_fingerprint, device_id, device_name, created_at, revision_count)
         VALUES ($1, $2, $3, 'FPFP-FPFP', 'dev-laptop', 'Laptop 1', '2026-01-01T00:00:00Z', 4)`,
        ['b'.repeat(32), hex('f'), key],
      );
      const revision = (id: string, recordId: string, deviceId: string, author: string, parents: string[] = []) =>
        client.query(
          `INSERT INTO revisions (revision_id, record_id, fields, author, device_id, hlc, parents, canonical, signer_key, bundle_id)
           VALUES ($1, $2, '{}', $3, $4, '0', $5, '{}', $6, $7)`,
          [id, recordId, author, deviceId, parents, key, 'b'.repeat(32)],
        );
      await revision(hex('1'), 'value:a1:EC-ICT-ICT-1C:_', 'dev-laptop', 'Amina');
      await revision(hex('2'), 'value:a1:EC-ICT-ICT-1C:_', 'dev-relayed', 'Omar');
      await revision(hex('3'), 'assessment:a1', 'citykpi-catalogue-update', 'catalogue update');
      await revision(hex('4'), 'value:demo-assessment-lake-amara-2025:EC-ICT-ICT-1C:_', 'citykpi-demo', 'Demo');
      await revision(hex('5'), 'value:a1:EC-ICT-ICT-2C:_', 'citykpi-demo', 'Demo');
      await migrate(client);
      client.release();
    } finally {
      await pool.end();
    }
    expect(await query(older, 'SELECT revision_id, maker_fingerprint, maker_device_id, maker_device_name, proof FROM revision_origins ORDER BY revision_id')).toEqual([
      { revision_id: hex('1'), maker_fingerprint: 'FPFP-FPFP', maker_device_id: 'dev-laptop', maker_device_name: 'Laptop 1', proof: 'signer' },
      { revision_id: hex('3'), maker_fingerprint: 'FPFP-FPFP', maker_device_id: 'citykpi-catalogue-update', maker_device_name: 'catalogue update', proof: 'keyless' },
      { revision_id: hex('4'), maker_fingerprint: 'FPFP-FPFP', maker_device_id: 'citykpi-demo', maker_device_name: 'Demo', proof: 'keyless' },
    ]);
    await expect(query(older, "UPDATE revision_origins SET proof = 'signer'")).rejects.toThrow(/append-only/);
    await expect(query(older, 'DELETE FROM revision_origins')).rejects.toThrow(/append-only/);
  });

  it('reports an unreachable database in one line without the URL', async () => {
    const result = await cli(work.dir, 'db', 'migrate', '--postgres', 'postgres://office:s3cret@127.0.0.1:1/none');
    expect(result.code).toBe(1);
    expect(errorCode(result.stderr)).toBe('E_DATABASE');
    expect(result.stderr).not.toContain('s3cret');
    expect(result.stderr.split('\n')).toHaveLength(2);
  });
});
