/**
 * The central office's enrolled devices: the Ed25519 keys whose bundles it accepts. Pure: parsing and
 * writing the trust file's text, enrolling and removing devices, and the checks every office command
 * (CLI, server) runs on a decoded bundle. Reading and writing the file itself is the caller's job.
 *
 *   citykpi-trust v1
 *   # comment
 *   device <base64url Ed25519 public key> <enrolled at, ISO 8601 UTC> <name: the rest of the line>
 *
 * The fingerprint is never stored: it is recomputed from the key, so an edited file cannot show one
 * fingerprint for another key.
 */
import { BundleError } from '../bundle/errors.ts';
import type { SignerTrust } from '../bundle/decode.ts';
import type { RevisionOrigin } from '../bundle/provenance.ts';
import { fromBase64Url, toBase64Url } from '../crypto/bytes.ts';
import { fingerprintOf } from '../crypto/fingerprint.ts';
import { PUBLIC_KEY_BYTES } from '../crypto/signing.ts';
import { hasUnsafeCharacter } from '../text/unsafe-characters.ts';

export const TRUST_FILE_HEADER = 'citykpi-trust v1';
const MAX_TRUST_FILE_CHARS = 1024 * 1024;
export const MAX_DEVICE_NAME_LENGTH = 200;
const ENROLLED_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

export class TrustFileError extends Error {
  readonly code = 'E_TRUST_FILE';
  constructor(
    message: string,
    readonly line: number | null,
  ) {
    super(line === null ? message : `line ${line}: ${message}`);
    this.name = 'TrustFileError';
  }
}

export interface EnrolledDevice {
  /** Raw 32-byte Ed25519 public key. */
  readonly publicKey: Uint8Array;
  /** Base64url of the public key: the stable identity of the entry. */
  readonly keyText: string;
  readonly fingerprint: string;
  readonly name: string;
  /** When the office enrolled it (its own clock), `YYYY-MM-DDTHH:MM:SSZ`. */
  readonly enrolledAt: string;
}

/** Enrolled devices, sorted by name then key, each key once. */
export interface TrustStore {
  readonly devices: readonly EnrolledDevice[];
}

export const EMPTY_TRUST_STORE: TrustStore = { devices: [] };

/** Refuses names that would mislead on a terminal or a screen (controls, bidi overrides) or are empty. */
export function checkDeviceName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '') throw new TrustFileError('a device name is required', null);
  if (trimmed.length > MAX_DEVICE_NAME_LENGTH) throw new TrustFileError(`a device name is at most ${MAX_DEVICE_NAME_LENGTH} characters`, null);
  if (hasUnsafeCharacter(trimmed)) throw new TrustFileError('a device name may not contain control or bidi characters', null);
  return trimmed;
}

function sortDevices(devices: readonly EnrolledDevice[]): EnrolledDevice[] {
  return [...devices].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.keyText < b.keyText ? -1 : a.keyText > b.keyText ? 1 : 0));
}

async function deviceOf(publicKey: Uint8Array, name: string, enrolledAt: string): Promise<EnrolledDevice> {
  return { publicKey: publicKey.slice(), keyText: toBase64Url(publicKey), fingerprint: await fingerprintOf(publicKey), name, enrolledAt };
}

export async function parseTrustFile(text: string): Promise<TrustStore> {
  if (text.length > MAX_TRUST_FILE_CHARS) throw new TrustFileError('trust file is larger than 1 MiB', null);
  const devices: EnrolledDevice[] = [];
  const seen = new Set<string>();
  let sawHeader = false;
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const lineNumber = index + 1;
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (!sawHeader) {
      if (line !== TRUST_FILE_HEADER) throw new TrustFileError(`not a CityKPI trust file: the first line must be "${TRUST_FILE_HEADER}"`, lineNumber);
      sawHeader = true;
      continue;
    }
    const match = /^device\s+(\S+)\s+(\S+)\s+(.+)$/.exec(line);
    if (!match) throw new TrustFileError('expected "device <public key> <enrolled at> <name>"', lineNumber);
    const [, keyText, enrolledAt, rawName] = match as unknown as [string, string, string, string];
    const publicKey = fromBase64Url(keyText);
    if (!publicKey || publicKey.length !== PUBLIC_KEY_BYTES) throw new TrustFileError('not a 32-byte Ed25519 public key', lineNumber);
    if (!ENROLLED_AT.test(enrolledAt)) throw new TrustFileError('the enrolment time is not YYYY-MM-DDTHH:MM:SSZ', lineNumber);
    let name: string;
    try {
      name = checkDeviceName(rawName);
    } catch (error) {
      throw new TrustFileError((error as Error).message, lineNumber);
    }
    if (seen.has(keyText)) throw new TrustFileError('this key is enrolled twice', lineNumber);
    seen.add(keyText);
    devices.push(await deviceOf(publicKey, name, enrolledAt));
  }
  if (!sawHeader && devices.length === 0 && text.trim() !== '') throw new TrustFileError('not a CityKPI trust file', null);
  return { devices: sortDevices(devices) };
}

