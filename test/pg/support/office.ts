/**
 * What the office tests share: a fresh database per test file in the throwaway cluster, the CLI run
 * in-process or as a real process, and office keys made as `citykpi keygen` makes them.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { main } from '../../../cli/main.ts';

export const bin = new URL('../../../cli/bin/citykpi.mjs', import.meta.url).pathname;

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

let counter = 0;

/** A new, empty database in the shared cluster; its URL. */
export async function freshDatabase(): Promise<string> {
  const admin = new pg.Client({ connectionString: inject('pgUrl') });
  await admin.connect();
  const name = `citykpi_${process.pid}_${Date.now()}_${counter++}`;
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(inject('pgUrl'));
  url.pathname = `/${name}`;
  return url.href;
}

export async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** A scratch directory, removed by the returned function. */
export function scratch(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'citykpi-office-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function cli(cwd: string, ...args: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { out: (text) => void (stdout += text), err: (text) => void (stderr += text), cwd });
  return { code, stdout, stderr };
}

/** The CLI as a real process, as an operator runs it. */
export function spawnCli(cwd: string, args: readonly string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

/** The E_ code of a one-line CLI error. */
export function errorCode(stderr: string): string | undefined {
  return /^citykpi: (E_[A-Z_]+):/.exec(stderr)?.[1];
}
