/**
 * Office keys are age X25519 key pairs: bundles are encrypted to the office recipient(s) (`age1…`),
 * the office decrypts with its identity (`AGE-SECRET-KEY-1…`). A recipient id names a recipient in
 * a signed manifest without repeating the key itself.
 */
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { sha256, toHex, utf8 } from './bytes.ts';

export interface OfficeKeyPair {
  /** The shareable recipient, `age1…`. */
  readonly publicText: string;
  /** The secret identity, `AGE-SECRET-KEY-1…`. */
  readonly secretText: string;
}

const BECH32_DATA = '[02-9ac-hj-np-z]';
export const AGE_RECIPIENT_PATTERN = new RegExp(`^age1${BECH32_DATA}{58}$`);
export const AGE_IDENTITY_PATTERN = new RegExp(`^AGE-SECRET-KEY-1${BECH32_DATA.toUpperCase()}{58}$`);

export async function generateOfficeKeyPair(): Promise<OfficeKeyPair> {
  const secretText = await generateX25519Identity();
  return { publicText: await identityToRecipient(secretText), secretText };
}

export async function recipientOfIdentity(secretText: string): Promise<string> {
  return identityToRecipient(secretText);
}

/** `x25519:` + the first 128 bits of SHA-256 of the recipient text, in hex. */
export async function recipientIdOf(publicText: string): Promise<string> {
  return `x25519:${toHex(await sha256(utf8.encode(publicText))).slice(0, 32)}`;
}
