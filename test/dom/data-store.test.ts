import { afterEach, describe, expect, it } from 'vitest';
import type { DBCore } from 'dexie';
import { DEFAULT_CATALOGUE_ID } from '../../core/catalogue/index.ts';
import { planCatalogueMigrations } from '../../core/catalogue/migrations.ts';
import { DEMO_ASSESSMENT_ID, DEMO_CITY_ID, demoDataset, demoRevisions } from '../../core/demo/index.ts';
import { deriveRecord } from '../../core/revisions/derive.ts';
import { nextHlc } from '../../core/revisions/hlc.ts';
import { createRevision } from '../../core/revisions/revision-id.ts';
import { createDb, type CityKpiDb } from '../../renderer/src/data/db.ts';
import { DataError } from '../../renderer/src/data/errors.ts';
import { getAssessment, listAssessments, listDeletedAssessments, listValues, recordHistory } from '../../renderer/src/data/queries.ts';
import { createDataStore, type DataStore } from '../../renderer/src/data/store.ts';
import { valueRecordId } from '../../renderer/src/data/index.ts';
import type { NewAssessment } from '../../renderer/src/data/types.ts';

const KPI = 'EC-ICT-ICT-1C';
const POINT = '_';
const CITY: NewAssessment = {
  city: { name: 'Testville', country: 'Nowhere', population: 1000, households: 400, areaKm2: 12.5, gdp: 5e7, currency: 'EUR' },
  year: 2025,
};

const opened: CityKpiDb[] = [];
let counter = 0;

function freshName(): string {
  counter += 1;
  return `citykpi-test-${counter}-${Math.random().toString(36).slice(2)}`;
}

function open(name: string): { db: CityKpiDb; store: DataStore } {
  const db = createDb(name);
  opened.push(db);
  return { db, store: createDataStore(db) };
}

afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

async function expectDataError(promise: Promise<unknown>, code: DataError['code']): Promise<void> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DataError);
  expect((error as DataError).code).toBe(code);
}

