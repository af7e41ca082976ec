/**
 * Every refusal of a bundle, receipt or key is a BundleError with a stable code: the UI translates
 * the code (locales/<lng>/bundle.json, key `errors.<CODE>`), the CLI prints `citykpi: CODE: message`.
 */

export const BUNDLE_ERROR_CODES = [
  /** The bytes are not a CityKPI bundle or receipt at all. */
  'E_NOT_A_BUNDLE',
  /** The file ends before its framing says it should. */
  'E_TRUNCATED',
  /** A size, count, length or nesting limit is exceeded (checked before allocating). */
  'E_TOO_LARGE',
  /** Encrypted file damaged or altered (authentication of the age layer failed). */
  'E_DECRYPT_FAILED',
  /** Encrypted to recipients none of whose identities were supplied. */
  'E_NOT_FOR_THIS_RECIPIENT',
  /** Encrypted with a passphrase and none (or a wrong one) was supplied. */
  'E_PASSPHRASE_REQUIRED',
  /** The Ed25519 signature does not verify, or the manifest names another signer. */
  'E_SIGNATURE',
  /** The signature is valid but the caller does not trust this signer. */
  'E_UNKNOWN_SIGNER',
  /** A revision claims a device that neither signed the bundle nor attested it (provenance, format 1.1). */
  'E_FOREIGN_REVISION',
  /** A part or a revision does not match the hash the signed manifest gives for it. */
  'E_HASH_MISMATCH',
  /** Well-formed bytes whose content breaks the format's rules (types, missing fields, duplicates). */
  'E_SCHEMA',
  /** Invalid UTF-8 or a string with lone surrogates. */
  'E_MALFORMED_UTF8',
  /** Made by a newer, incompatible format major version. */
  'E_UNSUPPORTED_VERSION',
  /** The signed manifest names recipients other than the key that decrypted it (re-encrypted file). */
  'E_RECIPIENT_MISMATCH',
  /** The container framing is inconsistent (bad algorithm byte, trailing bytes). */
  'E_MALFORMED',
  /** A key file could not be read. */
  'E_KEY_FILE',
  /** A revision breaks a record rule (core/records); `details` name the record, field and reason. */
  'E_INVALID_RECORD',
] as const;

export type BundleErrorCode = (typeof BUNDLE_ERROR_CODES)[number];

export class BundleError extends Error {
  constructor(
    readonly code: BundleErrorCode,
    message: string,
    /** Values the translated message may interpolate (e.g. `{ version: 2 }`). */
    readonly details: Readonly<Record<string, string | number>> = {},
  ) {
    super(message);
    this.name = 'BundleError';
  }
}

export function isBundleError(error: unknown): error is BundleError {
  return error instanceof BundleError;
}
