import { describe, expect, it } from 'vitest';
import { BundleError, mergeRevisionSets, planImport } from '../../core/bundle/index.ts';
import { currentValues } from '../../core/values/index.ts';
import { parseStrictJson } from '../../core/bundle/strict-json.ts';
import type { Revision } from '../../core/revisions/types.ts';
import { edit } from '../fixtures/bundles/helpers.ts';

const RECORD = 'value:a1:K1:_';

async function history() {
  const city = await edit('dev-a', 'city:c1', { name: 'C' }, 1);
  const assessment = await edit('dev-a', 'assessment:a1', { cityId: 'c1', year: 2025, catalogueId: 'cat' }, 2);
  const root = await edit('dev-a', RECORD, { directValue: 1, note: 'first' }, 3);
  const onA = await edit('dev-a', RECORD, { directValue: 2 }, 4, [root.id]);
  const onB = await edit('dev-b', RECORD, { directValue: 3 }, 5, [root.id]);
  return { city, assessment, root, onA, onB };
}

function byRecord(revisions: readonly Revision[]): Map<string, Revision[]> {
  const map = new Map<string, Revision[]>();
  for (const revision of revisions) map.set(revision.recordId, [...(map.get(revision.recordId) ?? []), revision]);
  return map;
}

describe('planImport', () => {
  it('counts new revisions and the conflicts they would create', async () => {
    const { city, assessment, root, onA, onB } = await history();
    const existing = [city, assessment, root, onA];
    const plan = planImport(new Set(existing.map((revision) => revision.id)), byRecord(existing), { revisions: [root, onB] });
    expect(plan.newCount).toBe(1);
    expect(plan.knownCount).toBe(1);
    expect(plan.alreadyImported).toBe(false);
    expect(plan.touchedRecordIds).toEqual([RECORD]);
    expect(plan.newConflicts).toHaveLength(1);
    expect(plan.newConflicts[0]!.field).toBe('directValue');
    expect(plan.newConflicts[0]!.candidates.map((write) => write.value).sort()).toEqual([2, 3]);
    expect(plan.missingParentCount).toBe(0);
  });

  it('says "already imported" when nothing is new, and reports parents it has never seen', async () => {
    const { root, onA, onB } = await history();
    const all = [root, onA, onB];
    const again = planImport((id) => all.some((revision) => revision.id === id), () => all, { revisions: all });
    expect(again.alreadyImported).toBe(true);
    expect(again.newConflicts).toEqual([]);
    const orphan = planImport(new Set(), new Map(), { revisions: [onB] });
    expect(orphan.missingParentCount).toBe(1);
    expect(orphan.newRevisions).toEqual([onB]);
  });

  it('does not count a conflict that already existed with the same candidates', async () => {
    const { root, onA, onB } = await history();
    const existing = [root, onA, onB];
    const note = await edit('dev-b', RECORD, { note: 'second' }, 6, [onB.id]);
    const plan = planImport(new Set(existing.map((revision) => revision.id)), byRecord(existing), { revisions: [note] });
    expect(plan.newConflicts).toEqual([]);
  });
});

describe('mergeRevisionSets and currentValues', () => {
  it('are order-independent and list conflicts with every value', async () => {
    const { city, assessment, root, onA, onB } = await history();
    const one = mergeRevisionSets([city, root, onA], [assessment, onB, root]);
    const two = mergeRevisionSets([onB, assessment], [onA, city, root], [onA]);
    expect(one).toEqual(two);
    const rows = currentValues(one);
    expect(rows.map((row) => row.field)).toEqual(['directValue', 'note']);
    const [direct, note] = rows;
    expect(direct).toMatchObject({ cityId: 'c1', year: 2025, kpiId: 'K1', pointId: '_', conflict: true, value: null });
    expect(direct!.candidates.map((candidate) => candidate.value).sort()).toEqual([2, 3]);
    expect(note).toMatchObject({ conflict: false, value: 'first' });
    expect(JSON.stringify(currentValues(two))).toBe(JSON.stringify(rows));
  });
});

describe('strict JSON', () => {
  const limits = { maxStringLength: 20, maxDepth: 3 };
  const code = (text: string) => {
    try {
      parseStrictJson(text, limits, 'test');
    } catch (error) {
      return (error as BundleError).code;
    }
    return 'ok';
  };
  it('accepts plain JSON and refuses what JSON.parse lets through', () => {
    expect(parseStrictJson('{"a":[1,-2.5e3,true,null,"\\u00e9"]}', limits, 't')).toEqual({ a: [1, -2500, true, null, 'é'] });
    expect(code('{"a":1,"a":2}')).toBe('E_SCHEMA');
    expect(code('{"__proto__":{}}')).toBe('E_SCHEMA');
    expect(code('[[[[1]]]]')).toBe('E_TOO_LARGE');
    expect(code(`"${'x'.repeat(21)}"`)).toBe('E_TOO_LARGE');
    expect(code('"\\ud800"')).toBe('E_MALFORMED_UTF8');
    expect(code('9007199254740993')).toBe('E_SCHEMA');
    expect(code('1e400')).toBe('E_SCHEMA');
    expect(code('{"a":1} x')).toBe('E_SCHEMA');
    expect(code('"tab\there"')).toBe('E_SCHEMA');
    expect(code('NaN')).toBe('E_SCHEMA');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
