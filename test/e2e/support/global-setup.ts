/**
 * Serves the built renderer (dist/renderer, built by `npm run build:renderer` before Vitest starts) with
 * `vite preview` on a free loopback port, and hands its address to the tests as `inject('baseUrl')`.
 * Everything the tests write to disk goes under `inject('scratchDir')`, removed at the end of the run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { freePort } from './free-port.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The one office inbox origin the preview's CSP admits, for the "Send to office" test's server. */
    inboxOrigin: string;
    /** Browser profiles, downloaded bundles and keys of this run; removed when the run ends. */
    scratchDir: string;
  }
}

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const builtIndex = join(repoRoot, 'dist', 'renderer', 'index.html');
const startupTimeoutMs = 30_000;

function viteBin(): string {
  // vite's package exports do not expose bin/vite.js, so resolve it next to its package.json.
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
}

async function waitUntilServing(url: string, server: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + startupTimeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) {
      throw new Error(`vite preview exited with code ${server.exitCode} before serving:\n${output()}`);
    }
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`vite preview did not answer at ${url} within ${startupTimeoutMs} ms:\n${output()}`);
}

function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const forceKill = setTimeout(() => server.kill('SIGKILL'), 5_000);
    server.once('exit', () => {
      clearTimeout(forceKill);
      resolve();
    });
    server.kill('SIGTERM');
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(builtIndex)) {
    throw new Error(`${builtIndex} is missing: run \`npm run build:renderer\` first (npm run test:e2e does).`);
  }
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const inboxOrigin = `http://127.0.0.1:${await freePort()}`;
  const server = spawn(
    process.execPath,
    [viteBin(), 'preview', '--config', 'renderer/vite.config.ts', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CITYKPI_E2E_INBOX_ORIGIN: inboxOrigin } },
  );
  let log = '';
  server.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const killOnExit = () => server.kill('SIGKILL');
  process.once('exit', killOnExit);

  try {
    await waitUntilServing(`${baseUrl}/`, server, () => log);
  } catch (error) {
    await stop(server);
    throw error;
  }
  const scratchDir = mkdtempSync(join(tmpdir(), 'citykpi-e2e-'));
  project.provide('baseUrl', baseUrl);
  project.provide('inboxOrigin', inboxOrigin);
  project.provide('scratchDir', scratchDir);

  return async () => {
    process.off('exit', killOnExit);
    await stop(server);
    rmSync(scratchDir, { recursive: true, force: true });
  };
}
