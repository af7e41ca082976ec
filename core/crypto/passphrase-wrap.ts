/**
 * A small secret (the device's PKCS8 private key) sealed with a passphrase, for computers whose
 * operating system offers no key store. PBKDF2-SHA-256 stretches the passphrase into an AES-256-GCM
 * key; only the salt, the nonce and the ciphertext are kept, never the passphrase or the AES key.
 * Everything is WebCrypto, so the same code runs in the renderer, in Electron's main process and in Node.
 */
import { asBufferSource, toBase64Url, utf8 } from './bytes.ts';

export const PASSPHRASE_WRAP_FORMAT = 'citykpi-passphrase-wrap/v1';

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA-256: a fraction of a second once per start, years for a guesser. */
export const DEFAULT_PBKDF2_ITERATIONS = 600_000;

/** Bounds on a stored iteration count: below is no protection, above would freeze the unlock screen. */
const MIN_ITERATIONS = 1_000;
const MAX_ITERATIONS = 10_000_000;
const SALT_BYTES = 16;
const NONCE_BYTES = 12;

export interface PassphraseWrapped {
  readonly format: typeof PASSPHRASE_WRAP_FORMAT;
  readonly iterations: number;
  readonly salt: Uint8Array;
  readonly nonce: Uint8Array;
  /** AES-GCM output: the sealed secret followed by its 16-byte tag. */
  readonly ciphertext: Uint8Array;
}

/** The passphrase does not open the wrapped secret (or the wrapped bytes were altered: GCM cannot tell which). */
export class WrongPassphraseError extends Error {
  constructor() {
    super('the passphrase does not open this key');
    this.name = 'WrongPassphraseError';
  }
}

/**
 * NFC, so the same passphrase typed through different keyboards or input methods (é as one code
 * point or as e + accent) opens the key.
 */
function passphraseBytes(passphrase: string): Uint8Array {
  return utf8.encode(passphrase.normalize('NFC'));
}

async function deriveKey(passphrase: string, salt: Uint8Array, iterations: number, usage: KeyUsage): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', asBufferSource(passphraseBytes(passphrase)), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: asBufferSource(salt), iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    [usage],
  );
}

function additionalData(context: Uint8Array, iterations: number): BufferSource {
  // The format and the work factor are authenticated too, so lowering the stored count breaks the seal.
  return asBufferSource(utf8.encode(`${PASSPHRASE_WRAP_FORMAT}\n${iterations}\n${toBase64Url(context)}`));
}

export interface WrapOptions {
  /** Bound into the seal (e.g. the key's public half), so a wrapped secret moved to another row does not open. */
  readonly context: Uint8Array;
  readonly iterations?: number;
}

export async function wrapWithPassphrase(secret: Uint8Array, passphrase: string, options: WrapOptions): Promise<PassphraseWrapped> {
  const iterations = options.iterations ?? DEFAULT_PBKDF2_ITERATIONS;
  if (!Number.isInteger(iterations) || iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
    throw new RangeError(`PBKDF2 iterations must be an integer from ${MIN_ITERATIONS} to ${MAX_ITERATIONS}`);
  }
  if (passphrase.length === 0) throw new RangeError('an empty passphrase protects nothing');
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const nonce = crypto.getRandomValues(new Uint8Array(NONCE_BYTES));
  const key = await deriveKey(passphrase, salt, iterations, 'encrypt');
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv: asBufferSource(nonce), additionalData: additionalData(options.context, iterations) },
    key,
    asBufferSource(secret),
  );
  return { format: PASSPHRASE_WRAP_FORMAT, iterations, salt, nonce, ciphertext: new Uint8Array(sealed) };
}

function isWellFormed(wrapped: PassphraseWrapped): boolean {
  return (
    wrapped.format === PASSPHRASE_WRAP_FORMAT &&
    Number.isInteger(wrapped.iterations) &&
    wrapped.iterations >= MIN_ITERATIONS &&
    wrapped.iterations <= MAX_ITERATIONS &&
    wrapped.salt instanceof Uint8Array &&
    wrapped.salt.length === SALT_BYTES &&
    wrapped.nonce instanceof Uint8Array &&
    wrapped.nonce.length === NONCE_BYTES &&
    wrapped.ciphertext instanceof Uint8Array
  );
}

/** The secret's bytes (the caller wipes them after use); WrongPassphraseError when they do not open. */
export async function unwrapWithPassphrase(wrapped: PassphraseWrapped, passphrase: string, context: Uint8Array): Promise<Uint8Array> {
  if (!isWellFormed(wrapped)) throw new TypeError(`not a ${PASSPHRASE_WRAP_FORMAT} record`);
  const key = await deriveKey(passphrase, wrapped.salt, wrapped.iterations, 'decrypt');
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: asBufferSource(wrapped.nonce), additionalData: additionalData(context, wrapped.iterations) },
      key,
      asBufferSource(wrapped.ciphertext),
    );
    return new Uint8Array(plain);
  } catch {
    throw new WrongPassphraseError();
  }
}
