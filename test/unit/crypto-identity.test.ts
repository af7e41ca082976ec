import { describe, expect, it } from 'vitest';
import { fromBase64Url, toBase64Url, utf8 } from '../../core/crypto/bytes.ts';
import {
  deviceIdFromPublicKey,
  deviceIdentityFromSeed,
  exportPrivateKeyPkcs8,
  generateDeviceIdentity,
  importDeviceIdentity,
} from '../../core/crypto/device-identity.ts';
import { fingerprintOf } from '../../core/crypto/fingerprint.ts';
import { cryptoSelfTest } from '../../core/crypto/self-test.ts';
import { SIGNING_DOMAINS, sign, verify } from '../../core/crypto/signing.ts';

describe('device identity', () => {
  it('signs with domain separation: a bundle signature is not a receipt signature', async () => {
    const identity = await generateDeviceIdentity();
    const message = utf8.encode('manifest bytes');
    const signature = await sign(identity.privateKey, SIGNING_DOMAINS.bundleManifest, message);
    expect(signature).toHaveLength(64);
    expect(identity.publicKey).toHaveLength(32);
    expect(await verify(identity.publicKey, SIGNING_DOMAINS.bundleManifest, message, signature)).toBe(true);
    expect(await verify(identity.publicKey, SIGNING_DOMAINS.receipt, message, signature)).toBe(false);
    expect(await verify(identity.publicKey, SIGNING_DOMAINS.bundleManifest, utf8.encode('manifest bytez'), signature)).toBe(false);
    const other = await generateDeviceIdentity();
    expect(await verify(other.publicKey, SIGNING_DOMAINS.bundleManifest, message, signature)).toBe(false);
  });

  it('never throws on malformed keys or signatures', async () => {
    const message = utf8.encode('x');
    expect(await verify(new Uint8Array(31), SIGNING_DOMAINS.receipt, message, new Uint8Array(64))).toBe(false);
    expect(await verify(new Uint8Array(32), SIGNING_DOMAINS.receipt, message, new Uint8Array(63))).toBe(false);
    expect(await verify(new Uint8Array(32).fill(0xff), SIGNING_DOMAINS.receipt, message, new Uint8Array(64))).toBe(false);
  });

  it('exports the private key once as PKCS8 and restores a non-extractable key with the same public half', async () => {
    const identity = await generateDeviceIdentity();
    const pkcs8 = await exportPrivateKeyPkcs8(identity.privateKey);
    const restored = await importDeviceIdentity(pkcs8);
    expect(restored.publicKey).toEqual(identity.publicKey);
    expect(restored.fingerprint).toBe(identity.fingerprint);
    expect(restored.privateKey.extractable).toBe(false);
    await expect(exportPrivateKeyPkcs8(restored.privateKey)).rejects.toThrow();
    const signature = await sign(restored.privateKey, SIGNING_DOMAINS.receipt, utf8.encode('r'));
    expect(await verify(identity.publicKey, SIGNING_DOMAINS.receipt, utf8.encode('r'), signature)).toBe(true);
  });

  it('derives the same identity from the same seed (RFC 8032 test vector 1)', async () => {
    const seed = Uint8Array.from(Buffer.from('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60', 'hex'));
    const identity = await deviceIdentityFromSeed(seed);
    expect(Buffer.from(identity.publicKey).toString('hex')).toBe('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a');
    const signature = await sign(identity.privateKey, SIGNING_DOMAINS.selfTest, new Uint8Array());
    expect(await verify(identity.publicKey, SIGNING_DOMAINS.selfTest, new Uint8Array(), signature)).toBe(true);
    await expect(deviceIdentityFromSeed(new Uint8Array(31))).rejects.toThrow(RangeError);
    expect(await deviceIdFromPublicKey(identity.publicKey)).toMatch(/^dev-[0-9a-f]{24}$/);
  });

  it('shows a stable, readable fingerprint', async () => {
    const key = new Uint8Array(32);
    const fingerprint = await fingerprintOf(key);
    expect(fingerprint).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$/);
    expect(await fingerprintOf(key)).toBe(fingerprint);
    key[0] = 1;
    expect(await fingerprintOf(key)).not.toBe(fingerprint);
  });

  it('passes its startup self-test', async () => {
    expect(await cryptoSelfTest()).toEqual({ ok: true });
  });

  it('round-trips base64url strictly', () => {
    for (const length of [0, 1, 2, 3, 31, 32, 33, 64]) {
      const bytes = crypto.getRandomValues(new Uint8Array(length));
      expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
    }
    expect(fromBase64Url('ab+c')).toBeNull();
    expect(fromBase64Url('a')).toBeNull();
    expect(fromBase64Url('AB')).toBeNull();
  });
});