describe('assessments and values', () => {
  it('creates an assessment, saves values and finds them after the database is closed and reopened', async () => {
    const name = freshName();
    const first = open(name);
    const { assessmentId, cityId } = await first.store.createAssessment(CITY);
    await first.store.saveValueFields(assessmentId, KPI, POINT, { numerator: 182, source: 'Survey', quality: 'measured' });
    await first.store.updateCity(cityId, { population: 1200 });
    first.db.close();

    const second = open(name);
    const assessment = await getAssessment(second.db, assessmentId);
    expect(assessment).toMatchObject({ id: assessmentId, cityId, year: 2025, demo: false, catalogueId: DEFAULT_CATALOGUE_ID });
    expect(assessment?.city).toEqual({ ...CITY.city, id: cityId, population: 1200, region: '' });
    const values = await listValues(second.db, assessmentId);
    const value = values.get(valueRecordId(assessmentId, KPI, POINT));
    expect(value).toMatchObject({ kpiId: KPI, pointId: POINT });
    expect(value?.fields.numerator).toMatchObject({ conflict: false, current: { value: 182 } });
    expect(value?.fields.quality).toMatchObject({ conflict: false, current: { value: 'measured' } });
  });

  it('bases every revision on the record heads and stamps device, author and a rising clock', async () => {
    const { db, store } = open(freshName());
    await store.setAuthorName('  Amina  ');
    const { assessmentId } = await store.createAssessment(CITY);
    const firstId = await store.saveValueFields(assessmentId, KPI, POINT, { numerator: 1 });
    const secondId = await store.saveValueFields(assessmentId, KPI, POINT, { numerator: 2 });
    const [newest, oldest] = await recordHistory(db, valueRecordId(assessmentId, KPI, POINT));
    expect(oldest?.id).toBe(firstId);
    expect(oldest?.parents).toEqual([]);
    expect(newest?.id).toBe(secondId);
    expect(newest?.parents).toEqual([firstId]);
    expect(newest?.author).toBe('Amina');
    expect(newest?.deviceId).toBe(await store.getDeviceId());
    expect(newest!.hlc > oldest!.hlc).toBe(true);
  });

  it('writes only the fields that change, and nothing when nothing changes', async () => {
    const { db, store } = open(freshName());
    const { assessmentId } = await store.createAssessment(CITY);
    await store.saveValueFields(assessmentId, KPI, POINT, { numerator: 5, source: 'A' });
    expect(await store.saveValueFields(assessmentId, KPI, POINT, { numerator: 5, source: 'A' })).toBeNull();
    await store.saveValueFields(assessmentId, KPI, POINT, { numerator: 6, source: 'A' });
    const [latest] = await recordHistory(db, valueRecordId(assessmentId, KPI, POINT));
    expect(latest?.fields).toEqual({ numerator: 6 });
    expect(await db.revisions.count()).toBe(4);
  });

  it('turns rapid unawaited writes to one record into a linear chain, last call winning', async () => {
    const { db, store } = open(freshName());
    const { assessmentId } = await store.createAssessment(CITY);
    await Promise.all(Array.from({ length: 25 }, (_, index) => store.saveValueFields(assessmentId, KPI, POINT, { numerator: index })));
    const history = await recordHistory(db, valueRecordId(assessmentId, KPI, POINT));
    expect(history).toHaveLength(25);
    expect(history.every((revision) => revision.parents.length <= 1)).toBe(true);
    const state = deriveRecord(valueRecordId(assessmentId, KPI, POINT), history);
    expect(state.heads).toHaveLength(1);
    expect(state.fields.numerator).toMatchObject({ conflict: false, current: { value: 24 } });
  });

  it('saves a value in one read transaction and one strict read-write transaction', async () => {
    const db = createDb(freshName());
    opened.push(db);
    const transactions: string[] = [];
    db.use({
      stack: 'dbcore',
      name: 'record-transactions',
      create: (down: DBCore): DBCore => ({
        ...down,
        transaction: (stores, mode, options) => {
          // Dexie asks every transaction for the database's durability; IndexedDB applies it to writes.
          transactions.push(`${mode} ${options?.durability}`);
          return down.transaction(stores, mode, options);
        },
      }),
    });
    const store = createDataStore(db);
    const { assessmentId } = await store.createAssessment(CITY);
    await store.setAuthorName('Ana');
    transactions.length = 0;
    await store.saveValueFields(assessmentId, KPI, POINT, { numerator: 7, source: 'Census' });
    expect(transactions).toEqual(['readonly strict', 'readwrite strict']);
    const [saved] = await recordHistory(db, valueRecordId(assessmentId, KPI, POINT));
    expect(saved).toMatchObject({ author: 'Ana', fields: { numerator: 7, source: 'Census' } });
  });

  it('re-reads the heads when another window wrote to the record in between', async () => {
    const name = freshName();
    const windowA = open(name);
    const { assessmentId } = await windowA.store.createAssessment(CITY);
    const windowB = { store: createDataStore(windowA.db) };
    await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        (index % 2 === 0 ? windowA : windowB).store.saveValueFields(assessmentId, KPI, POINT, { note: `edit ${index}` }),
      ),
    );
    const history = await recordHistory(windowA.db, valueRecordId(assessmentId, KPI, POINT));
    const state = deriveRecord(valueRecordId(assessmentId, KPI, POINT), history);
    expect(history).toHaveLength(10);
    expect(state.heads).toHaveLength(1);
    expect(state.fields.note?.conflict).toBe(false);
  });

  it('retries on the new heads when a revision lands between reading the heads and committing', async () => {
    const db = createDb(freshName());
    opened.push(db);
    const setup = createDataStore(db);
    const { assessmentId } = await setup.createAssessment(CITY);
    const recordId = valueRecordId(assessmentId, KPI, POINT);
    const intruder = await createRevision({
      recordId,
      fields: { note: 'imported meanwhile' },
      author: 'other',
      deviceId: 'laptop-9',
      hlc: nextHlc(null, Date.now(), 'laptop-9'),
      parents: [],
    });
    let landed: Promise<unknown> | undefined;
    // The clock is read after the heads and before the write transaction: the moment to intrude.
    const store = createDataStore(db, {
      now: () => {
        landed ??= db.revisions.add(intruder);
        return Date.now();
      },
    });
    const savedId = await store.saveValueFields(assessmentId, KPI, POINT, { numerator: 3 });
    await landed;
    const history = await recordHistory(db, recordId);
    expect(history.find((revision) => revision.id === savedId)?.parents).toEqual([intruder.id]);
    expect(deriveRecord(recordId, history).heads).toEqual([savedId]);
  });

  it('shows concurrent revisions from other devices as a conflict, and resolveConflict clears it', async () => {
    const { db, store } = open(freshName());
    const { assessmentId } = await store.createAssessment(CITY);
    const baseId = await store.saveValueFields(assessmentId, KPI, POINT, { numerator: 10, source: 'Base' });
    const recordId = valueRecordId(assessmentId, KPI, POINT);
    const fromLaptop = (deviceId: string, numerator: number) =>
      createRevision({ recordId, fields: { numerator }, author: deviceId, deviceId, hlc: nextHlc(null, Date.now(), deviceId), parents: [baseId!] });
    await db.revisions.bulkAdd([await fromLaptop('laptop-1', 11), await fromLaptop('laptop-2', 12)]);

    const conflicted = (await listValues(db, assessmentId)).get(recordId)!;
    expect(conflicted.heads).toHaveLength(2);
    const numerator = conflicted.fields.numerator!;
    expect(numerator.conflict).toBe(true);
    if (numerator.conflict) expect(numerator.candidates.map((write) => write.value).sort()).toEqual([11, 12]);
    expect(conflicted.fields.source?.conflict).toBe(false);

    const resolutionId = await store.resolveConflict(recordId, 'numerator', 11);
    const resolved = (await listValues(db, assessmentId)).get(recordId)!;
    expect(resolved.heads).toEqual([resolutionId]);
    expect(resolved.fields.numerator).toMatchObject({ conflict: false, current: { value: 11 } });
    const [resolution] = await recordHistory(db, recordId);
    expect(resolution?.parents).toEqual([...conflicted.heads].sort());
  });

  it('lists assessments newest first and hides deleted ones', async () => {
    let wall = Date.UTC(2026, 0, 1);
    const db = createDb(freshName());
    opened.push(db);
    const store = createDataStore(db, { now: () => (wall += 1000) });
    const older = await store.createAssessment(CITY);
    const newer = await store.createAssessment({ ...CITY, year: 2026 });
    expect((await listAssessments(db)).map((view) => view.id)).toEqual([newer.assessmentId, older.assessmentId]);
    await store.deleteAssessment(older.assessmentId);
    expect((await listAssessments(db)).map((view) => view.id)).toEqual([newer.assessmentId]);
    expect(await getAssessment(db, older.assessmentId)).toBeNull();
    const before = await db.revisions.count();
    await store.deleteAssessment(older.assessmentId);
    expect(await db.revisions.count()).toBe(before);
    expect((await listDeletedAssessments(db)).map((view) => view.id)).toEqual([older.assessmentId]);

    await store.restoreAssessment(older.assessmentId);
    expect((await listAssessments(db)).map((view) => view.id)).toEqual([newer.assessmentId, older.assessmentId]);
    expect(await listDeletedAssessments(db)).toEqual([]);
    // Restoring what is not deleted writes nothing; the city of an ordinary assessment was never deleted.
    await store.restoreAssessment(older.assessmentId);
    expect(await db.revisions.count()).toBe(before + 1);
  });

  it('refuses bad input with typed errors and stores nothing', async () => {
    const { db, store } = open(freshName());
    const { assessmentId, cityId } = await store.createAssessment(CITY);
    const before = await db.revisions.count();
    await expectDataError(store.saveValueFields(assessmentId, KPI, POINT, { numerator: Number.NaN }), 'E_INVALID');
    await expectDataError(store.saveValueFields(assessmentId, KPI, POINT, { quality: 'excellent' }), 'E_INVALID');
    await expectDataError(store.saveValueFields(assessmentId, KPI, POINT, { bogus: 1 } as never), 'E_INVALID');
    await expectDataError(store.saveValueFields(assessmentId, 'NO-SUCH-KPI', POINT, { numerator: 1 }), 'E_INVALID');
    await expectDataError(store.saveValueFields(assessmentId, 'EN-EN-AQ-1C', POINT, { directValue: 1 }), 'E_INVALID');
    await expectDataError(store.saveValueFields(assessmentId, KPI, POINT, {}), 'E_INVALID');
    await expectDataError(store.saveValueFields('missing', KPI, POINT, { numerator: 1 }), 'E_NOT_FOUND');
    await expectDataError(store.saveValueFields('bad:id', KPI, POINT, { numerator: 1 }), 'E_INVALID');
    await expectDataError(store.updateCity('missing', { name: 'x' }), 'E_NOT_FOUND');
    expect(await getAssessment(db, 'no:such/id')).toBeNull();
    expect((await listValues(db, 'no:such/id')).size).toBe(0);
    await expectDataError(store.updateCity(cityId, { name: 'x'.repeat(10_001) }), 'E_INVALID');
    await expectDataError(store.resolveConflict('nonsense', 'numerator', 1), 'E_INVALID');
    await expectDataError(store.setAuthorName('x'.repeat(101)), 'E_INVALID');
    // Each field is within the string limit, but escaped control characters make the revision too large for a bundle line.
    const noisy = '\u0001'.repeat(10_000);
    await expectDataError(store.saveValueFields(assessmentId, KPI, POINT, { source: noisy, note: noisy, department: noisy, unit: noisy, choice: noisy }), 'E_INVALID');
    expect(await db.revisions.count()).toBe(before);
  });

  it('keeps the author name, and stores null when cleared', async () => {
    const name = freshName();
    const first = open(name);
    expect(await first.store.getAuthorName()).toBeNull();
    await first.store.setAuthorName('Facilitator 2');
    const deviceId = await first.store.getDeviceId();
    first.db.close();
    const second = open(name);
    expect(await second.store.getAuthorName()).toBe('Facilitator 2');
    expect(await second.store.getDeviceId()).toBe(deviceId);
    await second.store.setAuthorName('   ');
    expect(await second.store.getAuthorName()).toBeNull();
  });

  it('never stamps a clock below one stored before a restart, even when the wall clock went back', async () => {
    const name = freshName();
    const db = createDb(name);
    opened.push(db);
    const future = createDataStore(db, { now: () => Date.UTC(2030, 0, 1) });
    const { assessmentId } = await future.createAssessment(CITY);
    const past = createDataStore(db, { now: () => Date.UTC(2020, 0, 1) });
    await past.saveValueFields(assessmentId, KPI, POINT, { numerator: 1 });
    const [latest, ...earlier] = await db.revisions.orderBy('hlc').reverse().toArray();
    expect(earlier.every((revision) => revision.hlc < latest!.hlc)).toBe(true);
    expect(latest?.fields).toEqual({ numerator: 1 });
  });
});

