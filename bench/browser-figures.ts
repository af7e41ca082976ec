/**
 * Figures measured in Debian Chromium through playwright-core: the benchmark page (built from
 * bench/browser) and the built app are served from one loopback origin, so they share IndexedDB.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { encodeBundle } from '../core/bundle/index.ts';
import { generateOfficeKeyPair } from '../core/crypto/office-keys.ts';
import { compare, type Figure } from './figures.ts';
import { laptopHistory } from './inputs.ts';
import type { BenchSizes } from './sizes.ts';
import { serveStatic } from './static-server.ts';

const repoRoot = new URL('..', import.meta.url).pathname;
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function buildBenchPage(): void {
  const result = spawnSync(process.execPath, [join(repoRoot, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'bench/browser/vite.config.ts'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('building the benchmark page failed');
}

export interface BrowserBench {
  readonly page: Page;
  readonly origin: string;
  /** Files served under /input/ for the page to fetch. */
  readonly inputDir: string;
  close(): Promise<void>;
}

export async function openBrowserBench(): Promise<BrowserBench> {
  const inputDir = mkdtempSync(join(repoRoot, 'dist', 'bench-input-'));
  const server: Server = createServer(
    serveStatic({
      '/bench/': join(repoRoot, 'dist', 'bench'),
      '/input/': inputDir,
      '/': join(repoRoot, 'dist', 'renderer'),
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const profile = mkdtempSync(join(repoRoot, 'dist', 'bench-profile-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    args: CHROMIUM_FLAGS,
    headless: true,
    viewport: { width: 1366, height: 768 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => console.error(`bench page error: ${error.message}`));
  await page.goto(`${origin}/bench/index.html`);
  await page.waitForFunction(() => 'citykpiBench' in window);
  return {
    page,
    origin,
    inputDir,
    async close() {
      await context.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(profile, { recursive: true, force: true });
      rmSync(inputDir, { recursive: true, force: true });
    },
  };
}

/** The Exchange screen's import path (decrypt, verify, preview, one commit) against raw Dexie and PouchDB. */
export async function importFigures(bench: BrowserBench, sizes: BenchSizes): Promise<Figure[]> {
  const input = await laptopHistory(sizes.revisions);
  const office = await generateOfficeKeyPair();
  const bytes = await encodeBundle({ ...input, encryption: { kind: 'recipients', recipients: [office.publicText] }, appVersion: 'bench' });
  writeFileSync(join(bench.inputDir, 'import.citykpi'), bytes);
  const times = await bench.page.evaluate(
    ([identity, maxRevisions]) => window.citykpiBench.importFigure('/input/import.citykpi', identity, maxRevisions),
    [office.secretText, Math.max(200_000, sizes.revisions)] as const,
  );
  const expected = input.revisions.length;
  if (times.revisions !== expected || times.added !== expected || times.storedRaw !== expected || times.storedPouch !== expected) {
    throw new Error(`import figures stored different counts: ${JSON.stringify(times)}`);
  }
  const importMs = times.decodeMs + times.previewMs + times.commitMs;
  const note = `${expected} revisions, encrypted; decode ${Math.round(times.decodeMs)} ms, preview ${Math.round(times.previewMs)} ms, commit ${Math.round(times.commitMs)} ms`;
  const measured = { value: importMs, unit: 'ms' };
  return [
    // Throughput ratios: the peer's time over ours, so "≥ 0.7× raw Dexie" reads as it is stated.
    throughput('import vs raw Dexie', measured, { name: 'raw Dexie bulkPut, one strict transaction', value: times.rawDexieMs }, 0.7, note),
    throughput('import vs PouchDB', measured, { name: 'PouchDB bulkDocs (IndexedDB adapter)', value: times.pouchMs }, 5, note),
  ];
}

function throughput(name: string, measured: { value: number; unit: string }, peer: { name: string; value: number }, atLeast: number, note: string): Figure {
  const figure = compare(name, measured, peer, undefined, note);
  const ratio = peer.value / measured.value;
  return { ...figure, ratio, goal: { kind: 'min', value: atLeast, on: 'ratio' }, met: ratio >= atLeast };
}
