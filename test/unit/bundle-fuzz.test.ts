/**
 * Mutation fuzzing of real bundles: byte flips, random bytes, truncations, insertions, deletions,
 * duplicated chunks and edited length fields. Every input must be either accepted or refused with a
 * BundleError carrying a known code: no other exception, no hang, and no change to the "database".
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_ERROR_CODES, BundleError, decodeBundle, encodeBundle, planImport } from '../../core/bundle/index.ts';
import type { DecodeBundleOptions } from '../../core/bundle/decode.ts';
import { generateOfficeKeyPair } from '../../core/crypto/office-keys.ts';
import type { Revision } from '../../core/revisions/types.ts';
import { unpack } from '../fixtures/bundles/forge.ts';
import { edit, evidenceEdit, sampleRevisions, signerFromSeed } from '../fixtures/bundles/helpers.ts';

type Mutation =
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'set'; at: number; value: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'delete'; at: number; count: number }
  | { kind: 'duplicate'; at: number; count: number }
  | { kind: 'length'; field: number; value: number }
  | { kind: 'append'; bytes: Uint8Array };

const position = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const mutationArb: fc.Arbitrary<Mutation[]> = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant('flip' as const), at: position.map((p) => p), bit: fc.integer({ min: 0, max: 7 }) }),
    fc.record({ kind: fc.constant('set' as const), at: position, value: fc.integer({ min: 0, max: 255 }) }),
    fc.record({ kind: fc.constant('truncate' as const), at: position }),
    fc.record({ kind: fc.constant('insert' as const), at: position, bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }) }),
    fc.record({ kind: fc.constant('delete' as const), at: position, count: fc.integer({ min: 1, max: 64 }) }),
    fc.record({ kind: fc.constant('duplicate' as const), at: position, count: fc.integer({ min: 1, max: 256 }) }),
    fc.record({
      kind: fc.constant('length' as const),
      field: fc.integer({ min: 0, max: 3 }),
      value: fc.oneof(fc.constantFrom(0, 1, 0xffffffff, 0x7fffffff, 65_536, 65_537), fc.integer({ min: 0, max: 0xffffffff })),
    }),
    fc.record({ kind: fc.constant('append' as const), bytes: fc.uint8Array({ minLength: 1, maxLength: 32 }) }),
  ),
  { minLength: 1, maxLength: 3 },
);

/** Offsets of the u32 length fields of an open container: manifest length, part count, first part length (low, high). */
function lengthOffsets(bytes: Uint8Array): number[] {
  const manifestLength = unpack(bytes).manifestBytes.length;
  const partCount = 12 + manifestLength + 1 + 32 + 1 + 64;
  return [8, partCount, partCount + 4, partCount + 8];
}

function mutate(original: Uint8Array, mutations: readonly Mutation[], offsets: readonly number[]): Uint8Array {
  let bytes = original.slice();
  for (const mutation of mutations) {
    const at = (p: number) => Math.floor(p * bytes.length);
    switch (mutation.kind) {
      case 'flip': {
        const index = at(mutation.at);
        if (bytes.length > 0) bytes[index]! ^= 1 << mutation.bit;
        break;
      }
      case 'set':
        if (bytes.length > 0) bytes[at(mutation.at)] = mutation.value;
        break;
      case 'truncate':
        bytes = bytes.slice(0, at(mutation.at));
        break;
      case 'insert': {
        const index = at(mutation.at);
        bytes = new Uint8Array([...bytes.subarray(0, index), ...mutation.bytes, ...bytes.subarray(index)]);
        break;
      }
      case 'delete': {
        const index = at(mutation.at);
        bytes = new Uint8Array([...bytes.subarray(0, index), ...bytes.subarray(index + mutation.count)]);
        break;
      }
      case 'duplicate': {
        const index = at(mutation.at);
        const chunk = bytes.subarray(index, index + mutation.count);
        bytes = new Uint8Array([...bytes.subarray(0, index), ...chunk, ...bytes.subarray(index)]);
        break;
      }
      case 'length': {
        const offset = offsets[mutation.field]!;
        if (offset + 4 <= bytes.length) new DataView(bytes.buffer, bytes.byteOffset).setUint32(offset, mutation.value, true);
        break;
      }
      case 'append':
        bytes = new Uint8Array([...bytes, ...mutation.bytes]);
        break;
    }
  }
  return bytes;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
}

