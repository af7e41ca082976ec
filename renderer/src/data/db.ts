/**
 * The one place that knows the IndexedDB schema. Every version stays declared so that migrations
 * remain visible and testable; rows are plain objects keyed by client-made string ids, so laptops
 * merge without coordination.
 */
import { Dexie, type EntityTable } from 'dexie';
import type { Revision } from '../../../core/revisions/types.ts';

/** Small key-value facts about this installation: device id, last clock, author name. */
export interface MetaRow {
  readonly key: string;
  readonly value: string | null;
}

export type CityKpiDb = Dexie & {
  /** Exactly the core Revision objects (no local properties: the id hashes every property). */
  revisions: EntityTable<Revision, 'id'>;
  meta: EntityTable<MetaRow, 'key'>;
};

export const APP_DB_NAME = 'citykpi';

/** Schema history. Never edit a released entry: add a new version (and a migration test). */
export const SCHEMA_VERSIONS = {
  1: {
    revisions: 'id, recordId, hlc',
    meta: 'key',
  },
} as const;

export interface DbDependencies {
  readonly indexedDB?: IDBFactory;
  readonly IDBKeyRange?: typeof IDBKeyRange;
}

/** Write durability: a committed edit is on disk before the UI says "saved" (Chrome defaults to relaxed). */
export const DURABILITY = 'strict' as const;

export function createDb(name: string, dependencies: DbDependencies = {}): CityKpiDb {
  const db = new Dexie(name, {
    chromeTransactionDurability: DURABILITY,
    ...(dependencies.indexedDB ? { indexedDB: dependencies.indexedDB } : {}),
    ...(dependencies.IDBKeyRange ? { IDBKeyRange: dependencies.IDBKeyRange } : {}),
  }) as CityKpiDb;
  db.version(1).stores(SCHEMA_VERSIONS[1]);
  return db;
}
