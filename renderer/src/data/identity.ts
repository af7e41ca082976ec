/**
 * The installation's signing identity, created once and kept in the `identity` table. The private
 * key never exists in clear outside memory: in a browser it is a non-extractable CryptoKey; in
 * Electron its PKCS8 bytes are sealed by the OS key store (Bridge.sealSecret) and only the sealed
 * bytes are stored. If the shell cannot seal (no key store), the browser form is used instead and
 * `protection` says so, so the UI can tell the facilitator.
 */
import type { Bridge } from '../../../electron/contract/bridge.ts';
import { exportPrivateKeyPkcs8, exportPublicKeyRaw, generateDeviceIdentity, importDeviceIdentity } from '../../../core/crypto/device-identity.ts';
import { fingerprintOf } from '../../../core/crypto/fingerprint.ts';
import { toBase64Url } from '../../../core/crypto/bytes.ts';
import type { CityKpiDb, IdentityRow } from './db.ts';
import { DataError } from './errors.ts';

export type SecretSealer = Pick<Bridge, 'sealSecret' | 'unsealSecret'>;

export interface StoredIdentity {
  readonly publicKey: Uint8Array;
  readonly privateKey: CryptoKey;
  readonly fingerprint: string;
  /** `os-keystore`: sealed by the operating system; `browser`: a non-extractable key in IndexedDB. */
  readonly protection: 'os-keystore' | 'browser';
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
async function loadOrCreate(db: CityKpiDb, sealer: SecretSealer | null): Promise<StoredIdentity> {
  const existing = await db.identity.get('device');
  if (existing) return open(existing, sealer);
  const created = (sealer ? await sealedIdentity(sealer) : null) ?? (await browserIdentity());
  const fingerprint = await fingerprintOf(created.publicKey);
  const stored = await db.transaction('rw', db.identity, db.signers, async () => {
    const raced = await db.identity.get('device');
    if (raced) return raced;
    await db.identity.add(created);
    await db.signers.put({ publicKey: toBase64Url(created.publicKey), fingerprint, label: 'this device', source: 'self', addedAtMs: Date.now() });
    return created;
  });
  return open(stored, sealer);
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
