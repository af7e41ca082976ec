import { describe, expect, it } from 'vitest';
import { parseLocaleNumber } from '../../core/numbers/parse.ts';

const NBSP = '\u00A0';
const NNBSP = '\u202F';

function valueOf(input: string, locale: string): number | string {
  const result = parseLocaleNumber(input, locale);
  return result.ok ? result.value : result.reason;
}

describe('parseLocaleNumber: the literal cases of the brief', () => {
  it.each([
    ['12,5', 'fr', 12.5],
    ['1 234,5', 'fr', 1234.5],
    [`1${NBSP}234,5`, 'fr', 1234.5],
    [`1${NNBSP}234,5`, 'fr', 1234.5],
    ['١٢٫٥', 'ar', 12.5],
    ['１２.５', 'zh', 12.5],
    ['45,5', 'fr', 45.5],
    ['1,234.5', 'en', 1234.5],
  ])('%j in %s reads %d', (input, locale, expected) => {
    expect(parseLocaleNumber(input, locale)).toEqual({ ok: true, value: expected });
  });
});

describe('parseLocaleNumber: what keyboards and IMEs produce', () => {
  it.each([
    ['۱۲٫۵', 'ar', 12.5],
    ['١٬٢٣٤٫٥', 'ar', 1234.5],
    ['\u200F١٢٫٥\u200F', 'ar', 12.5],
    ['\u200E-12.5', 'ar', -12.5],
    ['\u061C١٢', 'ar', 12],
    ['１，２３４．５', 'zh', 1234.5],
    ['１２。５', 'zh', 12.5],
    ['－３', 'zh', -3],
    ['\u22125', 'en', -5],
    ['\u221212,5', 'fr', -12.5],
    ['+7', 'en', 7],
    ['  42  ', 'ru', 42],
    [`1${NBSP}234${NBSP}567,25`, 'ru', 1234567.25],
    ["1'234.5", 'en', 1234.5],
    ['1\u2019234.5', 'en', 1234.5],
    ['1.234,5', 'es', 1234.5],
    ['1.234,5', 'pt', 1234.5],
    ['1.234.567', 'es', 1234567],
    ['1,234,567', 'en', 1234567],
    ['1,234,567.5', 'zh', 1234567.5],
    ['.5', 'en', 0.5],
    [',5', 'fr', 0.5],
    ['0,123', 'en', 0.123],
    ['007', 'en', 7],
    ['-0', 'en', 0],
  ])('%j in %s reads %d', (input, locale, expected) => {
    expect(valueOf(input, locale)).toBe(expected);
  });

  it('never returns -0', () => {
    const result = parseLocaleNumber('-0,0', 'fr');
    expect(result.ok && Object.is(result.value, 0)).toBe(true);
  });
});

describe('parseLocaleNumber: the foreign decimal symbol, when it cannot be a group separator', () => {
  it.each([
    ['12.5', 'fr', 12.5],
    ['3.14159', 'ru', 3.14159],
    ['1,5', 'en', 1.5],
    ['12,25', 'zh', 12.25],
    ['1 234.567', 'fr', 1234.567],
    ['1.234,5', 'en', 1234.5],
    ['1,234.5', 'fr', 1234.5],
  ])('%j in %s reads %d', (input, locale, expected) => {
    expect(valueOf(input, locale)).toBe(expected);
  });
});

describe("parseLocaleNumber: the locale's own group symbol, alone, groups", () => {
  it.each([
    ['1.234', 'es', 1234],
    ['1.234', 'pt', 1234],
    ['-12.345', 'pt', -12345],
    ['1,234', 'en', 1234],
    ['1,234', 'zh', 1234],
    ['1,234', 'ar', 1234],
    ['250,000', 'en', 250000],
  ])('%j in %s reads %d', (input, locale, expected) => {
    expect(valueOf(input, locale)).toBe(expected);
  });
});

describe('parseLocaleNumber: refuses instead of guessing', () => {
  it.each([
    ['1.234', 'fr'],
    ['1.234', 'ru'],
    ['1234,567', 'en'],
    ['1234.567', 'es'],
  ])('%j in %s is ambiguous', (input, locale) => {
    expect(parseLocaleNumber(input, locale)).toEqual({ ok: false, reason: 'ambiguous' });
  });

  it.each([
    ['1,2,5', 'fr'],
    ['1.2.5', 'en'],
    ['1,234,5', 'fr'],
    ['1.234.567', 'en'],
    ['1٫2٫3', 'ar'],
    ['1,2,3', 'en'],
    ['12,34,567', 'en'],
    ['1 23 456', 'fr'],
    ['1 234.567,8', 'fr'],
    ['1,234.567,8', 'en'],
    ['1.234,567.8', 'en'],
    ['1.234,56,7', 'es'],
    ['1 234\u2019567', 'fr'],
    ['0,123,456', 'en'],
    [',234,567', 'en'],
    ['1,,5', 'fr'],
    ['12,', 'fr'],
    ['12.', 'en'],
    ['1,234.5.6', 'en'],
    ['12 ,5', 'fr'],
    ['1e5', 'en'],
    ['12abc', 'en'],
    ['abc', 'en'],
    ['45,5 %', 'fr'],
    ['--5', 'en'],
    ['-', 'en'],
    ['5-', 'en'],
    ['1' + '0'.repeat(400), 'en'],
  ])('%j in %s is malformed', (input, locale) => {
    expect(parseLocaleNumber(input, locale)).toEqual({ ok: false, reason: 'malformed' });
  });

  it.each(['', '   ', '\u200F', `${NBSP}`])('%j is empty', (input) => {
    expect(parseLocaleNumber(input, 'fr')).toEqual({ ok: false, reason: 'empty' });
  });

  it('falls back to English symbols for an unknown locale tag instead of throwing', () => {
    expect(parseLocaleNumber('12.5', 'not a locale!')).toEqual({ ok: true, value: 12.5 });
  });
});
