import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, configure, render, screen, waitFor } from '@testing-library/react';
import { App } from '../../renderer/src/app/App.tsx';
import { resetBridgeForTests } from '../../renderer/src/bridge/index.ts';
import { setAppStoreForTests } from '../../renderer/src/data/app-store.ts';
import { createDb, type CityKpiDb } from '../../renderer/src/data/db.ts';
import { recordSentinel } from '../../renderer/src/data/storage-health.ts';
import { createDataStore, type DataStore } from '../../renderer/src/data/store.ts';
import { StorageAlerts } from '../../renderer/src/features/backup/StorageAlerts.tsx';
import { resetStorageStateForTests, storageState } from '../../renderer/src/features/backup/storage-state.ts';
import { i18n, initI18n } from '../../renderer/src/i18n/index.ts';

// <StorageAlerts /> next to the real app shell, in web mode (the web bridge), as the shell will mount it.
vi.setConfig({ testTimeout: 30_000 });
// Opening the database and loading a language can take more than a second on a busy machine.
configure({ asyncUtilTimeout: 5_000 });

let db: CityKpiDb;
let store: DataStore;

function useDb(name: string): void {
  db = createDb(name);
  store = createDataStore(db);
  setAppStoreForTests(store);
}

beforeAll(async () => {
  await initI18n('en');
});

beforeEach(async () => {
  window.localStorage.clear();
  resetStorageStateForTests();
  resetBridgeForTests();
  useDb(`backup-shell-${Math.random().toString(36).slice(2)}`);
  window.location.hash = '#/';
  await act(() => i18n.changeLanguage('en'));
});

afterEach(() => {
  cleanup();
  setAppStoreForTests(undefined);
  db.close();
});

function Shell() {
  return (
    <>
      <StorageAlerts />
      <App />
    </>
  );
}

describe('storage alerts in the app shell', () => {
  it('leave a healthy app alone', async () => {
    await store.openDemo();
    render(<Shell />);
    await waitFor(() => expect(storageState().data).toEqual({ kind: 'ok' }));
    expect(await screen.findByRole('heading', { level: 1 })).toBeTruthy();
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('never show an emptied database as an empty app: the alert hides the screen behind it', async () => {
    await store.openDemo();
    await recordSentinel(db, window.localStorage);
    const name = db.name;
    await db.delete();
    useDb(name);
    render(<Shell />);
    expect(await screen.findByRole('alertdialog', { name: 'Local data is missing' })).toBeTruthy();
    // react-aria makes everything outside the modal inert: the empty screens cannot be reached.
    await waitFor(() => expect(document.getElementById('main')?.closest('[inert]')).toBeTruthy());
    expect(document.querySelector('.app-header')?.closest('[inert]')).toBeTruthy();
  });
});
