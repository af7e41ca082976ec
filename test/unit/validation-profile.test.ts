import { describe, expect, it } from 'vitest';
import { exceedsMismatchTolerance, relativeMismatch, validateCityProfile } from '../../core/validation/index.ts';

const SOUND = { population: 250_000, households: 100_000, areaKm2: 84.5, gdp: 9.1e9, currency: 'EUR', year: 2026 };
const codesFor = (profile: object) => validateCityProfile(profile).map((issue) => `${issue.field ?? ''}:${issue.code}`);

describe('relativeMismatch and the 5 % rule', () => {
  it('measures the difference as a fraction of the reference', () => {
    expect(relativeMismatch(105, 100)).toBeCloseTo(0.05, 12);
    expect(relativeMismatch(90, 100)).toBeCloseTo(0.1, 12);
    expect(relativeMismatch(100, 100)).toBe(0);
    expect(relativeMismatch(1, 0)).toBe(Number.POSITIVE_INFINITY);
  });

  it.each([
    [105, 100, false],
    [95, 100, false],
    [1.05, 1, false],
    [0.95, 1, false],
    [105_000, 100_000, false],
    [105_001, 100_000, true],
    [94_999, 100_000, true],
    [106, 100, true],
    [5, 0, true],
  ])('%d against %d exceeds 5 %%: %s', (value, reference, expected) => {
    expect(exceedsMismatchTolerance(value, reference)).toBe(expected);
  });
});

describe('validateCityProfile', () => {
  it('accepts a sound profile and an empty one', () => {
    expect(validateCityProfile(SOUND)).toEqual([]);
    expect(validateCityProfile({})).toEqual([]);
    expect(validateCityProfile({ population: null, households: null, currency: '', gdp: null })).toEqual([]);
  });

  it.each(['population', 'households', 'areaKm2', 'gdp'])('wants %s greater than zero', (field) => {
    expect(validateCityProfile({ ...SOUND, [field]: 0 })).toContainEqual({ severity: 'error', code: 'notPositive', field });
    expect(validateCityProfile({ ...SOUND, [field]: -3 })).toContainEqual({ severity: 'error', code: 'notPositive', field });
  });

  it('wants whole numbers of people and households', () => {
    expect(codesFor({ ...SOUND, population: 250_000.5 })).toEqual(['population:notWholeNumber']);
    expect(codesFor({ ...SOUND, households: 99_999.9 })).toEqual(['households:notWholeNumber']);
  });

  it('reports text stored where a number belongs', () => {
    expect(codesFor({ ...SOUND, gdp: '9,1 Mrd' })).toEqual(['gdp:notANumber']);
  });

  it('refuses more households than inhabitants, and allows exactly as many', () => {
    expect(validateCityProfile({ ...SOUND, households: 250_001 })).toEqual([
      { severity: 'error', code: 'householdsExceedPopulation', field: 'households', params: { households: 250_001, population: 250_000 } },
    ]);
    expect(validateCityProfile({ ...SOUND, households: 250_000 })).toEqual([]);
  });

  it.each(['eur', 'EURO', 'E1R', '€', 42])('refuses the currency %j', (currency) => {
    expect(codesFor({ ...SOUND, currency })).toEqual(['currency:currencyInvalid']);
  });

  it('accepts ISO 4217 codes and warns about well-formed unknown ones', () => {
    for (const currency of ['USD', 'CNY', 'XOF', 'SAR', 'BRL', 'RUB']) expect(codesFor({ ...SOUND, currency })).toEqual([]);
    expect(validateCityProfile({ ...SOUND, currency: 'QQQ' })).toEqual([
      { severity: 'warning', code: 'currencyUnknown', field: 'currency', params: { value: 'QQQ' } },
    ]);
  });

  it('warns when a GDP has no currency', () => {
    expect(codesFor({ ...SOUND, currency: '' })).toEqual(['currency:currencyMissing']);
    expect(codesFor({ ...SOUND, currency: '', gdp: null })).toEqual([]);
  });

  it.each([1989, 2101, 202, 20255, 2026.5])('refuses the assessment year %d', (year) => {
    expect(validateCityProfile({ ...SOUND, year })).toEqual([
      { severity: 'error', code: 'assessmentYearOutOfRange', field: 'year', params: { min: 1990, max: 2100 } },
    ]);
  });
});
