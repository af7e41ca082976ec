/**
 * The outer encryption: an age v1 file to X25519 recipients or to one scrypt passphrase. The header
 * is pre-scanned here (size, stanza kinds, scrypt work factor) so hostile headers are refused before
 * the age library spends memory on them, and so the caller learns which key opened the file.
 */
import { Decrypter, Encrypter } from 'age-encryption';
import { recipientIdOf, recipientOfIdentity } from '../crypto/office-keys.ts';
import { BundleError } from './errors.ts';
import { AGE_MAGIC } from './format.ts';
import type { BundleLimits } from './limits.ts';

const MAX_HEADER_BYTES = 64 * 1024;
/** age's own default (2^18): what a passphrase bundle costs an attacker per guess. Lower values are for tests only. */
export const DEFAULT_SCRYPT_LOG_N = 18;

export type AgeEncryption =
  | { readonly kind: 'recipients'; readonly recipients: readonly string[] }
  | { readonly kind: 'passphrase'; readonly passphrase: string; readonly workFactor?: number };

export type OpenedVia = { readonly kind: 'recipients'; readonly recipientId: string } | { readonly kind: 'passphrase' };

export interface AgeHeaderSummary {
  readonly headerBytes: Uint8Array;
  readonly stanzaKinds: readonly string[];
  readonly scryptLogN: number | null;
}

/** Encrypts one buffer; see encryptAgeChunks. */
export function encryptAge(plaintext: Uint8Array, encryption: AgeEncryption): Promise<Uint8Array> {
  return encryptAgeChunks([plaintext], encryption);
}

/**
 * Encrypts the concatenation of `chunks` without joining them first, streamed through age into one
 * buffer of the size age announces: handing age a single buffer cost a copy of the plaintext and two
 * of the ciphertext (a Response collecting the stream).
 */
export async function encryptAgeChunks(chunks: readonly Uint8Array[], encryption: AgeEncryption): Promise<Uint8Array> {
  const encrypter = new Encrypter();
  if (encryption.kind === 'passphrase') {
    if (encryption.passphrase === '') throw new BundleError('E_PASSPHRASE_REQUIRED', 'an empty passphrase cannot protect a bundle');
    encrypter.setPassphrase(encryption.passphrase);
    encrypter.setScryptWorkFactor(encryption.workFactor ?? DEFAULT_SCRYPT_LOG_N);
  } else {
    if (encryption.recipients.length === 0) throw new BundleError('E_KEY_FILE', 'no recipient to encrypt to');
    for (const recipient of encryption.recipients) encrypter.addRecipient(recipient);
  }
  const plaintext = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) if (chunk.length > 0) controller.enqueue(chunk);
      controller.close();
    },
  });
  const ciphertext = await encrypter.encrypt(plaintext);
  const out = new Uint8Array(ciphertext.size(chunks.reduce((sum, chunk) => sum + chunk.length, 0)));
  const reader = ciphertext.getReader();
  let offset = 0;
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    out.set(read.value, offset);
    offset += read.value.length;
  }
  if (offset !== out.length) throw new Error(`age wrote ${offset} bytes where it announced ${out.length}`);
  return out;
}

export function startsWithAgeMagic(bytes: Uint8Array): boolean {
  const magic = new TextEncoder().encode(AGE_MAGIC);
  return magic.every((byte, index) => bytes[index] === byte);
}

