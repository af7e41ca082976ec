import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findKpi, findPoint, pointsOf, U4SSC_2017 } from '../../core/catalogue/index.ts';
import type { PointFields } from '../../core/compute/index.ts';
import {
  ENTRY_STATUSES,
  assessmentStatus,
  combineStatuses,
  countsAsReported,
  pointStatus,
  statusInputOf,
  type EntryStatus,
  type PointStatusInput,
  type StatusContext,
} from '../../core/status/index.ts';

const CONTEXT: StatusContext = { denominators: { population: 250_000, households: 100_000 }, assessmentYear: 2026 };
const INTERNET = 'EC-ICT-ICT-1C';
const AIR = 'EN-EN-AQ-1C';

function statusOf(kpiId: string, input: PointStatusInput, pointId = '_') {
  const kpi = findKpi(U4SSC_2017, kpiId)!;
  return pointStatus(kpi, findPoint(kpi, pointId)!, input, CONTEXT);
}

const only = (fields: PointFields): PointStatusInput => ({ fields });

describe('pointStatus', () => {
  it('is not started when nothing was typed, and in progress once anything was', () => {
    expect(statusOf(INTERNET, only({})).status).toBe('notStarted');
    expect(statusOf(INTERNET, only({ note: null, source: '' })).status).toBe('notStarted');
    expect(statusOf(INTERNET, only({ source: 'Census 2024' })).status).toBe('inProgress');
    expect(statusOf(INTERNET, { fields: {}, conflictFields: ['numerator'] }).status).toBe('inProgress');
  });

  it('is reported with a sound value, computed from the profile households', () => {
    const result = statusOf(INTERNET, only({ numerator: 35_000 }));
    expect(result.status).toBe('reported');
    expect(result.value).toMatchObject({ kind: 'computed', value: 35 });
    expect(result.errors).toEqual([]);
  });

  it('keeps a negative numerator and its value but marks it with errors, giving the reason', () => {
    const result = statusOf(INTERNET, only({ numerator: -200, denominator: 2_800_000 }));
    expect(result.status).toBe('reportedWithErrors');
    expect(result.value.kind).toBe('computed');
    expect(result.errors.map((issue) => issue.code)).toEqual(['negativeNumerator', 'belowMinimum']);
    expect(countsAsReported(result.status)).toBe(false);
  });

  it('marks 150 % with errors, and an error with no value at all too', () => {
    expect(statusOf(INTERNET, only({ directValue: 150 })).status).toBe('reportedWithErrors');
    expect(statusOf(INTERNET, only({ denominator: -5 })).status).toBe('reportedWithErrors');
  });

  it('says a warning does not stop a value from counting', () => {
    const result = statusOf(INTERNET, only({ numerator: 40_000, denominator: 200_000 }));
    expect(result.status).toBe('reported');
    expect(result.warnings.map((issue) => issue.code)).toEqual(['denominatorMismatch']);
  });

  it('takes a declared "not reported" as final, even over a value', () => {
    expect(statusOf(INTERNET, only({ status: 'notReported' })).status).toBe('notReported');
    expect(statusOf(INTERNET, only({ status: 'notReported', numerator: 35_000 })).status).toBe('notReported');
  });

  it('does not take a "reported" label for a value', () => {
    const result = statusOf(INTERNET, only({ status: 'reported' }));
    expect(result.status).toBe('inProgress');
    expect(result.warnings.map((issue) => issue.code)).toEqual(['reportedWithoutValue']);
  });

  it('adds cross-KPI findings it is given', () => {
    const result = statusOf(INTERNET, {
      fields: { numerator: 35_000 },
      relatedIssues: [{ severity: 'error', code: 'belowRelatedKpi', params: { otherCode: 'x' } }],
    });
    expect(result.status).toBe('reportedWithErrors');
  });
});

