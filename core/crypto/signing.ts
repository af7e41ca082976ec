/**
 * Ed25519 signatures with domain separation: every signed message is prefixed with a purpose line,
 * so a bundle signature can never be replayed as a receipt signature or vice versa.
 */
import { asBufferSource, concatBytes, utf8 } from './bytes.ts';

export const SIGNING_DOMAINS = {
  bundleManifest: 'citykpi-bundle/v1 manifest\n',
  receipt: 'citykpi-receipt/v1\n',
  attestation: 'citykpi-attestation/v1\n',
  selfTest: 'citykpi-self-test/v1\n',
} as const;
export type SigningDomain = (typeof SIGNING_DOMAINS)[keyof typeof SIGNING_DOMAINS];

export const PUBLIC_KEY_BYTES = 32;
export const SIGNATURE_BYTES = 64;

function message(domain: SigningDomain, bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return asBufferSource(concatBytes(utf8.encode(domain), bytes));
}

export async function sign(privateKey: CryptoKey, domain: SigningDomain, bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.sign('Ed25519', privateKey, message(domain, bytes)));
}

/** False for any bad input (wrong key length, malformed key, wrong signature); never throws. */
export async function verify(
  publicKeyRaw: Uint8Array,
  domain: SigningDomain,
  bytes: Uint8Array,
  signature: Uint8Array,
): Promise<boolean> {
  if (publicKeyRaw.length !== PUBLIC_KEY_BYTES || signature.length !== SIGNATURE_BYTES) return false;
  try {
    const key = await crypto.subtle.importKey('raw', asBufferSource(publicKeyRaw), 'Ed25519', false, ['verify']);
    return await crypto.subtle.verify('Ed25519', key, asBufferSource(signature), message(domain, bytes));
  } catch {
    return false;
  }
}
