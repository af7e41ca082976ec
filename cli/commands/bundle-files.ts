/**
 * File handling shared by the bundle commands: bounded reads, key files, atomic writes, and turning
 * core errors into the CLI's one-line `E_CODE` errors.
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { BundleError, DEFAULT_LIMITS, decodeBundle, type BundleSigner, type DecodedBundle } from '../../core/bundle/index.ts';
import { toBase64Url } from '../../core/crypto/bytes.ts';
import { deviceIdFromPublicKey, importDeviceIdentity } from '../../core/crypto/device-identity.ts';
import { KeyFileError, parseKeyFile, type KeyFile } from '../../core/crypto/key-file.ts';
import { EMPTY_TRUST_STORE, TrustFileError, signerTrustOf, type TrustStore } from '../../core/trust/trust-store.ts';
import { InputError, UsageError, type Io } from '../io.ts';
import { nodeSha256 } from '../node-sha256.ts';

const MAX_KEY_FILE_BYTES = 64 * 1024;

function ioError(path: string, error: unknown, verb: string): InputError {
  const code = (error as { code?: unknown } | null)?.code;
  return new InputError('E_IO', `cannot ${verb} ${path}: ${typeof code === 'string' ? code : String(error)}`);
}

export function readBoundedFile(io: Io, path: string, maxBytes: number, tooLargeCode = 'E_TOO_LARGE'): Uint8Array {
  const full = resolve(io.cwd, path);
  let size: number;
  try {
    const stat = statSync(full);
    if (!stat.isFile()) throw new InputError('E_IO', `${path} is not a file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw ioError(path, error, 'read');
  }
  if (size > maxBytes) throw new InputError(tooLargeCode, `${path} is ${size} bytes, more than the limit of ${maxBytes}`);
  try {
    return new Uint8Array(readFileSync(full));
  } catch (error) {
    throw ioError(path, error, 'read');
  }
}

export async function readKeyFile(io: Io, path: string): Promise<KeyFile> {
  const bytes = readBoundedFile(io, path, MAX_KEY_FILE_BYTES, 'E_KEY_FILE');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError('E_KEY_FILE', `${path}: not UTF-8 text`);
  }
  try {
    return await parseKeyFile(text);
  } catch (error) {
    if (error instanceof KeyFileError) throw new InputError(error.code, `${path}: ${error.message}`);
    throw error;
  }
}

/** Core errors become one-line input errors naming the file; anything else stays a bug. */
export async function asInputErrors<T>(file: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof BundleError || error instanceof KeyFileError || error instanceof TrustFileError) throw new InputError(error.code, `${file}: ${error.message}`);
    throw error;
  }
}

/** The office's signing key from a `.key` file, as the signer of merged bundles and receipts; null when the file has none. */
export async function keyFileSigner(path: string, file: KeyFile): Promise<BundleSigner | null> {
  const signingKey = file.signingKeys[0];
  if (!signingKey) return null;
  const identity = await asInputErrors(path, () => importDeviceIdentity(signingKey.pkcs8));
  return {
    id: await deviceIdFromPublicKey(identity.publicKey),
    name: `Central office (${signingKey.label})`,
    publicKey: identity.publicKey,
    privateKey: identity.privateKey,
  };
}

export interface BundleKeys {
  readonly identities: string[];
  readonly trusted: Set<string>;
  readonly passphrase: string | undefined;
  readonly checkTrust: boolean;
}