describe('combineStatuses', () => {
  it('follows the documented rules', () => {
    expect(combineStatuses(['notStarted', 'notStarted'])).toBe('notStarted');
    expect(combineStatuses(['reported', 'reported'])).toBe('reported');
    expect(combineStatuses(['reported', 'notReported'])).toBe('reported');
    expect(combineStatuses(['notReported', 'notReported'])).toBe('notReported');
    expect(combineStatuses(['reported', 'notStarted'])).toBe('inProgress');
    expect(combineStatuses(['notReported', 'notStarted'])).toBe('inProgress');
    expect(combineStatuses(['reported', 'reportedWithErrors', 'notReported'])).toBe('reportedWithErrors');
  });

  it('is reported only when every point is settled and one is reported; errors always win', () => {
    const status = fc.constantFrom<EntryStatus>(...ENTRY_STATUSES);
    fc.assert(
      fc.property(fc.array(status, { minLength: 1, maxLength: 6 }), (statuses) => {
        const combined = combineStatuses(statuses);
        expect(combined === 'reportedWithErrors').toBe(statuses.includes('reportedWithErrors'));
        if (combined === 'reported') {
          expect(statuses.every((s) => s === 'reported' || s === 'notReported')).toBe(true);
          expect(statuses).toContain('reported');
        }
      }),
    );
  });
});

describe('assessmentStatus', () => {
  it('covers all 91 KPIs and all their data points, and counts both', () => {
    const result = assessmentStatus(U4SSC_2017, () => undefined, CONTEXT);
    const points = U4SSC_2017.kpis.reduce((n, kpi) => n + pointsOf(kpi).length, 0);
    expect(result.kpis.size).toBe(91);
    expect(result.kpiCounts).toMatchObject({ total: 91, notStarted: 91, reported: 0 });
    expect(result.pointCounts).toMatchObject({ total: points, notStarted: points });
  });

  it('counts a multi-point KPI as in progress until every point is settled', () => {
    const values: Record<string, PointFields> = {
      [`${AIR}:pm10`]: { directValue: 31.5 },
      [`${AIR}:pm25`]: { directValue: 12 },
      [`${INTERNET}:_`]: { numerator: -200 },
    };
    const lookup = (kpiId: string, pointId: string) => {
      const fields = values[`${kpiId}:${pointId}`];
      return fields ? { fields } : undefined;
    };
    const result = assessmentStatus(U4SSC_2017, lookup, CONTEXT);
    const air = result.kpis.get(AIR)!;
    expect(air).toMatchObject({ status: 'inProgress', reportedPoints: 2, totalPoints: 5 });
    expect(result.kpis.get(INTERNET)).toMatchObject({ status: 'reportedWithErrors', reportedPoints: 0, errors: 2 });
    expect(result.kpiCounts).toMatchObject({ inProgress: 1, reportedWithErrors: 1, notStarted: 89 });
    expect(result.pointCounts).toMatchObject({ reported: 2, reportedWithErrors: 1 });
  });

  it('reports a broken cross-KPI rule on both KPIs', () => {
    const values: Record<string, PointFields> = {
      'EC-I-WS-1C:_': { directValue: 80 },
      'EC-I-WS-2C:_': { directValue: 95 },
    };
    const result = assessmentStatus(U4SSC_2017, (kpiId, pointId) => {
      const fields = values[`${kpiId}:${pointId}`];
      return fields ? { fields } : undefined;
    }, CONTEXT);
    expect(result.kpis.get('EC-I-WS-1C')?.status).toBe('reportedWithErrors');
    expect(result.kpis.get('EC-I-WS-2C')?.points[0]?.errors.map((issue) => issue.code)).toEqual(['exceedsRelatedKpi']);
  });
});

describe('statusInputOf', () => {
  it('splits settled fields from fields in conflict', () => {
    const write = (value: number) => ({ value, revisionId: `r${value}`, author: 'a', deviceId: 'd', hlc: 'h' });
    const input = statusInputOf({
      numerator: { conflict: false, current: write(5) },
      denominator: { conflict: true, candidates: [write(1), write(2)] },
    });
    expect(input).toEqual({ fields: { numerator: 5 }, conflictFields: ['denominator'] });
  });
});
