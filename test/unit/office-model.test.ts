import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pointsOf, U4SSC_2017 } from '../../core/catalogue/index.ts';
import { numericValue } from '../../core/compute/index.ts';
import { findOutliers, type ObservedValue } from '../../core/office/outliers.ts';
import type { FieldState, FieldWrite } from '../../core/revisions/derive.ts';
import { formatRecordId } from '../../core/revisions/record-id.ts';
import type { FieldValue } from '../../core/revisions/types.ts';
import { EXAMPLE_TARGET_SET } from '../../core/targets/index.ts';
import type { AssessmentView, ValueView } from '../../renderer/src/data/types.ts';
import { officeEntries, outliersOf } from '../../renderer/src/features/office/office-model.ts';
import { buildSnapshot, kpiRowReader } from '../../renderer/src/features/results/snapshot-model.ts';
import { scoringValuesOf } from '../../renderer/src/features/results/scoring-input.ts';
import { scoreAssessment } from '../../core/scoring/index.ts';
import { CROSS_KPI_RULES, kpisCheckedWith } from '../../core/validation/index.ts';

const POINTS = U4SSC_2017.kpis.flatMap((kpi) => pointsOf(kpi).map((point) => ({ kpiId: kpi.id, pointId: point.id })));

function write(value: FieldValue, revisionId: string): FieldWrite {
  return { value, revisionId, author: 'Office', deviceId: 'dev-a', hlc: '0000000000000-0000-dev-a' };
}

/** Field values that reach every status: numbers out of range, ratios, declared missing, choices, conflicts. */
const fieldState = fc.oneof(
  fc.oneof(fc.double({ min: -1e6, max: 1e9, noNaN: true }), fc.integer({ min: -5, max: 200 }), fc.constantFrom('notReported', 'reported', 'yes', 'no', 'partial', '', 'survey'), fc.constant(null)).map(
    (value): FieldState => ({ conflict: false, current: write(value, 'r1') }),
  ),
  fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 101, max: 200 })).map(([a, b]): FieldState => ({ conflict: true, candidates: [write(a, 'r1'), write(b, 'r2')] })),
);
const FIELDS = ['directValue', 'numerator', 'denominator', 'choice', 'status', 'dataYear', 'source', 'quality', 'confirmedValue', 'officeNote'] as const;
const pointFields = fc.dictionary(fc.constantFrom(...FIELDS), fieldState, { minKeys: 1, maxKeys: 4 });
const storedPoints = fc.uniqueArray(fc.tuple(fc.constantFrom(...POINTS), pointFields), { selector: ([point]) => `${point.kpiId}/${point.pointId}`, maxLength: 40 });

function assessmentView(id: string, cityName: string, year: number, population: number | null): AssessmentView {
  return {
    id,
    cityId: `c-${cityName}`,
    year,
    catalogueId: U4SSC_2017.id,
    demo: false,
    title: null,
    createdAtMs: 0,
    city: { id: `c-${cityName}`, name: cityName, country: 'Veloria', population, households: population === null ? null : population / 3, areaKm2: null, gdp: null, currency: '', region: '' },
    fieldStates: {},
    cityFieldStates: {},
    damage: [],
  };
}

function valuesOf(assessmentId: string, stored: readonly (readonly [{ kpiId: string; pointId: string }, Record<string, FieldState>])[]): Map<string, ValueView> {
  return new Map(
    stored.map(([{ kpiId, pointId }, fields]) => {
      const recordId = formatRecordId({ kind: 'kpiValue', assessmentId, kpiId, pointId });
      return [recordId, { recordId, kpiId, pointId, fields, heads: ['r1'] }];
    }),
  );
}

