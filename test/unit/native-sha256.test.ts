/** Node's SHA-256, which the CLI hands core: the same digests and the same refusals as the JavaScript one. */
import { describe, expect, it } from 'vitest';
import { nodeSha256 } from '../../cli/node-sha256.ts';
import { decodeBundle, encodeBundle } from '../../core/bundle/index.ts';
import { DEFAULT_LIMITS } from '../../core/bundle/limits.ts';
import { decodeRevisionsPart, encodeRevisionsPart } from '../../core/bundle/revisions-part.ts';
import type { Sha256Hex } from '../../core/crypto/bytes.ts';
import { createRevision, sha256Hex, verifyRevisionId } from '../../core/revisions/revision-id.ts';
import { evidenceEdit, sampleRevisions, signerFromSeed } from '../fixtures/bundles/helpers.ts';

/** The sample revisions and one attaching `file`, so that the bundle has every kind of part. */
async function withEvidence(device: string, file: Uint8Array) {
  const sample = await sampleRevisions(device);
  return [...sample, await evidenceEdit(device, sample[3]!.recordId, [{ name: 'scan.txt', bytes: file }], 6_000, [sample[3]!.id])];
}

function counted(digest: Sha256Hex): { digest: Sha256Hex; calls: () => number } {
  let calls = 0;
  return {
    digest: (bytes) => {
      calls++;
      return digest(bytes);
    },
    calls: () => calls,
  };
}

describe('nodeSha256', () => {
  it('gives the JavaScript digest, for a view into a larger buffer too', () => {
    const buffer = new Uint8Array(300_000).map((_, index) => (index * 7919) % 251);
    const inputs = [new Uint8Array(0), new TextEncoder().encode('abc'), buffer, buffer.subarray(13, 200_013), buffer.subarray(64, 64)];
    for (const bytes of inputs) expect(nodeSha256(bytes)).toBe(sha256Hex(bytes));
    expect(nodeSha256(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('bundles read and written with the native digest', () => {
  it('decode to the same result, with every revision id, part and the file hashed by it', async () => {
    const device = await signerFromSeed(31);
    const file = new Uint8Array([1, 2, 3]);
    const revisions = await withEvidence(device.id, file);
    const bytes = await encodeBundle({ revisions, device, encryption: { kind: 'none' }, attachments: [file] });
    const native = counted(nodeSha256);
    const read = await decodeBundle(bytes, { nativeSha256: native.digest });
    const portable = await decodeBundle(bytes);
    expect(read.revisions).toEqual(portable.revisions);
    expect(read.fileSha256).toBe(portable.fileSha256);
    expect([...read.attachments.keys()]).toEqual([...portable.attachments.keys()]);
    // The file, the revisions, provenance and attachment parts, and one id per revision.
    expect(native.calls()).toBe(1 + 3 + revisions.length);
  });

  it('encode to the same bytes', async () => {
    const device = await signerFromSeed(32);
    const file = new Uint8Array([4, 5]);
    const revisions = await withEvidence(device.id, file);
    const input = { revisions, device, encryption: { kind: 'none' }, attachments: [file], bundleId: 'b'.repeat(32), createdAt: '2025-01-01T00:00:00Z' } as const;
    expect(await encodeBundle({ ...input, nativeSha256: nodeSha256 })).toEqual(await encodeBundle(input));
  });

  it('is the digest the ids are checked with', async () => {
    const device = await signerFromSeed(33);
    const bytes = await encodeBundle({ revisions: await sampleRevisions(device.id), device, encryption: { kind: 'none' } });
    const wrong: Sha256Hex = (input) => nodeSha256(new Uint8Array([...input, 0]));
    await expect(decodeBundle(bytes, { nativeSha256: wrong })).rejects.toMatchObject({ code: 'E_HASH_MISMATCH' });
    await expect(encodeBundle({ revisions: await sampleRevisions(device.id), device, encryption: { kind: 'none' }, nativeSha256: wrong })).rejects.toMatchObject({
      code: 'E_HASH_MISMATCH',
    });
  });
});

describe('revision ids checked with the native digest', () => {
  it('accepts long and non-ASCII lines and refuses one changed byte in them', async () => {
    const made = await Promise.all(
      ['x'.repeat(5_000), 'Fátima — 北京 — نص عربي'].map((note, index) =>
        createRevision({ recordId: 'value:a1:EC-ICT-ICT-1C:_', fields: { note }, author: 'Fátima', deviceId: 'device-1', hlc: `00176431680000${index}-0000-device-1`, parents: [] }),
      ),
    );
    const sorted = made.sort((a, b) => (a.id < b.id ? -1 : 1));
    for (const revision of sorted) expect(verifyRevisionId(revision, nodeSha256)).toBe(true);
    const bytes = encodeRevisionsPart(sorted, DEFAULT_LIMITS, false, nodeSha256);
    expect(await decodeRevisionsPart(bytes, DEFAULT_LIMITS, false, nodeSha256)).toEqual(sorted);
    for (const [from, to] of [['xxxxx', 'xxxxy'], ['Fátima —', 'Fátimb —']] as const) {
      const changed = new TextEncoder().encode(new TextDecoder().decode(bytes).replace(from, to));
      expect(changed.length).toBe(bytes.length);
      await expect(decodeRevisionsPart(changed, DEFAULT_LIMITS, false, nodeSha256)).rejects.toMatchObject({ code: 'E_HASH_MISMATCH' });
    }
  });
});
