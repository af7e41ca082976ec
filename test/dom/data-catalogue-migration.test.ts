/**
 * The one-time catalogue migration in the data layer: stored u4ssc-2017 assessments (the demo's shared revisions
 * name it) move to u4ssc-2017-v2 with revisions by the app, converted values carry a note, nothing is lost, and a
 * second run (or a second laptop) changes nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_ASSESSMENT_ID, demoRevisions } from '../../core/demo/index.ts';
import { currentValue } from '../../core/revisions/derive.ts';
import { MIGRATION_AUTHOR, migrateCatalogues } from '../../renderer/src/data/catalogue-migration.ts';
import { createDb, type CityKpiDb } from '../../renderer/src/data/db.ts';
import { getAssessment, recordHistory, recordState } from '../../renderer/src/data/queries.ts';
import { createDataStore } from '../../renderer/src/data/store.ts';

const opened: CityKpiDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

function open() {
  const db = createDb(`catalogue-migration-${Math.random().toString(36).slice(2)}`);
  opened.push(db);
  return { db, store: createDataStore(db) };
}

const OUTAGE = `value:${DEMO_ASSESSMENT_ID}:EC-I-ES-2C:_`;

describe('migrateCatalogues', () => {
  it('moves stored u4ssc-2017 assessments to u4ssc-2017-v2 with noted, converted values and keeps the old ones in history', async () => {
    const { db } = open();
    await db.revisions.bulkAdd(await demoRevisions());
    expect((await getAssessment(db, DEMO_ASSESSMENT_ID))?.catalogueId).toBe('u4ssc-2017');

    expect(await migrateCatalogues(db)).toBe(1);
    expect((await getAssessment(db, DEMO_ASSESSMENT_ID))?.catalogueId).toBe('u4ssc-2017-v2');
    const outage = await recordState(db, OUTAGE);
    expect(currentValue(outage, 'numerator')).toBe(478_800 * 60);
    expect(currentValue(outage, 'denominator')).toBe(307_800);
    expect(String(currentValue(outage, 'note'))).toMatch(/Catalogue u4ssc-2017 → u4ssc-2017-v2: Electricity System Outage Time is now minutes per interruption/);
    const history = await recordHistory(db, OUTAGE);
    expect(history.map((entry) => entry.author)).toContain(MIGRATION_AUTHOR);
    expect(history.some((entry) => entry.fields.numerator === 478_800)).toBe(true);

    expect(await migrateCatalogues(db)).toBe(0);
  });

  it('migrates the demo as soon as it is opened, with the same revisions on every laptop', async () => {
    const first = open();
    const second = open();
    await first.store.openDemo();
    await second.store.openDemo();
    expect((await getAssessment(first.db, DEMO_ASSESSMENT_ID))?.catalogueId).toBe('u4ssc-2017-v2');
    const ids = async (db: CityKpiDb) => (await db.revisions.toArray()).map((revision) => revision.id).sort();
    expect(await ids(first.db)).toEqual(await ids(second.db));
    await first.db.revisions.bulkPut(await second.db.revisions.toArray());
    for (const recordId of [`assessment:${DEMO_ASSESSMENT_ID}`, OUTAGE]) {
      const state = await recordState(first.db, recordId);
      expect(Object.entries(state.fields).filter(([, field]) => field.conflict), recordId).toEqual([]);
    }
  });
});
