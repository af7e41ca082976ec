/**
 * The installation's signing identity: an Ed25519 key pair made with WebCrypto. The public key travels
 * as 32 raw bytes; the private key leaves memory only as PKCS8 bytes handed to the OS key store
 * (Bridge.sealSecret), never in clear on disk.
 */
import { asBufferSource, concatBytes, fromBase64Url, sha256, toHex } from './bytes.ts';
import { fingerprintOf } from './fingerprint.ts';

export interface DeviceIdentity {
  readonly publicKey: Uint8Array;
  readonly privateKey: CryptoKey;
  readonly fingerprint: string;
}

/** RFC 8410 PKCS8 wrapper of a 32-byte Ed25519 seed. */
const PKCS8_ED25519_PREFIX = new Uint8Array([
  0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
]);
const SEED_BYTES = 32;

export async function exportPublicKeyRaw(publicKey: CryptoKey): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.exportKey('raw', publicKey));
}

async function identityFromPkcs8(pkcs8: Uint8Array, extractable: boolean): Promise<DeviceIdentity> {
  // Importing once as extractable is the only portable way to learn the public half (JWK `x`).
  const probe = await crypto.subtle.importKey('pkcs8', asBufferSource(pkcs8), 'Ed25519', true, ['sign']);
  const jwk = await crypto.subtle.exportKey('jwk', probe);
  const publicKey = jwk.x === undefined ? null : fromBase64Url(jwk.x);
  if (!publicKey || publicKey.length !== 32) throw new Error('Ed25519 private key without a public half');
  const privateKey = extractable
    ? probe
    : await crypto.subtle.importKey('pkcs8', asBufferSource(pkcs8), 'Ed25519', false, ['sign']);
  return { publicKey, privateKey, fingerprint: await fingerprintOf(publicKey) };
}

/** A fresh key pair; the private key is extractable so it can be exported once for sealing. */
export async function generateDeviceIdentity(): Promise<DeviceIdentity> {
  const pair = (await crypto.subtle.generateKey('Ed25519', true, ['sign', 'verify'])) as CryptoKeyPair;
  const publicKey = await exportPublicKeyRaw(pair.publicKey);
  return { publicKey, privateKey: pair.privateKey, fingerprint: await fingerprintOf(publicKey) };
}

/** Deterministic identity from 32 seed bytes (demo bundles and test vectors only). */
export async function deviceIdentityFromSeed(seed: Uint8Array): Promise<DeviceIdentity> {
  if (seed.length !== SEED_BYTES) throw new RangeError('an Ed25519 seed is 32 bytes');
  return identityFromPkcs8(concatBytes(PKCS8_ED25519_PREFIX, seed), true);
}

export async function exportPrivateKeyPkcs8(privateKey: CryptoKey): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.exportKey('pkcs8', privateKey));
}

/** Restores an identity from unsealed PKCS8 bytes; the resulting private key is not extractable by default. */
export async function importDeviceIdentity(pkcs8: Uint8Array, options: { extractable?: boolean } = {}): Promise<DeviceIdentity> {
  return identityFromPkcs8(pkcs8, options.extractable ?? false);
}

/** A stable device id derived from the public key, so ids cannot collide between installations. */
export async function deviceIdFromPublicKey(publicKey: Uint8Array): Promise<string> {
  return `dev-${toHex(await sha256(publicKey)).slice(0, 24)}`;
}
