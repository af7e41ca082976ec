/**
 * A human-readable fingerprint of a public key, read aloud or compared on screen before a signer is
 * trusted: SHA-256 of the key in Crockford base32 (no I, L, O, U), 100 bits in five groups of four.
 */
import { sha256 } from './bytes.ts';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const GROUPS = 5;
const GROUP_LENGTH = 4;

export async function fingerprintOf(publicKey: Uint8Array): Promise<string> {
  const digest = await sha256(publicKey);
  let bits = 0;
  let buffer = 0;
  let chars = '';
  for (const byte of digest) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5 && chars.length < GROUPS * GROUP_LENGTH) {
      bits -= 5;
      chars += CROCKFORD[(buffer >> bits) & 31];
    }
    buffer &= (1 << bits) - 1;
    if (chars.length === GROUPS * GROUP_LENGTH) break;
  }
  return chars.match(/.{4}/g)!.join('-');
}
