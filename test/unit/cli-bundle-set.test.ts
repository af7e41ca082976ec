/** The office CLI reads bundle sets: verify and inspect name each file's place, merge joins a set back into one bundle. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { decodeBundle, encodeBundleSet, type EncodedVolume } from '../../core/bundle/index.ts';
import { sha256, toHex } from '../../core/crypto/bytes.ts';
import { volumeFileName } from '../../cli/commands/merge.ts';
import { manyAttachments, signerFromSeed } from '../fixtures/bundles/helpers.ts';
import { runCli } from './support/run-cli.ts';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

let dir: string;
const cli = (...args: string[]) => runCli(dir, args);
let volumes: EncodedVolume[];
let revisionCount: number;
let hashes: string[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'citykpi-set-'));
  const device = await signerFromSeed(81, 'Field laptop 81');
  const { revisions, files } = await manyAttachments(device.id, 40, 600);
  revisionCount = revisions.length;
  const byHash = new Map(await Promise.all(files.map(async (file) => [toHex(await sha256(file)), file] as const)));
  hashes = [...byHash.keys()].sort();
  volumes = [];
  // A 8 KiB cap stands in for the real 128 MiB: the same code path, with kilobytes of evidence.
  for await (const volume of encodeBundleSet({
    revisions,
    attachmentSizes: new Map([...byHash].map(([hash, file]) => [hash, file.length])),
    loadAttachments: async (wanted) => wanted.map((hash) => byHash.get(hash)!),
    volumeBytes: 8 * 1024,
    device,
    encryption: { kind: 'none' },
  })) {
    volumes.push(volume);
    writeFileSync(join(dir, volumeFileName('field.citykpi', volume.index, volume.count)), volume.bytes);
  }
  expect((await cli('trust', 'add', 'field.citykpi')).code).toBe(0);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const names = (): string[] => volumes.map((volume) => volumeFileName('field.citykpi', volume.index, volume.count));

describe('bundle sets at the office', () => {
  it('verify checks every file alone and says which file of which set it is', async () => {
    expect(volumes.length).toBeGreaterThan(2);
    const verify = await cli('verify', ...names());
    expect(verify.code, verify.stderr).toBe(0);
    const lines = verify.stdout.trim().split('\n');
    expect(lines).toHaveLength(volumes.length);
    for (const [index, line] of lines.entries()) expect(line).toContain(`file ${index + 1} of ${volumes.length} of set ${volumes[0]!.setId}`);
  });

  it('inspect shows the place in the set and the attachments of the index', async () => {
    const inspect = await cli('inspect', names()[1]!);
    expect(inspect.code, inspect.stderr).toBe(0);
    expect(inspect.stdout).toMatch(new RegExp(`^volume: +file 2 of ${volumes.length} of set ${volumes[0]!.setId}`, 'm'));
    expect(inspect.stdout).toMatch(/attachment parts listed in attachments\.ndjson/);
  });

  it('merge joins the files of a set into one bundle with every revision and every attachment', async () => {
    const merge = await cli('merge', ...names(), '--out', 'joined.citykpi');
    expect(merge.code, merge.stderr).toBe(0);
    const joined = await decodeBundle(readFileSync(join(dir, 'joined.citykpi')));
    expect(joined.manifest.volume).toBeUndefined();
    expect(joined.revisions).toHaveLength(revisionCount);
    expect([...joined.attachments.keys()].sort()).toEqual(hashes);
  });

  it('names the later files of a set beside the first', () => {
    expect(volumeFileName('out/all.citykpi', 1, 3)).toBe('out/all.citykpi');
    expect(volumeFileName('out/all.citykpi', 2, 3)).toBe('out/all.2-of-3.citykpi');
    expect(volumeFileName('out.d/all', 3, 3)).toBe('out.d/all.3-of-3');
  });
});
