/**
 * The inner container, little-endian:
 *   magic(8) | u32 manifestLen | manifest | u8 sigAlg | signer(32) | u8 sigLen | signature
 *   | u32 partCount | partCount × (u64 partLen | part bytes)
 * Every length is checked against the limits before it is used, and nothing may follow the last part.
 * Parts come back as views into the input: no copies of untrusted sizes.
 */
import { concatBytes } from '../crypto/bytes.ts';
import { PUBLIC_KEY_BYTES, SIGNATURE_BYTES } from '../crypto/signing.ts';
import { BundleError } from './errors.ts';
import { FORMAT_VERSION, MAGIC_LENGTH, SIGNATURE_ALGORITHM_ED25519 } from './format.ts';
import type { BundleLimits } from './limits.ts';

export interface Container {
  readonly manifestBytes: Uint8Array;
  readonly signerKey: Uint8Array;
  readonly signature: Uint8Array;
  readonly parts: readonly Uint8Array[];
}

/**
 * The container as the pieces it is made of, in order: the framing is written into one small buffer per
 * part and the parts themselves are not copied, so an encrypted export hands them to age as they are.
 */
export function containerChunks(magic: Uint8Array, container: Container): Uint8Array[] {
  const headLength = MAGIC_LENGTH + 4 + container.manifestBytes.length + 1 + PUBLIC_KEY_BYTES + 1 + SIGNATURE_BYTES + 4;
  const head = new Uint8Array(headLength);
  const view = new DataView(head.buffer);
  let offset = 0;
  const put = (bytes: Uint8Array): void => {
    head.set(bytes, offset);
    offset += bytes.length;
  };
  put(magic);
  view.setUint32(offset, container.manifestBytes.length, true);
  offset += 4;
  put(container.manifestBytes);
  head[offset++] = SIGNATURE_ALGORITHM_ED25519;
  put(container.signerKey);
  head[offset++] = SIGNATURE_BYTES;
  put(container.signature);
  view.setUint32(offset, container.parts.length, true);
  const chunks: Uint8Array[] = [head];
  for (const part of container.parts) {
    const length = new Uint8Array(8);
    const lengthView = new DataView(length.buffer);
    lengthView.setUint32(0, part.length % 2 ** 32, true);
    lengthView.setUint32(4, Math.floor(part.length / 2 ** 32), true);
    chunks.push(length, part);
  }
  return chunks;
}

export function encodeContainer(magic: Uint8Array, container: Container): Uint8Array {
  return concatBytes(...containerChunks(magic, container));
}

/** Reads the magic's last byte: an ASCII digit naming the format major. */
export function checkMagic(bytes: Uint8Array, prefix: string): void {
  const prefixBytes = new TextEncoder().encode(prefix);
  for (let i = 0; i < prefixBytes.length; i++) {
    if (i >= bytes.length) throw new BundleError('E_TRUNCATED', 'file ends inside its magic bytes');
    if (bytes[i] !== prefixBytes[i]) throw new BundleError('E_NOT_A_BUNDLE', 'not a CityKPI bundle');
  }
  const majorByte = bytes[prefixBytes.length];
  if (majorByte === undefined) throw new BundleError('E_TRUNCATED', 'file ends inside its magic bytes');
  const major = majorByte - 0x30;
  if (major < 1 || major > 9) throw new BundleError('E_NOT_A_BUNDLE', 'not a CityKPI bundle');
  if (major !== FORMAT_VERSION) {
    throw new BundleError('E_UNSUPPORTED_VERSION', `bundle format ${major} needs a newer CityKPI (this one reads format ${FORMAT_VERSION})`, {
      version: major,
    });
  }
}

export function decodeContainer(bytes: Uint8Array, prefix: string, limits: BundleLimits): Container {
  checkMagic(bytes, prefix);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = MAGIC_LENGTH;
  const need = (count: number, what: string): void => {
    if (offset + count > bytes.length) throw new BundleError('E_TRUNCATED', `file ends inside the ${what}`);
  };
  const take = (count: number, what: string): Uint8Array => {
    need(count, what);
    const slice = bytes.subarray(offset, offset + count);
    offset += count;
    return slice;
  };
  const u32 = (what: string): number => {
    need(4, what);
    const value = view.getUint32(offset, true);
    offset += 4;
    return value;
  };
  const u8 = (what: string): number => {
    need(1, what);
    return bytes[offset++]!;
  };

  const manifestLength = u32('manifest length');
  if (manifestLength > limits.maxManifestBytes) {
    throw new BundleError('E_TOO_LARGE', `manifest of ${manifestLength} bytes exceeds ${limits.maxManifestBytes}`);
  }
  const manifestBytes = take(manifestLength, 'manifest');
  if (u8('signature algorithm') !== SIGNATURE_ALGORITHM_ED25519) throw new BundleError('E_MALFORMED', 'unknown signature algorithm');
  const signerKey = take(PUBLIC_KEY_BYTES, 'signer key');
  if (u8('signature length') !== SIGNATURE_BYTES) throw new BundleError('E_MALFORMED', 'bad signature length');
  const signature = take(SIGNATURE_BYTES, 'signature');
  const partCount = u32('part count');
  if (partCount > limits.maxParts) throw new BundleError('E_TOO_LARGE', `${partCount} parts exceed ${limits.maxParts}`);
  const parts: Uint8Array[] = [];
  let total = 0;
  for (let index = 0; index < partCount; index++) {
    const low = u32('part length');
    const high = u32('part length');
    const length = high * 2 ** 32 + low;
    if (length > limits.maxPartBytes) throw new BundleError('E_TOO_LARGE', `part ${index} of ${length} bytes exceeds ${limits.maxPartBytes}`);
    total += length;
    if (total > limits.maxTotalPartBytes) throw new BundleError('E_TOO_LARGE', `parts exceed ${limits.maxTotalPartBytes} bytes in total`);
    parts.push(take(length, `part ${index}`));
  }
  if (offset !== bytes.length) throw new BundleError('E_MALFORMED', `${bytes.length - offset} unexpected bytes after the last part`);
  return { manifestBytes, signerKey, signature, parts };
}
