import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { deriveRecords } from '../../core/revisions/derive.ts';
import { formatRecordId } from '../../core/revisions/record-id.ts';
import { createRevision } from '../../core/revisions/revision-id.ts';
import type { FieldMap, Revision } from '../../core/revisions/types.ts';
import { createDb, type CityKpiDb } from '../../renderer/src/data/db.ts';
import { storeRevisions, valueStateRows } from '../../renderer/src/data/value-states.ts';

const opened: CityKpiDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

/** Enough records in one assessment to take the whole-assessment read, and a few in another to take the per-record one. */
const RECORDS = [
  ...Array.from({ length: 20 }, (_, index) => formatRecordId({ kind: 'kpiValue', assessmentId: 'big', kpiId: `EC-ICT-ICT-${index}C`, pointId: '_' })),
  formatRecordId({ kind: 'kpiValue', assessmentId: 'small', kpiId: 'EC-ICT-ICT-1C', pointId: '_' }),
  formatRecordId({ kind: 'kpiValue', assessmentId: 'small', kpiId: 'EN-EN-AQ-1C', pointId: 'pm25' }),
  formatRecordId({ kind: 'assessment', assessmentId: 'small' }),
];

interface Step {
  readonly record: number;
  readonly device: number;
  readonly value: number;
  /** Which earlier revisions of the same record become parents (bit i: the i-th before it). */
  readonly parentMask: number;
}

/** A history where edits on several laptops build on some of the earlier revisions of their record, so heads and conflicts vary. */
async function historyOf(steps: readonly Step[]): Promise<Revision[]> {
  const made: Revision[] = [];
  for (const [index, step] of steps.entries()) {
    const recordId = RECORDS[step.record % RECORDS.length]!;
    const earlier = made.filter((revision) => revision.recordId === recordId).reverse();
    const parents = earlier.filter((_, bit) => (step.parentMask >> bit) & 1).map((revision) => revision.id);
    const deviceId = `dev-${step.device}`;
    const fields: FieldMap = recordId.startsWith('assessment:') ? { title: `t${step.value}` } : { directValue: step.value };
    made.push(await createRevision({ recordId, fields, author: deviceId, deviceId, hlc: `${String(1_000 + index).padStart(13, '0')}:0000:${deviceId}`, parents: [...new Set(parents)].sort() }));
  }
  return made;
}

const step = fc.record({ record: fc.nat(RECORDS.length * 3), device: fc.nat(2), value: fc.integer({ min: 0, max: 3 }), parentMask: fc.nat(7) });

describe('kept value states', () => {
  it('equal the states derived from all revisions, whatever the order and batches they arrive in', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 60 }), fc.array(fc.nat(), { maxLength: 60 }), fc.array(fc.nat(5), { maxLength: 12 }), async (steps, order, cuts) => {
        const history = await historyOf(steps);
        const shuffled = history.map((revision, index) => ({ revision, key: order[index] ?? index })).sort((a, b) => a.key - b.key).map(({ revision }) => revision);
        const db = createDb(`value-states-${Math.random().toString(36).slice(2)}`);
        opened.push(db);
        let start = 0;
        for (const size of [...cuts, shuffled.length]) {
          const batch = shuffled.slice(start, start + size + 1);
          start += batch.length;
          if (batch.length > 0) await db.transaction('rw', db.revisions, db.valueStates, () => storeRevisions(db, batch));
        }
        const expected = valueStateRows(deriveRecords(history));
        expect(await db.valueStates.orderBy('recordId').toArray()).toEqual(expected);
        db.close();
        await db.delete();
      }),
      { numRuns: 60 },
    );
  });

  it('roll back with the transaction that wrote the revisions', async () => {
    const db = createDb(`value-states-${Math.random().toString(36).slice(2)}`);
    opened.push(db);
    const [revision] = await historyOf([{ record: 0, device: 0, value: 1, parentMask: 0 }]);
    await expect(
      db.transaction('rw', db.revisions, db.valueStates, async () => {
        await storeRevisions(db, [revision!]);
        throw new Error('a later step failed');
      }),
    ).rejects.toThrow('a later step failed');
    expect(await db.valueStates.count()).toBe(0);
    expect(await db.revisions.count()).toBe(0);
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('the revisions table', () => {
  it('is written by storeRevisions alone, so no write path can leave the kept states behind', () => {
    const writes = sourceFiles(join(import.meta.dirname, '../../renderer/src'))
      .filter((path) => !path.endsWith('value-states.ts'))
      .filter((path) => /\brevisions\s*\.\s*(add|put|bulkAdd|bulkPut|update|bulkUpdate|delete|bulkDelete|clear|modify)\s*\(/.test(readFileSync(path, 'utf8')));
    expect(writes).toEqual([]);
  });
});
