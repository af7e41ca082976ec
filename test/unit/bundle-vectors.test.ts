/**
 * Frozen vectors: files written by each format version must keep decoding to the same values, forever. The
 * SHA-256 of every vector is pinned here, so a regenerated file fails even when it would decode.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeBundle, encodeBundle } from '../../core/bundle/index.ts';
import { currentValues } from '../../core/values/index.ts';
import { parseKeyFile } from '../../core/crypto/key-file.ts';
import { signerFromSeed } from '../fixtures/bundles/helpers.ts';
import { type VectorSummary, vectorSummary } from '../fixtures/bundles/vector-summary.ts';

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

const PINNED_SHA256: Readonly<Record<string, string>> = {
  'v1-open.citykpi': '1c01be5835b3c770a5ad1ecff9f5e877fa0d199b8ca2fdceae5a9a5fb7f5d9cc',
  'v1-recipients.citykpi': '95b50508188a506b96008c71f90cb18ddee04f7e8ab2ba140f844cfa20ecbbe7',
  'v1-passphrase.citykpi': '2f4077664f86bbafe7daada86e720c6e0293fc290c0883db977733fb1b8543c1',
  'v1-newer-minor.citykpi': '8df5ad6b60be91c1f3945416c8fbe03208fc817a45740be42838e36dbb0d785b',
  'v1.1-relay.citykpi': '78ec8f17594ca8365a5dcdbcce28e67623eca88a74322a97bd59fa08f56bf4f0',
  'v1.1-merge.citykpi': '2dfeacbb43075fe0afc8ed0ace514a29bab399b7c48356cc7444cae95739f548',
  'v1.1-merge-recipients.citykpi': '948a34645f39223f56e6fe76b498eccdacef2f9537f4f43d1e50ec647488f591',
  'v1.1-vectors.json': '1e8780af3eec50877a8fa333c401c7ca5222058f097a6e163be888aed620a006',
  'v1.2-set-1-of-3.citykpi': '44d52645befdfacdd35e5a500d1abf356ff5d3dcb95138cf2b1f7c763facfd6d',
  'v1.2-set-2-of-3.citykpi': 'fc5cca3079c8223977975b54829ecdebd857f9808339529cd41f4fd45a5faa65',
  'v1.2-set-3-of-3.citykpi': 'f6632e0fd5ba0b4713635184938da9527bb87bf7e95e5ba9145355a63c2ff71b',
  'v1.2-vectors.json': '17ce5d2b4923e37641a90703fda4a64773bd7ebfbcb2da9ed93a647bb6f44b7e',
};

describe('frozen vector files', () => {
  it.each(Object.entries(PINNED_SHA256))('%s is the file that was frozen', (name, sha256) => {
    expect(createHash('sha256').update(bytesOf(name)).digest('hex')).toBe(sha256);
  });
});

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

const vectors11 = JSON.parse(readFileSync(fixture('v1.1-vectors.json'), 'utf8')) as { relay: VectorSummary; merge: VectorSummary };

describe('frozen 1.1 test vectors (provenance)', () => {
  it('a laptop relaying another laptop’s revisions decodes with each revision bound to its maker', async () => {
    const relay = vectorSummary(await decodeBundle(bytesOf('v1.1-relay.citykpi')));
    expect(relay).toEqual(vectors11.relay);
    expect(new Set(Object.values(relay.origins).map((origin) => origin.proof))).toEqual(new Set(['signer', 'attestation']));
  });

  it('an office merge, open and encrypted, keeps both laptops’ attestations and its own', async () => {
    const keys = await parseKeyFile(readFileSync(fixture('vector-office.key'), 'utf8'));
    const open = await decodeBundle(bytesOf('v1.1-merge.citykpi'));
    const sealed = await decodeBundle(bytesOf('v1.1-merge-recipients.citykpi'), { identities: keys.identities.map((identity) => identity.secretText) });
    expect(vectorSummary(open)).toEqual(vectors11.merge);
    expect(vectorSummary(sealed)).toEqual(vectors11.merge);
    expect(sealed.envelope.kind).toBe('recipients');
    expect(new Set(Object.values(vectors11.merge.origins).map((origin) => origin.deviceId)).size).toBe(3);
  });

  it('a merged vector relayed again by another device keeps every origin', async () => {
    const merged = await decodeBundle(bytesOf('v1.1-merge.citykpi'));
    const relayer = await signerFromSeed(0x54, 'Another laptop');
    const again = await decodeBundle(
      await encodeBundle({ revisions: merged.revisions, attachments: merged.attachments.values(), attestations: merged.attestations, device: relayer, encryption: { kind: 'none' } }),
    );
    expect(vectorSummary(again).origins).toEqual(
      Object.fromEntries(Object.entries(vectors11.merge.origins).map(([id, origin]) => [id, { ...origin, proof: 'attestation' }])),
    );
  });
});

const vectors12 = JSON.parse(readFileSync(fixture('v1.2-vectors.json'), 'utf8')) as { set: (VectorSummary & { volume: unknown })[] };

describe('frozen 1.2 test vectors (attachment index, bundle set)', () => {
  it('each file of the set decodes alone to what was frozen, with every revision and its share of the evidence', async () => {
    expect(vectors12.set).toHaveLength(3);
    const evidence = new Set<string>();
    for (const [index, frozen] of vectors12.set.entries()) {
      const decoded = await decodeBundle(bytesOf(`v1.2-set-${index + 1}-of-3.citykpi`));
      expect({ ...vectorSummary(decoded), volume: decoded.manifest.volume }).toEqual(frozen);
      expect(decoded.manifest.parts.map((part) => part.name)).toContain('attachments.ndjson');
      for (const hash of decoded.attachments.keys()) evidence.add(hash);
    }
    expect(evidence.size).toBe(6);
  });
});
