/** Constants of the `.citykpi` format, version 1 (docs/bundle-format.md). */

export const FORMAT_NAME = 'citykpi-bundle';
export const FORMAT_VERSION = 1;
/** Highest minor version this reader knows; newer minors may add fields, which are preserved. */
export const FORMAT_MINOR = 2;
/** The minor that added `provenance.ndjson` (attestations of relayed revisions). */
export const PROVENANCE_MINOR = 1;
/** The minor that moved attachment parts into `attachments.ndjson` and added the manifest's `volume`. */
export const ATTACHMENT_INDEX_MINOR = 2;
export const APP_NAME = 'citykpi';

export const MAGIC_LENGTH = 8;
/** Inner container inside an age-encrypted file. The last byte is the format major as an ASCII digit. */
export const SEALED_MAGIC_PREFIX = 'CKPIBND';
/** A signed but unencrypted ("open") bundle: a different magic so readers can warn it is readable. */
export const OPEN_MAGIC_PREFIX = 'CKPIOPN';
export const AGE_MAGIC = 'age-encryption.org/v1\n';

export const SIGNATURE_ALGORITHM_ED25519 = 1;

export const REVISIONS_PART = 'revisions.ndjson';
export const ATTACHMENT_PART = /^att-([0-9a-f]{64})$/;
/** Names a future minor may add; anything else is refused. */
export const PART_NAME = /^[a-z0-9][a-z0-9.-]{0,99}$/;

export type EncryptionKind = 'recipients' | 'passphrase' | 'none';

export function magicFor(prefix: string, major: number): Uint8Array {
  return new TextEncoder().encode(`${prefix}${major}`);
}
