/**
 * The installation's signing identity, created once and kept in the `identity` table. The private
 * key never exists in clear outside memory: in a browser it is a non-extractable CryptoKey; in
 * Electron its PKCS8 bytes are sealed by the OS key store (Bridge.sealSecret) and only the sealed
 * bytes are stored. Where the desktop has no key store, the start screen asks the facilitator for a
 * passphrase that seals the key (protectWithPassphrase) and, at every later start, opens it
 * (unlockWithPassphrase). `protection` says which applies, so the UI can tell the facilitator.
 */
import type { Bridge, KeyStoreStatus } from '../../../electron/contract/bridge.ts';
import { exportPrivateKeyPkcs8, exportPublicKeyRaw, generateDeviceIdentity, importDeviceIdentity } from '../../../core/crypto/device-identity.ts';
import { fingerprintOf } from '../../../core/crypto/fingerprint.ts';
import { toBase64Url } from '../../../core/crypto/bytes.ts';
import { WrongPassphraseError, unwrapWithPassphrase, wrapWithPassphrase } from '../../../core/crypto/passphrase-wrap.ts';
import type { CityKpiDb, IdentityRow } from './db.ts';
import { DataError } from './errors.ts';

export type SecretSealer = Pick<Bridge, 'sealSecret' | 'unsealSecret'>;

export interface StoredIdentity {
  readonly publicKey: Uint8Array;
  readonly privateKey: CryptoKey;
  readonly fingerprint: string;
  /** `os-keystore`: sealed by the operating system; `passphrase`: sealed with the facilitator's passphrase; `browser`: a non-extractable key in IndexedDB. */
  readonly protection: 'os-keystore' | 'passphrase' | 'browser';
}

async function browserIdentity(): Promise<IdentityRow> {
  const pair = (await crypto.subtle.generateKey('Ed25519', false, ['sign', 'verify'])) as CryptoKeyPair;
  return { key: 'device', kind: 'webcrypto', publicKey: await exportPublicKeyRaw(pair.publicKey), privateKey: pair.privateKey };
}

async function sealedIdentity(sealer: SecretSealer): Promise<IdentityRow | null> {
  const identity = await generateDeviceIdentity();
  const pkcs8 = await exportPrivateKeyPkcs8(identity.privateKey);
  try {
    const sealed = await sealer.sealSecret(pkcs8).catch(() => null);
    return sealed?.ok ? { key: 'device', kind: 'sealed', publicKey: identity.publicKey, sealed: sealed.value } : null;
  } finally {
    pkcs8.fill(0);
  }
}

async function open(row: IdentityRow, sealer: SecretSealer | null): Promise<StoredIdentity> {
  const fingerprint = await fingerprintOf(row.publicKey);
  if (row.kind === 'webcrypto') return { publicKey: row.publicKey, privateKey: row.privateKey, fingerprint, protection: 'browser' };
  if (row.kind === 'passphrase') throw new DataError('E_KEY_LOCKED', 'the device key waits for its passphrase');
  if (!sealer) throw new DataError('E_DB', 'the device key is sealed by the desktop shell, which is not available');
  const unsealed = await sealer.unsealSecret(row.sealed);
  if (!unsealed.ok) throw new DataError('E_DB', `the device key could not be unsealed (${unsealed.code})`);
  try {
    const identity = await importDeviceIdentity(unsealed.value);
    return { publicKey: row.publicKey, privateKey: identity.privateKey, fingerprint, protection: 'os-keystore' };
  } finally {
    unsealed.value.fill(0);
  }
}

/**
 * This installation's identity, made on first use. Also enrols its own public key as a trusted
 * signer, so its own backups import without a question. Key generation and sealing happen before
 * the write transaction; if another window stored a key meanwhile, that one wins.
 */
async function storeNew(db: CityKpiDb, created: IdentityRow): Promise<IdentityRow> {
  const fingerprint = await fingerprintOf(created.publicKey);
  return db.transaction('rw', db.identity, db.signers, async () => {
    const raced = await db.identity.get('device');
    if (raced) return raced;
    await db.identity.add(created);
    await db.signers.put({ publicKey: toBase64Url(created.publicKey), fingerprint, label: 'this device', source: 'self', addedAtMs: Date.now() });
    return created;
  });
}

