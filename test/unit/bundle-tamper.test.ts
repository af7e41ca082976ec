/** The tamper and forgery matrix: every altered, forged or oversized bundle is refused with its code. */
import { beforeAll, describe, expect, it } from 'vitest';
import { BundleError, type BundleErrorCode, FORMAT_MINOR, decodeBundle, encodeBundle } from '../../core/bundle/index.ts';
import type { DecodeBundleOptions } from '../../core/bundle/decode.ts';
import { generateOfficeKeyPair, type OfficeKeyPair } from '../../core/crypto/office-keys.ts';
import { toBase64Url, utf8 } from '../../core/crypto/bytes.ts';
import { canonicalJson, canonicalJsonBytes } from '../../core/revisions/canonical-json.ts';
import { sha256Hex } from '../../core/revisions/revision-id.ts';
import type { Revision } from '../../core/revisions/types.ts';
import type { BundleSigner } from '../../core/bundle/encode.ts';
import { SEALED_MAGIC_PREFIX, ageDecrypt, ageEncrypt, asFormat11, repack, resign, unpack } from '../fixtures/bundles/forge.ts';
import { sampleRevisions, signerFromSeed } from '../fixtures/bundles/helpers.ts';

async function refusal(bytes: Uint8Array, options: DecodeBundleOptions = {}): Promise<BundleError> {
  try {
    await decodeBundle(bytes, options);
  } catch (error) {
    if (error instanceof BundleError) return error;
    throw error;
  }
  throw new Error('the bundle was accepted');
}

async function expectCode(bytes: Uint8Array, code: BundleErrorCode, options: DecodeBundleOptions = {}): Promise<void> {
  expect((await refusal(bytes, options)).code).toBe(code);
}

let device: BundleSigner;
let stranger: BundleSigner;
let office: OfficeKeyPair;
let otherOffice: OfficeKeyPair;
let revisions: Revision[];
let open: Uint8Array;
let sealed: Uint8Array;

beforeAll(async () => {
  device = await signerFromSeed(11);
  stranger = await signerFromSeed(12);
  office = await generateOfficeKeyPair();
  otherOffice = await generateOfficeKeyPair();
  revisions = await sampleRevisions(device.id);
  open = await encodeBundle({ revisions, device, encryption: { kind: 'none' } });
  sealed = await encodeBundle({ revisions, device, encryption: { kind: 'recipients', recipients: [office.publicText] } });
});

function flipped(bytes: Uint8Array, index: number): Uint8Array {
  const copy = bytes.slice();
  copy[index]! ^= 0x01;
  return copy;
}

