/** The app's own database and store, created on first use; DOM tests may swap them. */
import { migrateCatalogues } from './catalogue-migration.ts';
import { APP_DB_NAME, createDb, retryFailedOpen } from './db.ts';
import { requestPersistence, type PersistenceStatus } from './persistence.ts';
import { createDataStore, type DataStore } from './store.ts';

let current: DataStore | undefined;

/** How long start-up maintenance waits before looking for an idle moment. */
const SETTLE_MS = 2_000;

/**
 * Start-up maintenance reads every assessment; IndexedDB answers one request at a time, so run now it
 * would hold back the first screen's own reads (the interface language, the open assessment).
 */
function afterStartSettles(task: () => void): void {
  setTimeout(() => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: SETTLE_MS });
    else task();
  }, SETTLE_MS);
}
let persistence: Promise<PersistenceStatus> | undefined;

export function appStore(): DataStore {
  if (!current) {
    current = createDataStore(createDb(APP_DB_NAME));
    // Assessments of an older catalogue version move on at every start; one that fails now is retried next time.
    const { db } = current;
    afterStartSettles(() => void migrateCatalogues(db).catch(() => 0));
    // Once per app start, not per store swap.
    persistence ??= requestPersistence(globalThis.navigator?.storage);
  }
  retryFailedOpen(current.db);
  return current;
}

/** Whether the browser granted persistent storage, and how full it is (resolved once at startup). */
export function persistenceStatus(): Promise<PersistenceStatus> {
  appStore();
  return persistence!;
}

/** For DOM tests: use this store (or a fresh app store when undefined) from now on. */
export function setAppStoreForTests(store: DataStore | undefined): void {
  current = store;
}
