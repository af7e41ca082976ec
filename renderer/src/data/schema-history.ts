/**
 * The IndexedDB schema as it grew, one entry per version, written out literally. An entry that has
 * shipped is never edited, not even to tidy it: laptops in the field hold databases it made, and the
 * only way to change the schema is to APPEND a version (new tables, new indexes, `null` to drop a
 * table, an `upgrade` to move rows). Each entry lists only what its version added or changed; Dexie
 * carries every table forward. test/fixtures/schema/released.json freezes the shipped entries and
 * holds a database made by each shipped version, which the tests migrate to the newest one.
 */
import type { Transaction } from 'dexie';

export interface SchemaVersion {
  readonly version: number;
  /** Dexie store declarations (primary key first, then indexes); `null` deletes a table. */
  readonly stores: Readonly<Record<string, string | null>>;
  /** Moves or rewrites rows once, inside the upgrade transaction (IndexedDB calls only). */
  readonly upgrade?: (transaction: Transaction) => Promise<void>;
}

export const SCHEMA_HISTORY: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      revisions: 'id, recordId, hlc',
      meta: 'key',
    },
  },
  {
    // Bundles: import ledger, held bundles, delivery marks from receipts, trusted signers, device key.
    version: 2,
    stores: {
      imports: 'bundleId, fileSha256, importedAtMs',
      held: 'fileSha256, bundleId, receivedAtMs',
      delivered: 'revisionId, receiptId',
      receipts: 'receiptId, appliedAtMs',
      signers: 'publicKey',
      identity: 'key',
    },
  },
  {
    // Evidence attachments, keyed by the SHA-256 of their bytes.
    version: 3,
    stores: {
      attachments: 'sha256, addedAtMs',
    },
  },
  {
    // The import ledger keyed by the file's SHA-256 (a bundle id is the signer's choice, so one file could
    // make another look imported), with the old rows copied; attestations of the revisions relayed here.
    version: 4,
    stores: {
      ledger: 'fileSha256, bundleId, importedAtMs',
      attestations: 'signature',
    },
    upgrade: async (transaction) => {
      await transaction.table('ledger').bulkPut(await transaction.table('imports').toArray());
    },
  },
  {
    // The old ledger, once its rows are in `ledger`.
    version: 5,
    stores: {
      imports: null,
    },
  },
];

/** The version this code opens databases at; a database at a higher one was made by a newer CityKPI. */
export const CURRENT_SCHEMA_VERSION = SCHEMA_HISTORY[SCHEMA_HISTORY.length - 1]!.version;

/** Every table and its declaration as of `version` (what Dexie builds by applying the history up to it). */
export function storesAt(version: number): Record<string, string> {
  const stores: Record<string, string> = {};
  for (const step of SCHEMA_HISTORY) {
    if (step.version > version) break;
    for (const [table, declaration] of Object.entries(step.stores)) {
      if (declaration === null) delete stores[table];
      else stores[table] = declaration;
    }
  }
  return stores;
}
