import { describe, expect, it } from 'vitest';
import { BundleError, DEFAULT_LIMITS, bundleKindOf, decodeBundle, encodeBundle } from '../../core/bundle/index.ts';
import { scanAgeHeader } from '../../core/bundle/age-layer.ts';
import { generateOfficeKeyPair } from '../../core/crypto/office-keys.ts';
import { toBase64Url } from '../../core/crypto/bytes.ts';
import { evidenceEdit, sampleRevisions, signerFromSeed } from '../fixtures/bundles/helpers.ts';

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(BundleError);
    return (error as BundleError).code;
  }
  return 'ok';
}

describe('bundle round trip', () => {
  it('keeps every revision and attachment of an open, signed bundle', async () => {
    const device = await signerFromSeed(1);
    const sample = await sampleRevisions(device.id);
    const attachment = new TextEncoder().encode('evidence scan');
    const attached = await evidenceEdit(device.id, sample[3]!.recordId, [{ name: 'scan.txt', bytes: attachment }], 6_000, [sample[3]!.id]);
    const revisions = [...sample, attached];
    const bytes = await encodeBundle({ revisions, attachments: [attachment], device, encryption: { kind: 'none' } });
    expect(bundleKindOf(bytes)).toBe('open');
    const decoded = await decodeBundle(bytes);
    expect(decoded.revisions).toEqual([...revisions].sort((a, b) => (a.id < b.id ? -1 : 1)));
    expect([...decoded.attachments.values()]).toEqual([attachment]);
    expect(decoded.signer.known).toBe(false);
    expect(decoded.signer.fingerprint).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){4}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(decoded.manifest.scope).toEqual({ cityIds: ['demo-city'], assessmentIds: ['demo-2025'] });
    expect(decoded.manifest.catalogueIds).toEqual(['u4ssc-2017']);
    expect(decoded.manifest.counts).toEqual({ revisions: 6, records: 4, attachments: 1 });
    expect(decoded.envelope).toEqual({ kind: 'none' });
  });

  it('encrypts to office and recovery keys; either one alone decrypts', async () => {
    const device = await signerFromSeed(2);
    const revisions = await sampleRevisions(device.id);
    const office = await generateOfficeKeyPair();
    const recovery = await generateOfficeKeyPair();
    const progress: number[] = [];
    const bytes = await encodeBundle({
      revisions,
      device,
      encryption: { kind: 'recipients', recipients: [office.publicText, recovery.publicText] },
      onProgress: ({ fraction }) => progress.push(fraction),
    });
    expect(bundleKindOf(bytes)).toBe('encrypted');
    expect(progress.at(-1)).toBe(1);
    expect(new TextDecoder('latin1').decode(bytes)).not.toContain('demo-city');
    for (const identity of [office.secretText, recovery.secretText]) {
      const decoded = await decodeBundle(bytes, { identities: [identity], trustedSigners: () => 'trusted' });
      expect(decoded.revisions).toHaveLength(5);
      expect(decoded.signer.known).toBe(true);
      expect(decoded.envelope.kind).toBe('recipients');
    }
    expect(await codeOf(decodeBundle(bytes))).toBe('E_NOT_FOR_THIS_RECIPIENT');
    const stranger = await generateOfficeKeyPair();
    expect(await codeOf(decodeBundle(bytes, { identities: [stranger.secretText] }))).toBe('E_NOT_FOR_THIS_RECIPIENT');
  });

  it('uses age\'s default scrypt work factor, 2^18, for a passphrase bundle', async () => {
    const device = await signerFromSeed(3);
    const revisions = await sampleRevisions(device.id);
    const bytes = await encodeBundle({ revisions, device, encryption: { kind: 'passphrase', passphrase: 'correct horse battery staple' } });
    expect(scanAgeHeader(bytes, DEFAULT_LIMITS).scryptLogN).toBe(18);
  }, 60_000);

  it('encrypts with a passphrase and asks for it', async () => {
    const device = await signerFromSeed(3);
    const revisions = await sampleRevisions(device.id);
    const bytes = await encodeBundle({ revisions, device, encryption: { kind: 'passphrase', passphrase: 'correct horse', workFactor: 10 } });
    expect(await codeOf(decodeBundle(bytes))).toBe('E_PASSPHRASE_REQUIRED');
    expect(await codeOf(decodeBundle(bytes, { passphrase: 'wrong horse' }))).toBe('E_PASSPHRASE_REQUIRED');
    const decoded = await decodeBundle(bytes, { passphrase: 'correct horse' });
    expect(decoded.revisions).toHaveLength(5);
    expect(decoded.envelope).toEqual({ kind: 'passphrase' });
  });

  it('holds or rejects an unknown signer as asked', async () => {
    const device = await signerFromSeed(4);
    const bytes = await encodeBundle({ revisions: await sampleRevisions(device.id), device, encryption: { kind: 'none' } });
    const enrolled = toBase64Url(device.publicKey);
    const trust = (key: Uint8Array) => (toBase64Url(key) === enrolled ? 'trusted' : 'unknown') as 'trusted' | 'unknown';
    expect((await decodeBundle(bytes, { trustedSigners: trust, unknownSigner: 'reject' })).signer.known).toBe(true);
    expect(await codeOf(decodeBundle(bytes, { trustedSigners: () => 'unknown', unknownSigner: 'reject' }))).toBe('E_UNKNOWN_SIGNER');
    expect((await decodeBundle(bytes, { trustedSigners: () => 'unknown' })).signer.known).toBe(false);
  });

  it('is byte-for-byte reproducible when id and date are fixed', async () => {
    const device = await signerFromSeed(5);
    const revisions = await sampleRevisions(device.id);
    const fixed = { bundleId: '00112233445566778899aabbccddeeff', createdAt: '2026-01-02T03:04:05Z' };
    const a = await encodeBundle({ revisions, device, encryption: { kind: 'none' }, ...fixed });
    const b = await encodeBundle({ revisions: [...revisions].reverse(), device, encryption: { kind: 'none' }, ...fixed });
    expect(a).toEqual(b);
  });
});

describe('export refuses what an import would refuse', () => {
  it('rejects a revision whose id does not match, an over-long note and an over-long device name', async () => {
    const device = await signerFromSeed(6);
    const revisions = await sampleRevisions(device.id);
    const forged = { ...revisions[0]!, fields: { name: 'Other' } };
    expect(await codeOf(encodeBundle({ revisions: [forged], device, encryption: { kind: 'none' } }))).toBe('E_HASH_MISMATCH');
    const { edit } = await import('../fixtures/bundles/helpers.ts');
    const longNote = await edit(device.id, 'value:demo-2025:K:_', { note: 'x'.repeat(10_001) }, 1);
    expect(await codeOf(encodeBundle({ revisions: [longNote], device, encryption: { kind: 'none' } }))).toBe('E_TOO_LARGE');
    const badField = await edit(device.id, 'value:demo-2025:K:_', { 'bad name': 1 }, 1);
    expect(await codeOf(encodeBundle({ revisions: [badField], device, encryption: { kind: 'none' } }))).toBe('E_SCHEMA');
    expect(await codeOf(encodeBundle({ revisions, device: { ...device, name: 'n'.repeat(201) }, encryption: { kind: 'none' } }))).toBe('E_SCHEMA');
  });
});
