import { afterEach, describe, expect, it, vi } from 'vitest';
import { Dexie, type DBCore, type DBCoreMutateRequest } from 'dexie';
import { createDb, type CityKpiDb } from '../../renderer/src/data/db.ts';
import { DataError, toDataError } from '../../renderer/src/data/errors.ts';
import { requestPersistence } from '../../renderer/src/data/persistence.ts';
import { createDataStore } from '../../renderer/src/data/store.ts';

const CITY = {
  city: { name: 'Quota Town', country: 'Nowhere', population: 10, households: 4, areaKm2: 1, gdp: 1, currency: 'EUR' },
  year: 2025,
};

const opened: CityKpiDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
  vi.restoreAllMocks();
});

function quotaError(): DOMException {
  return new DOMException('The quota has been exceeded.', 'QuotaExceededError');
}

describe('error mapping', () => {
  it('recognises a quota error however Dexie wraps it', () => {
    expect(toDataError(quotaError()).code).toBe('E_DISK_FULL');
    expect(toDataError(new Dexie.AbortError('aborted', quotaError())).code).toBe('E_DISK_FULL');
    const bulk = Object.assign(new Error('bulk'), { name: 'BulkError', failures: [new Error('x'), quotaError()] });
    expect(toDataError(bulk).code).toBe('E_DISK_FULL');
    expect(toDataError(new Dexie.DatabaseClosedError()).code).toBe('E_DB');
    const original = new DataError('E_INVALID', 'bad');
    expect(toDataError(original)).toBe(original);
  });

  it('reports a full disk during a save as E_DISK_FULL and keeps nothing of it', async () => {
    let failWrites = false;
    const db = createDb(`quota-${Math.random()}`);
    opened.push(db);
    db.use({
      stack: 'dbcore',
      name: 'inject-quota-error',
      create: (down: DBCore): DBCore => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          return {
            ...table,
            mutate: (request: DBCoreMutateRequest) =>
              failWrites && name === 'revisions' ? Promise.reject(quotaError()) : table.mutate(request),
          };
        },
      }),
    });
    const store = createDataStore(db);
    const { assessmentId } = await store.createAssessment(CITY);
    const before = await db.revisions.count();
    const clockBefore = await db.meta.get('clock');
    failWrites = true;
    const error = await store.saveValueFields(assessmentId, 'EC-ICT-ICT-1C', '_', { numerator: 1 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).code).toBe('E_DISK_FULL');
    failWrites = false;
    expect(await db.revisions.count()).toBe(before);
    expect(await db.meta.get('clock')).toEqual(clockBefore);
  });
});

describe('durability and persistence', () => {
  it('opens every read-write transaction with strict durability', async () => {
    const spy = vi.spyOn(IDBDatabase.prototype, 'transaction');
    const db = createDb(`durability-${Math.random()}`);
    opened.push(db);
    await createDataStore(db).createAssessment(CITY);
    // Dexie's own open-time transactions (upgrade, schema read) write nothing of ours.
    const writes = spy.mock.calls.filter((call) => call[1] === 'readwrite');
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.every((call) => call[2]?.durability === 'strict')).toBe(true);
  });

  it('asks for persistent storage only when not yet granted, and reports usage', async () => {
    const granted = { persisted: vi.fn(async () => true), persist: vi.fn(async () => true), estimate: vi.fn(async () => ({ usage: 10, quota: 100 })) };
    expect(await requestPersistence(granted)).toEqual({ persisted: true, usageBytes: 10, quotaBytes: 100 });
    expect(granted.persist).not.toHaveBeenCalled();

    const fresh = { persisted: vi.fn(async () => false), persist: vi.fn(async () => false), estimate: vi.fn(async () => ({})) };
    expect(await requestPersistence(fresh)).toEqual({ persisted: false, usageBytes: null, quotaBytes: null });
    expect(fresh.persist).toHaveBeenCalledTimes(1);

    expect(await requestPersistence(undefined)).toEqual({ persisted: false, usageBytes: null, quotaBytes: null });
    const broken = { persisted: vi.fn(async () => false), persist: vi.fn(async () => Promise.reject(new Error('no'))), estimate: vi.fn(async () => ({})) };
    expect((await requestPersistence(broken)).persisted).toBe(false);
  });

  it('requests persistence once per app start, however often the app store is used', async () => {
    const storage = { persisted: vi.fn(async () => false), persist: vi.fn(async () => true), estimate: vi.fn(async () => ({ usage: 1, quota: 2 })) };
    Object.defineProperty(navigator, 'storage', { value: storage, configurable: true });
    vi.resetModules();
    const { appStore, persistenceStatus, setAppStoreForTests } = await import('../../renderer/src/data/app-store.ts');
    appStore();
    appStore();
    setAppStoreForTests(undefined);
    opened.push(appStore().db);
    expect(await persistenceStatus()).toEqual({ persisted: true, usageBytes: 1, quotaBytes: 2 });
    expect(storage.persist).toHaveBeenCalledTimes(1);
  });
});
