/**
 * The connection to the office database. The URL may carry a password, so it is never printed; a
 * password is better given in PGPASSWORD or ~/.pgpass, which the driver reads as libpq does.
 * Database failures become one-line `E_DATABASE` input errors.
 */
import type pg from 'pg';
import { InputError } from '../io.ts';
import { requireCurrentSchema } from './migrations.ts';

export type Pool = pg.Pool;
export type PoolClient = pg.PoolClient;

/** Loaded by the first command that opens the database: the commands on files start without it. */
let driver: typeof pg | undefined;

/** Which citykpi process a connection belongs to, as shown in pg_stat_activity. */
export async function openPool(url: string, applicationName: string, max = 4): Promise<Pool> {
  let config: pg.PoolConfig;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') throw new TypeError('scheme');
    config = { connectionString: url, application_name: applicationName, max };
  } catch {
    throw new InputError('E_DATABASE', 'the --postgres value is not a postgres:// URL');
  }
  driver ??= (await import('pg')).default;
  const pool = new driver.Pool(config);
  // An idle connection the server closes must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  return pool;
}

/** Turns a driver or server failure into a one-line error that names no secret. */
export function databaseError(error: unknown): InputError {
  if (error instanceof InputError) return error;
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  const text = typeof message === 'string' && message !== '' ? message : String(error);
  return new InputError('E_DATABASE', typeof code === 'string' ? `${text} (${code})` : text);
}

/** A server-reported error, or the connection failing; anything else (core's refusals, bugs) passes through. */
export function isDatabaseFailure(error: unknown): boolean {
  if (driver && error instanceof driver.DatabaseError) return true;
  const { syscall, message } = (error ?? {}) as { syscall?: unknown; message?: unknown };
  return typeof syscall === 'string' || (typeof message === 'string' && /^Connection terminated/.test(message));
}

export async function withClient<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  let client: PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    throw databaseError(error);
  }
  try {
    return await work(client);
  } catch (error) {
    throw isDatabaseFailure(error) ? databaseError(error) : error;
  } finally {
    client.release();
  }
}

/** Runs `work` with a pool on a database whose schema is current, and always closes the pool. */
export async function withOfficeDatabase<T>(url: string, work: (pool: Pool) => Promise<T>, applicationName = 'citykpi'): Promise<T> {
  const pool = await openPool(url, applicationName);
  try {
    await withClient(pool, requireCurrentSchema);
    return await work(pool);
  } finally {
    await pool.end();
  }
}

/** One transaction: committed when `work` returns, rolled back when it throws. */
export async function inTransaction<T>(client: PoolClient, work: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    const result = await work();
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
