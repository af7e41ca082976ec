/**
 * Format 1.2 at scale: attachments listed in a signed index instead of the manifest (5,000 files in one
 * bundle), bundle sets split at a size cap, and the tamper matrix of the index.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { BundleError, type BundleErrorCode, DEFAULT_LIMITS, decodeBundle, encodeBundle, encodeBundleSet, planVolumes } from '../../core/bundle/index.ts';
import { MAX_MANIFEST_ATTACHMENTS, type BundleSigner } from '../../core/bundle/encode.ts';
import { sha256, toHex, utf8 } from '../../core/crypto/bytes.ts';
import { asFormat11, repack, resign, unpack, type Unpacked } from '../fixtures/bundles/forge.ts';
import { manyAttachments, signerFromSeed } from '../fixtures/bundles/helpers.ts';

// Thousands of hashes and signatures: seconds on a shared CPU.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

async function expectCode(bytes: Uint8Array, code: BundleErrorCode): Promise<void> {
  const error = await decodeBundle(bytes).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(BundleError);
  expect((error as BundleError).code).toBe(code);
}

function indexLines(layout: Unpacked): { at: number; lines: string[] } {
  const at = (layout.manifest.parts as { name: string }[]).findIndex((part) => part.name === 'attachments.ndjson');
  return { at, lines: new TextDecoder().decode(layout.parts[at]).split('\n').slice(0, -1) };
}

function withIndex(layout: Unpacked, text: string): Unpacked {
  const { at } = indexLines(layout);
  return { ...layout, parts: layout.parts.map((part, index) => (index === at ? utf8.encode(text) : part)) };
}

let device: BundleSigner;

beforeAll(async () => {
  device = await signerFromSeed(61);
});

describe('5,000 attachments in one bundle', () => {
  it('exports and re-imports every file byte for byte, with a manifest far below its 64 KiB limit', async () => {
    const { revisions, files } = await manyAttachments(device.id, 5_000);
    const bytes = await encodeBundle({ revisions, attachments: files, device, encryption: { kind: 'none' } });
    const layout = unpack(bytes);
    expect(layout.manifestBytes.length).toBeLessThan(4_096);
    const decoded = await decodeBundle(bytes);
    expect(decoded.attachments.size).toBe(5_000);
    expect(decoded.manifest.counts.attachments).toBe(5_000);
    for (const file of files) expect(decoded.attachments.get(toHex(await sha256(file)))).toEqual(file);
  });
});

describe('the layout a writer chooses', () => {
  it('lists a few attachments in the manifest (1.1, readable by 1.1 readers), more in the index (1.2)', async () => {
    const few = await manyAttachments(device.id, MAX_MANIFEST_ATTACHMENTS);
    const fewLayout = unpack(await encodeBundle({ revisions: few.revisions, attachments: few.files, device, encryption: { kind: 'none' } }));
    expect(fewLayout.manifest.formatMinor).toBe(1);
    expect((fewLayout.manifest.parts as unknown[]).length).toBe(MAX_MANIFEST_ATTACHMENTS + 2);
    const many = await manyAttachments(device.id, MAX_MANIFEST_ATTACHMENTS + 1);
    const manyLayout = unpack(await encodeBundle({ revisions: many.revisions, attachments: many.files, device, encryption: { kind: 'none' } }));
    expect(manyLayout.manifest.formatMinor).toBe(2);
    expect((manyLayout.manifest.parts as { name: string }[]).map((part) => part.name)).toEqual(['revisions.ndjson', 'provenance.ndjson', 'attachments.ndjson']);
  });
});

describe('format 1.1 bundles with attachments in the manifest', () => {
  it('still decode, with the same attachments', async () => {
    const { revisions, files } = await manyAttachments(device.id, MAX_MANIFEST_ATTACHMENTS + 1);
    const current = unpack(await encodeBundle({ revisions, attachments: files, device, encryption: { kind: 'none' } }));
    const older = await decodeBundle(repack(await resign(asFormat11(current), device)));
    expect(older.manifest.formatMinor).toBe(1);
    expect([...older.attachments.keys()].sort()).toEqual([...(await decodeBundle(repack(current))).attachments.keys()].sort());
  });
});

describe('tampering with the attachment index', () => {
  let layout: Unpacked;
  beforeAll(async () => {
    const { revisions, files } = await manyAttachments(device.id, MAX_MANIFEST_ATTACHMENTS + 1);
    layout = unpack(await encodeBundle({ revisions, attachments: files, device, encryption: { kind: 'none' } }));
  });

  it('an index edited without re-signing fails its hash', async () => {
    const { lines } = indexLines(layout);
    const edited = lines.map((line, index) => (index === 0 ? line.replace(/"bytes":\d+/, '"bytes":99') : line)).join('\n') + '\n';
    await expectCode(repack(withIndex(layout, edited)), 'E_HASH_MISMATCH');
  });

  it('a re-signed index whose size or hash differs from the part is refused', async () => {
    const { lines } = indexLines(layout);
    const wrongSize = lines.map((line, index) => (index === 0 ? line.replace(/"bytes":\d+/, '"bytes":5') : line)).join('\n') + '\n';
    await expectCode(repack(await resign(withIndex(layout, wrongSize), device, { fixHashes: 'listed' })), 'E_HASH_MISMATCH');
    const swapped = [lines[1], lines[0], ...lines.slice(2)].join('\n') + '\n';
    await expectCode(repack(await resign(withIndex(layout, swapped), device, { fixHashes: 'listed' })), 'E_SCHEMA');
  });

  it('a part the index does not list, or an entry without its part, is refused', async () => {
    const { lines } = indexLines(layout);
    const shorter = lines.slice(0, -1).join('\n') + '\n';
    await expectCode(repack(await resign(withIndex(layout, shorter), device, { fixHashes: 'listed' })), 'E_HASH_MISMATCH');
    await expectCode(repack({ ...layout, parts: layout.parts.slice(0, -1) }), 'E_HASH_MISMATCH');
  });

  it('non-canonical, repeated, oversized, empty or unknown index lines are refused', async () => {
    const { lines } = indexLines(layout);
    const cases: [string, BundleErrorCode][] = [
      [lines.map((line) => line.replace(':', ': ')).join('\n') + '\n', 'E_SCHEMA'],
      [[lines[0], ...lines].join('\n') + '\n', 'E_SCHEMA'],
      [lines.join('\n'), 'E_SCHEMA'],
      ['', 'E_SCHEMA'],
      [lines.map((line) => line.replace('{', '{"name":"x",')).join('\n') + '\n', 'E_SCHEMA'],
      [`${'{"bytes":1,"sha256":"' + '0'.repeat(64) + '"}'.padEnd(200, ' ')}\n`, 'E_TOO_LARGE'],
    ];
    for (const [text, code] of cases) await expectCode(repack(await resign(withIndex(layout, text), device, { fixHashes: 'listed' })), code);
  });

  it('an index longer than the part limit is refused before its entries are kept', async () => {
    const line = (index: number): string => `{"bytes":1,"sha256":"${index.toString(16).padStart(64, '0')}"}\n`;
    const text = Array.from({ length: DEFAULT_LIMITS.maxParts + 1 }, (_, index) => line(index)).join('');
    await expectCode(repack(await resign(withIndex(layout, text), device, { fixHashes: 'listed' })), 'E_TOO_LARGE');
  });

  it('an attachment listed in the manifest of a 1.2 file, or an index in a 1.1 file, is refused', async () => {
    const older = asFormat11(layout);
    await expectCode(repack(await resign({ ...older, manifest: { ...older.manifest, formatMinor: 2 } }, device)), 'E_SCHEMA');
    await expectCode(repack(await resign({ ...layout, manifest: { ...layout.manifest, formatMinor: 1 } }, device)), 'E_SCHEMA');
  });

  it('a volume is refused in a 1.1 manifest and beyond its count', async () => {
    const volume = { setId: 'ab'.repeat(16), index: 3, count: 2 };
    await expectCode(repack(await resign({ ...layout, manifest: { ...layout.manifest, volume } }, device)), 'E_SCHEMA');
    const older = asFormat11(layout);
    await expectCode(repack(await resign({ ...older, manifest: { ...older.manifest, volume: { ...volume, index: 1 } } }, device)), 'E_SCHEMA');
  });
});

describe('bundle sets split at a size cap', () => {
  // A 2 GiB export would take minutes and gigabytes of memory in a unit test. The cap is a parameter of
  // the same code path, so 4 KiB per file over 60 files of 300 bytes exercises the split just as well.
  const cap = 4 * 1024;

  it('plans files within the cap and the part limit, in hash order', () => {
    const sizes = new Map(Array.from({ length: 10 }, (_, index) => [index.toString(16).padStart(64, '0'), 1_000] as const));
    const plan = planVolumes(sizes, 2_500);
    expect(plan.map((hashes) => hashes.length)).toEqual([2, 2, 2, 2, 2]);
    expect(plan.flat()).toEqual([...sizes.keys()].sort());
    expect(planVolumes(sizes, 100_000, 3).map((hashes) => hashes.length)).toEqual([3, 3, 3, 1]);
    expect(() => planVolumes(new Map([['a'.repeat(64), 5_000]]), 2_500)).toThrow(BundleError);
    expect(planVolumes(new Map(), 2_500)).toEqual([[]]);
  });

  it('writes self-contained files that each verify, carry every revision, and together carry all evidence', async () => {
    const { revisions, files } = await manyAttachments(device.id, 60, 300);
    const byHash = new Map(await Promise.all(files.map(async (file) => [toHex(await sha256(file)), file] as const)));
    const loads: number[] = [];
    const volumes = [];
    for await (const volume of encodeBundleSet({
      revisions,
      attachmentSizes: new Map([...byHash].map(([hash, file]) => [hash, file.length])),
      loadAttachments: async (hashes) => {
        loads.push(hashes.length);
        return hashes.map((hash) => byHash.get(hash)!);
      },
      volumeBytes: cap,
      device,
      encryption: { kind: 'none' },
    })) {
      volumes.push(volume);
    }
    expect(volumes.length).toBeGreaterThan(3);
    // Each file's evidence is read just before that file is made, never all at once.
    expect(Math.max(...loads)).toBeLessThanOrEqual(Math.floor(cap / 300));
    const seen = new Map<string, Uint8Array>();
    for (const [offset, volume] of volumes.entries()) {
      const decoded = await decodeBundle(volume.bytes);
      expect(decoded.manifest.volume).toEqual({ setId: volumes[0]!.setId, index: offset + 1, count: volumes.length });
      expect(decoded.revisions.length).toBe(revisions.length);
      for (const [hash, bytes] of decoded.attachments) {
        expect(seen.has(hash)).toBe(false);
        seen.set(hash, bytes);
      }
    }
    expect(new Set(seen.keys())).toEqual(new Set(byHash.keys()));
  });

  it('a set of one file is an ordinary bundle', async () => {
    const { revisions, files } = await manyAttachments(device.id, 2);
    const volumes = [];
    for await (const volume of encodeBundleSet({
      revisions,
      attachmentSizes: new Map(await Promise.all(files.map(async (file) => [toHex(await sha256(file)), file.length] as const))),
      loadAttachments: async () => files,
      device,
      encryption: { kind: 'none' },
    })) {
      volumes.push(volume);
    }
    expect(volumes).toHaveLength(1);
    expect((await decodeBundle(volumes[0]!.bytes)).manifest.volume).toBeUndefined();
  });
});
