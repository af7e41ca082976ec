import { describe, expect, it } from 'vitest';
import { findKpi, findPoint, pointsOf, U4SSC_2017 } from '../../core/catalogue/index.ts';
import type { DataPointDefinition } from '../../core/catalogue/types.ts';
import { computePointValue, numericValue, type Denominators } from '../../core/compute/index.ts';

function pointOf(kpiId: string, pointId = '_'): DataPointDefinition {
  const kpi = findKpi(U4SSC_2017, kpiId);
  const point = kpi && findPoint(kpi, pointId);
  if (!point) throw new Error(`no ${kpiId}:${pointId} in the catalogue`);
  return point;
}

const PROFILE: Denominators = { population: 250_000, households: 100_000 };
const NO_PROFILE: Denominators = { population: null, households: null };

const householdInternet = pointOf('EC-ICT-ICT-1C');
const wirelessSubscriptions = pointOf('EC-ICT-ICT-3C');
const schoolEnrolment = pointOf('SC-EH-ED-2C');
const wifiHotspots = pointOf('EC-ICT-ICT-5C');
const compactPlanning = pointOf('EC-I-UP-2A', 'compact');

describe('computePointValue: ratios', () => {
  it('divides by the entered denominator and scales to a percentage', () => {
    expect(computePointValue(householdInternet, { numerator: 455, denominator: 1000 }, PROFILE)).toEqual({
      kind: 'computed',
      value: 45.5,
      denominatorUsed: 1000,
      denominatorSource: 'entered',
    });
  });

  it('falls back to the city profile households when the denominator is left empty', () => {
    expect(computePointValue(householdInternet, { numerator: 45_500, denominator: null }, PROFILE)).toEqual({
      kind: 'computed',
      value: 45.5,
      denominatorUsed: 100_000,
      denominatorSource: 'profile',
    });
  });

  it('uses population for "per 100 000 inhabitants" KPIs', () => {
    expect(computePointValue(wirelessSubscriptions, { numerator: 200_000 }, PROFILE)).toMatchObject({
      kind: 'computed',
      value: 80_000,
      denominatorUsed: 250_000,
      denominatorSource: 'profile',
    });
  });

  it('keeps whole-number inputs exact', () => {
    expect(numericValue(computePointValue(pointOf('EC-P-EM-1C'), { numerator: 7, denominator: 1000 }, PROFILE))).toBe(0.7);
  });

  it('does not borrow the profile for KPIs whose denominator is specific to them', () => {
    expect(computePointValue(schoolEnrolment, { numerator: 1050 }, PROFILE)).toEqual({ kind: 'missing' });
  });

  it('is missing without a usable denominator', () => {
    expect(computePointValue(householdInternet, { numerator: 10 }, NO_PROFILE)).toEqual({ kind: 'missing' });
    expect(computePointValue(householdInternet, { numerator: 10, denominator: 0 }, PROFILE)).toEqual({ kind: 'missing' });
    expect(computePointValue(householdInternet, { numerator: 10, denominator: -5 }, PROFILE)).toEqual({ kind: 'missing' });
    expect(computePointValue(householdInternet, { numerator: 10 }, { population: 10, households: 0 })).toEqual({ kind: 'missing' });
  });

  it('is missing without a numerator, or with one that is not a number', () => {
    expect(computePointValue(householdInternet, { denominator: 100 }, PROFILE)).toEqual({ kind: 'missing' });
    expect(computePointValue(householdInternet, { numerator: '45,5', denominator: 100 }, PROFILE)).toEqual({ kind: 'missing' });
  });

  it('can exceed 100 % where the catalogue allows it (School Enrolment)', () => {
    expect(numericValue(computePointValue(schoolEnrolment, { numerator: 1050, denominator: 1000 }, PROFILE))).toBe(105);
  });
});

describe('computePointValue: overrides, direct values and choices', () => {
  it('lets a direct value override the computation of a ratio KPI', () => {
    expect(computePointValue(householdInternet, { numerator: 455, denominator: 1000, directValue: 47 }, PROFILE)).toEqual({
      kind: 'override',
      value: 47,
    });
  });

  it('ignores a cleared direct value', () => {
    expect(computePointValue(householdInternet, { numerator: 455, denominator: 1000, directValue: null }, PROFILE).kind).toBe('computed');
    expect(computePointValue(householdInternet, { numerator: 455, denominator: 1000, directValue: '' }, PROFILE).kind).toBe('computed');
  });

  it('returns the typed value of a direct KPI without calling it an override', () => {
    expect(computePointValue(wifiHotspots, { directValue: 120 }, PROFILE)).toEqual({ kind: 'direct', value: 120 });
    expect(computePointValue(wifiHotspots, {}, PROFILE)).toEqual({ kind: 'missing' });
  });

  it('returns an allowed choice and treats any other as missing', () => {
    expect(computePointValue(compactPlanning, { choice: 'partial' }, PROFILE)).toEqual({ kind: 'choice', value: 'partial' });
    expect(computePointValue(pointOf('SC-SH-SA-3A'), { choice: 'partial' }, PROFILE)).toEqual({ kind: 'missing' });
    expect(computePointValue(compactPlanning, { choice: 'maybe' }, PROFILE)).toEqual({ kind: 'missing' });
  });

  it('is missing when the status is not reported, whatever was entered', () => {
    expect(computePointValue(householdInternet, { numerator: 455, denominator: 1000, status: 'notReported' }, PROFILE)).toEqual({
      kind: 'missing',
    });
    expect(computePointValue(wifiHotspots, { directValue: 3, status: 'notReported' }, PROFILE)).toEqual({ kind: 'missing' });
    expect(computePointValue(compactPlanning, { choice: 'yes', status: 'notReported' }, PROFILE)).toEqual({ kind: 'missing' });
  });

  it('computes partial and reported points alike', () => {
    expect(computePointValue(householdInternet, { numerator: 1, denominator: 4, status: 'partial' }, PROFILE)).toMatchObject({ value: 25 });
  });
});

describe('computePointValue over the whole catalogue', () => {
  it('never throws and returns a finite number or a choice for every data point', () => {
    for (const kpi of U4SSC_2017.kpis) {
      for (const point of pointsOf(kpi)) {
        const result = computePointValue(point, { numerator: 3, denominator: 4, directValue: null, choice: 'yes' }, PROFILE);
        if (point.computation.kind === 'choice') expect(result.kind).toBe('choice');
        else if (point.computation.kind === 'direct') expect(result.kind).toBe('missing');
        else expect(Number.isFinite(numericValue(result))).toBe(true);
      }
    }
  });
});
