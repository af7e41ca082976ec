import { afterEach, describe, expect, it } from 'vitest';
import { renderHook, waitFor } from '@testing-library/react';
import { nextHlc } from '../../core/revisions/hlc.ts';
import { createRevision } from '../../core/revisions/revision-id.ts';
import { setAppStoreForTests } from '../../renderer/src/data/app-store.ts';
import { createDb, type CityKpiDb } from '../../renderer/src/data/db.ts';
import { useAllValues } from '../../renderer/src/data/hooks.ts';
import { valueRecordId } from '../../renderer/src/data/index.ts';
import { listAllValues, listValuesOfKpis } from '../../renderer/src/data/office.ts';
import { getAssessment, listAssessments, listValues } from '../../renderer/src/data/queries.ts';
import { createDataStore, type DataStore } from '../../renderer/src/data/store.ts';

let opened: { db: CityKpiDb; store: DataStore } | undefined;

function open(): { db: CityKpiDb; store: DataStore } {
  const db = createDb(`office-${Math.random().toString(36).slice(2)}`);
  opened = { db, store: createDataStore(db) };
  setAppStoreForTests(opened.store);
  return opened;
}

afterEach(() => {
  opened?.db.close();
  setAppStoreForTests(undefined);
});

const KPI = 'EC-ICT-ICT-1C';

function city(name: string) {
  return { city: { name, country: 'Veloria', population: 1000, households: 400, areaKm2: null, gdp: null, currency: '' }, year: 2025 };
}

describe('office reads', () => {
  it('derives every assessment\u2019s values as the per-assessment read does: edits, concurrent conflicts, other records left out', async () => {
    const { db, store } = open();
    const first = (await store.createAssessment(city('Lakeside'))).assessmentId;
    const second = (await store.createAssessment(city('Hillton'))).assessmentId;
    const empty = (await store.createAssessment(city('Nowhere'))).assessmentId;
    await store.saveValueFields(first, KPI, '_', { directValue: 60, source: 'Survey' });
    await store.saveValueFields(first, KPI, '_', { directValue: 61 });
    await store.saveValueFields(first, 'EC-ICT-ICT-2C', '_', { status: 'notReported' });
    const baseId = await store.saveValueFields(second, KPI, '_', { directValue: 70 });
    const recordId = valueRecordId(second, KPI, '_');
    const fromLaptop = (deviceId: string, directValue: number) =>
      createRevision({ recordId, fields: { directValue }, author: deviceId, deviceId, hlc: nextHlc(null, Date.now(), deviceId), parents: [baseId!] });
    await db.revisions.bulkAdd([await fromLaptop('laptop-1', 71), await fromLaptop('laptop-2', 72)]);

    const all = await listAllValues(db);
    expect([...all.keys()].sort()).toEqual([first, second].sort());
    for (const assessmentId of [first, second]) expect(all.get(assessmentId)).toEqual(await listValues(db, assessmentId));
    expect(await listValues(db, empty)).toEqual(new Map());
    expect(all.get(second)?.get(recordId)?.fields.directValue?.conflict).toBe(true);
    expect(all.get(first)?.get(valueRecordId(first, KPI, '_'))?.fields.directValue).toMatchObject({ conflict: false, current: { value: 61 } });
  });

  it('reads a few KPIs of many assessments as the whole read derives them, and nothing else', async () => {
    const { db, store } = open();
    const ids = [];
    for (const name of ['Lakeside', 'Hillton', 'Nowhere']) ids.push((await store.createAssessment(city(name))).assessmentId);
    const [first, second] = ids as [string, string, string];
    await store.saveValueFields(first, KPI, '_', { directValue: 60 });
    await store.saveValueFields(first, KPI, '_', { directValue: 61 });
    await store.saveValueFields(first, 'EC-ICT-ICT-2C', '_', { directValue: 70 });
    await store.saveValueFields(first, 'EN-EN-AQ-1C', 'pm10', { directValue: 20 });
    await store.saveValueFields(second, KPI, '_', { directValue: 50 });

    const all = await listAllValues(db);
    const some = await listValuesOfKpis(db, ids, [KPI, 'EC-ICT-ICT-2C']);
    expect([...some.keys()].sort()).toEqual([first, second].sort());
    for (const assessmentId of [first, second]) {
      const expected = new Map([...all.get(assessmentId)!].filter(([, view]) => view.kpiId === KPI || view.kpiId === 'EC-ICT-ICT-2C'));
      expect(some.get(assessmentId)).toEqual(expected);
    }
    expect([...some.get(first)!.values()].map((view) => view.kpiId).sort()).toEqual(['EC-ICT-ICT-1C', 'EC-ICT-ICT-2C']);
    expect(await listValuesOfKpis(db, [second], ['EN-EN-AQ-1C'])).toEqual(new Map());
  });

  it('follows every committed change while the office view is open', async () => {
    const { store } = open();
    const { assessmentId } = await store.createAssessment(city('Lakeside'));
    const values = renderHook(() => useAllValues());
    await waitFor(() => expect(values.result.current?.size).toBe(0));
    await store.saveValueFields(assessmentId, KPI, '_', { directValue: 60 });
    await waitFor(() => expect(values.result.current?.get(assessmentId)?.get(valueRecordId(assessmentId, KPI, '_'))?.fields.directValue).toMatchObject({ current: { value: 60 } }));
    await store.saveValueFields(assessmentId, KPI, '_', { confirmedValue: 60 });
    await waitFor(() => expect(values.result.current?.get(assessmentId)?.get(valueRecordId(assessmentId, KPI, '_'))?.fields.confirmedValue).toMatchObject({ current: { value: 60 } }));
  });

  it('names the city of each of many assessments, read in one pass over the cities, and of a few, read one by one', async () => {
    const { db, store } = open();
    const names = Array.from({ length: 20 }, (_, index) => `City ${index}`);
    for (const name of names) await store.createAssessment(city(name));
    expect((await listAssessments(db)).map((view) => view.city.name).sort()).toEqual([...names].sort());
    const one = (await listAssessments(db))[0]!;
    expect((await getAssessment(db, one.id))?.city.name).toBe(one.city.name);
  });
});
