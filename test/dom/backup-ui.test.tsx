import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { act, cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { decodeBundle } from '../../core/bundle/index.ts';
import { DEMO_ASSESSMENT_ID } from '../../core/demo/index.ts';
import type { BackupRequest, Bridge, BridgeResult } from '../../electron/contract/bridge.ts';
import { resetBridgeForTests } from '../../renderer/src/bridge/index.ts';
import { setAppStoreForTests } from '../../renderer/src/data/app-store.ts';
import { createDb, type CityKpiDb } from '../../renderer/src/data/db.ts';
import { checkStoredData, readSentinel, recordSentinel } from '../../renderer/src/data/storage-health.ts';
import { createDataStore, type DataStore } from '../../renderer/src/data/store.ts';
import { StorageAlerts } from '../../renderer/src/features/backup/StorageAlerts.tsx';
import { StorageStatus } from '../../renderer/src/features/backup/StorageStatus.tsx';
import { startStorageGuard } from '../../renderer/src/features/backup/storage-guard.ts';
import { resetStorageStateForTests, storageState, updateStorageState } from '../../renderer/src/features/backup/storage-state.ts';
import { i18n, initI18n } from '../../renderer/src/i18n/index.ts';
import { wrapRevisionsTable } from './support/revisions-middleware.ts';

// The guard on a real (fake-indexeddb) database, with a test shell in place of Electron.
vi.setConfig({ testTimeout: 30_000 });
// Opening the database and loading a language can take more than a second on a busy machine.
configure({ asyncUtilTimeout: 5_000 });

type BridgeWindow = Window & { __CITYKPI_TEST_BRIDGE__?: Bridge };
type WriteResult = BridgeResult<{ readonly name: string }>;

let db: CityKpiDb;
let store: DataStore;
let written: BackupRequest[];
let answer: () => WriteResult;

function testBridge(): Bridge {
  return {
    appInfo: async () => ({ shell: 'electron', version: '9.9.9', platform: 'linux', preferredLanguages: ['en'] }),
    saveFile: async () => ({ ok: false, code: 'E_UNAVAILABLE' }),
    openFile: async () => ({ ok: false, code: 'E_UNAVAILABLE' }),
    printToPdf: async () => ({ ok: false, code: 'E_UNAVAILABLE' }),
    writeBackup: async (request) => {
      written.push(request);
      return answer();
    },
    sealSecret: async () => ({ ok: false, code: 'E_UNAVAILABLE' }),
    unsealSecret: async () => ({ ok: false, code: 'E_UNAVAILABLE' }),
    keyStore: async () => ({ kind: 'browser', backend: 'indexeddb' }),
    takeOpenedFile: async () => ({ ok: true, value: null }),
    setOfficeInbox: async () => ({ ok: true, value: { reloading: false } }),
  };
}

function useDb(name: string): void {
  db = createDb(name);
  store = createDataStore(db);
  setAppStoreForTests(store);
}

beforeAll(async () => {
  await initI18n('en');
});

beforeEach(async () => {
  written = [];
  answer = () => ({ ok: true, value: { name: `auto-${written.length}.bak` } });
  window.localStorage.clear();
  resetStorageStateForTests();
  (window as BridgeWindow).__CITYKPI_TEST_BRIDGE__ = testBridge();
  resetBridgeForTests();
  useDb(`backup-ui-${Math.random().toString(36).slice(2)}`);
  window.location.hash = '#/';
  await act(() => i18n.changeLanguage('en'));
});

afterEach(() => {
  cleanup();
  setAppStoreForTests(undefined);
  db.close();
  delete (window as BridgeWindow).__CITYKPI_TEST_BRIDGE__;
  resetBridgeForTests();
});

/** Data saved in an earlier session (with its sentinel), then the browser loses the database. */
async function loseTheDatabase(): Promise<number> {
  await store.openDemo();
  const sentinel = await recordSentinel(db, window.localStorage);
  const name = db.name;
  await db.delete();
  useDb(name);
  return sentinel.revisionCount;
}

function hidePage(): void {
  Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
  document.dispatchEvent(new Event('visibilitychange'));
  Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
}

describe('missing local data', () => {
  it('blocks the app with a translated alert instead of showing it empty, and writes no backup', async () => {
    const expected = await loseTheDatabase();
    render(<StorageAlerts />);
    const dialog = await screen.findByRole('alertdialog', { name: 'Local data is missing' });
    expect(within(dialog).getByText(`CityKPI had saved ${expected} changes on this laptop, but its local storage now holds only 0.`)).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Import a backup' })).toBeTruthy();
    expect(storageState().backup.phase).toBe('paused');
    hidePage();
    window.dispatchEvent(new Event('pagehide'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(written).toEqual([]);
  });

  it('shows the alert in the user’s language', async () => {
    await loseTheDatabase();
    await act(() => i18n.changeLanguage('fr'));
    render(<StorageAlerts />);
    expect(await screen.findByRole('alertdialog', { name: 'Des données locales manquent' })).toBeTruthy();
  });

  it('leads to the import screen, stays as a banner, and clears once an import brings the data back', async () => {
    const expected = await loseTheDatabase();
    render(<StorageAlerts />);
    fireEvent.click(await screen.findByRole('button', { name: 'Import a backup' }));
    expect(window.location.hash).toBe('#/sync');
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(screen.getByRole('alert').textContent).toContain(`${expected} saved changes are still missing.`);

    await act(() => store.openDemo());
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(storageState().data).toEqual({ kind: 'ok' });
    expect(storageState().backup.phase).toBe('watching');
    expect(await checkStoredData(db, window.localStorage)).toMatchObject({ status: 'ok' });
  });

  it('lets the user knowingly continue without the missing data', async () => {
    await loseTheDatabase();
    render(<StorageAlerts />);
    const dialog = await screen.findByRole('alertdialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Continue without the missing data…' }));
    expect(within(dialog).getByText(/replace the older backup files/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Continue without them' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(storageState().data).toEqual({ kind: 'ok' });
    expect(await checkStoredData(db, window.localStorage)).toMatchObject({ status: 'ok' });
  });

  it('starts one guard and shows one alert however often it is mounted', async () => {
    await loseTheDatabase();
    render(
      <>
        <StorageAlerts />
        <StorageAlerts />
      </>,
    );
    await screen.findByRole('alertdialog');
    expect(screen.getAllByRole('alertdialog')).toHaveLength(1);
  });

  it('records a change saved while the data is being checked, so its loss would be noticed at the next start', async () => {
    await store.openDemo();
    await recordSentinel(db, window.localStorage);
    const name = db.name;
    db.close();
    useDb(name);
    // A value saved the moment the guard starts counting: its write waits for the count, then commits
    // while the guard is still comparing that count with the sentinel.
    let saved: Promise<unknown> | undefined;
    wrapRevisionsTable(db, 'save-while-counting', (table) => ({
      count: (request) => {
        saved ??= Dexie.ignoreTransaction(() => store.saveValueFields(DEMO_ASSESSMENT_ID, 'EC-ICT-ICT-1C', '_', { numerator: 7 }));
        return table.count(request);
      },
    }));
    const stop = startStorageGuard({ bridge: testBridge(), recipients: () => [], storage: window.localStorage });
    await waitFor(() => expect(saved).toBeDefined());
    await saved;
    await waitFor(() => expect(storageState().data).toEqual({ kind: 'ok' }));
    const stored = await db.revisions.count();
    await waitFor(() => expect(readSentinel(db, window.localStorage)?.revisionCount).toBe(stored));
    stop();
  });

  it('raises no alarm on a first start or for a healthy database', async () => {
    await store.openDemo();
    render(<StorageAlerts />);
    await waitFor(() => expect(storageState().data).toEqual({ kind: 'ok' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('another window takes the database over', () => {
  it('shows a reload banner on versionchange', async () => {
    await store.openDemo();
    render(<StorageAlerts />);
    await waitFor(() => expect(storageState().data).toEqual({ kind: 'ok' }));
    const newer = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(db.name, 1000);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const banner = await screen.findByRole('alert');
    expect(banner.textContent).toContain('CityKPI was updated or reset in another window. Reload this window to continue');
    expect(within(banner).getByRole('button', { name: 'Reload' })).toBeTruthy();
    expect(storageState().backup.phase).toBe('off');
    newer.close();
  });
});

describe('automatic backups', () => {
  it('backs up when the page is hidden: a bundle of every revision, shown in the status', async () => {
    await store.openDemo();
    await store.saveValueFields(DEMO_ASSESSMENT_ID, 'EC-ICT-ICT-1C', '_', { numerator: 130_000 });
    render(
      <>
        <StorageAlerts />
        <StorageStatus />
      </>,
    );
    await waitFor(() => expect(storageState().backup.phase).toBe('watching'));
    hidePage();
    await waitFor(() => expect(written).toHaveLength(1));
    const decoded = await decodeBundle(written[0]!.bytes);
    expect(decoded.revisions.map((revision) => revision.id)).toEqual((await db.revisions.toCollection().primaryKeys()).sort());
    expect(decoded.manifest.app.version).toBe('9.9.9');
    const count = await db.revisions.count();
    expect(await screen.findByText(new RegExp(`\\(${count} changes\\)$`))).toBeTruthy();
    expect(screen.getByText('On: a backup is written a few minutes after changes')).toBeTruthy();
  });

  it('backs up after a quiet period following an edit', async () => {
    await store.openDemo();
    window.localStorage.setItem(`citykpi.lastBackup.${db.name}`, JSON.stringify({ name: 'x', atMs: 0, revisionCount: await db.revisions.count() }));
    const stop = startStorageGuard({
      bridge: testBridge(),
      recipients: () => [],
      storage: window.localStorage,
      timing: { quietMs: 100, maxDelayMs: 1_000, minIntervalMs: 200 },
    });
    await waitFor(() => expect(storageState().backup.phase).toBe('watching'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(written).toEqual([]);
    await store.saveValueFields(DEMO_ASSESSMENT_ID, 'EC-ICT-ICT-1C', '_', { numerator: 1 });
    await waitFor(() => expect(written).toHaveLength(1));
    expect((await decodeBundle(written[0]!.bytes)).revisions).toHaveLength(await db.revisions.count());
    stop();
  });

  it('surfaces a failed backup with a translated reason, and keeps the data', async () => {
    answer = () => ({ ok: false, code: 'E_IO' });
    await store.openDemo();
    const before = await db.revisions.count();
    render(
      <>
        <StorageAlerts />
        <StorageStatus />
      </>,
    );
    await waitFor(() => expect(storageState().backup.phase).toBe('watching'));
    hidePage();
    const banner = await screen.findByRole('alert');
    expect(banner.textContent).toContain('The automatic backup failed. The backup file could not be written.');
    expect(screen.getByText(/^The automatic backup at .* failed:/)).toBeTruthy();
    expect(await db.revisions.count()).toBe(before);
    fireEvent.click(within(banner).getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  it('in web mode says once that backups need the desktop app, and stops trying', async () => {
    answer = () => ({ ok: false, code: 'E_UNAVAILABLE' });
    await store.openDemo();
    render(
      <>
        <StorageAlerts />
        <StorageStatus />
      </>,
    );
    await waitFor(() => expect(storageState().backup.phase).toBe('watching'));
    hidePage();
    expect(await screen.findByText('Automatic backups need the desktop app')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    await act(() => store.saveValueFields(DEMO_ASSESSMENT_ID, 'EC-ICT-ICT-1C', '_', { numerator: 2 }));
    hidePage();
    window.dispatchEvent(new Event('pagehide'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(written).toHaveLength(1);
    expect(storageState().backup.failure).toBeNull();
  });
});

describe('storage status', () => {
  it('shows whether the browser keeps the data, how much space it uses, and warns when it may not', async () => {
    render(<StorageStatus />);
    expect(screen.getByText('None yet')).toBeTruthy();
    act(() =>
      updateStorageState((current) => ({ ...current, persistence: { persisted: false, usageBytes: 2_500_000, quotaBytes: 10_000_000_000 } })),
    );
    expect(screen.getByText('No')).toBeTruthy();
    expect(screen.getByText('2.5 MB of 10,000 MB available')).toBeTruthy();
    expect(screen.getByText(/The browser may delete this data when the disk is nearly full/)).toBeTruthy();
    act(() => updateStorageState((current) => ({ ...current, persistence: { persisted: true, usageBytes: null, quotaBytes: null } })));
    expect(screen.getByText('Yes: the browser will not delete this data to free space')).toBeTruthy();
    expect(screen.queryByText(/The browser may delete this data/)).toBeNull();
    expect(screen.queryByText('Space used')).toBeNull();
  });

  it('uses the plural forms of the language (Arabic “few” for 3, Russian “many” for 5)', async () => {
    const last = (revisionCount: number) =>
      act(() => updateStorageState((current) => ({ ...current, backup: { ...current.backup, last: { name: 'auto-x.bak', atMs: 0, revisionCount } } })));
    await act(() => i18n.changeLanguage('ar'));
    render(<StorageStatus />);
    last(3);
    expect(screen.getByText(/\(3 تغييرات\)$/)).toBeTruthy();
    await act(() => i18n.changeLanguage('ru'));
    last(5);
    expect(screen.getByText(/\(5 изменений\)$/)).toBeTruthy();
  });
});
