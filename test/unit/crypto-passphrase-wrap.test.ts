import { describe, expect, it } from 'vitest';
import { utf8 } from '../../core/crypto/bytes.ts';
import { exportPrivateKeyPkcs8, generateDeviceIdentity, importDeviceIdentity } from '../../core/crypto/device-identity.ts';
import { SIGNING_DOMAINS, sign, verify } from '../../core/crypto/signing.ts';
import {
  DEFAULT_PBKDF2_ITERATIONS,
  PASSPHRASE_WRAP_FORMAT,
  WrongPassphraseError,
  unwrapWithPassphrase,
  wrapWithPassphrase,
} from '../../core/crypto/passphrase-wrap.ts';

// Low work factor for speed; the default is checked on its own below.
const FAST = 2_000;
const context = new Uint8Array(32).fill(7);
const secret = new Uint8Array([0, 1, 2, 3, 250, 251, 252, 253, 254, 255]);

function containsSequence(haystack: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let start = 0; start + needle.length <= haystack.length; start++) {
    for (let index = 0; index < needle.length; index++) if (haystack[start + index] !== needle[index]) continue outer;
    return true;
  }
  return false;
}

describe('passphrase wrap', () => {
  it('opens with the passphrase it was sealed with, and keeps neither the passphrase nor the secret in clear', async () => {
    const passphrase = 'correct horse battery staple';
    const wrapped = await wrapWithPassphrase(secret, passphrase, { context, iterations: FAST });
    expect(wrapped.format).toBe(PASSPHRASE_WRAP_FORMAT);
    expect(wrapped.ciphertext).toHaveLength(secret.length + 16);
    const stored = [wrapped.salt, wrapped.nonce, wrapped.ciphertext, utf8.encode(JSON.stringify(wrapped))];
    for (const bytes of stored) {
      expect(containsSequence(bytes, utf8.encode(passphrase))).toBe(false);
      expect(containsSequence(bytes, secret)).toBe(false);
    }
    await expect(unwrapWithPassphrase(wrapped, passphrase, context)).resolves.toEqual(secret);
  });

  it('refuses a wrong passphrase, another context and altered bytes with WrongPassphraseError', async () => {
    const wrapped = await wrapWithPassphrase(secret, 'the right one', { context, iterations: FAST });
    await expect(unwrapWithPassphrase(wrapped, 'the right on', context)).rejects.toBeInstanceOf(WrongPassphraseError);
    await expect(unwrapWithPassphrase(wrapped, 'The right one', context)).rejects.toBeInstanceOf(WrongPassphraseError);
    await expect(unwrapWithPassphrase(wrapped, 'the right one', new Uint8Array(32).fill(8))).rejects.toBeInstanceOf(WrongPassphraseError);
    const flipped = wrapped.ciphertext.slice();
    flipped[0]! ^= 1;
    await expect(unwrapWithPassphrase({ ...wrapped, ciphertext: flipped }, 'the right one', context)).rejects.toBeInstanceOf(WrongPassphraseError);
    // A lowered work factor is part of what the seal authenticates.
    await expect(unwrapWithPassphrase({ ...wrapped, iterations: FAST - 1 }, 'the right one', context)).rejects.toBeInstanceOf(WrongPassphraseError);
  });

  it('salts every seal: the same secret and passphrase give different bytes', async () => {
    const [a, b] = await Promise.all([
      wrapWithPassphrase(secret, 'same passphrase', { context, iterations: FAST }),
      wrapWithPassphrase(secret, 'same passphrase', { context, iterations: FAST }),
    ]);
    expect(a.salt).not.toEqual(b.salt);
    expect(a.ciphertext).not.toEqual(b.ciphertext);
  });

  it('opens with the passphrase typed in another Unicode normal form', async () => {
    const composed = 'clé de l’atelier'.normalize('NFC');
    const wrapped = await wrapWithPassphrase(secret, composed, { context, iterations: FAST });
    await expect(unwrapWithPassphrase(wrapped, composed.normalize('NFD'), context)).resolves.toEqual(secret);
  });

  it('refuses malformed records and work factors out of bounds before deriving anything', async () => {
    const wrapped = await wrapWithPassphrase(secret, 'passphrase', { context, iterations: FAST });
    await expect(unwrapWithPassphrase({ ...wrapped, iterations: 10 }, 'passphrase', context)).rejects.toBeInstanceOf(TypeError);
    await expect(unwrapWithPassphrase({ ...wrapped, iterations: 1e12 }, 'passphrase', context)).rejects.toBeInstanceOf(TypeError);
    await expect(unwrapWithPassphrase({ ...wrapped, salt: new Uint8Array(3) }, 'passphrase', context)).rejects.toBeInstanceOf(TypeError);
    await expect(unwrapWithPassphrase({ ...wrapped, format: 'other' as never }, 'passphrase', context)).rejects.toBeInstanceOf(TypeError);
    await expect(wrapWithPassphrase(secret, '', { context, iterations: FAST })).rejects.toBeInstanceOf(RangeError);
    await expect(wrapWithPassphrase(secret, 'passphrase', { context, iterations: 999 })).rejects.toBeInstanceOf(RangeError);
  });

  it('carries a device key: the unwrapped PKCS8 signs as the original key', async () => {
    const identity = await generateDeviceIdentity();
    const pkcs8 = await exportPrivateKeyPkcs8(identity.privateKey);
    const wrapped = await wrapWithPassphrase(pkcs8, 'facilitator passphrase', { context: identity.publicKey });
    expect(wrapped.iterations).toBe(DEFAULT_PBKDF2_ITERATIONS);
    const restored = await importDeviceIdentity(await unwrapWithPassphrase(wrapped, 'facilitator passphrase', identity.publicKey));
    expect(restored.publicKey).toEqual(identity.publicKey);
    const message = utf8.encode('manifest');
    const signature = await sign(restored.privateKey, SIGNING_DOMAINS.bundleManifest, message);
    expect(await verify(identity.publicKey, SIGNING_DOMAINS.bundleManifest, message, signature)).toBe(true);
  });
});
