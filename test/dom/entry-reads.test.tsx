import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, configure, render, screen } from '@testing-library/react';
import type { DBCore } from 'dexie';
import { App } from '../../renderer/src/app/App.tsx';
import { setAppStoreForTests } from '../../renderer/src/data/app-store.ts';
import { createDb, type CityKpiDb } from '../../renderer/src/data/db.ts';
import { createDataStore } from '../../renderer/src/data/store.ts';
import { initI18n } from '../../renderer/src/i18n/index.ts';

// Whole screens over a real (fake-indexeddb) database: slow on a busy machine, not wrong.
vi.setConfig({ testTimeout: 30_000 });
configure({ asyncUtilTimeout: 10_000 });

const KPI = 'EC-ICT-ICT-1C';
let db: CityKpiDb | undefined;

beforeAll(async () => {
  await initI18n('en');
});

afterEach(() => {
  cleanup();
  setAppStoreForTests(undefined);
  db?.close();
  window.location.hash = '#/';
});

/** A database that notes the record id of every revision a read returns, and every key range a cursor walks. */
function watchedDb(): { db: CityKpiDb; recordIdsRead: string[]; cursorRanges: string[] } {
  const watched = createDb(`entry-reads-${Math.random().toString(36).slice(2)}`);
  const recordIdsRead: string[] = [];
  const cursorRanges: string[] = [];
  const note = (rows: readonly unknown[]) => {
    for (const row of rows) if (row && typeof row === 'object' && 'recordId' in row) recordIdsRead.push(String(row.recordId));
  };
  watched.use({
    stack: 'dbcore',
    name: 'note-reads',
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (name !== 'revisions') return table;
        return {
          ...table,
          get: async (request) => {
            const row: unknown = await table.get(request);
            note([row]);
            return row;
          },
          getMany: async (request) => {
            const rows = await table.getMany(request);
            note(rows);
            return rows;
          },
          query: async (request) => {
            const result = await table.query(request);
            note(result.result);
            return result;
          },
          openCursor: (request) => {
            cursorRanges.push(`${String(request.query.range.lower)}..${String(request.query.range.upper)}`);
            return table.openCursor(request);
          },
        };
      },
    }),
  });
  return { db: watched, recordIdsRead, cursorRanges };
}

describe('the entry screen reads only its own assessment', () => {
  it('opens one KPI of one assessment among many without reading another assessment or city', async () => {
    const watched = watchedDb();
    db = watched.db;
    const store = createDataStore(db);
    setAppStoreForTests(store);
    await store.setAuthorName('Amina');
    const made: { assessmentId: string; cityId: string }[] = [];
    for (let index = 0; index < 4; index++) {
      const ids = await store.createAssessment({ city: { name: `City ${index}`, country: 'Nowhere', population: 1000 + index, households: 400, areaKm2: null, gdp: null, currency: 'EUR' }, year: 2025 });
      await store.saveValueFields(ids.assessmentId, KPI, '_', { numerator: 10 + index, source: `Survey ${index}` });
      made.push(ids);
    }
    const { assessmentId, cityId } = made[2]!;
    watched.recordIdsRead.length = 0;
    watched.cursorRanges.length = 0;

    window.location.hash = `#/a/${assessmentId}/kpi/${KPI}`;
    render(<App />);
    await screen.findByRole('heading', { level: 1, name: /internet/i });
    await screen.findByRole('treegrid');
    expect((screen.getAllByRole('textbox').find((input) => (input as HTMLInputElement).value === '12') as HTMLInputElement | undefined)?.value).toBe('12');

    const foreign = watched.recordIdsRead.filter((recordId) => !recordId.includes(assessmentId) && !recordId.includes(cityId));
    expect(watched.recordIdsRead.length).toBeGreaterThan(0);
    expect(foreign).toEqual([]);
    expect(watched.cursorRanges.filter((range) => !range.includes(assessmentId) && !range.includes(cityId))).toEqual([]);
  });
});