describe('office model', () => {
  it('builds each KPI row on request exactly as the whole snapshot builds it, in any order of reading', () => {
    fc.assert(
      fc.property(storedPoints, fc.option(fc.integer({ min: 1, max: 5_000_000 }), { nil: null }), fc.shuffledSubarray(U4SSC_2017.kpis.map((kpi) => kpi.id)), (stored, population, order) => {
        const assessment = assessmentView('a-1', 'Lakeside', 2024, population);
        const values = valuesOf(assessment.id, stored);
        const snapshot = buildSnapshot(U4SSC_2017, assessment, values);
        const rowOf = kpiRowReader(U4SSC_2017, assessment, values);
        for (const kpiId of order) expect(rowOf(kpiId)).toEqual(snapshot.kpis.find((row) => row.kpi.id === kpiId));
        expect(rowOf('no-such-kpi')).toBeUndefined();
      }),
      { numRuns: 60 },
    );
  });

  it('builds a KPI\'s row from the values of the KPIs checked with it alone exactly as from every value', () => {
    // Both sides of every cross-KPI rule hold a number, so rules break as often as they hold.
    const ruleSides = CROSS_KPI_RULES.flatMap((rule) => [rule.lower, rule.upper]).map((key) => {
      const [kpiId = '', pointId = '_'] = key.split(':');
      return { kpiId, pointId };
    });
    const ruleValues = fc.tuple(...ruleSides.map(() => fc.integer({ min: 0, max: 100 })));
    fc.assert(
      fc.property(storedPoints, ruleValues, (stored, numbers) => {
        const assessment = assessmentView('a-1', 'Lakeside', 2024, 100_000);
        const ruleStored = ruleSides.map((point, index) => [point, { directValue: { conflict: false, current: write(numbers[index]!, 'r1') } as FieldState }] as const);
        const values = valuesOf(assessment.id, [...stored.filter(([point]) => !ruleSides.some((side) => side.kpiId === point.kpiId)), ...ruleStored]);
        const everyRow = kpiRowReader(U4SSC_2017, assessment, values);
        for (const kpi of U4SSC_2017.kpis) {
          const readWith = new Set(kpisCheckedWith(kpi.id));
          const some = new Map([...values].filter(([, view]) => readWith.has(view.kpiId)));
          expect(kpiRowReader(U4SSC_2017, assessment, some)(kpi.id)).toEqual(everyRow(kpi.id));
        }
      }),
      { numRuns: 20 },
    );
  });

  it('flags the same outliers and scores the same as the whole snapshots of every assessment', () => {
    fc.assert(
      fc.property(fc.array(storedPoints, { minLength: 2, maxLength: 4 }), (years) => {
        const assessments = years.map((_, index) => assessmentView(`a-${index}`, 'Lakeside', 2020 + index, 100_000));
        const values = new Map(assessments.map((assessment, index) => [assessment.id, valuesOf(assessment.id, years[index]!)]));
        const entries = officeEntries(assessments, values);

        const snapshots = assessments.map((assessment) => buildSnapshot(U4SSC_2017, assessment, values.get(assessment.id)!));
        const observed = snapshots.flatMap((snapshot, index): ObservedValue[] =>
          snapshot.kpis.flatMap((row) =>
            row.points.flatMap((point) => {
              const value = point.reported ? numericValue(point.value) : null;
              const { id, city, year } = assessments[index]!;
              return value === null ? [] : [{ assessmentId: id, cityName: city.name, country: city.country, year, kpiId: row.kpi.id, pointId: point.point.id, value, confirmedValue: point.confirmedValue }];
            }),
          ),
        );
        expect(outliersOf(entries).map(({ value, reasons, confirmed }) => ({ value, reasons, confirmed }))).toEqual(findOutliers(U4SSC_2017, observed));

        entries.forEach((entry) => {
          const index = assessments.findIndex((assessment) => assessment.id === entry.assessment.id);
          const expected = scoreAssessment({ catalogue: U4SSC_2017, values: scoringValuesOf(snapshots[index]!), targets: EXAMPLE_TARGET_SET });
          expect(entry.score(EXAMPLE_TARGET_SET)).toEqual(expected);
          expect(entry.score(EXAMPLE_TARGET_SET)).toBe(entry.score(EXAMPLE_TARGET_SET));
        });
      }),
      { numRuns: 25 },
    );
  });
});
