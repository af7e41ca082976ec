/** Scoring as U4SSC publishes it: achievement per data point, four bands, roll-ups over scored points only. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SINGLE_POINT, U4SSC_2017, U4SSC_2017_V2, type Direction } from '../../core/catalogue/index.ts';
import { achievement, bandOf, scoreAssessment, scoreRevisions, type ScoringValue } from '../../core/scoring/index.ts';
import type { Target, TargetSet } from '../../core/targets/types.ts';
import { edit } from '../fixtures/bundles/helpers.ts';

const EDUCATION = ['SC-EH-ED-1C', 'SC-EH-ED-2C', 'SC-EH-ED-3C', 'SC-EH-ED-4C'];

function targetSet(targets: readonly Target[], catalogueId = U4SSC_2017_V2.id): TargetSet {
  return { id: 'test', name: 'Test targets', source: 'unit test', catalogueId, example: false, targets };
}

const higher = (kpiId: string, target: number, pointId = SINGLE_POINT): Target => ({ kpiId, pointId, target, direction: 'higher' });
const value = (kpiId: string, v: number | string | null, pointId = SINGLE_POINT): ScoringValue => ({ kpiId, pointId, value: v });

const direction = fc.constantFrom<Direction>('higher', 'lower', 'target');
const positive = fc.double({ min: 0.001, max: 1e6, noNaN: true });
const anyNumber = fc.double({ min: -1e6, max: 1e6, noNaN: true });

describe('achievement and bands', () => {
  it('divides value by target when higher is better and target by value when lower is better, capped at 100 %', () => {
    expect(achievement(50, 100, 'higher')).toBe(0.5);
    expect(achievement(150, 100, 'higher')).toBe(1);
    expect(achievement(140, 70, 'lower')).toBe(0.5);
    expect(achievement(35, 70, 'lower')).toBe(1);
    expect(achievement(3, 0, 'lower')).toBe(0);
    expect(achievement(0, 0, 'lower')).toBe(1);
  });

  it('scores target-value KPIs by the smaller over the larger, the same on both sides of the target', () => {
    expect(achievement(0.8, 1, 'target')).toBeCloseTo(0.8);
    expect(achievement(1.25, 1, 'target')).toBeCloseTo(0.8);
    expect(achievement(1, 1, 'target')).toBe(1);
    expect(achievement(0, 1, 'target')).toBe(0);
  });

  it('maps shares to the published bands, an edge belonging to the higher band', () => {
    expect([0, 0.3299, 0.33, 0.5, 0.66, 0.9499, 0.95, 1].map(bandOf)).toEqual([1, 1, 2, 2, 3, 3, 4, 4]);
    expect(bandOf(0.1 + 0.23)).toBe(2);
  });

  it('is monotone in the value: never falls as a higher-better value rises, never rises as a lower-better one does', () => {
    fc.assert(
      fc.property(anyNumber, anyNumber, anyNumber, (a, b, target) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(achievement(high, target, 'higher')).toBeGreaterThanOrEqual(achievement(low, target, 'higher'));
        expect(achievement(high, target, 'lower')).toBeLessThanOrEqual(achievement(low, target, 'lower'));
      }),
    );
  });

  it('is direction symmetric: value v against t when higher is better equals t against v when lower is better', () => {
    fc.assert(
      fc.property(positive, positive, (v, t) => {
        expect(achievement(v, t, 'higher')).toBeCloseTo(achievement(t, v, 'lower'), 12);
      }),
    );
  });

  it('always stays between 0 and 1', () => {
    fc.assert(
      fc.property(anyNumber, anyNumber, direction, (v, t, d) => {
        const share = achievement(v, t, d);
        expect(share).toBeGreaterThanOrEqual(0);
        expect(share).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('scoreAssessment', () => {
  it('reproduces the published worked case: 1 + 3 + 4 + 1 of 16 points is 56.25 %, in the 33–66 % band', () => {
    const report = scoreAssessment({
      catalogue: U4SSC_2017_V2,
      values: [value(EDUCATION[0]!, 20), value(EDUCATION[1]!, 80), value(EDUCATION[2]!, 100), value(EDUCATION[3]!, 10)],
      targets: targetSet(EDUCATION.map((kpiId) => higher(kpiId, 100))),
    });
    expect(report.points.filter((p) => EDUCATION.includes(p.kpiId)).map((p) => p.points)).toEqual([1, 3, 4, 1]);
    const education = report.categories.find((c) => c.id === 'SC-EH-ED')!;
    expect(education).toMatchObject({ points: 9, maxPoints: 16, scoredPoints: 4, share: 0.5625, band: 2 });
    expect(report.verification).toBe('selfAssessment');
  });

  it('leaves out a KPI that is not reported: 3 + 4 + 2 of 12 is 75 %, in the 66–95 % band', () => {
    const report = scoreAssessment({
      catalogue: U4SSC_2017_V2,
      values: [value(EDUCATION[1]!, 70), value(EDUCATION[2]!, 100), value(EDUCATION[3]!, 50), value(EDUCATION[0]!, null)],
      targets: targetSet(EDUCATION.map((kpiId) => higher(kpiId, 100))),
    });
    expect(report.categories.find((c) => c.id === 'SC-EH-ED')).toMatchObject({ points: 9, maxPoints: 12, share: 0.75, band: 3, excludedPoints: 1 });
    expect(report.points.find((p) => p.kpiId === EDUCATION[0])?.excluded).toBe('notReported');
  });

  it('scores a lower-is-better KPI by target ÷ value: maternal mortality of 140 against 70 is 50 %, 2 points', () => {
    const report = scoreAssessment({
      catalogue: U4SSC_2017_V2,
      values: [value('SC-EH-H-2C', 140)],
      targets: targetSet([{ kpiId: 'SC-EH-H-2C', pointId: SINGLE_POINT, target: 70, direction: 'lower' }]),
    });
    expect(report.points.find((p) => p.kpiId === 'SC-EH-H-2C')).toMatchObject({ achievement: 0.5, points: 2, direction: 'lower' });
    expect(report.categories.find((c) => c.id === 'SC-EH-H')).toMatchObject({ points: 2, maxPoints: 4, share: 0.5, band: 2 });
  });

  it('scores every data point of a multi-point KPI (Pedestrian Infrastructure, unreported, is the third left out), and choices as yes 100 %, partial 50 %, no 0 %', () => {
    const points = ['compact', 'connected', 'integrated', 'inclusive', 'resilient'];
    const report = scoreAssessment({
      catalogue: U4SSC_2017_V2,
      values: [value('EC-I-UP-2A', 'yes', 'compact'), value('EC-I-UP-2A', 'partial', 'connected'), value('EC-I-UP-2A', 'no', 'integrated')],
      targets: targetSet(points.map((pointId) => higher('EC-I-UP-2A', 1, pointId))),
    });
    expect(report.points.filter((p) => p.kpiId === 'EC-I-UP-2A').map((p) => p.points)).toEqual([4, 2, 1, null, null]);
    expect(report.categories.find((c) => c.id === 'EC-I-UP')).toMatchObject({ points: 7, maxPoints: 12, scoredPoints: 3, excludedPoints: 3 });
  });

  it('gives empty areas no score rather than zero', () => {
    const report = scoreAssessment({ catalogue: U4SSC_2017_V2, values: [], targets: targetSet([]) });
    for (const area of [...report.categories, ...report.subdimensions, ...report.dimensions, report.overall]) {
      expect(area).toMatchObject({ points: 0, maxPoints: 0, share: null, band: null });
    }
    expect(report.categories).toHaveLength(27);
    expect(report.points.every((p) => p.excluded === 'notReported')).toBe(true);
  });

  it('excludes values without a target, in conflict, breaking a hard rule, or in another unit than the target', () => {
    const report = scoreAssessment({
      catalogue: U4SSC_2017,
      values: [
        value('EC-ICT-ICT-1C', 50),
        { ...value('EC-ICT-ICT-2C', 50), conflict: true },
        value('EC-ICT-ICT-3C', -5),
        { ...value('EC-ICT-ICT-5C', 10), hardError: true },
        { ...value('EC-I-ES-2C', 2), unit: 'hoursPerCustomerYear' },
      ],
      targets: targetSet([higher('EC-ICT-ICT-2C', 100), higher('EC-ICT-ICT-3C', 100), higher('EC-ICT-ICT-5C', 5), higher('EC-I-ES-2C', 60)]),
    });
    const reasons = Object.fromEntries(report.points.filter((p) => p.value !== null).map((p) => [p.kpiId, p.excluded]));
    expect(reasons).toEqual({
      'EC-ICT-ICT-1C': 'noTarget',
      'EC-ICT-ICT-2C': 'conflict',
      'EC-ICT-ICT-3C': 'invalidValue',
      'EC-ICT-ICT-5C': 'invalidValue',
      'EC-I-ES-2C': 'unitMismatch',
    });
    expect(report.overall.scoredPoints).toBe(0);
  });

  it('rolls categories up into sub-dimensions, dimensions and overall by points, not by averaging shares', () => {
    const report = scoreAssessment({
      catalogue: U4SSC_2017_V2,
      values: [value('SC-EH-ED-1C', 100), value('SC-EH-H-1C', 20), value('SC-EH-H-3C', 20)],
      targets: targetSet([higher('SC-EH-ED-1C', 100), higher('SC-EH-H-1C', 80), higher('SC-EH-H-3C', 300)]),
    });
    expect(report.subdimensions.find((s) => s.id === 'SC-EH')).toMatchObject({ points: 6, maxPoints: 12, share: 0.5 });
    expect(report.dimensions.find((d) => d.id === 'SC')).toMatchObject({ points: 6, maxPoints: 12 });
    expect(report.overall).toMatchObject({ points: 6, maxPoints: 12 });
  });

  it('never changes another area\'s score when a point is excluded', () => {
    const kpiIds = U4SSC_2017_V2.kpis.filter((kpi) => kpi.dataPoints.length === 0 && kpi.computation.kind !== 'choice').map((kpi) => kpi.id);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...kpiIds), { minLength: 2, maxLength: 20 }),
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 20, maxLength: 20 }),
        fc.nat(),
        (chosen, numbers, pick) => {
          const values = chosen.map((kpiId, index) => value(kpiId, numbers[index]!));
          const targets = targetSet(chosen.map((kpiId) => higher(kpiId, 50)));
          const dropped = chosen[pick % chosen.length]!;
          const droppedKpi = U4SSC_2017_V2.kpis.find((kpi) => kpi.id === dropped)!;
          const full = scoreAssessment({ catalogue: U4SSC_2017_V2, values, targets });
          const without = scoreAssessment({ catalogue: U4SSC_2017_V2, values: values.filter((v) => v.kpiId !== dropped), targets });
          const others = (report: typeof full) =>
            JSON.stringify([report.categories.filter((c) => c.id !== droppedKpi.category), report.points.filter((p) => p.kpiId !== dropped)]);
          expect(others(without)).toBe(others(full));
        },
      ),
      { numRuns: 40 },
    );
  }, 30_000);

  it('labels results verified only when told so', () => {
    const report = scoreAssessment({ catalogue: U4SSC_2017_V2, values: [], targets: targetSet([]), verified: true });
    expect(report.verification).toBe('verified');
  });
});

describe('scoreRevisions', () => {
  it('scores each assessment of a revision set, leaving out a value with a validation error as the app does', async () => {
    const revisions = [
      await edit('dev-a', 'city:c1', { name: 'Testville', country: 'TL', population: 1000, households: 400 }, 1_000),
      await edit('dev-a', 'assessment:a1', { cityId: 'c1', year: 2025, catalogueId: 'u4ssc-2017-v2' }, 1_100),
      await edit('dev-a', 'value:a1:EC-ICT-ICT-1C:_', { numerator: 200, status: 'reported' }, 1_200),
      await edit('dev-a', 'value:a1:EC-ICT-ICT-2C:_', { numerator: 200, dataYear: 2099 }, 1_300),
    ];
    const targets = targetSet([higher('EC-ICT-ICT-1C', 100), higher('EC-ICT-ICT-2C', 100)]);
    const [score] = scoreRevisions(revisions, targets);
    expect(score).toMatchObject({ assessmentId: 'a1', cityName: 'Testville', year: 2025 });
    const byKpi = Object.fromEntries(score!.report!.points.filter((p) => p.value !== null).map((p) => [p.kpiId, [p.points, p.excluded]]));
    expect(byKpi).toEqual({ 'EC-ICT-ICT-1C': [2, null], 'EC-ICT-ICT-2C': [null, 'invalidValue'] });
  });
});