/** --identity KEYFILE (repeatable), --trust KEYFILE (repeatable), --passphrase-env NAME. */
export async function loadBundleKeys(
  io: Io,
  values: { identity?: string[]; trust?: string[]; 'passphrase-env'?: string },
): Promise<BundleKeys> {
  const identities: string[] = [];
  const trusted = new Set<string>();
  for (const path of values.identity ?? []) {
    const file = await readKeyFile(io, path);
    if (file.identities.length === 0) throw new InputError('E_KEY_FILE', `${path}: no identity line (is this the .pub file?)`);
    identities.push(...file.identities.map((identity) => identity.secretText));
    for (const signer of file.signers) trusted.add(toBase64Url(signer.publicKey));
  }
  for (const path of values.trust ?? []) {
    const file = await readKeyFile(io, path);
    if (file.signers.length === 0) throw new InputError('E_KEY_FILE', `${path}: no signer line to trust`);
    for (const signer of file.signers) trusted.add(toBase64Url(signer.publicKey));
  }
  let passphrase: string | undefined;
  const variable = values['passphrase-env'];
  if (variable !== undefined) {
    passphrase = process.env[variable];
    if (passphrase === undefined || passphrase === '') throw new UsageError(`environment variable ${variable} is empty`);
  }
  return { identities, trusted, passphrase, checkTrust: (values.trust ?? []).length > 0 };
}

/** Signers are trusted when a key option names them or the office's trust file enrolls them. */
export function decodeBundleFile(io: Io, path: string, keys: BundleKeys, enrolled: TrustStore = EMPTY_TRUST_STORE): Promise<DecodedBundle> {
  return asInputErrors(path, async () => {
    const bytes = readBoundedFile(io, path, DEFAULT_LIMITS.maxFileBytes);
    const enrolledTrust = signerTrustOf(enrolled);
    return decodeBundle(bytes, {
      identities: keys.identities,
      ...(keys.passphrase === undefined ? {} : { passphrase: keys.passphrase }),
      trustedSigners: (publicKey) => (keys.trusted.has(toBase64Url(publicKey)) ? 'trusted' : enrolledTrust(publicKey)),
      unknownSigner: keys.checkTrust ? 'reject' : 'hold',
      nativeSha256: nodeSha256,
    });
  });
}

/**
 * An output file never replaces one of the command's inputs, and replaces another existing file only
 * with --force. Paths are compared after resolving links, so `./a` and a link to `a` are the same file.
 */
export function refuseExistingOutput(io: Io, out: string, inputs: readonly string[], force: boolean): void {
  const full = resolve(io.cwd, out);
  if (!existsSync(full)) return;
  const target = realpathSync(full);
  for (const input of inputs) {
    const inputPath = resolve(io.cwd, input);
    if (existsSync(inputPath) && realpathSync(inputPath) === target) {
      throw new InputError('E_EXISTS', `${out} is one of the inputs; write the result to a new file`);
    }
  }
  if (!force) throw new InputError('E_EXISTS', `${out} already exists (use --force to replace it)`);
}

/** Temp file in the same directory, fsync, rename: a reader never sees half a file. */
export function writeFileAtomic(io: Io, path: string, bytes: Uint8Array | string, mode = 0o644): void {
  const full = resolve(io.cwd, path);
  const temp = `${full}.tmp-${process.pid}-${Date.now()}`;
  try {
    const fd = openSync(temp, 'wx', mode);
    try {
      if (typeof bytes === 'string') writeSync(fd, bytes);
      else writeSync(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, full);
  } catch (error) {
    rmSync(temp, { force: true });
    throw ioError(path, error, 'write');
  }
  try {
    const dir = openSync(dirname(full), 'r');
    fsyncSync(dir);
    closeSync(dir);
  } catch {
    // Directory fsync is not supported everywhere (e.g. Windows); the rename itself already happened.
  }
}

export const KEY_OPTIONS = {
  identity: { type: 'string', short: 'i', multiple: true },
  trust: { type: 'string', multiple: true },
  'passphrase-env': { type: 'string' },
} as const;

export const KEY_USAGE = `  -i, --identity <file>       office key file (.key) to decrypt with; repeatable
      --trust <file>          key file whose signer lines are trusted; with it, other signers are refused
      --passphrase-env <name> read the passphrase of a passphrase-protected bundle from this variable`;
