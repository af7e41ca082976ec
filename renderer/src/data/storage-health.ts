/**
 * Noticing that the browser lost our database. Chromium resets a corrupted IndexedDB, and Electron
 * updates or downgrades have wiped it, without telling the page: it simply opens empty. A small
 * sentinel kept OUTSIDE IndexedDB (in localStorage, which those resets leave alone) remembers which
 * database this was and how many revisions it held. Revisions are never deleted, so fewer revisions
 * than the sentinel remembers means data went missing, and the app must say so instead of showing
 * an empty workshop.
 */
import type { CityKpiDb } from './db.ts';

const SENTINEL_KEY_PREFIX = 'citykpi.storageSentinel.';
const DATABASE_ID = 'databaseId';

export type SentinelStorage = Pick<Storage, 'getItem' | 'setItem'>;

export interface StorageSentinel {
  /** A random id made when the database was first seen: a new empty database gets a new one. */
  readonly databaseId: string;
  readonly revisionCount: number;
  readonly recordedAtMs: number;
}

export interface DatabaseFacts {
  /** null: this database has never been recorded (new, or recreated empty by the browser). */
  readonly databaseId: string | null;
  readonly revisionCount: number;
}

export type StoredDataCheck =
  | { readonly status: 'ok'; readonly facts: DatabaseFacts }
  | { readonly status: 'missing'; readonly expected: StorageSentinel; readonly facts: DatabaseFacts };

function sentinelKey(db: CityKpiDb): string {
  return `${SENTINEL_KEY_PREFIX}${db.name}`;
}

function isSentinel(value: unknown): value is StorageSentinel {
  if (typeof value !== 'object' || value === null) return false;
  const { databaseId, revisionCount, recordedAtMs } = value as Record<string, unknown>;
  return typeof databaseId === 'string' && Number.isSafeInteger(revisionCount) && (revisionCount as number) >= 0 && typeof recordedAtMs === 'number';
}

/** A missing, unreadable or malformed sentinel reads as none: it can only ever raise an alarm, never silence one. */
export function readSentinel(db: CityKpiDb, storage: SentinelStorage): StorageSentinel | null {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(sentinelKey(db)) ?? 'null');
    return isSentinel(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

/** `revisionCount`: the count the caller follows already (revision-count.ts); the table is counted otherwise. */
export function readDatabaseFacts(db: CityKpiDb, revisionCount?: number): Promise<DatabaseFacts> {
  return db.transaction('r', [db.meta, db.revisions], async () => ({
    databaseId: (await db.meta.get(DATABASE_ID))?.value ?? null,
    revisionCount: revisionCount ?? (await db.revisions.count()),
  }));
}

/**
 * Compares the database with the sentinel. The sentinel is read first: whatever count it holds was
 * committed before it was written, so a healthy database can only show as many revisions or more.
 */
export async function checkStoredData(db: CityKpiDb, storage: SentinelStorage, revisionCount?: number): Promise<StoredDataCheck> {
  const expected = readSentinel(db, storage);
  const facts = await readDatabaseFacts(db, revisionCount);
  if (expected && facts.revisionCount < expected.revisionCount) return { status: 'missing', expected, facts };
  return { status: 'ok', facts };
}

/** The database's id, made on first use: a read, and a write only the first time. */
async function ensureDatabaseId(db: CityKpiDb, makeId: () => string): Promise<string> {
  const stored = (await db.meta.get(DATABASE_ID))?.value;
  if (stored) return stored;
  return db.transaction('rw', db.meta, async () => {
    const existing = (await db.meta.get(DATABASE_ID))?.value;
    if (existing) return existing;
    const databaseId = makeId();
    await db.meta.put({ key: DATABASE_ID, value: databaseId });
    return databaseId;
  });
}

export interface RecordSentinelOptions {
  /** The user accepted the data as it is now: forget the larger count remembered before. */
  readonly replace?: boolean;
  readonly now?: () => number;
  readonly makeId?: () => string;
  /** The revisions stored now, when the caller follows them already (revision-count.ts); counted otherwise. */
  readonly revisionCount?: number;
}

/**
 * Records the database as it is now. Call it only once the data was found healthy (or the user
 * accepted what is there). Within one database the count only grows, so a window that read an
 * older count never lowers what another window recorded.
 */
export async function recordSentinel(db: CityKpiDb, storage: SentinelStorage, options: RecordSentinelOptions = {}): Promise<StorageSentinel> {
  const databaseId = await ensureDatabaseId(db, options.makeId ?? (() => crypto.randomUUID()));
  const counted = options.revisionCount ?? (await db.revisions.count());
  const previous = options.replace ? null : readSentinel(db, storage);
  const revisionCount = previous?.databaseId === databaseId ? Math.max(previous.revisionCount, counted) : counted;
  const sentinel: StorageSentinel = { databaseId, revisionCount, recordedAtMs: (options.now ?? Date.now)() };
  try {
    storage.setItem(sentinelKey(db), JSON.stringify(sentinel));
  } catch {
    // localStorage full or disabled: the check is weaker, but the data itself is unaffected.
  }
  return sentinel;
}

export type ConnectionProblem = 'versionchange' | 'blocked';

/**
 * Another window (a newer CityKPI) upgrading or deleting the database fires `versionchange`, after
 * which Dexie closes our connection; our own open waiting on an older window fires `blocked`.
 * Either way this window cannot go on without a reload.
 */
export function watchConnection(db: CityKpiDb, onProblem: (problem: ConnectionProblem) => void): () => void {
  const onVersionChange = () => onProblem('versionchange');
  const onBlocked = () => onProblem('blocked');
  db.on('versionchange', onVersionChange);
  db.on('blocked', onBlocked);
  return () => {
    db.on('versionchange').unsubscribe(onVersionChange);
    db.on('blocked').unsubscribe(onBlocked);
  };
}