/** The stand-in database: import = decode everything first, then add the new revisions. */
async function importInto(db: Map<string, Revision>, bytes: Uint8Array, options: DecodeBundleOptions): Promise<void> {
  const decoded = await decodeBundle(bytes, options);
  const byRecord = new Map<string, Revision[]>();
  for (const revision of db.values()) byRecord.set(revision.recordId, [...(byRecord.get(revision.recordId) ?? []), revision]);
  const plan = planImport(new Set(db.keys()), byRecord, decoded);
  for (const revision of plan.newRevisions) db.set(revision.id, revision);
}

const knownCodes = new Set<string>(BUNDLE_ERROR_CODES);

describe('mutation fuzzing', () => {
  let corpus: { name: string; bytes: Uint8Array; options: DecodeBundleOptions; offsets: number[]; runs: number }[];
  let baseline: Revision[];

  beforeAll(async () => {
    const device = await signerFromSeed(21);
    const office = await generateOfficeKeyPair();
    const revisions = await sampleRevisions(device.id);
    const extra = await edit(device.id, 'value:demo-2025:EC-ICT-ICT-1C:_', { numerator: 5 }, 9_000, [revisions[3]!.id]);
    const attachment = new TextEncoder().encode('photo bytes');
    const attached = await evidenceEdit(device.id, extra.recordId, [{ name: 'photo.txt', bytes: attachment }], 9_500, [extra.id]);
    const open = await encodeBundle({ revisions: [...revisions, extra, attached], attachments: [attachment], device, encryption: { kind: 'none' } });
    const small = await encodeBundle({ revisions: revisions.slice(0, 2), device, encryption: { kind: 'none' } });
    const sealed = await encodeBundle({ revisions, device, encryption: { kind: 'recipients', recipients: [office.publicText] } });
    const passphrase = await encodeBundle({ revisions, device, encryption: { kind: 'passphrase', passphrase: 'pw', workFactor: 4 } });
    corpus = [
      { name: 'open', bytes: open, options: {}, offsets: lengthOffsets(open), runs: 2_400 },
      { name: 'open-small', bytes: small, options: {}, offsets: lengthOffsets(small), runs: 1_000 },
      { name: 'recipients', bytes: sealed, options: { identities: [office.secretText] }, offsets: [30, 60, 90, 120], runs: 1_200 },
      { name: 'passphrase', bytes: passphrase, options: { passphrase: 'pw' }, offsets: [30, 60, 90, 120], runs: 400 },
    ];
    baseline = await sampleRevisions((await signerFromSeed(22)).id);
  });

  it('refuses every damaged bundle with a known code and leaves the database unchanged (5,000 mutations)', async () => {
    const tally = new Map<string, number>();
    let total = 0;
    for (const seed of corpus) {
      await fc.assert(
        fc.asyncProperty(mutationArb, async (mutations) => {
          const bytes = mutate(seed.bytes, mutations, seed.offsets);
          const db = new Map(baseline.map((revision) => [revision.id, revision]));
          const before = [...db.keys()].sort().join();
          try {
            await importInto(db, bytes, seed.options);
            // Only an input identical to the original may be accepted.
            expect(sameBytes(bytes, seed.bytes)).toBe(true);
          } catch (error) {
            if (!(error instanceof BundleError)) throw error;
            expect(knownCodes.has(error.code)).toBe(true);
            expect(error.message).not.toMatch(/\n/);
            expect([...db.keys()].sort().join()).toBe(before);
            tally.set(error.code, (tally.get(error.code) ?? 0) + 1);
          }
          total++;
        }),
        { numRuns: seed.runs, seed: 20_261_128, endOnFailure: true },
      );
    }
    expect(total).toBeGreaterThanOrEqual(5_000);
    // The fuzzer must reach deep checks, not only the magic bytes.
    for (const code of ['E_SIGNATURE', 'E_HASH_MISMATCH', 'E_TRUNCATED', 'E_DECRYPT_FAILED', 'E_TOO_LARGE', 'E_MALFORMED']) {
      expect(tally.get(code) ?? 0, code).toBeGreaterThan(0);
    }
  }, 60_000);

  it('applies an intact bundle to the database, and a second time changes nothing', async () => {
    const seed = corpus[0]!;
    const db = new Map(baseline.map((revision) => [revision.id, revision]));
    await importInto(db, seed.bytes, seed.options);
    expect(db.size).toBe(baseline.length + 7);
    const snapshot = [...db.keys()].sort().join();
    await importInto(db, seed.bytes, seed.options);
    expect([...db.keys()].sort().join()).toBe(snapshot);
  });
});