describe('open (signed, unencrypted) bundles', () => {
  it('refuses a flipped byte in the manifest, signature, signer key or a part', async () => {
    const layout = unpack(open);
    const manifestStart = 12;
    await expectCode(flipped(open, manifestStart + 20), 'E_SIGNATURE');
    const signatureStart = manifestStart + layout.manifestBytes.length + 1 + 32 + 1;
    await expectCode(flipped(open, signatureStart + 5), 'E_SIGNATURE');
    await expectCode(flipped(open, signatureStart - 10), 'E_SIGNATURE');
    await expectCode(flipped(open, open.length - 40), 'E_HASH_MISMATCH');
  });

  it('refuses truncation at every tenth byte and trailing garbage', async () => {
    for (let length = 0; length < open.length; length += 10) {
      const code = (await refusal(open.subarray(0, length))).code;
      expect(['E_TRUNCATED', 'E_NOT_A_BUNDLE']).toContain(code);
      if (length >= 8) expect(code).toBe('E_TRUNCATED');
    }
    await expectCode(new Uint8Array([...open, 0]), 'E_MALFORMED');
  });

  it('refuses a part whose hash differs from the signed manifest, even when validly signed', async () => {
    const layout = unpack(open);
    const parts = (layout.manifest.parts as { sha256: string }[]).map((part) => ({ ...part, sha256: '0'.repeat(64) }));
    const forged = await resign({ ...layout, manifest: { ...layout.manifest, parts } }, device);
    await expectCode(repack(forged), 'E_HASH_MISMATCH');
  });

  it('refuses, even when validly signed, a 1.1 attachment part not named by the hash of its bytes', async () => {
    const evidence = utf8.encode('%PDF-1.7 household survey');
    const layout = asFormat11(unpack(await encodeBundle({ revisions, attachments: [evidence], device, encryption: { kind: 'none' } })));
    const parts = (layout.manifest.parts as { name: string; sha256: string }[]).map((part) =>
      part.name.startsWith('att-') ? { ...part, name: `att-${'ab'.repeat(32)}` } : part,
    );
    expect(parts.some((part) => part.name === `att-${'ab'.repeat(32)}`)).toBe(true);
    await expectCode(repack(await resign({ ...layout, manifest: { ...layout.manifest, parts } }, device)), 'E_HASH_MISMATCH');
  });

  it('refuses an edited value whose part hash was fixed but whose signature is the old one', async () => {
    const layout = unpack(open);
    const text = new TextDecoder().decode(layout.parts[0]).replace('"numerator":820', '"numerator":999');
    expect(text).toContain('999');
    const edited = await resign({ ...layout, parts: [utf8.encode(text)] }, device, { fixHashes: true });
    await expectCode(repack({ ...edited, signature: layout.signature }), 'E_SIGNATURE');
  });

  it('refuses an edited revision re-signed by its own device: the revision id no longer matches', async () => {
    const layout = unpack(open);
    const text = new TextDecoder().decode(layout.parts[0]).replace('"numerator":820', '"numerator":999');
    await expectCode(repack(await resign({ ...layout, parts: [utf8.encode(text)] }, device, { fixHashes: true })), 'E_HASH_MISMATCH');
  });

  it('refuses a manifest that names a different device key than the signer', async () => {
    const layout = unpack(open);
    await expectCode(repack(await resign(layout, stranger)), 'E_SIGNATURE');
  });

  it('holds a validly signed bundle from an unknown signer, and rejects it when asked to', async () => {
    const own = await encodeBundle({ revisions: await sampleRevisions(stranger.id), device: stranger, encryption: { kind: 'none' } });
    const enrolled = toBase64Url(device.publicKey);
    const trustedSigners = (key: Uint8Array) => (toBase64Url(key) === enrolled ? 'trusted' : 'unknown');
    expect((await decodeBundle(own, { trustedSigners })).signer.known).toBe(false);
    await expectCode(own, 'E_UNKNOWN_SIGNER', { trustedSigners, unknownSigner: 'reject' });
  });

  it('refuses a future major version with the version it needs', async () => {
    const layout = unpack(open);
    const byMagic = await refusal(repack(layout, undefined, 2));
    expect(byMagic.code).toBe('E_UNSUPPORTED_VERSION');
    expect(byMagic.details.version).toBe(2);
    const byManifest = await refusal(repack(await resign({ ...layout, manifest: { ...layout.manifest, formatVersion: 3 } }, device)));
    expect(byManifest.code).toBe('E_UNSUPPORTED_VERSION');
    expect(byManifest.message).toContain('3');
  });

  it('refuses unknown fields of the same minor version, keeps those of a newer minor through re-export', async () => {
    const layout = unpack(open);
    await expectCode(repack(await resign({ ...layout, manifest: { ...layout.manifest, workshop: 'x' } }, device)), 'E_SCHEMA');

    const newer = { ...layout.manifest, formatMinor: FORMAT_MINOR + 1, workshop: { id: 'ws-1', room: 'B' } };
    const decoded = await decodeBundle(repack(await resign({ ...layout, manifest: newer }, device)));
    expect(decoded.manifest.extensions).toEqual({ workshop: { id: 'ws-1', room: 'B' } });
    const again = await decodeBundle(
      await encodeBundle({ revisions: decoded.revisions, device, encryption: { kind: 'none' }, extensions: decoded.extensions }),
    );
    expect(again.manifest.extensions).toEqual({ workshop: { id: 'ws-1', room: 'B' } });
    expect(again.manifest.formatMinor).toBe(FORMAT_MINOR + 1);
  });

  it('keeps known names strict at a newer minor: a malformed attachment part is refused, not kept as an extension', async () => {
    const bytes = await encodeBundle({
      revisions,
      device,
      encryption: { kind: 'none' },
      extensions: { formatMinor: FORMAT_MINOR + 1, manifest: {}, parts: [{ name: 'att-not-a-hash', bytes: utf8.encode('<html>') }] },
    });
    await expectCode(bytes, 'E_SCHEMA');
  });

  it('keeps unknown revision properties and parts of a newer minor version, verified by the revision id', async () => {
    const { id: _oldId, ...content } = revisions[0]!;
    const futureContent = { ...content, confidence: 'high' };
    const future = { id: sha256Hex(canonicalJsonBytes(futureContent)), ...futureContent } as Revision;
    const bytes = await encodeBundle({
      revisions: [future],
      device,
      encryption: { kind: 'none' },
      extensions: { formatMinor: FORMAT_MINOR + 2, manifest: {}, parts: [{ name: 'photos.index', bytes: utf8.encode('[]') }] },
    });
    const decoded = await decodeBundle(bytes);
    expect((decoded.revisions[0] as unknown as Record<string, unknown>).confidence).toBe('high');
    expect(decoded.extensions.parts.map((part) => part.name)).toEqual(['photos.index']);

    await expect(encodeBundle({ revisions: [future], device, encryption: { kind: 'none' } })).rejects.toMatchObject({ code: 'E_SCHEMA' });
    const layout = unpack(bytes);
    await expectCode(repack(await resign({ ...layout, manifest: { ...layout.manifest, formatMinor: 0, parts: (layout.manifest.parts as unknown[]).slice(0, 1) }, parts: layout.parts.slice(0, 1) }, device)), 'E_SCHEMA');
  });

  it('refuses __proto__, duplicate keys, invalid UTF-8 and lone surrogates in signed content', async () => {
    const layout = unpack(open);
    const manifestText = canonicalJson(layout.manifest);
    const withProto = utf8.encode(manifestText.replace('{', '{"__proto__":{"polluted":1},'));
    const withDuplicate = utf8.encode(manifestText.replace('{', '{"since":null,'));
    for (const manifestBytes of [withProto, withDuplicate]) {
      const forged = await resign(layout, device);
      const signed = await resignBytes(forged, manifestBytes);
      await expectCode(repack(signed), 'E_SCHEMA');
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    const badUtf8 = new Uint8Array([...layout.parts[0]!.subarray(0, 30), 0xc3, 0x28, ...layout.parts[0]!.subarray(30)]);
    await expectCode(repack(await resign({ ...layout, parts: [badUtf8] }, device, { fixHashes: true })), 'E_MALFORMED_UTF8');
    const surrogate = utf8.encode(new TextDecoder().decode(layout.parts[0]).replace('Démoville', 'D\\ud800moville'));
    await expectCode(repack(await resign({ ...layout, parts: [surrogate] }, device, { fixHashes: true })), 'E_MALFORMED_UTF8');
  });

  async function resignBytes(layout: ReturnType<typeof unpack>, manifestBytes: Uint8Array) {
    const { sign, SIGNING_DOMAINS } = await import('../../core/crypto/signing.ts');
    return { ...layout, manifestBytes, signature: await sign(device.privateKey, SIGNING_DOMAINS.bundleManifest, manifestBytes) };
  }

  it('refuses what exceeds the limits, before reading it', async () => {
    await expectCode(open, 'E_TOO_LARGE', { limits: { maxFileBytes: open.length - 1 } });
    await expectCode(open, 'E_TOO_LARGE', { limits: { maxManifestBytes: 100 } });
    await expectCode(open, 'E_TOO_LARGE', { limits: { maxPartBytes: 100 } });
    await expectCode(open, 'E_TOO_LARGE', { limits: { maxRevisions: 4 } });
    await expectCode(open, 'E_TOO_LARGE', { limits: { maxLineBytes: 200 } });
    await expectCode(open, 'E_TOO_LARGE', { limits: { maxStringLength: 10 } });
    await expectCode(open, 'E_TOO_LARGE', { limits: { maxParts: 0 } });

    const hugeManifest = open.slice();
    new DataView(hugeManifest.buffer).setUint32(8, 0xffffffff, true);
    await expectCode(hugeManifest, 'E_TOO_LARGE');

    const layout = unpack(open);
    const deep = { ...layout.manifest, formatMinor: 1, deep: JSON.parse('['.repeat(20) + ']'.repeat(20)) };
    await expectCode(repack(await resign({ ...layout, manifest: deep }, device)), 'E_TOO_LARGE');

    const manyParts = repack(layout);
    const partCountOffset = 12 + layout.manifestBytes.length + 1 + 32 + 1 + 64;
    new DataView(manyParts.buffer).setUint32(partCountOffset, 4_000_000_000, true);
    await expectCode(manyParts, 'E_TOO_LARGE');
    const hugePart = repack(layout);
    new DataView(hugePart.buffer).setUint32(partCountOffset + 8, 0x7fffffff, true);
    await expectCode(hugePart, 'E_TOO_LARGE');
  });

  it('refuses files that are not bundles', async () => {
    await expectCode(utf8.encode('PK\u0003\u0004 this is a zip'), 'E_NOT_A_BUNDLE');
    await expectCode(new Uint8Array(), 'E_TRUNCATED');
    await expectCode(utf8.encode('age-encr'), 'E_TRUNCATED');
  });
});

describe('encrypted bundles', () => {
  it('refuses a flipped byte anywhere in the payload and any truncation', async () => {
    for (const index of [sealed.length - 1, sealed.length - 100, sealed.length - 17, Math.floor(sealed.length / 2) + 100]) {
      await expectCode(flipped(sealed, index), 'E_DECRYPT_FAILED', { identities: [office.secretText] });
    }
    for (const length of [sealed.length - 1, sealed.length - 16, sealed.length - 500]) {
      await expectCode(sealed.subarray(0, length), 'E_DECRYPT_FAILED', { identities: [office.secretText] });
    }
    await expectCode(sealed.subarray(0, 60), 'E_TRUNCATED', { identities: [office.secretText] });
  });

  it('refuses a bundle addressed to another office', async () => {
    await expectCode(sealed, 'E_NOT_FOR_THIS_RECIPIENT', { identities: [otherOffice.secretText] });
    await expectCode(sealed, 'E_NOT_FOR_THIS_RECIPIENT');
  });

  it('refuses re-encryption to another key with the old signature (recipients are signed)', async () => {
    const inner = await ageDecrypt(sealed, office.secretText);
    const reencrypted = await ageEncrypt(inner, otherOffice.publicText);
    await expectCode(reencrypted, 'E_RECIPIENT_MISMATCH', { identities: [otherOffice.secretText] });
  });

  it('refuses an open bundle wrapped in encryption to the office key', async () => {
    const inner = repack(unpack(open), SEALED_MAGIC_PREFIX);
    await expectCode(await ageEncrypt(inner, office.publicText), 'E_RECIPIENT_MISMATCH', { identities: [office.secretText] });
  });

  it('refuses a value edited inside, re-hashed and re-encrypted to the public office key with the old signature', async () => {
    const layout = unpack(await ageDecrypt(sealed, office.secretText), SEALED_MAGIC_PREFIX);
    const text = new TextDecoder().decode(layout.parts[0]).replace('"numerator":820', '"numerator":999');
    const edited = await resign({ ...layout, parts: [utf8.encode(text)] }, device, { fixHashes: true });
    const forged = await ageEncrypt(repack({ ...edited, signature: layout.signature }, SEALED_MAGIC_PREFIX), office.publicText);
    await expectCode(forged, 'E_SIGNATURE', { identities: [office.secretText] });
  });

  it('refuses a passphrase work factor above the limit before running scrypt', async () => {
    const bytes = await encodeBundle({ revisions, device, encryption: { kind: 'passphrase', passphrase: 'pw', workFactor: 12 } });
    await expectCode(bytes, 'E_TOO_LARGE', { passphrase: 'pw', limits: { maxScryptLogN: 11 } });
  });
});
