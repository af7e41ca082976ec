/** Small byte helpers shared by the crypto and bundle code (no Node Buffer: core runs in the renderer too). */

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const BASE64URL_INDEX = new Map([...BASE64URL].map((char, index) => [char, index]));

export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    out += BASE64URL[a >> 2]! + BASE64URL[((a & 3) << 4) | ((b ?? 0) >> 4)]!;
    if (b !== undefined) out += BASE64URL[((b & 15) << 2) | ((c ?? 0) >> 6)]!;
    if (c !== undefined) out += BASE64URL[c & 63]!;
  }
  return out;
}

/** Strict: unpadded base64url only; returns null for anything else (including non-canonical trailing bits). */
export function fromBase64Url(text: string): Uint8Array | null {
  if (text.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let buffer = 0;
  let written = 0;
  for (const char of text) {
    const value = BASE64URL_INDEX.get(char);
    if (value === undefined) return null;
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[written++] = (buffer >> bits) & 0xff;
    }
  }
  if ((buffer & ((1 << bits) - 1)) !== 0) return null;
  return out;
}

export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}

export function concatBytes(...chunks: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const chunk of chunks) length += chunk.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

export const utf8 = new TextEncoder();

/**
 * WebCrypto wants an ArrayBuffer-backed view. It copies its input when called (WebCrypto §
 * "get a copy of the bytes held by"), so only a view of a shared buffer needs copying here: copying
 * every digest's input cost a 40 MB bundle a fifth of its verification.
 */
export function asBufferSource(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  if (bytes.buffer instanceof ArrayBuffer) return bytes as Uint8Array<ArrayBuffer>;
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return copy;
}

export async function sha256(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', asBufferSource(bytes)));
}

/**
 * A synchronous SHA-256 giving lower-case hex, which a platform may pass in where core cannot import it:
 * Node's native digest hashes a revision several times faster than JavaScript, and a large part without
 * the copy WebCrypto makes (on a 45 MB bundle that copy cost four times the hashing itself).
 */
export type Sha256Hex = (bytes: Uint8Array) => string;

/** SHA-256 as lower-case hex: by the platform's digest when there is one, otherwise by WebCrypto, off the main thread. */
export async function sha256HexOf(bytes: Uint8Array, native: Sha256Hex | undefined): Promise<string> {
  return native ? native(bytes) : toHex(await sha256(bytes));
}
