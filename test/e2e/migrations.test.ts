/**
 * Frozen migrations in Chromium: each committed fixture database (test/fixtures/schema/v<N>.json, made
 * by the code that shipped schema version N) is written into Chromium's own IndexedDB exactly as that
 * version left it, then the app opens it: it migrates to the newest version, keeps every row, and shows
 * the data it holds. A database made by a newer version is left alone with a clear message.
 * test/dom/data-migration.test.ts does the same on fake-indexeddb.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe } from 'vitest';
import { CURRENT_SCHEMA_VERSION, storesAt } from '../../renderer/src/data/schema-history.ts';
import { EntryPage } from './pages/entry-page.ts';
import { HomePage } from './pages/home-page.ts';
import { WorkspacePage } from './pages/workspace-page.ts';
import { text } from './support/locales.ts';
import { test } from './support/sessions.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
interface Fixture {
  readonly version: number;
  readonly tables: Record<string, Json[]>;
}

const root = new URL('../../', import.meta.url).pathname;
const fixtureDir = join(root, 'test', 'fixtures', 'schema');
const released = (JSON.parse(readFileSync(join(fixtureDir, 'released.json'), 'utf8')) as { versions: { version: number }[] }).versions.map(({ version }) => version);
const fixture = (version: number) => JSON.parse(readFileSync(join(fixtureDir, `v${version}.json`), 'utf8')) as Fixture;

/** Dexie asks IndexedDB for ten times its own version number. */
const nativeVersion = (version: number) => version * 10;

/**
 * A same-origin document that is not the app (a style sheet of the build), so the app holds no
 * connection while the old database is written.
 */
function notTheApp(baseUrl: string): string {
  const sheet = readdirSync(join(root, 'dist', 'renderer', 'assets')).find((name) => name.endsWith('.css'));
  if (!sheet) throw new Error('no style sheet in dist/renderer/assets: run npm run build:renderer');
  return `${baseUrl}/assets/${sheet}`;
}

/** Writes the fixture as raw IndexedDB: its version, its stores and indexes (Dexie's declarations), its rows. */
async function writeOldDatabase(page: Page, version: number, made: Fixture, stores = storesAt(version)): Promise<void> {
  await page.evaluate(
    async ({ native, stores, rowsJson }) => {
      const tables = JSON.parse(rowsJson) as Record<string, Json[]>;
      const settled = (r: IDBOpenDBRequest) =>
        new Promise<IDBDatabase>((resolve, reject) => {
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error);
        });
      await settled(indexedDB.deleteDatabase('citykpi'));
      const decode = (value: Json): unknown => {
        if (Array.isArray(value)) return value.map(decode);
        if (value !== null && typeof value === 'object') {
          const bytes = value['$bytes'];
          if (typeof bytes === 'string' && Object.keys(value).length === 1) return Uint8Array.from(atob(bytes), (char) => char.charCodeAt(0));
          return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, decode(field)]));
        }
        return value;
      };
      const opening = indexedDB.open('citykpi', native);
      opening.onupgradeneeded = () => {
        for (const [name, declaration] of Object.entries(stores)) {
          const [primaryKey, ...indexes] = declaration.split(',').map((part) => part.trim());
          const store = opening.result.createObjectStore(name, { keyPath: primaryKey! });
          for (const index of indexes) store.createIndex(index, index);
        }
      };
      const db = await settled(opening);
      const names = Object.keys(tables);
      const transaction = db.transaction(names, 'readwrite');
      for (const name of names) for (const row of tables[name]!) transaction.objectStore(name).add(decode(row));
      await new Promise<void>((resolve, reject) => {
        transaction.oncomplete = () => resolve();
        transaction.onerror = () => reject(transaction.error);
      });
      db.close();
    },
    { native: nativeVersion(version), stores, rowsJson: JSON.stringify(Object.fromEntries(Object.entries(made.tables).filter(([table]) => table in stores))) },
  );
}

/** The version and the primary keys of every store, read straight from IndexedDB. */
async function readDatabase(page: Page): Promise<{ version: number; keys: Record<string, string[]> }> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const opening = indexedDB.open('citykpi');
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const db = opening.result;
          const names = [...db.objectStoreNames];
          const transaction = db.transaction(names);
          const keys: Record<string, string[]> = {};
          for (const name of names) {
            const all = transaction.objectStore(name).getAllKeys();
            all.onsuccess = () => (keys[name] = all.result.map((key) => JSON.stringify(key)));
          }
          transaction.oncomplete = () => {
            db.close();
            resolve({ version: db.version, keys });
          };
        };
      }),
  );
}

describe('frozen migrations in Chromium', () => {
  test(`the database each shipped version made (v${released.join(', v')}) opens migrated, every record kept and shown; a newer one is refused`, { timeout: 300_000 }, async ({ browsers, expect }) => {
    const session = await browsers.launch();
    const page = session.page;
    for (const version of released) {
      const made = fixture(version);
      await page.goto(notTheApp(session.baseUrl));
      await writeOldDatabase(page, version, made);
      expect((await readDatabase(page)).version, `v${version} as written`).toBe(nativeVersion(version));

      await session.open('#/');
      const home = new HomePage(page);
      await home.assessmentLink('Lake Amara').waitFor();
      await home.assessmentLink('Ville-Fixture ✓ مدينة 城市').click();
      await new WorkspacePage(page).openKpi('EC: ICT: ICT: 1C');
      const entry = new EntryPage(page);
      await entry.heading('EC-ICT-ICT-1C').waitFor();
      expect(await entry.valueOf('entry:point.source'), `v${version}`).toBe('Enquête TIC 2025 – institut statistique');
      expect(await entry.textbox('entry:point.numerator').inputValue(), `v${version}`).toBe('455');
      if (version >= 3) await entry.form.getByText('survey-2025.csv').first().waitFor();

      const now = await readDatabase(page);
      expect(now.version, `v${version} migrated`).toBe(nativeVersion(CURRENT_SCHEMA_VERSION));
      // Every record the old version held is still there (the app adds its own settings to meta, and moving
      // the old catalogue's assessment to the current catalogue adds revisions).
      const tablesNow = storesAt(CURRENT_SCHEMA_VERSION);
      for (const [table, rows] of Object.entries(made.tables)) {
        const target = table === 'imports' ? 'ledger' : table;
        if (!(target in tablesNow)) continue;
        const primaryKey = tablesNow[target]!.split(',')[0]!.trim();
        const missing = rows.map((row) => JSON.stringify((row as Record<string, Json>)[primaryKey])).filter((key) => !now.keys[target]?.includes(key));
        expect(missing, `v${version} ${table}`).toEqual([]);
      }
    }

    // A database a newer CityKPI made is left alone, with a clear message.
    const newest = fixture(released.at(-1)!);
    await page.goto(notTheApp(session.baseUrl));
    await writeOldDatabase(page, CURRENT_SCHEMA_VERSION + 1, newest, storesAt(CURRENT_SCHEMA_VERSION));
    await session.open('#/');
    await page.getByText(text('en', 'common:errors.data.E_DB_NEWER')).first().waitFor();
    expect((await readDatabase(page)).version).toBe(nativeVersion(CURRENT_SCHEMA_VERSION + 1));
  });
});