/** Reads the age header's text lines without trusting anything in them. */
export function scanAgeHeader(bytes: Uint8Array, limits: BundleLimits): AgeHeaderSummary {
  const window = bytes.subarray(0, Math.min(bytes.length, MAX_HEADER_BYTES));
  let macLineStart = -1;
  for (let i = 0; i + 4 <= window.length; i++) {
    if (window[i] === 0x0a && window[i + 1] === 0x2d && window[i + 2] === 0x2d && window[i + 3] === 0x2d) {
      macLineStart = i + 1;
      break;
    }
  }
  if (macLineStart < 0) {
    if (bytes.length < MAX_HEADER_BYTES) throw new BundleError('E_TRUNCATED', 'encrypted file ends inside its header');
    throw new BundleError('E_TOO_LARGE', 'encrypted file header is larger than 64 KiB');
  }
  const macLineEnd = window.indexOf(0x0a, macLineStart);
  if (macLineEnd < 0) throw new BundleError('E_TRUNCATED', 'encrypted file ends inside its header');
  const headerBytes = bytes.subarray(0, macLineEnd + 1);
  const headerText = new TextDecoder('latin1').decode(headerBytes);
  const stanzaKinds: string[] = [];
  let scryptLogN: number | null = null;
  for (const line of headerText.split('\n')) {
    if (!line.startsWith('-> ')) continue;
    const args = line.slice(3).split(' ');
    const kind = args[0] ?? '';
    stanzaKinds.push(kind);
    if (kind === 'scrypt') {
      const logN = Number(args[2]);
      if (!Number.isSafeInteger(logN) || logN < 1) throw new BundleError('E_DECRYPT_FAILED', 'damaged passphrase stanza');
      if (logN > limits.maxScryptLogN) {
        throw new BundleError('E_TOO_LARGE', `passphrase work factor 2^${logN} exceeds the limit 2^${limits.maxScryptLogN}`);
      }
      scryptLogN = logN;
    }
  }
  if (stanzaKinds.length === 0) throw new BundleError('E_DECRYPT_FAILED', 'encrypted file header has no recipients');
  return { headerBytes, stanzaKinds, scryptLogN };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function findIdentity(header: Uint8Array, identities: readonly string[]): Promise<string | null> {
  for (const identity of identities) {
    const decrypter = new Decrypter();
    try {
      decrypter.addIdentity(identity);
    } catch {
      throw new BundleError('E_KEY_FILE', 'an identity is not an age secret key');
    }
    try {
      await decrypter.decryptHeader(header);
      return identity;
    } catch (error) {
      if (/no identity matched/.test(messageOf(error))) continue;
      throw new BundleError('E_DECRYPT_FAILED', `encrypted file header is damaged (${messageOf(error)})`);
    }
  }
  return null;
}

async function decryptWith(decrypter: Decrypter, bytes: Uint8Array): Promise<Uint8Array> {
  try {
    return await decrypter.decrypt(bytes);
  } catch (error) {
    throw new BundleError('E_DECRYPT_FAILED', `encrypted file is damaged or altered (${messageOf(error)})`);
  }
}

export async function decryptAge(
  bytes: Uint8Array,
  keys: { readonly identities?: readonly string[]; readonly passphrase?: string },
  limits: BundleLimits,
): Promise<{ readonly plaintext: Uint8Array; readonly via: OpenedVia }> {
  const summary = scanAgeHeader(bytes, limits);
  if (summary.scryptLogN !== null) {
    if (summary.stanzaKinds.length !== 1) throw new BundleError('E_DECRYPT_FAILED', 'a passphrase file must have exactly one stanza');
    if (keys.passphrase === undefined || keys.passphrase === '') {
      throw new BundleError('E_PASSPHRASE_REQUIRED', 'this bundle is protected by a passphrase');
    }
    const decrypter = new Decrypter();
    decrypter.addPassphrase(keys.passphrase);
    try {
      await decrypter.decryptHeader(summary.headerBytes);
    } catch (error) {
      if (/no identity matched/.test(messageOf(error))) throw new BundleError('E_PASSPHRASE_REQUIRED', 'the passphrase is wrong');
      throw new BundleError('E_DECRYPT_FAILED', `encrypted file header is damaged (${messageOf(error)})`);
    }
    return { plaintext: await decryptWith(decrypter, bytes), via: { kind: 'passphrase' } };
  }
  const identities = keys.identities ?? [];
  if (identities.length === 0) throw new BundleError('E_NOT_FOR_THIS_RECIPIENT', 'this bundle is encrypted and no office key was given');
  const identity = await findIdentity(summary.headerBytes, identities);
  if (identity === null) throw new BundleError('E_NOT_FOR_THIS_RECIPIENT', 'this bundle is encrypted to another office key');
  const decrypter = new Decrypter();
  decrypter.addIdentity(identity);
  const plaintext = await decryptWith(decrypter, bytes);
  return { plaintext, via: { kind: 'recipients', recipientId: await recipientIdOf(await recipientOfIdentity(identity)) } };
}
