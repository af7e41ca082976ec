import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { U4SSC_2017 } from '../../core/catalogue/index.ts';
import { OUTLIER_CHANGE_THRESHOLD, cityKey, findOutliers, movedTooFar, type ObservedValue } from '../../core/office/outliers.ts';

function observed(year: number, value: number, overrides: Partial<ObservedValue> = {}): ObservedValue {
  return {
    assessmentId: `a-${year}`,
    cityName: 'Lake Amara',
    country: 'Veloria',
    year,
    kpiId: 'EC-ICT-ICT-1C',
    pointId: '_',
    value,
    confirmedValue: null,
    ...overrides,
  };
}

describe('outlier flags', () => {
  it('flags a value more than half away from the same city\u2019s previous assessed year, and only that', () => {
    const flags = findOutliers(U4SSC_2017, [observed(2022, 60), observed(2023, 89), observed(2024, 40), observed(2025, 41)]);
    expect(flags.map((flag) => flag.value.year)).toEqual([2024]);
    expect(flags[0]?.reasons).toEqual([{ kind: 'change', previousYear: 2023, previousValue: 89, previousAssessmentId: 'a-2023' }]);
  });

  it('compares with the nearest earlier year even when a year is missing, in any input order', () => {
    const flags = findOutliers(U4SSC_2017, [observed(2025, 10), observed(2021, 40)]);
    expect(flags.map((flag) => [flag.value.year, flag.reasons[0]?.kind])).toEqual([[2025, 'change']]);
  });

  it('recognises the city across years by name and country, whatever the case, accents and spacing', () => {
    expect(cityKey(' São  Tomé ', 'Portugal')).toBe(cityKey('sao tome', 'PORTUGAL'));
    const flags = findOutliers(U4SSC_2017, [observed(2024, 50), observed(2025, 10, { cityName: 'LAKE  AMARA', assessmentId: 'b' })]);
    expect(flags).toHaveLength(1);
    const otherCountry = findOutliers(U4SSC_2017, [observed(2024, 50), observed(2025, 10, { country: 'Elsewhere' })]);
    expect(otherCountry).toEqual([]);
  });

  it('flags a value outside the KPI\u2019s plausible range even without a previous year', () => {
    const flags = findOutliers(U4SSC_2017, [observed(2025, 80, { kpiId: 'EC-I-WS-5C' })]);
    expect(flags[0]?.reasons).toEqual([{ kind: 'implausible', range: { min: 90 } }]);
  });

  it('keeps a confirmed flag settled only while the value is the one confirmed', () => {
    const [settled] = findOutliers(U4SSC_2017, [observed(2024, 50), observed(2025, 10, { confirmedValue: 10 })]);
    expect(settled?.confirmed).toBe(true);
    const [raisedAgain] = findOutliers(U4SSC_2017, [observed(2024, 50), observed(2025, 12, { confirmedValue: 10 })]);
    expect(raisedAgain?.confirmed).toBe(false);
  });

  it('the threshold is symmetric in sign and exact at its edge', () => {
    expect(movedTooFar(100, 100 + 100 * OUTLIER_CHANGE_THRESHOLD)).toBe(false);
    expect(movedTooFar(100, 151)).toBe(true);
    expect(movedTooFar(0, 0)).toBe(false);
    expect(movedTooFar(0, 1)).toBe(true);
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: -1e6, max: 1e6, noNaN: true }), (previous, value) => {
        expect(movedTooFar(-previous, -value)).toBe(movedTooFar(previous, value));
      }),
    );
  });
});
