import { describe, expect, it } from 'vitest';
import { findKpi, findPoint, U4SSC_2017 } from '../../core/catalogue/index.ts';
import type { DataPointDefinition, KpiDefinition } from '../../core/catalogue/types.ts';
import type { Denominators, PointFields } from '../../core/compute/index.ts';
import { validatePoint, type ValidationIssue } from '../../core/validation/index.ts';

function target(kpiId: string, pointId = '_'): [KpiDefinition, DataPointDefinition] {
  const kpi = findKpi(U4SSC_2017, kpiId);
  const point = kpi && findPoint(kpi, pointId);
  if (!kpi || !point) throw new Error(`no ${kpiId}:${pointId} in the catalogue`);
  return [kpi, point];
}

const PROFILE: Denominators = { population: 250_000, households: 100_000 };
const NO_PROFILE: Denominators = { population: null, households: null };
const CONTEXT = { assessmentYear: 2026 };

function check(kpiId: string, fields: PointFields, denominators = PROFILE, pointId = '_'): ValidationIssue[] {
  const [kpi, point] = target(kpiId, pointId);
  return validatePoint(kpi, point, fields, denominators, CONTEXT);
}

const codes = (issues: readonly ValidationIssue[]) => issues.map((issue) => issue.code);

const HOUSEHOLD_INTERNET = 'EC-ICT-ICT-1C';
const SCHOOL_ENROLMENT = 'SC-EH-ED-2C';

describe('validatePoint: clean values', () => {
  it('has nothing to say about a sound percentage', () => {
    expect(check(HOUSEHOLD_INTERNET, { numerator: 45_500, denominator: 100_000, status: 'reported', dataYear: 2025 })).toEqual([]);
  });

  it('has nothing to say about an empty point', () => {
    expect(check(HOUSEHOLD_INTERNET, {})).toEqual([]);
  });
});

describe('validatePoint: percentages and hard ranges', () => {
  it('rejects an override above 100 % as an error on the direct value', () => {
    expect(check(HOUSEHOLD_INTERNET, { directValue: 104 })).toEqual([
      { severity: 'error', code: 'aboveMaximum', field: 'directValue', params: { max: 100, value: 104 } },
    ]);
  });

  it('rejects a negative percentage', () => {
    expect(check(HOUSEHOLD_INTERNET, { directValue: -1 })).toEqual([
      { severity: 'error', code: 'belowMinimum', field: 'directValue', params: { min: 0, value: -1 } },
    ]);
  });

  it('accepts exactly 0 and 100', () => {
    expect(check(HOUSEHOLD_INTERNET, { directValue: 0 })).toEqual([]);
    expect(check(HOUSEHOLD_INTERNET, { directValue: 100 })).toEqual([]);
  });

  it('lets School Enrolment exceed 100 %, numerator above denominator included', () => {
    expect(check(SCHOOL_ENROLMENT, { numerator: 1050, denominator: 1000 })).toEqual([]);
    expect(check(SCHOOL_ENROLMENT, { directValue: 104.5 })).toEqual([]);
    expect(codes(check(SCHOOL_ENROLMENT, { directValue: -3 }))).toEqual(['belowMinimum']);
  });

  it('reports a numerator above its denominator once, as an error on the numerator', () => {
    expect(check(HOUSEHOLD_INTERNET, { numerator: 120, denominator: 100 }, NO_PROFILE)).toEqual([
      { severity: 'error', code: 'numeratorExceedsDenominator', field: 'numerator', params: { numerator: 120, denominator: 100 } },
    ]);
  });

  it('compares the numerator with the profile households when the denominator is empty', () => {
    expect(codes(check(HOUSEHOLD_INTERNET, { numerator: 100_001 }))).toEqual(['numeratorExceedsDenominator']);
    expect(check(HOUSEHOLD_INTERNET, { numerator: 100_000 })).toEqual([]);
  });

  it('applies hard ranges to computed values of non-percentage KPIs', () => {
    expect(codes(check('EC-ICT-ICT-3C', { numerator: -5 }))).toEqual(['negativeNumerator', 'belowMinimum']);
  });

  it('applies hard ranges to data points of multi-point KPIs', () => {
    expect(codes(check('EC-ICT-ICT-4C', { directValue: 101 }, PROFILE, '4g'))).toEqual(['aboveMaximum']);
    expect(codes(check('EN-EN-AQ-1C', { directValue: -2 }, PROFILE, 'pm25'))).toEqual(['belowMinimum']);
  });
});

