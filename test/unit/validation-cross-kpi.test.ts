import { describe, expect, it } from 'vitest';
import { findKpi, U4SSC_2017 } from '../../core/catalogue/index.ts';
import { crossKpiChecks, CROSS_KPI_RULES, kpisCheckedWith, valueKey, type CrossKpiRule } from '../../core/validation/index.ts';

const INTERNET = valueKey('EC-ICT-ICT-1C');
const BROADBAND = valueKey('EC-ICT-ICT-2C');
const BASIC_WATER = valueKey('EC-I-WS-1C');
const POTABLE_WATER = valueKey('EC-I-WS-2C');
const SMART_WATER = valueKey('EC-ICT-WS-1C');
const SMART_ELECTRICITY = valueKey('EC-ICT-ES-1C');

const summary = (current: ReadonlyMap<string, number>) =>
  crossKpiChecks(current).map(({ kpiId, issue }) => `${kpiId} ${issue.severity} ${issue.code}`);

describe('crossKpiChecks', () => {
  it('keys single values with the `_` point id', () => {
    expect(INTERNET).toBe('EC-ICT-ICT-1C:_');
    expect(valueKey('EN-EN-AQ-1C', 'pm25')).toBe('EN-EN-AQ-1C:pm25');
  });

  it('finds nothing when every expectation holds, including equal values', () => {
    const current = new Map([
      [INTERNET, 80],
      [BROADBAND, 80],
      [BASIC_WATER, 99],
      [POTABLE_WATER, 95],
      [SMART_WATER, 10],
      [SMART_ELECTRICITY, 60],
    ]);
    expect(crossKpiChecks(current)).toEqual([]);
  });

  it('reports Fixed Broadband above Household Internet Access on both KPIs, as a warning', () => {
    const issues = crossKpiChecks(new Map([[INTERNET, 70], [BROADBAND, 72.5]]));
    expect(issues).toEqual([
      {
        kpiId: 'EC-ICT-ICT-2C',
        pointId: '_',
        issue: {
          severity: 'warning',
          code: 'exceedsRelatedKpi',
          params: { value: 72.5, otherValue: 70, otherKpiId: 'EC-ICT-ICT-1C', otherCode: 'EC: ICT: ICT: 1C' },
        },
      },
      {
        kpiId: 'EC-ICT-ICT-1C',
        pointId: '_',
        issue: {
          severity: 'warning',
          code: 'belowRelatedKpi',
          params: { value: 70, otherValue: 72.5, otherKpiId: 'EC-ICT-ICT-2C', otherCode: 'EC: ICT: ICT: 2C' },
        },
      },
    ]);
  });

  it('reports Potable Water Supply above Basic Water Supply as an error', () => {
    expect(summary(new Map([[BASIC_WATER, 90], [POTABLE_WATER, 91]]))).toEqual([
      'EC-I-WS-2C error exceedsRelatedKpi',
      'EC-I-WS-1C error belowRelatedKpi',
    ]);
  });

  it('warns when Smart Water Meters outnumber Smart Electricity Meters', () => {
    expect(summary(new Map([[SMART_WATER, 40], [SMART_ELECTRICITY, 25]]))).toEqual([
      'EC-ICT-WS-1C warning exceedsRelatedKpi',
      'EC-ICT-ES-1C warning belowRelatedKpi',
    ]);
  });

  it('skips a rule while either side has no value', () => {
    expect(crossKpiChecks(new Map([[BROADBAND, 99]]))).toEqual([]);
    expect(crossKpiChecks(new Map([[BASIC_WATER, 10]]))).toEqual([]);
  });

  it('takes more rules as data, data points included', () => {
    const rules: CrossKpiRule[] = [{ lower: valueKey('EN-EN-AQ-1C', 'pm25'), upper: valueKey('EN-EN-AQ-1C', 'pm10'), severity: 'warning' }];
    const issues = crossKpiChecks(new Map([['EN-EN-AQ-1C:pm25', 30], ['EN-EN-AQ-1C:pm10', 20]]), rules);
    expect(issues.map(({ kpiId, pointId, issue }) => [kpiId, pointId, issue.code])).toEqual([
      ['EN-EN-AQ-1C', 'pm25', 'exceedsRelatedKpi'],
      ['EN-EN-AQ-1C', 'pm10', 'belowRelatedKpi'],
    ]);
  });

  it('names only KPIs that exist in the catalogue', () => {
    for (const rule of CROSS_KPI_RULES) {
      for (const key of [rule.lower, rule.upper]) expect(findKpi(U4SSC_2017, key.split(':')[0] ?? '')).toBeDefined();
    }
  });

  it('lists the KPIs whose values a KPI\'s checks read: itself and the other side of each of its rules', () => {
    const rules: CrossKpiRule[] = [
      { lower: valueKey('A'), upper: valueKey('B'), severity: 'warning' },
      { lower: valueKey('C', 'x'), upper: valueKey('A'), severity: 'error' },
      { lower: valueKey('D', 'x'), upper: valueKey('D', 'y'), severity: 'warning' },
    ];
    expect(kpisCheckedWith('A', rules).sort()).toEqual(['A', 'B', 'C']);
    expect(kpisCheckedWith('B', rules)).toEqual(['B', 'A']);
    expect(kpisCheckedWith('D', rules)).toEqual(['D']);
    expect(kpisCheckedWith('E', rules)).toEqual(['E']);
    expect(kpisCheckedWith('EC-ICT-ICT-2C')).toContain('EC-ICT-ICT-1C');
  });
});