async function loadOrCreate(db: CityKpiDb, sealer: SecretSealer | null): Promise<StoredIdentity> {
  const existing = await db.identity.get('device');
  if (existing) return open(existing, sealer);
  const created = (sealer ? await sealedIdentity(sealer) : null) ?? (await browserIdentity());
  return open(await storeNew(db, created), sealer);
}

const opened = new WeakMap<CityKpiDb, Promise<StoredIdentity>>();

/** The identity, unsealed once per database connection (unsealing may ask the OS key store). */
export function loadOrCreateIdentity(db: CityKpiDb, sealer: SecretSealer | null): Promise<StoredIdentity> {
  let identity = opened.get(db);
  if (!identity) {
    identity = loadOrCreate(db, sealer);
    opened.set(db, identity);
    identity.catch(() => opened.delete(db));
  }
  return identity;
}

/**
 * What the start screen must do before the app opens: `ready` (nothing), `choose-passphrase` (no key
 * yet and no key store to seal one) or `locked` (a passphrase-sealed key not opened since start).
 */
export type DeviceKeyState = 'ready' | 'choose-passphrase' | 'locked';

export async function deviceKeyState(db: CityKpiDb, keyStore: KeyStoreStatus['kind']): Promise<DeviceKeyState> {
  const row = await db.identity.get('device');
  if (!row) return keyStore === 'none' ? 'choose-passphrase' : 'ready';
  if (row.kind !== 'passphrase') return 'ready';
  const unlocked = await opened.get(db)?.catch(() => null);
  return unlocked ? 'ready' : 'locked';
}

/** Keeps the opened key for this database connection, as a non-extractable CryptoKey. */
async function keepOpen(db: CityKpiDb, publicKey: Uint8Array, pkcs8: Uint8Array): Promise<StoredIdentity> {
  const usable = await importDeviceIdentity(pkcs8);
  const result: StoredIdentity = { publicKey, privateKey: usable.privateKey, fingerprint: usable.fingerprint, protection: 'passphrase' };
  opened.set(db, Promise.resolve(result));
  return result;
}

export interface PassphraseOptions {
  /** PBKDF2 work factor; tests lower it, the app keeps core's default. */
  readonly iterations?: number;
}

/**
 * Makes the device key and stores it sealed with `passphrase`; the passphrase itself is never stored.
 * The key stays open for this session. If a key exists already (another window was quicker), it is
 * kept and this call fails with E_INVALID.
 */
export async function protectWithPassphrase(db: CityKpiDb, passphrase: string, options: PassphraseOptions = {}): Promise<StoredIdentity> {
  const identity = await generateDeviceIdentity();
  const pkcs8 = await exportPrivateKeyPkcs8(identity.privateKey);
  try {
    const wrapped = await wrapWithPassphrase(pkcs8, passphrase, { context: identity.publicKey, ...options });
    const created: IdentityRow = { key: 'device', kind: 'passphrase', publicKey: identity.publicKey, wrapped };
    const stored = await storeNew(db, created);
    if (stored !== created) throw new DataError('E_INVALID', 'this installation has a device key already');
    return await keepOpen(db, identity.publicKey, pkcs8);
  } finally {
    pkcs8.fill(0);
  }
}

/** Opens the passphrase-sealed device key for this session; E_WRONG_PASSPHRASE when it does not open. */
export async function unlockWithPassphrase(db: CityKpiDb, passphrase: string): Promise<StoredIdentity> {
  const row = await db.identity.get('device');
  if (row?.kind !== 'passphrase') throw new DataError('E_INVALID', 'the device key is not sealed with a passphrase');
  let pkcs8: Uint8Array;
  try {
    pkcs8 = await unwrapWithPassphrase(row.wrapped, passphrase, row.publicKey);
  } catch (error) {
    if (error instanceof WrongPassphraseError) throw new DataError('E_WRONG_PASSPHRASE', error.message, { cause: error });
    throw error;
  }
  try {
    return await keepOpen(db, row.publicKey, pkcs8);
  } finally {
    pkcs8.fill(0);
  }
}
