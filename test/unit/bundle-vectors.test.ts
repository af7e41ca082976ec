/** Frozen v1 vectors: files written by this format version must keep decoding to the same values. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeBundle, encodeBundle } from '../../core/bundle/index.ts';
import { currentValues } from '../../core/values/index.ts';
import { parseKeyFile } from '../../core/crypto/key-file.ts';
import { signerFromSeed } from '../fixtures/bundles/helpers.ts';

const fixture = (name: string) => new URL(`../fixtures/bundles/${name}`, import.meta.url);
const bytesOf = (name: string) => new Uint8Array(readFileSync(fixture(name)));
const vectors = JSON.parse(readFileSync(fixture('vectors.json'), 'utf8')) as {
  bundleId: string;
  fingerprint: string;
  revisions: number;
  passphrase: string;
  newerMinor: { bundleId: string; formatMinor: number; extensions: Record<string, unknown>; parts: string[] };
};
const expectedValues: unknown = JSON.parse(readFileSync(fixture('v1-demo-seed7.values.json'), 'utf8'));

describe('frozen v1 test vectors', () => {
  it('open, recipient-encrypted and passphrase bundles decode to the recorded values', async () => {
    const keys = await parseKeyFile(readFileSync(fixture('vector-office.key'), 'utf8'));
    const decoded = [
      await decodeBundle(bytesOf('v1-open.citykpi')),
      await decodeBundle(bytesOf('v1-recipients.citykpi'), { identities: keys.identities.map((identity) => identity.secretText) }),
      await decodeBundle(bytesOf('v1-passphrase.citykpi'), { passphrase: vectors.passphrase }),
    ];
    for (const bundle of decoded) {
      expect(bundle.manifest.bundleId).toBe(vectors.bundleId);
      expect(bundle.signer.fingerprint).toBe(vectors.fingerprint);
      expect(bundle.revisions).toHaveLength(vectors.revisions);
      expect(JSON.parse(JSON.stringify(currentValues(bundle.revisions)))).toEqual(expectedValues);
    }
    expect(decoded.map((bundle) => bundle.envelope.kind)).toEqual(['none', 'recipients', 'passphrase']);
  });

  it('a bundle of a newer minor version keeps its unknown fields and parts through re-export', async () => {
    const decoded = await decodeBundle(bytesOf('v1-newer-minor.citykpi'));
    expect(decoded.manifest.bundleId).toBe(vectors.newerMinor.bundleId);
    expect(decoded.manifest.extensions).toEqual(vectors.newerMinor.extensions);
    expect(decoded.extensions.parts.map((part) => part.name)).toEqual(vectors.newerMinor.parts);
    const reexported = await decodeBundle(
      await encodeBundle({ revisions: decoded.revisions, device: await signerFromSeed(9), encryption: { kind: 'none' }, extensions: decoded.extensions }),
    );
    expect(reexported.manifest.formatMinor).toBe(vectors.newerMinor.formatMinor);
    expect(reexported.manifest.extensions).toEqual(vectors.newerMinor.extensions);
    expect(reexported.extensions.parts).toEqual(decoded.extensions.parts);
  });
});