describe('validatePoint: numerators and denominators', () => {
  it('flags a zero or negative denominator', () => {
    expect(check(HOUSEHOLD_INTERNET, { numerator: 5, denominator: 0 })).toEqual([
      { severity: 'error', code: 'denominatorNotPositive', field: 'denominator' },
    ]);
    expect(codes(check(SCHOOL_ENROLMENT, { numerator: 5, denominator: -10 }))).toEqual(['denominatorNotPositive']);
  });

  it('flags a negative numerator', () => {
    expect(codes(check(HOUSEHOLD_INTERNET, { numerator: -5, denominator: 100 }, NO_PROFILE))).toEqual(['negativeNumerator', 'belowMinimum']);
  });

  it('warns when a numerator has no denominator to divide by', () => {
    expect(check(SCHOOL_ENROLMENT, { numerator: 900 })).toEqual([{ severity: 'warning', code: 'denominatorNotEntered', field: 'denominator' }]);
    // Wireless Broadband Coverage: the city profile has nothing to offer, so it is not mentioned.
    expect(check('EC-ICT-ICT-4C', { numerator: 90 }, PROFILE, '3g')).toEqual([{ severity: 'warning', code: 'denominatorNotEntered', field: 'denominator' }]);
    expect(codes(check(HOUSEHOLD_INTERNET, { numerator: 900 }, NO_PROFILE))).toEqual(['denominatorMissing']);
    expect(check(SCHOOL_ENROLMENT, { numerator: 900, directValue: 90 })).toEqual([]);
  });

  it('reports numbers stored as text instead of silently ignoring them', () => {
    expect(check(HOUSEHOLD_INTERNET, { numerator: '45,5', denominator: 100_000, directValue: 'n/a' })).toEqual([
      { severity: 'error', code: 'notANumber', field: 'numerator' },
      { severity: 'error', code: 'notANumber', field: 'directValue' },
    ]);
  });
});

describe('validatePoint: the 5 % denominator rule', () => {
  const withDenominator = (denominator: number) => check(HOUSEHOLD_INTERNET, { numerator: 1000, denominator });

  it('accepts an entered household count up to 5 % away from the profile', () => {
    expect(withDenominator(105_000)).toEqual([]);
    expect(withDenominator(95_000)).toEqual([]);
    expect(withDenominator(100_000)).toEqual([]);
  });

  it('warns about a per-cent-sized denominator typed for a household KPI', () => {
    expect(codes(check(HOUSEHOLD_INTERNET, { numerator: 45, denominator: 100 }))).toEqual(['denominatorMismatch']);
  });

  it('warns beyond 5 %, with the difference in percent and both figures', () => {
    expect(withDenominator(105_001)).toEqual([
      {
        severity: 'warning',
        code: 'denominatorMismatch',
        field: 'denominator',
        params: { percent: 5.001, entered: 105_001, profile: 100_000 },
      },
    ]);
    expect(codes(withDenominator(94_999))).toEqual(['denominatorMismatch']);
  });

  it('compares population-based KPIs with the profile population', () => {
    expect(check('EC-ICT-ICT-3C', { numerator: 1000, denominator: 262_500 })).toEqual([]);
    expect(codes(check('EC-ICT-ICT-3C', { numerator: 1000, denominator: 262_501 }))).toEqual(['denominatorMismatch']);
  });

  it('does not compare KPI-specific denominators or a missing profile', () => {
    expect(check(SCHOOL_ENROLMENT, { numerator: 10, denominator: 10_000_000 })).toEqual([]);
    expect(check(HOUSEHOLD_INTERNET, { numerator: 10, denominator: 500 }, NO_PROFILE)).toEqual([]);
  });
});

describe('validatePoint: plausibility warnings', () => {
  it('warns when R&D expenditure is above 5 % of GDP', () => {
    expect(check('EC-P-IN-1C', { directValue: 7.5 })).toEqual([
      { severity: 'warning', code: 'implausiblyHigh', field: 'directValue', params: { max: 5, value: 7.5 } },
    ]);
    expect(check('EC-P-IN-1C', { directValue: 5 })).toEqual([]);
  });

  it('warns when access to electricity is below 90 %, computed from the profile', () => {
    expect(check('EC-I-ES-3C', { numerator: 85_000 })).toEqual([{ severity: 'warning', code: 'implausiblyLow', params: { min: 90, value: 85 } }]);
    expect(check('EC-I-ES-3C', { numerator: 95_000 })).toEqual([]);
  });
});

describe('validatePoint: data year, choices and status', () => {
  it('accepts data years from 1950 to one year after the assessment', () => {
    expect(check(HOUSEHOLD_INTERNET, { dataYear: 1950 })).toEqual([]);
    expect(check(HOUSEHOLD_INTERNET, { dataYear: 2027 })).toEqual([]);
  });

  it.each([1949, 2028, 2025.5])('refuses the data year %d', (dataYear) => {
    expect(check(HOUSEHOLD_INTERNET, { dataYear })).toEqual([
      { severity: 'error', code: 'dataYearOutOfRange', field: 'dataYear', params: { min: 1950, max: 2027 } },
    ]);
  });

  it('refuses a choice the KPI does not offer', () => {
    expect(check('SC-SH-SA-3A', { choice: 'partial' })).toEqual([
      { severity: 'error', code: 'choiceNotAllowed', field: 'choice', params: { value: 'partial' } },
    ]);
    expect(check('EC-I-UP-2A', { choice: 'partial' }, PROFILE, 'compact')).toEqual([]);
  });

  it('warns when a point is marked reported but has no value', () => {
    expect(check(HOUSEHOLD_INTERNET, { status: 'reported' })).toEqual([{ severity: 'warning', code: 'reportedWithoutValue', field: 'status' }]);
    expect(check(HOUSEHOLD_INTERNET, { status: 'notReported' })).toEqual([]);
  });
});
