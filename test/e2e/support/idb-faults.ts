/**
 * Failure injection into Chromium's real IndexedDB, from the test side: the app needs no hook. An init
 * script wraps every IndexedDB write call (object store add/put/delete/clear, cursor update/delete).
 * The operation under test is recognised by the first write of its transaction (e.g. `revisions.add`).
 * `record()` counts its write steps; `failAt(k)` lets write k be issued and then aborts the
 * transaction, as a disk error or a crash at that point would. The engine, not a fake, then decides
 * what survives; `dumpDatabases` shows what did.
 */
import type { BrowserContext, Page } from 'playwright-core';

interface FaultState {
  mode: 'off' | 'record' | 'fail';
  failAt: number;
  /** The first write (`store.method`) of the operation's transaction; other transactions are left alone. */
  firstWrite: string;
  transaction: IDBTransaction | null;
  writes: string[];
  fired: boolean;
}

declare global {
  interface Window {
    __e2eIdbFaults?: FaultState;
  }
}

function instrument(): void {
  const state: FaultState = { mode: 'off', failAt: 0, firstWrite: '', transaction: null, writes: [], fired: false };
  window.__e2eIdbFaults = state;
  const wrap = (prototype: object, method: string, storeOf: (target: never) => IDBObjectStore) => {
    const original = Reflect.get(prototype, method) as (...args: unknown[]) => IDBRequest;
    Reflect.set(prototype, method, function (this: never, ...args: unknown[]) {
      if (state.mode === 'off') return original.apply(this, args);
      const store = storeOf(this);
      const write = `${store.name}.${method}`;
      // Only the operation under test counts: background writes (other transactions) pass through.
      if (state.transaction === null && write === state.firstWrite) state.transaction = store.transaction;
      if (store.transaction !== state.transaction) return original.apply(this, args);
      state.writes.push(write);
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

  private async set(mode: FaultState['mode'], firstWrite = '', failAt = 0): Promise<void> {
    await this.page.evaluate(
      ({ mode, firstWrite, failAt }) => {
        const state = window.__e2eIdbFaults;
        if (!state) throw new Error('the IndexedDB fault injector is not installed on this page');
        Object.assign(state, { mode, firstWrite, failAt, transaction: null, writes: [], fired: false });
      },
      { mode, firstWrite, failAt },
    );
  }

  /** Counts (without failing) the write steps of the next transaction whose first write is `firstWrite`. */
  record(firstWrite: string): Promise<void> {
    return this.set('record', firstWrite);
  }

  /** Aborts the next transaction whose first write is `firstWrite`, at its write step `step` (1-based). */
  failAt(step: number, firstWrite: string): Promise<void> {
    return this.set('fail', firstWrite, step);
  }

  off(): Promise<void> {
    return this.set('off');
  }

  /** Resolves once the armed fault has fired (its transaction is being aborted). */
  async fired(): Promise<void> {
    await this.page.waitForFunction(() => window.__e2eIdbFaults?.fired === true, undefined, { timeout: 10_000 });
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
