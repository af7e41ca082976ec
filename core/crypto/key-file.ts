/**
 * The office key file: plain text, one key per line, so it can be read, diffed and printed.
 *
 *   citykpi-keys v1
 *   # comment
 *   recipient <label> age1…                     encrypt bundles to this key (shareable)
 *   signer <label> <base64url Ed25519 key>       trust bundles/receipts signed by this key (shareable)
 *   identity <label> AGE-SECRET-KEY-1…           decrypt bundles (secret)
 *   signing-key <label> <base64url PKCS8>        sign merged bundles and receipts (secret)
 *   inbox <label> https://…                      where laptops may send bundles (at most one line)
 *
 * A `.pub` file holds only recipient and signer lines; a `.key` file may hold all four kinds.
 */
import { fromBase64Url, toBase64Url } from './bytes.ts';
import { normaliseInboxUrl } from './office-inbox.ts';
import { AGE_IDENTITY_PATTERN, AGE_RECIPIENT_PATTERN, recipientIdOf } from './office-keys.ts';

export const KEY_FILE_HEADER = 'citykpi-keys v1';
const LABEL = /^[A-Za-z0-9_.-]{1,40}$/;
const MAX_KEY_FILE_CHARS = 64 * 1024;

export class KeyFileError extends Error {
  readonly code = 'E_KEY_FILE';
  constructor(
    message: string,
    readonly line: number | null,
  ) {
    super(line === null ? message : `line ${line}: ${message}`);
    this.name = 'KeyFileError';
  }
}

export interface KeyFileRecipient {
  readonly label: string;
  readonly publicText: string;
  readonly id: string;
}
export interface KeyFileSigner {
  readonly label: string;
  readonly publicKey: Uint8Array;
}
export interface KeyFileIdentity {
  readonly label: string;
  readonly secretText: string;
}
export interface KeyFileSigningKey {
  readonly label: string;
  readonly pkcs8: Uint8Array;
}

export interface KeyFileInbox {
  readonly label: string;
  /** Normalised by normaliseInboxUrl: https (or loopback http), no trailing slash. */
  readonly url: string;
}

export interface KeyFile {
  readonly recipients: readonly KeyFileRecipient[];
  readonly signers: readonly KeyFileSigner[];
  readonly identities: readonly KeyFileIdentity[];
  readonly signingKeys: readonly KeyFileSigningKey[];
  /** The office's bundle inbox, when the file names one. */
  readonly inbox: KeyFileInbox | null;
}

export type KeyFileEntry =
  | { readonly kind: 'recipient'; readonly label: string; readonly publicText: string }
  | { readonly kind: 'signer'; readonly label: string; readonly publicKey: Uint8Array }
  | { readonly kind: 'identity'; readonly label: string; readonly secretText: string }
  | { readonly kind: 'signing-key'; readonly label: string; readonly pkcs8: Uint8Array }
  | { readonly kind: 'inbox'; readonly label: string; readonly url: string };

export function formatKeyFile(comment: readonly string[], entries: readonly KeyFileEntry[]): string {
  const lines = [KEY_FILE_HEADER, ...comment.map((line) => `# ${line}`)];
  for (const entry of entries) {
    if (!LABEL.test(entry.label)) throw new KeyFileError(`invalid label ${JSON.stringify(entry.label)}`, null);
    switch (entry.kind) {
      case 'recipient':
        lines.push(`recipient ${entry.label} ${entry.publicText}`);
        break;
      case 'signer':
        lines.push(`signer ${entry.label} ${toBase64Url(entry.publicKey)}`);
        break;
      case 'identity':
        lines.push(`identity ${entry.label} ${entry.secretText}`);
        break;
      case 'signing-key':
        lines.push(`signing-key ${entry.label} ${toBase64Url(entry.pkcs8)}`);
        break;
      case 'inbox': {
        const url = normaliseInboxUrl(entry.url);
        if (url === null) throw new KeyFileError('the inbox must be an https:// address', null);
        lines.push(`inbox ${entry.label} ${url}`);
        break;
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

export async function parseKeyFile(text: string): Promise<KeyFile> {
  if (text.length > MAX_KEY_FILE_CHARS) throw new KeyFileError('key file is larger than 64 KiB', null);
  const recipients: KeyFileRecipient[] = [];
  const signers: KeyFileSigner[] = [];
  const identities: KeyFileIdentity[] = [];
  const signingKeys: KeyFileSigningKey[] = [];
  let inbox: KeyFileInbox | null = null;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let sawHeader = false;
  for (const [index, raw] of lines.entries()) {
    const lineNumber = index + 1;
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (!sawHeader) {
      if (line !== KEY_FILE_HEADER) {
        throw new KeyFileError(`not a CityKPI key file: the first line must be "${KEY_FILE_HEADER}"`, lineNumber);
      }
      sawHeader = true;
      continue;
    }
    const parts = line.split(/\s+/);
    if (parts.length !== 3) throw new KeyFileError('expected "<kind> <label> <key>"', lineNumber);
    const [kind, label, key] = parts as [string, string, string];
    if (!LABEL.test(label)) throw new KeyFileError(`invalid label ${JSON.stringify(label)}`, lineNumber);
    switch (kind) {
      case 'recipient':
        if (!AGE_RECIPIENT_PATTERN.test(key)) throw new KeyFileError('recipient is not an age X25519 key (age1…)', lineNumber);
        recipients.push({ label, publicText: key, id: await recipientIdOf(key) });
        break;
      case 'signer': {
        const publicKey = fromBase64Url(key);
        if (!publicKey || publicKey.length !== 32) throw new KeyFileError('signer is not a 32-byte Ed25519 key', lineNumber);
        signers.push({ label, publicKey });
        break;
      }
      case 'identity':
        if (!AGE_IDENTITY_PATTERN.test(key)) throw new KeyFileError('identity is not an age X25519 secret key', lineNumber);
        identities.push({ label, secretText: key });
        break;
      case 'signing-key': {
        const pkcs8 = fromBase64Url(key);
        if (!pkcs8 || pkcs8.length !== 48) throw new KeyFileError('signing-key is not an Ed25519 PKCS8 key', lineNumber);
        signingKeys.push({ label, pkcs8 });
        break;
      }
      case 'inbox': {
        const url = normaliseInboxUrl(key);
        if (url === null) throw new KeyFileError('inbox is not an https:// address with a host name or IPv4 address and without user, query or fragment', lineNumber);
        if (inbox !== null) throw new KeyFileError('a key file names at most one inbox', lineNumber);
        inbox = { label, url };
        break;
      }
      default:
        throw new KeyFileError(`unknown key kind ${JSON.stringify(kind)}`, lineNumber);
    }
  }
  if (!sawHeader) throw new KeyFileError('empty key file', null);
  if (recipients.length + signers.length + identities.length + signingKeys.length === 0) {
    throw new KeyFileError('the key file lists no keys', null);
  }
  return { recipients, signers, identities, signingKeys, inbox };
}