export function formatTrustFile(store: TrustStore): string {
  const lines = [TRUST_FILE_HEADER, '# Devices whose bundles this office accepts. Manage with: citykpi trust add|list|remove'];
  for (const device of store.devices) lines.push(`device ${device.keyText} ${device.enrolledAt} ${device.name}`);
  return `${lines.join('\n')}\n`;
}

/** Adds a device, or renames it if its key is already enrolled (the enrolment time is kept). */
export async function enrollDevice(
  store: TrustStore,
  device: { readonly publicKey: Uint8Array; readonly name: string; readonly enrolledAt: string },
): Promise<{ readonly store: TrustStore; readonly device: EnrolledDevice; readonly renamed: boolean }> {
  if (device.publicKey.length !== PUBLIC_KEY_BYTES) throw new TrustFileError('not a 32-byte Ed25519 public key', null);
  if (!ENROLLED_AT.test(device.enrolledAt)) throw new TrustFileError('the enrolment time is not YYYY-MM-DDTHH:MM:SSZ', null);
  const name = checkDeviceName(device.name);
  const keyText = toBase64Url(device.publicKey);
  const existing = store.devices.find((candidate) => candidate.keyText === keyText);
  const entry = await deviceOf(device.publicKey, name, existing?.enrolledAt ?? device.enrolledAt);
  const others = store.devices.filter((candidate) => candidate.keyText !== keyText);
  return { store: { devices: sortDevices([...others, entry]) }, device: entry, renamed: existing !== undefined };
}

/** Fingerprints are compared without dashes and case, so `k3f97qxd…` finds `K3F9-7QXD-…`. */
function normaliseFingerprint(text: string): string {
  return text.replace(/-/g, '').toUpperCase();
}

/** The devices a fingerprint (whole, with or without dashes) or a base64url public key names. */
export function findEnrolled(store: TrustStore, fingerprintOrKey: string): EnrolledDevice | undefined {
  const wanted = normaliseFingerprint(fingerprintOrKey.trim());
  return store.devices.find((device) => device.keyText === fingerprintOrKey.trim() || normaliseFingerprint(device.fingerprint) === wanted);
}

export function removeDevice(store: TrustStore, fingerprintOrKey: string): { readonly store: TrustStore; readonly removed: EnrolledDevice | undefined } {
  const removed = findEnrolled(store, fingerprintOrKey);
  if (!removed) return { store, removed };
  return { store: { devices: store.devices.filter((device) => device !== removed) }, removed };
}

export function isEnrolled(store: TrustStore, publicKey: Uint8Array): boolean {
  const keyText = toBase64Url(publicKey);
  return store.devices.some((device) => device.keyText === keyText);
}

/**
 * The `trustedSigners` callback of decodeBundle / decodeReceipt: enrolled devices, plus any extra keys
 * the office trusts without enrolling them (its own signing key).
 */
export function signerTrustOf(store: TrustStore, extraKeys: Iterable<Uint8Array> = []): (publicKeyRaw: Uint8Array) => SignerTrust {
  const trusted = new Set(store.devices.map((device) => device.keyText));
  for (const key of extraKeys) trusted.add(toBase64Url(key));
  return (publicKeyRaw) => (trusted.has(toBase64Url(publicKeyRaw)) ? 'trusted' : 'unknown');
}

/**
 * The office's rule for a decoded bundle: its signer must be trusted (enrolled, or the office itself),
 * and so must every device whose attested revisions it relays (pass `trustedSigners` to check those),
 * else E_UNKNOWN_SIGNER, unless the caller explicitly allows unknown signers. Whoever allows them must
 * never sign the result as the office (see docs/cli.md, `--allow-unknown`).
 */
export interface TrustCheckedBundle {
  readonly signer: { readonly known: boolean; readonly fingerprint: string };
  readonly origins?: ReadonlyMap<string, RevisionOrigin>;
}

export function requireTrustedSigner(
  bundle: TrustCheckedBundle,
  options: { readonly allowUnknown: boolean; readonly trustedSigners?: (publicKeyRaw: Uint8Array) => SignerTrust },
): void {
  if (options.allowUnknown) return;
  const untrusted = firstUntrusted(bundle, options.trustedSigners);
  if (!untrusted) return;
  throw new BundleError(
    'E_UNKNOWN_SIGNER',
    untrusted.revisionId === undefined
      ? `signed by device ${untrusted.fingerprint}, which is not enrolled here: compare the fingerprint with the laptop, then run citykpi trust add`
      : `revision ${untrusted.revisionId} was made by device ${untrusted.fingerprint}, which is not enrolled here: enroll it before accepting its edits`,
    { fingerprint: untrusted.fingerprint },
  );
}

/** The bundle's signer if it is not trusted, else the first relayed revision whose maker is not; null when everything is trusted. */
export function firstUntrusted(
  bundle: TrustCheckedBundle,
  trustedSigners?: (publicKeyRaw: Uint8Array) => SignerTrust,
): { readonly fingerprint: string; readonly revisionId?: string } | null {
  if (!bundle.signer.known) return { fingerprint: bundle.signer.fingerprint };
  if (!trustedSigners || !bundle.origins) return null;
  for (const [revisionId, origin] of bundle.origins) {
    if (origin.proof === 'attestation' && trustedSigners(origin.publicKey) !== 'trusted') return { fingerprint: origin.fingerprint, revisionId };
  }
  return null;
}
