/**
 * `npm start` (build/start.mjs) on a machine where Electron's binary cannot run: it must still start
 * CityKPI, serving the production build on 127.0.0.1 under the desktop CSP, printing the address and
 * asking the default browser to open it. The script runs as a child process, as a user would run it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { PAGE_META_CSP, PRODUCTION_CSP } from '../../electron/contract/csp.ts';
import { freePort } from './support/free-port.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const startScript = join(repo, 'build', 'start.mjs');

interface Started {
  readonly child: ChildProcess;
  readonly stdout: () => string;
  readonly stderr: () => string;
  readonly exited: Promise<number | null>;
}

const running = new Set<ChildProcess>();

afterEach(async () => {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
});

/** A scratch folder with a fake `xdg-open` that records the address it was asked to open. */
function fakeOpener(): { bin: string; opened: () => string[] } {
  const bin = mkdtempSync(join(inject('scratchDir'), 'start-bin-'));
  const record = join(bin, 'opened.txt');
  writeFileSync(join(bin, 'xdg-open'), `#!/bin/sh\necho "$1" >> "${record}"\n`);
  chmodSync(join(bin, 'xdg-open'), 0o755);
  return { bin, opened: () => (existsSync(record) ? readFileSync(record, 'utf8').trim().split('\n') : []) };
}

function start(env: Record<string, string>): Started {
  const { ELECTRON_RUN_AS_NODE: _runAsNode, CITYKPI_NO_BROWSER: _noBrowser, ...inherited } = process.env;
  const child = spawn(process.execPath, [startScript], {
    cwd: repo,
    env: { ...inherited, CITYKPI_START_SKIP_BUILD: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

async function printedAddress(started: Started): Promise<string> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const match = /^CityKPI is running at (\S+)$/m.exec(started.stdout());
    if (match?.[1]) return match[1];
    if (started.child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`npm start printed no address.\nstdout:\n${started.stdout()}\nstderr:\n${started.stderr()}`);
}

async function waitFor(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function stopped(started: Started): Promise<number | null> {
  started.child.kill('SIGTERM');
  return started.exited;
}

describe('npm start without a runnable Electron', () => {
  it('serves the production build with the desktop CSP on 127.0.0.1, prints the address and opens the browser', async () => {
    const port = await freePort();
    const opener = fakeOpener();
    const emptyDist = mkdtempSync(join(inject('scratchDir'), 'no-electron-'));
    const started = start({ CITYKPI_PORT: String(port), ELECTRON_OVERRIDE_DIST_PATH: emptyDist, PATH: `${opener.bin}:${process.env.PATH}` });

    const address = await printedAddress(started);
    expect(address).toBe(`http://127.0.0.1:${port}/`);
    expect(started.stderr()).toMatch(/^CityKPI: Electron's binary is not available \(nothing runnable in ELECTRON_OVERRIDE_DIST_PATH\); starting CityKPI in your web browser instead\.$/m);

    const page = await fetch(address);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(PRODUCTION_CSP);
    const html = await page.text();
    expect(html).toContain('<title>CityKPI</title>');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1]?.replaceAll('&#39;', "'");
    expect(meta).toBe(PAGE_META_CSP);
    const script = /<script type="module" crossorigin src="\.\/(assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const bundle = await fetch(new URL(script!, address));
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toMatch(/javascript/);

    await waitFor(() => opener.opened().length === 1, 'the browser to be opened');
    expect(opener.opened()).toEqual([address]);

    // A second `npm start` finds CityKPI already serving: it opens the same address and leaves.
    const second = start({ CITYKPI_PORT: String(port), ELECTRON_OVERRIDE_DIST_PATH: emptyDist, PATH: `${opener.bin}:${process.env.PATH}` });
    expect(await printedAddress(second)).toBe(address);
    expect(await second.exited).toBe(0);
    expect(second.stderr()).toMatch(/already running/);
    await waitFor(() => opener.opened().length === 2, 'the browser to be opened again');

    expect(await stopped(started)).toBe(0);
    await expect(fetch(address)).rejects.toThrow();
  });

  it('falls back to the browser when the binary is there but cannot run, and runs without any opener', async () => {
    const port = await freePort();
    const dist = mkdtempSync(join(inject('scratchDir'), 'broken-electron-'));
    writeFileSync(join(dist, 'electron'), '#!/bin/sh\necho "error while loading shared libraries: libnss3.so" >&2\nexit 127\n');
    chmodSync(join(dist, 'electron'), 0o755);
    const emptyBin = mkdtempSync(join(inject('scratchDir'), 'no-opener-'));
    // Only node's own folder on PATH: no xdg-open anywhere, which must not stop CityKPI.
    const started = start({ CITYKPI_PORT: String(port), ELECTRON_OVERRIDE_DIST_PATH: dist, PATH: `${emptyBin}` });

    expect(await printedAddress(started)).toBe(`http://127.0.0.1:${port}/`);
    expect(started.stderr()).toMatch(/Electron's binary is not available \(it cannot run here: ".*electron --version" exited with 127\)/);
    expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(200);
    expect(await stopped(started)).toBe(0);
  });

  it('on a Node older than 22.12, goes to the browser at once instead of attempting the download', async () => {
    const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
    // On a newer Node the script would really download Electron: tests never touch the network.
    if (major > 22 || (major === 22 && minor >= 12)) return;
    const port = await freePort();
    const startedAt = Date.now();
    const started = start({ CITYKPI_PORT: String(port), CITYKPI_NO_BROWSER: '1' });
    expect(await printedAddress(started)).toBe(`http://127.0.0.1:${port}/`);
    expect(Date.now() - startedAt).toBeLessThan(20_000);
    expect(started.stderr()).toContain(
      `CityKPI: Electron's binary is not available (not installed, and downloading it needs Node 22.12+, this is Node ${process.versions.node}); starting CityKPI in your web browser instead.`,
    );
    expect(await stopped(started)).toBe(0);
  });

  it('says which setting to change when another program holds the port', async () => {
    const blocker = createHttpServer((_request, response) => response.end('another program'));
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const address = blocker.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const emptyDist = mkdtempSync(join(inject('scratchDir'), 'no-electron-'));
      const started = start({ CITYKPI_PORT: String(port), CITYKPI_NO_BROWSER: '1', ELECTRON_OVERRIDE_DIST_PATH: emptyDist });
      expect(await started.exited).toBe(1);
      expect(started.stderr()).toContain(`CityKPI: port ${port} is used by another program; choose another with CITYKPI_PORT=<port> npm start`);
    } finally {
      blocker.closeAllConnections();
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
