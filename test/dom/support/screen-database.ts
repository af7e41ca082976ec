import { afterEach, beforeAll, beforeEach } from 'vitest';
import { act, cleanup } from '@testing-library/react';
import { setAppStoreForTests } from '../../../renderer/src/data/app-store.ts';
import { createDb, type CityKpiDb } from '../../../renderer/src/data/db.ts';
import { createDataStore, type DataStore } from '../../../renderer/src/data/store.ts';
import { i18n, initI18n } from '../../../renderer/src/i18n/index.ts';

export interface ScreenDatabase {
  readonly db: CityKpiDb;
  readonly store: DataStore;
}

/**
 * Whole screens over a real (fake-indexeddb) database: every test gets a fresh one wired in as the app's
 * store, the English interface and the home route, and nothing of it is left for the next test.
 */
export function useScreenDatabase(name: string): ScreenDatabase {
  let current: ScreenDatabase | undefined;
  const opened = (): ScreenDatabase => {
    if (!current) throw new Error('the screen database exists only while a test runs');
    return current;
  };

  beforeAll(async () => {
    await initI18n('en');
  });

  beforeEach(async () => {
    const db = createDb(`${name}-${Math.random().toString(36).slice(2)}`);
    current = { db, store: createDataStore(db) };
    setAppStoreForTests(current.store);
    window.location.hash = '#/';
    await act(() => i18n.changeLanguage('en'));
  });

  afterEach(() => {
    cleanup();
    setAppStoreForTests(undefined);
    opened().db.close();
    current = undefined;
    window.localStorage.clear();
  });

  return {
    get db() {
      return opened().db;
    },
    get store() {
      return opened().store;
    },
  };
}
