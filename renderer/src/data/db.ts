/**
 * The one place that knows the IndexedDB tables and their rows; how the schema grew, version by
 * version, is schema-history.ts. Rows are plain objects keyed by client-made string ids, so laptops
 * merge without coordination.
 */
import { Dexie, type EntityTable } from 'dexie';
import type { Attestation } from '../../../core/bundle/provenance.ts';
import type { PassphraseWrapped } from '../../../core/crypto/passphrase-wrap.ts';
import type { Revision } from '../../../core/revisions/types.ts';
import { DataError } from './errors.ts';
import { followRevisionAdditions } from './revision-count.ts';
import { CURRENT_SCHEMA_VERSION, SCHEMA_HISTORY } from './schema-history.ts';

/** Small key-value facts about this installation: device id, last clock, author name. */
export interface MetaRow {
  readonly key: string;
  readonly value: string | null;
}

/**
 * One imported bundle, keyed by the SHA-256 of the file: "already imported" is decided here, in the same
 * transaction as the data. Never by the bundle id alone: the signer chooses it, so one file could make
 * another look imported.
 */
export interface ImportRow {
  readonly bundleId: string;
  readonly fileSha256: string;
  /** Base64url of the signer's raw Ed25519 public key. */
  readonly signerKey: string;
  readonly signerFingerprint: string;
  readonly signerDeviceId: string;
  readonly signerDeviceName: string;
  /** The bundle's own creation time (ISO 8601, from the signed manifest). */
  readonly createdAt: string;
  readonly importedAtMs: number;
  readonly revisionCount: number;
  /** How many of its revisions were new here. */
  readonly addedCount: number;
}

/** A bundle from a signer nobody here trusts yet: raw bytes kept, nothing merged until approved. */
export interface HeldRow {
  readonly fileSha256: string;
  readonly bundleId: string;
  readonly bytes: Uint8Array;
  readonly signerKey: string;
  readonly signerFingerprint: string;
  readonly signerDeviceId: string;
  readonly signerDeviceName: string;
  readonly createdAt: string;
  readonly receivedAtMs: number;
  readonly revisionCount: number;
}

/** A revision the office confirmed in a receipt: left out of "since last receipt" exports. */
export interface DeliveredRow {
  readonly revisionId: string;
  readonly receiptId: string;
}

export interface ReceiptRow {
  readonly receiptId: string;
  readonly issuedAt: string;
  readonly signerFingerprint: string;
  readonly appliedAtMs: number;
  readonly revisionCount: number;
}

export type SignerSource = 'self' | 'approved' | 'keyFile';

/** A public key whose bundles and receipts are accepted here. */
export interface SignerRow {
  /** Base64url of the raw Ed25519 public key. */
  readonly publicKey: string;
  readonly fingerprint: string;
  readonly label: string;
  readonly source: SignerSource;
  readonly addedAtMs: number;
}

/**
 * This installation's Ed25519 signing key. In a browser the private key is a non-extractable
 * CryptoKey (IndexedDB stores it, scripts cannot read its bytes); in Electron it is PKCS8 sealed by
 * the operating system's key store through the Bridge; where the system has no key store, it is
 * PKCS8 sealed with a passphrase the facilitator chose (core/crypto/passphrase-wrap.ts).
 */
export type IdentityRow =
  | { readonly key: 'device'; readonly kind: 'webcrypto'; readonly publicKey: Uint8Array; readonly privateKey: CryptoKey }
  | { readonly key: 'device'; readonly kind: 'sealed'; readonly publicKey: Uint8Array; readonly sealed: Uint8Array }
  | { readonly key: 'device'; readonly kind: 'passphrase'; readonly publicKey: Uint8Array; readonly wrapped: PassphraseWrapped };

/** Evidence file bytes, content-addressed: which data point uses them is the value records' `evidence` field. */
export interface AttachmentRow {
  /** Lower-case hex SHA-256 of `bytes`. */
  readonly sha256: string;
  readonly bytes: Uint8Array;
  readonly size: number;
  /** MIME type, decided from the extension and checked against the content (attachments.ts). */
  readonly type: string;
  /** The file name when it was first attached or received. */
  readonly name: string;
  readonly addedAtMs: number;
}

export type CityKpiDb = Dexie & {
  /** Exactly the core Revision objects (no local properties: the id hashes every property). */
  revisions: EntityTable<Revision, 'id'>;
  meta: EntityTable<MetaRow, 'key'>;
  ledger: EntityTable<ImportRow, 'fileSha256'>;
  held: EntityTable<HeldRow, 'fileSha256'>;
  delivered: EntityTable<DeliveredRow, 'revisionId'>;
  receipts: EntityTable<ReceiptRow, 'receiptId'>;
  signers: EntityTable<SignerRow, 'publicKey'>;
  identity: EntityTable<IdentityRow, 'key'>;
  attachments: EntityTable<AttachmentRow, 'sha256'>;
  /** Signed statements of the devices whose revisions were imported here, so exports can relay those revisions with proof. */
  attestations: EntityTable<Attestation, 'signature'>;
};

export const APP_DB_NAME = 'citykpi';

export interface DbDependencies {
  readonly indexedDB?: IDBFactory;
  readonly IDBKeyRange?: typeof IDBKeyRange;
}

/** Write durability: a committed edit is on disk before the UI says "saved" (Chrome defaults to relaxed). */
export const DURABILITY = 'strict' as const;

const madeByNewerVersion = new WeakSet<Dexie>();

/**
 * Dexie answers every call after a failed open with that failure. A full disk or a file held by another
 * program can be over by the next call, so the connection is reset and that call opens it again; a
 * database from a newer CityKPI stays refused, and one closed on purpose stays closed.
 */
export function retryFailedOpen(db: CityKpiDb): void {
  if (db.hasFailed() && !db.hasBeenClosed() && !madeByNewerVersion.has(db)) db.close({ disableAutoOpen: false });
}

export function createDb(name: string, dependencies: DbDependencies = {}): CityKpiDb {
  const db = new Dexie(name, {
    chromeTransactionDurability: DURABILITY,
    ...(dependencies.indexedDB ? { indexedDB: dependencies.indexedDB } : {}),
    ...(dependencies.IDBKeyRange ? { IDBKeyRange: dependencies.IDBKeyRange } : {}),
  }) as CityKpiDb;
  for (const step of SCHEMA_HISTORY) {
    const version = db.version(step.version).stores(step.stores);
    if (step.upgrade) version.upgrade(step.upgrade);
  }
  followRevisionAdditions(db);
  // Dexie 4 opens a database of a higher version as it stands; its tables may mean something else there.
  db.on('ready', () => {
    // Dexie keeps IndexedDB versions at ten times its own.
    const stored = db.backendDB().version / 10;
    if (stored > CURRENT_SCHEMA_VERSION) {
      madeByNewerVersion.add(db);
      db.close();
      throw new DataError('E_DB_NEWER', `the database is at schema version ${stored}, this CityKPI knows up to ${CURRENT_SCHEMA_VERSION}`);
    }
  });
  return db;
}
