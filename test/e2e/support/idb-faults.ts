/**
 * Failure injection into Chromium's real IndexedDB, from the test side: the app needs no hook. An init
 * script wraps every IndexedDB write call (object store add/put/delete/clear, cursor update/delete).
 * `record()` counts the write steps of an operation; `failAt(k)` lets write k be issued and then aborts
 * its transaction, as a disk error or a crash at that point would. The engine, not a fake, then decides
 * what survives; `dumpDatabases` shows what did.
 */
import type { BrowserContext, Page } from 'playwright-core';

interface FaultState {
  mode: 'off' | 'record' | 'fail';
  failAt: number;
  writes: string[];
  fired: boolean;
}

declare global {
  interface Window {
    __e2eIdbFaults?: FaultState;
  }
}

function instrument(): void {
  const state: FaultState = { mode: 'off', failAt: 0, writes: [], fired: false };
  window.__e2eIdbFaults = state;
  const wrap = (prototype: object, method: string, storeOf: (target: never) => IDBObjectStore) => {
    const original = Reflect.get(prototype, method) as (...args: unknown[]) => IDBRequest;
    Reflect.set(prototype, method, function (this: never, ...args: unknown[]) {
      if (state.mode === 'off') return original.apply(this, args);
      const store = storeOf(this);
      state.writes.push(`${store.name}.${method}`);
      const request = original.apply(this, args);
      if (state.mode === 'fail' && state.writes.length === state.failAt) {
        state.fired = true;
        store.transaction.abort();
      }
      return request;
    });
  };
  for (const method of ['add', 'put', 'delete', 'clear']) wrap(IDBObjectStore.prototype, method, (store: IDBObjectStore) => store);
  for (const method of ['update', 'delete']) {
    wrap(IDBCursor.prototype, method, (cursor: IDBCursor) =>
      cursor.source instanceof IDBIndex ? cursor.source.objectStore : (cursor.source as IDBObjectStore),
    );
  }
}

export class IdbFaults {
  private constructor(private readonly page: Page) {}

  /** Must run before the app's page loads (i.e. before `session.open`). */
  static async install(context: BrowserContext, page: Page): Promise<IdbFaults> {
    await context.addInitScript(instrument);
    return new IdbFaults(page);
  }

  private async set(mode: FaultState['mode'], failAt = 0): Promise<void> {
    await this.page.evaluate(
      ({ mode, failAt }) => {
        const state = window.__e2eIdbFaults;
        if (!state) throw new Error('the IndexedDB fault injector is not installed on this page');
        Object.assign(state, { mode, failAt, writes: [], fired: false });
      },
      { mode, failAt },
    );
  }

  /** Count (without failing) the write steps from now on. */
  record(): Promise<void> {
    return this.set('record');
  }

  /** Abort the transaction of the k-th write step from now on (1-based). */
  failAt(step: number): Promise<void> {
    return this.set('fail', step);
  }

  off(): Promise<void> {
    return this.set('off');
  }

  /** The write steps seen since the last record()/failAt(), as `store.method`, and whether a fault fired. */
  async observed(): Promise<{ writes: string[]; fired: boolean }> {
    return this.page.evaluate(() => {
      const state = window.__e2eIdbFaults;
      return { writes: [...(state?.writes ?? [])], fired: state?.fired ?? false };
    });
  }
}

/**
 * Every IndexedDB database of the page's origin as canonical text: stores, keys and values, with bytes
 * as hex and CryptoKeys by their public description. Equal text means equal contents.
 */
export async function dumpDatabases(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const describe = (value: unknown): unknown => {
      if (value instanceof Uint8Array) return { bytes: [...value].map((b) => b.toString(16).padStart(2, '0')).join('') };
      if (value instanceof ArrayBuffer) return describe(new Uint8Array(value));
      if (value instanceof CryptoKey) return { cryptoKey: value.type, algorithm: value.algorithm.name, extractable: value.extractable };
      if (Array.isArray(value)) return value.map(describe);
      if (value && typeof value === 'object') {
        return Object.fromEntries(Object.keys(value).sort().map((key) => [key, describe((value as Record<string, unknown>)[key])]));
      }
      return value;
    };
    const request = <T>(req: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
    const dump: Record<string, unknown> = {};
    const databases = (await indexedDB.databases()).filter((info) => info.name).sort((a, b) => (a.name! < b.name! ? -1 : 1));
    for (const { name } of databases) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name!);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const stores: Record<string, unknown> = {};
      for (const storeName of [...db.objectStoreNames].sort()) {
        const store = db.transaction(storeName).objectStore(storeName);
        const [keys, values] = await Promise.all([request(store.getAllKeys()), request(store.getAll())]);
        stores[storeName] = keys.map((key, index) => [describe(key), describe(values[index])]);
      }
      db.close();
      dump[name!] = stores;
    }
    return JSON.stringify(dump);
  });
}
