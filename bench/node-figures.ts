/** Figures measured in Node: verify, export, CLI start, merge of many bundles, initial JavaScript. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { nodeSha256 } from '../cli/node-sha256.ts';
import { encryptAge } from '../core/bundle/age-layer.ts';
import { decodeBundle, encodeBundle } from '../core/bundle/index.ts';
import { generateOfficeKeyPair } from '../core/crypto/office-keys.ts';
import { SIGNING_DOMAINS, sign, verify } from '../core/crypto/signing.ts';
import { compare, cpuMs, median, single, warmMedian, type Figure } from './figures.ts';
import { evidenceFiles, laptopHistory, officeFleet } from './inputs.ts';
import type { BenchSizes } from './sizes.ts';

const repoRoot = new URL('..', import.meta.url).pathname;
const cliBin = join(repoRoot, 'cli', 'bin', 'citykpi.mjs');

/** decodeBundle on a readable bundle against the least any verifier must do: hash the file once, check one signature. */
export async function verifyFigure(sizes: BenchSizes): Promise<Figure> {
  const input = await laptopHistory(sizes.revisions);
  const bytes = await encodeBundle({ ...input, encryption: { kind: 'none' }, appVersion: 'bench' });
  const decode = await warmMedian(3, () => decodeBundle(bytes, { limits: { maxRevisions: Math.max(sizes.revisions, 200_000) }, nativeSha256: nodeSha256 }));
  if (decode.result.revisions.length !== input.revisions.length) throw new Error('verify: the bundle lost revisions');
  const signature = await sign(input.device.privateKey, SIGNING_DOMAINS.bundleManifest, new Uint8Array(64));
  // The fastest SHA-256 at hand, as `sha256sum` would be: WebCrypto's copies its input first.
  const floor = await warmMedian(5, async () => {
    nodeSha256(bytes);
    return verify(input.device.publicKey, SIGNING_DOMAINS.bundleManifest, new Uint8Array(64), signature);
  });
  return compare(
    'verify',
    { value: decode.cpuMs, unit: 'ms CPU' },
    { name: 'SHA-256 of the file + one Ed25519 verification', value: floor.cpuMs },
    { kind: 'max', value: 3, on: 'ratio' },
    `${input.revisions.length} revisions, ${(bytes.length / 1e6).toFixed(1)} MB; median of 3 warm runs (5 for the floor); wall ${Math.round(decode.ms)} ms vs ${Math.round(floor.ms)} ms`,
  );
}

/** A full encrypted export against age encrypting bytes of the same length alone. */
export async function exportFigure(sizes: BenchSizes): Promise<Figure> {
  const input = await laptopHistory(sizes.revisions);
  const attachments = evidenceFiles(sizes.evidenceBytes, 1_000_000);
  const office = await generateOfficeKeyPair();
  const encryption = { kind: 'recipients', recipients: [office.publicText] } as const;
  // Medians of warm runs, as for verify: a single cold run of either side varied by a third from run to run.
  const exported = await warmMedian(3, () => encodeBundle({ ...input, attachments, encryption, appVersion: 'bench', nativeSha256: nodeSha256 }));
  const plaintext = new Uint8Array(exported.result.length);
  const floor = await warmMedian(3, () => encryptAge(plaintext, encryption));
  return compare(
    'export',
    { value: exported.cpuMs, unit: 'ms CPU' },
    { name: 'age encryption of the same number of bytes', value: floor.cpuMs },
    { kind: 'max', value: 1.5, on: 'ratio' },
    `${input.revisions.length} revisions + ${(sizes.evidenceBytes / 1e6).toFixed(0)} MB evidence in ${attachments.length} files; median of 3 warm runs each; wall ${Math.round(exported.ms)} ms vs ${Math.round(floor.ms)} ms`,
  );
}

/** CPU time of one `node` run (see cpuMs), in ms. */
function runNode(args: readonly string[]): number {
  const start = cpuMs();
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = cpuMs() - start;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${result.stderr.toString()}`);
  return ms;
}

/** `citykpi --help` against starting Node itself. */
export function cliStartFigure(sizes: BenchSizes): Figure {
  const cli: number[] = [];
  const bare: number[] = [];
  runNode([cliBin, '--help']);
  for (let i = 0; i < sizes.startRuns; i++) {
    bare.push(runNode(['-e', '']));
    cli.push(runNode([cliBin, '--help']));
  }
  return compare(
    'cli start',
    { value: median(cli), unit: 'ms CPU' },
    { name: "node -e ''", value: median(bare) },
    { kind: 'max', value: 3, on: 'ratio' },
    `median of ${sizes.startRuns} runs each`,
  );
}

/**
 * `citykpi merge` of a whole season of workshop bundles, at three sizes to show how it grows.
 * Returns one figure per size; the peer of each is the smallest size scaled linearly.
 */
export async function mergeFigures(sizes: BenchSizes, scratch: string): Promise<Figure[]> {
  const counts = sizes.mergeCounts;
  const largest = counts[counts.length - 1]!;
  const devicesPerCity = 5;
  const fleet = await officeFleet(Math.ceil(largest / devicesPerCity), devicesPerCity);
  const dir = join(scratch, 'fleet');
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (const bundle of fleet.slice(0, largest)) {
    const file = join(dir, `city${bundle.cityIndex}-laptop${bundle.deviceIndex}.citykpi`);
    writeFileSync(file, await encodeBundle({ ...bundle.input, encryption: { kind: 'none' }, appVersion: 'bench' }));
    files.push(file);
  }
  const usage = spawnSync(process.execPath, [cliBin, 'merge', '--help']).stdout.toString();
  const extra = usage.includes('--allow-unknown') ? ['--allow-unknown'] : [];
  const times = counts.map((count) => {
    const out = join(scratch, `merged-${count}.citykpi`);
    return { count, ms: runNode([cliBin, 'merge', ...files.slice(0, count), '--out', out, '--open', ...extra]) };
  });
  const first = times[0]!;
  return times.map(({ count, ms }) =>
    compare(
      `merge ${count} bundles`,
      { value: ms, unit: 'ms CPU' },
      { name: `linear from ${first.count} bundles`, value: (first.ms * count) / first.count },
      count === largest && largest >= 1000 ? { kind: 'max', value: 15_000, on: 'value' } : undefined,
      `${Math.ceil(count / devicesPerCity)} cities × ${devicesPerCity} laptops`,
    ),
  );
}

/** The JavaScript the entry page loads before any screen asks for more, gzipped. */
export function initialJsFigure(distDir: string): Figure {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const initial = new Set<string>();
  for (const match of html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\.?\/?([^"]+\.js)"/g)) initial.add(match[1]!);
  let gzipped = 0;
  for (const file of initial) gzipped += gzipSync(readFileSync(join(distDir, file)), { level: 9 }).length;
  const allJs = readdirSync(join(distDir, 'assets')).filter((name) => name.endsWith('.js'));
  return single(
    'initial JavaScript',
    gzipped / 1024,
    'KiB gzip',
    { kind: 'max', value: 350, on: 'value' },
    `${initial.size} of ${allJs.length} chunks load at start`,
  );
}
