/** pointValues: the analyst's rows, computed like the app computes them, with every conflict listed. */
import { describe, expect, it } from 'vitest';
import { pointValues, type PointValueRow } from '../../core/values/index.ts';
import type { Revision } from '../../core/revisions/types.ts';
import { edit } from '../fixtures/bundles/helpers.ts';

const CITY = 'city:c1';
const ASSESSMENT = 'assessment:a1';
const value = (kpiId: string, pointId = '_') => `value:a1:${kpiId}:${pointId}`;

async function base(): Promise<Revision[]> {
  return [
    await edit('dev-a', CITY, { name: 'Testville', country: 'Testland', population: 200_000, households: 80_000 }, 1_000),
    await edit('dev-a', ASSESSMENT, { cityId: 'c1', year: 2025, catalogueId: 'u4ssc-2017' }, 1_100),
  ];
}

function rowOf(rows: readonly PointValueRow[], kpiId: string, pointId = '_'): PointValueRow {
  const row = rows.find((candidate) => candidate.kpiId === kpiId && candidate.pointId === pointId);
  if (!row) throw new Error(`no row for ${kpiId} ${pointId}`);
  return row;
}

describe('pointValues', () => {
  it('computes ratios with the city profile or the entered denominator, and reports override, direct, choice and missing values', async () => {
    const revisions = [
      ...(await base()),
      await edit('dev-a', value('EC-ICT-ICT-1C'), { numerator: 40_000, status: 'reported', quality: 'measured', dataYear: 2024, source: 'Census' }, 2_000),
      await edit('dev-a', value('EC-P-IN-2C'), { numerator: 30, denominator: 100_000 }, 2_100),
      await edit('dev-a', value('EC-I-T-1C'), { numerator: 50, directValue: 31.5 }, 2_200),
      await edit('dev-a', value('EC-ICT-ICT-5C'), { directValue: 12 }, 2_300),
      await edit('dev-a', value('EC-I-UP-2A', 'compact'), { choice: 'partial' }, 2_400),
      await edit('dev-a', value('EC-ICT-ICT-2C'), { numerator: 10, status: 'notReported' }, 2_500),
      await edit('dev-a', value('XX-NOT-A-KPI'), { directValue: 5, unit: 'widgets' }, 2_600),
    ];
    const rows = pointValues(revisions);
    expect(rowOf(rows, 'EC-ICT-ICT-1C')).toEqual({
      cityId: 'c1',
      cityName: 'Testville',
      country: 'Testland',
      year: 2025,
      assessmentId: 'a1',
      kpiCode: 'EC: ICT: ICT: 1C',
      kpiId: 'EC-ICT-ICT-1C',
      pointId: '_',
      value: 50,
      valueKind: 'computed',
      unit: 'percent',
      status: 'reported',
      quality: 'measured',
      dataYear: 2024,
      source: 'Census',
      conflicts: [],
    });
    expect(rowOf(rows, 'EC-P-IN-2C')).toMatchObject({ value: 30, valueKind: 'computed', unit: 'per100kInhabitants' });
    expect(rowOf(rows, 'EC-I-T-1C')).toMatchObject({ value: 31.5, valueKind: 'override' });
    expect(rowOf(rows, 'EC-ICT-ICT-5C')).toMatchObject({ value: 12, valueKind: 'direct', unit: 'count' });
    expect(rowOf(rows, 'EC-I-UP-2A', 'compact')).toMatchObject({ value: 'partial', valueKind: 'choice', kpiCode: 'EC: I: UP: 2A' });
    expect(rowOf(rows, 'EC-ICT-ICT-2C')).toMatchObject({ value: null, valueKind: 'missing', status: 'notReported' });
    expect(rowOf(rows, 'XX-NOT-A-KPI')).toMatchObject({ value: null, valueKind: 'missing', kpiCode: null, unit: 'widgets' });
  });

  it('lists every competing value of a conflict with author, device and time, and leaves a value that depends on it undecided', async () => {
    const [city, assessment] = await base();
    const root = await edit('dev-a', value('EC-ICT-ICT-1C'), { numerator: 40_000, note: 'first' }, 2_000);
    const onA = await edit('dev-a', value('EC-ICT-ICT-1C'), { numerator: 42_000, note: 'ana' }, 3_000, [root.id], 'Ana');
    const onB = await edit('dev-b', value('EC-ICT-ICT-1C'), { numerator: 41_000, note: 'second' }, 4_000, [root.id], 'Bo');
    const noteOnly = await edit('dev-a', value('EC-P-IN-2C'), { numerator: 30, denominator: 100_000, note: 'a' }, 2_000);
    const noteA = await edit('dev-a', value('EC-P-IN-2C'), { note: 'b' }, 3_000, [noteOnly.id], 'Ana');
    const noteB = await edit('dev-b', value('EC-P-IN-2C'), { note: 'c' }, 3_500, [noteOnly.id], 'Bo');
    const rows = pointValues([city!, assessment!, root, onA, onB, noteOnly, noteA, noteB]);

    const ratio = rowOf(rows, 'EC-ICT-ICT-1C');
    expect(ratio).toMatchObject({ value: null, valueKind: 'conflict' });
    expect(ratio.conflicts.map((conflict) => conflict.field)).toEqual(['note', 'numerator']);
    expect(ratio.conflicts[1]!.values).toEqual([
      { value: 42_000, author: 'Ana', deviceId: 'dev-a', time: '1970-01-01T00:00:03.000Z', hlc: onA.hlc, revisionId: onA.id },
      { value: 41_000, author: 'Bo', deviceId: 'dev-b', time: '1970-01-01T00:00:04.000Z', hlc: onB.hlc, revisionId: onB.id },
    ]);
    // A conflict in a field the value does not read is listed, but the value is still computed.
    const noted = rowOf(rows, 'EC-P-IN-2C');
    expect(noted).toMatchObject({ value: 30, valueKind: 'computed' });
    expect(noted.conflicts.map((conflict) => [conflict.field, conflict.values.map((write) => write.value)])).toEqual([['note', ['b', 'c']]]);
  });

  it('a conflict in the city profile undecides exactly the ratios that divide by it', async () => {
    const [city, assessment] = await base();
    const popA = await edit('dev-a', CITY, { population: 210_000 }, 5_000, [city!.id], 'Ana');
    const popB = await edit('dev-b', CITY, { population: 190_000 }, 5_000, [city!.id], 'Bo');
    const rows = pointValues([
      city!,
      assessment!,
      popA,
      popB,
      await edit('dev-a', value('EC-I-T-1C'), { numerator: 50 }, 2_000),
      await edit('dev-a', value('EC-P-IN-2C'), { numerator: 30, denominator: 100_000 }, 2_100),
      await edit('dev-a', value('EC-ICT-ICT-1C'), { numerator: 40_000 }, 2_200),
    ]);
    const perInhabitant = rowOf(rows, 'EC-I-T-1C');
    expect(perInhabitant).toMatchObject({ value: null, valueKind: 'conflict' });
    expect(perInhabitant.conflicts.map((conflict) => conflict.field)).toEqual(['city.population']);
    expect(perInhabitant.conflicts[0]!.values.map((write) => write.author)).toEqual(['Ana', 'Bo']);
    expect(rowOf(rows, 'EC-P-IN-2C')).toMatchObject({ value: 30, valueKind: 'computed', conflicts: [] });
    expect(rowOf(rows, 'EC-ICT-ICT-1C')).toMatchObject({ value: 50, valueKind: 'computed', conflicts: [] });
  });

  it('is totally ordered: any order and any duplicates of the same revisions give identical rows', async () => {
    const [city, assessment] = await base();
    const root = await edit('dev-a', value('EC-ICT-ICT-1C'), { numerator: 40_000 }, 2_000);
    const revisions = [
      city!,
      assessment!,
      root,
      await edit('dev-a', value('EC-ICT-ICT-1C'), { numerator: 42_000 }, 3_000, [root.id]),
      await edit('dev-b', value('EC-ICT-ICT-1C'), { numerator: 41_000 }, 3_000, [root.id]),
      await edit('dev-c', value('EC-ICT-ICT-1C'), { numerator: 43_000 }, 3_000, [root.id]),
      await edit('dev-a', 'value:a0:EC-ICT-ICT-1C:_', { numerator: 1 }, 2_000),
      await edit('dev-a', value('EC-I-UP-2A', 'compact'), { choice: 'yes' }, 2_000),
      await edit('dev-a', value('EC-I-UP-2A', 'connected'), { choice: 'no' }, 2_000),
    ];
    const expected = JSON.stringify(pointValues(revisions));
    for (const order of [[...revisions].reverse(), [...revisions.slice(4), ...revisions, ...revisions.slice(0, 4)]]) {
      expect(JSON.stringify(pointValues(order))).toBe(expected);
    }
    const rows = JSON.parse(expected) as PointValueRow[];
    // The assessment without a record sorts first (no city), then by assessment, KPI and point.
    expect(rows.map((row) => `${row.cityId}/${row.assessmentId}/${row.kpiId}/${row.pointId}`)).toEqual([
      'null/a0/EC-ICT-ICT-1C/_',
      'c1/a1/EC-I-UP-2A/compact',
      'c1/a1/EC-I-UP-2A/connected',
      'c1/a1/EC-ICT-ICT-1C/_',
    ]);
    expect(rows[3]!.conflicts[0]!.values.map((write) => write.deviceId)).toEqual(['dev-a', 'dev-b', 'dev-c']);
  });
});
