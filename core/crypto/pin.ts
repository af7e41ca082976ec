/**
 * PINs that guard switching to the facilitator or verifier on a shared laptop. Only a salted
 * PBKDF2-SHA-256 hash is kept, as `pbkdf2-sha256$<iterations>$<salt b64url>$<hash b64url>`, so the
 * stored text never reveals the PIN; checking compares in constant time.
 */
import { asBufferSource, fromBase64Url, toBase64Url, utf8 } from './bytes.ts';

/** OWASP's current recommendation for PBKDF2-HMAC-SHA-256. */
export const PIN_ITERATIONS = 600_000;
export const MIN_PIN_LENGTH = 4;
export const MAX_PIN_LENGTH = 12;
const SALT_BYTES = 16;
const HASH_BITS = 256;
const FORMAT = /^pbkdf2-sha256\$(\d{1,8})\$([A-Za-z0-9_-]{16,64})\$([A-Za-z0-9_-]{43})$/;

const DECIMAL_DIGIT = /^\p{Nd}$/u;

/**
 * The value of a decimal digit of any script: Unicode keeps each script's 0 to 9 contiguous, so it is
 * the distance from the first digit of its run (runs of several 0–9 sets repeat every ten).
 */
function digitValue(char: string): number {
  const code = char.codePointAt(0)!;
  let start = code;
  while (DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start -= 1;
  return (code - start) % 10;
}

/** Digits only, in any script (Arabic-Indic digits are typed in Arabic), as ASCII; null when not 4 to 12 digits. */
export function normalisePin(pin: string): string | null {
  const chars = [...pin.normalize('NFKC').trim()];
  if (chars.length < MIN_PIN_LENGTH || chars.length > MAX_PIN_LENGTH || !chars.every((char) => DECIMAL_DIGIT.test(char))) return null;
  return chars.map(digitValue).join('');
}

async function derive(pin: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', asBufferSource(utf8.encode(pin)), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: asBufferSource(salt), iterations }, key, HASH_BITS);
  return new Uint8Array(bits);
}

export async function hashPin(pin: string, iterations: number = PIN_ITERATIONS): Promise<string> {
  const normalised = normalisePin(pin);
  if (normalised === null) throw new RangeError('a PIN is 4 to 12 digits');
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  return `pbkdf2-sha256$${iterations}$${toBase64Url(salt)}$${toBase64Url(await derive(normalised, salt, iterations))}`;
}

/** False for a wrong PIN and for a malformed stored hash. */
export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const match = FORMAT.exec(stored);
  const normalised = normalisePin(pin);
  if (!match || normalised === null) return false;
  const salt = fromBase64Url(match[2]!);
  const expected = fromBase64Url(match[3]!);
  const iterations = Number(match[1]);
  if (!salt || !expected || iterations < 1) return false;
  const actual = await derive(normalised, salt, iterations);
  let difference = actual.length ^ expected.length;
  for (let index = 0; index < actual.length; index += 1) difference |= actual[index]! ^ (expected[index] ?? 0);
  return difference === 0;
}
