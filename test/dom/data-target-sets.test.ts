import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TargetSet } from '../../core/targets/types.ts';
import { createDb, type CityKpiDb } from '../../renderer/src/data/db.ts';
import { DataError } from '../../renderer/src/data/errors.ts';
import { createDataStore, type DataStore } from '../../renderer/src/data/store.ts';
import { deleteTargetSet, getTargetSet, listTargetSets, saveTargetSet } from '../../renderer/src/data/target-sets.ts';

let db: CityKpiDb;
let store: DataStore;

beforeEach(() => {
  db = createDb(`target-sets-${Math.random().toString(36).slice(2)}`);
  store = createDataStore(db);
});

afterEach(() => {
  db.close();
});

const PLAN: TargetSet = {
  id: 'plan-2030',
  name: 'City plan 2030',
  source: 'Council resolution 12/2024',
  catalogueId: 'u4ssc-2017',
  example: false,
  targets: [
    { kpiId: 'EC-ICT-ICT-1C', pointId: '_', target: 95, direction: 'higher' },
    { kpiId: 'SC-EH-H-1C', pointId: '_', target: 80, direction: 'higher', source: 'WHO', note: 'regional average' },
  ],
};

async function revisionCount(): Promise<number> {
  return db.revisions.count();
}

describe('target sets in the database', () => {
  it('writes a new set as one revision per record and reads it back', async () => {
    await expect(saveTargetSet(store, PLAN)).resolves.toBe(3);
    const stored = await getTargetSet(db, 'plan-2030');
    expect(stored?.set).toEqual(PLAN);
    expect(stored?.conflicts).toEqual([]);
  });

  it('changes only what differs, and removing a target is a revision that clears it', async () => {
    await saveTargetSet(store, PLAN);
    const before = await revisionCount();
    await expect(saveTargetSet(store, PLAN)).resolves.toBe(0);
    const edited: TargetSet = { ...PLAN, name: 'City plan 2035', targets: [{ ...PLAN.targets[0]!, target: 99 }] };
    await expect(saveTargetSet(store, edited)).resolves.toBe(3);
    expect(await revisionCount()).toBe(before + 3);
    expect((await getTargetSet(db, 'plan-2030'))?.set).toEqual(edited);
    const nameRevision = (await db.revisions.where('recordId').equals('targetSet:plan-2030').toArray()).find((revision) => 'name' in revision.fields && revision.fields.name === 'City plan 2035');
    expect(Object.keys(nameRevision?.fields ?? {})).toEqual(['name']);
  });

  it('deletes a set with a tombstone, keeping its history', async () => {
    await saveTargetSet(store, PLAN);
    await deleteTargetSet(store, 'plan-2030');
    expect(await listTargetSets(db)).toEqual([]);
    expect(await revisionCount()).toBe(4);
    await expect(deleteTargetSet(store, 'plan-2030')).rejects.toMatchObject({ code: 'E_NOT_FOUND' });
  });

  it('refuses a nameless set or a bad direction and writes nothing', async () => {
    await expect(saveTargetSet(store, { ...PLAN, name: '  ' })).rejects.toBeInstanceOf(DataError);
    const badDirection = { ...PLAN, targets: [...PLAN.targets, { kpiId: 'EN-E-AQ-1C', pointId: '_', target: 1, direction: 'sideways' }] } as unknown as TargetSet;
    await expect(saveTargetSet(store, badDirection)).rejects.toMatchObject({ code: 'E_INVALID' });
    expect(await revisionCount()).toBe(0);
  });
});