describe('demo', () => {
  it('opens once, deletes with its city, and reopens with its values intact', async () => {
    const { db, store } = open(freshName());
    expect(await store.openDemo()).toBe(DEMO_ASSESSMENT_ID);
    const count = await db.revisions.count();
    // The shared demo revisions (with its sample workshop), then the catalogue migration's (the demo names the first catalogue version).
    const demoRevisionCount = (await demoRevisions()).length;
    expect(demoRevisionCount).toBeGreaterThan(demoDataset().values.length + 2);
    expect(count).toBe(demoRevisionCount + planCatalogueMigrations(await demoRevisions())[0]!.changes.length);
    expect(await store.openDemo()).toBe(DEMO_ASSESSMENT_ID);
    expect(await db.revisions.count()).toBe(count);

    const demo = await getAssessment(db, DEMO_ASSESSMENT_ID);
    expect(demo).toMatchObject({ demo: true, cityId: DEMO_CITY_ID, title: 'Demo: Lake Amara (fictional)' });
    expect(demo?.city.name).toBe(demoDataset().city.name);

    await store.saveValueFields(DEMO_ASSESSMENT_ID, 'EC-ICT-ICT-1C', '_', { numerator: 130_000 });
    await store.deleteAssessment(DEMO_ASSESSMENT_ID);
    expect(await listAssessments(db)).toEqual([]);
    const cityHistory = await recordHistory(db, `city:${DEMO_CITY_ID}`);
    expect(cityHistory[0]?.fields).toEqual({ deleted: true });

    await store.openDemo();
    expect((await listAssessments(db)).map((view) => view.id)).toEqual([DEMO_ASSESSMENT_ID]);
    const values = await listValues(db, DEMO_ASSESSMENT_ID);
    expect(values.size).toBe(demoDataset().values.length);
    expect(values.get(valueRecordId(DEMO_ASSESSMENT_ID, 'EC-ICT-ICT-1C', '_'))?.fields.numerator).toMatchObject({
      conflict: false,
      current: { value: 130_000 },
    });
    expect((await recordHistory(db, `city:${DEMO_CITY_ID}`))[0]?.fields).toEqual({ deleted: false });
  });

  it('is the same revisions on two laptops, so their union is one demo without conflicts', async () => {
    const laptopA = open(freshName());
    const laptopB = open(freshName());
    await laptopA.store.openDemo();
    await laptopB.store.openDemo();
    const idsA = (await laptopA.db.revisions.toCollection().primaryKeys()).sort();
    const idsB = (await laptopB.db.revisions.toCollection().primaryKeys()).sort();
    expect(idsA).toEqual(idsB);
  });
});
