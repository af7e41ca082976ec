/**
 * The office's trust file on disk, and the office rule every command that reads bundles for the
 * office applies: a bundle from a signer that is not enrolled is refused (E_UNKNOWN_SIGNER) unless
 * --allow-unknown is given. The pure part (format, enrolment, the check) is core/trust/trust-store.ts.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { DecodedBundle, SignerTrust } from '../../core/bundle/index.ts';
import {
  EMPTY_TRUST_STORE,
  TrustFileError,
  type TrustStore,
  formatTrustFile,
  parseTrustFile,
  firstUntrusted,
  requireTrustedSigner,
  signerTrustOf,
} from '../../core/trust/trust-store.ts';
import { toBase64Url } from '../../core/crypto/bytes.ts';
import { InputError, type Io } from '../io.ts';
import { type BundleKeys, asInputErrors, decodeBundleFile, readBoundedFile, writeFileAtomic } from './bundle-files.ts';

/** In the office's working directory, next to office.key and office.pub from `citykpi keygen --out office`. */
export const DEFAULT_TRUST_FILE = 'office.trust';
const MAX_TRUST_FILE_BYTES = 1024 * 1024;

export interface OfficeTrust {
  readonly path: string;
  readonly store: TrustStore;
  /** The command was given --allow-unknown: unknown signers are read, never signed as the office's own. */
  readonly allowUnknown: boolean;
}

export const TRUST_FILE_OPTION = { 'trust-file': { type: 'string' } } as const;
export const OFFICE_TRUST_OPTIONS = { ...TRUST_FILE_OPTION, 'allow-unknown': { type: 'boolean', default: false } } as const;

export const TRUST_FILE_USAGE = `      --trust-file <file>     enrolled devices (default ${DEFAULT_TRUST_FILE}; see citykpi trust)`;
export const OFFICE_TRUST_USAGE = `${TRUST_FILE_USAGE}
      --allow-unknown         read bundles from devices that are not enrolled (never signed as the office)`;

/**
 * A missing default file is an empty store. A missing file named with --trust-file is an error for a
 * reader (a typo must not silently trust nobody), and a new file for `trust add` (`mayBeNew`).
 */
export async function readTrustStore(
  io: Io,
  path: string | undefined,
  options: { readonly mayBeNew?: boolean } = {},
): Promise<{ readonly path: string; readonly store: TrustStore }> {
  const chosen = path ?? DEFAULT_TRUST_FILE;
  if ((path === undefined || options.mayBeNew) && !existsSync(resolve(io.cwd, chosen))) return { path: chosen, store: EMPTY_TRUST_STORE };
  const bytes = readBoundedFile(io, chosen, MAX_TRUST_FILE_BYTES, 'E_TRUST_FILE');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError('E_TRUST_FILE', `${chosen}: not UTF-8 text`);
  }
  try {
    return { path: chosen, store: await parseTrustFile(text) };
  } catch (error) {
    if (error instanceof TrustFileError) throw new InputError(error.code, `${chosen}: ${error.message}`);
    throw error;
  }
}

export function writeTrustStore(io: Io, path: string, store: TrustStore): void {
  writeFileAtomic(io, path, formatTrustFile(store));
}

export async function loadOfficeTrust(io: Io, values: { 'trust-file'?: string; 'allow-unknown'?: boolean }): Promise<OfficeTrust> {
  const { path, store } = await readTrustStore(io, values['trust-file']);
  return { path, store, allowUnknown: values['allow-unknown'] ?? false };
}

/** Decodes a bundle completely and applies the office rule to its signer. */
function officeSigners(keys: BundleKeys, trust: OfficeTrust): (publicKeyRaw: Uint8Array) => SignerTrust {
  const enrolled = signerTrustOf(trust.store);
  return (publicKey) => (keys.trusted.has(toBase64Url(publicKey)) ? 'trusted' : enrolled(publicKey));
}

/** Decodes a bundle completely and applies the office rule to its signer and to the makers of the revisions it relays. */
export async function decodeOfficeBundle(io: Io, path: string, keys: BundleKeys, trust: OfficeTrust): Promise<DecodedBundle> {
  const bundle = await decodeBundleFile(io, path, keys, trust.store);
  await asInputErrors(path, async () => requireTrustedSigner(bundle, { allowUnknown: trust.allowUnknown, trustedSigners: officeSigners(keys, trust) }));
  return bundle;
}

/** Whether the office may vouch for everything in the bundle (false only for what --allow-unknown let in). */
export function officeTrustsAll(bundle: DecodedBundle, keys: BundleKeys, trust: OfficeTrust): boolean {
  return firstUntrusted(bundle, officeSigners(keys, trust)) === null;
}
