/**
 * Structured fuzzing of what sits inside a validly signed bundle (the signer itself is hostile or
 * buggy), and round trips of arbitrary Unicode text.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_ERROR_CODES, BundleError, decodeBundle, encodeBundle } from '../../core/bundle/index.ts';
import type { BundleSigner } from '../../core/bundle/encode.ts';
import { utf8 } from '../../core/crypto/bytes.ts';
import { repack, resign, unpack } from '../fixtures/bundles/forge.ts';
import { edit, signerFromSeed } from '../fixtures/bundles/helpers.ts';

let device: BundleSigner;
let template: ReturnType<typeof unpack>;

beforeAll(async () => {
  device = await signerFromSeed(41);
  const revision = await edit(device.id, 'value:a1:EC-ICT-ICT-1C:_', { directValue: 1 }, 1);
  template = unpack(await encodeBundle({ revisions: [revision], device, encryption: { kind: 'none' } }));
});

const hostileKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'id', 'fields', 'parents', '');
const hostileJson = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.jsonValue({ maxDepth: 3 }),
    fc.string({ unit: 'binary', maxLength: 30 }),
    fc.constantFrom(2 ** 53 + 1, -0, 1e308, '\ud800', 'x'.repeat(10_001)),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(hostileKey, fc.string({ maxLength: 8 })), tie('value'), { maxKeys: 5 }),
  ),
})).value;

describe('hostile content in a validly signed bundle', () => {
  it('rejects every malformed revision line with a known code and no prototype pollution', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(hostileJson, { minLength: 1, maxLength: 3 }), fc.boolean(), async (lines, rawProto) => {
        let text = lines.map((line) => JSON.stringify(line) ?? 'null').join('\n') + '\n';
        if (rawProto) text = text.replace('{', '{"__proto__":{"polluted":true},');
        const signed = await resign({ ...template, parts: [utf8.encode(text)] }, device, { fixHashes: true });
        try {
          await decodeBundle(repack(signed));
          throw new Error('a hostile revision line was accepted');
        } catch (error) {
          if (!(error instanceof BundleError)) throw error;
          expect(BUNDLE_ERROR_CODES).toContain(error.code);
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 300, seed: 13 },
    );
  });
});

describe('text round trip', () => {
  it('keeps any well-formed Unicode text byte-identical', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 20 }), async (note, author) => {
        const revision = await edit(device.id, 'value:a1:EC-ICT-ICT-1C:_', { note }, 1, [], author);
        const decoded = await decodeBundle(await encodeBundle({ revisions: [revision], device, encryption: { kind: 'none' } }));
        expect(decoded.revisions[0]!.fields.note).toBe(note);
        expect(decoded.revisions[0]!.author).toBe(author);
      }),
      { numRuns: 200, seed: 14 },
    );
  });
});
