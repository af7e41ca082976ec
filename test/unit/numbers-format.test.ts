import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatLocaleNumber, formatNumberForInput } from '../../core/numbers/format.ts';
import { localeNumberSymbols } from '../../core/numbers/locale-symbols.ts';
import { parseLocaleNumber } from '../../core/numbers/parse.ts';

const LOCALES = ['en', 'fr', 'es', 'ar', 'zh', 'ru', 'pt'] as const;

/** A spread of values: KPI-sized decimals, large counts, tiny fractions and arbitrary doubles. */
const values = fc.oneof(
  fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }).map((n) => n / 100),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.double({ min: -1e15, max: 1e15, noNaN: true, noDefaultInfinity: true }),
  fc.double({ min: 1e-9, max: 1, noNaN: true }),
  fc.constantFrom(0, 0.1, 0.30000000000000004, 45.5, 1234.5, 1e21, 5e-324, Number.MAX_VALUE, -Number.MAX_VALUE),
);

function parsedValue(text: string, locale: string): number | string {
  const result = parseLocaleNumber(text, locale);
  return result.ok ? result.value : result.reason;
}

/** -0 formats as 0 and parses back as 0. */
const canonical = (value: number) => (value === 0 ? 0 : value);

describe('formatLocaleNumber', () => {
  it.each([
    [45.5, 'fr', '45,5'],
    [12.5, 'ar', '12.5'],
    [1234.5, 'en', '1,234.5'],
    [1234.5, 'fr', '1\u202F234,5'],
    [1234.5, 'ru', '1\u00A0234,5'],
    [1234567.25, 'es', '1.234.567,25'],
    [0.1, 'pt', '0,1'],
    [0.30000000000000004, 'zh', '0.30000000000000004'],
    [1e-7, 'en', '0.0000001'],
    [-0, 'en', '0'],
  ])('%d in %s is %j', (value, locale, expected) => {
    expect(formatLocaleNumber(value, locale)).toBe(expected);
  });

  it('rounds only when asked, on the decimal value rather than its binary expansion', () => {
    expect(formatLocaleNumber(1.005, 'en', { maximumFractionDigits: 2 })).toBe('1.01');
    expect(formatLocaleNumber(33.333333333333336, 'fr', { maximumFractionDigits: 1 })).toBe('33,3');
    expect(formatLocaleNumber(2, 'en', { minimumFractionDigits: 2 })).toBe('2.00');
  });

  it('reads back as the same value in every locale', () => {
    for (const locale of LOCALES) {
      fc.assert(
        fc.property(values, (value) => parsedValue(formatLocaleNumber(value, locale), locale) === canonical(value)),
        { numRuns: 400 },
      );
    }
  });
});

describe('formatNumberForInput', () => {
  it.each([
    [45.5, 'fr', '45,5'],
    [1234.5, 'fr', '1234,5'],
    [1234, 'en', '1234'],
    [12.5, 'zh', '12.5'],
    [-3.25, 'ru', '-3,25'],
  ])('%d in %s is %j', (value, locale, expected) => {
    expect(formatNumberForInput(value, locale)).toBe(expected);
  });

  it('echoes back exactly the value it was given, in every locale', () => {
    for (const locale of LOCALES) {
      fc.assert(
        fc.property(values, (value) => parsedValue(formatNumberForInput(value, locale), locale) === canonical(value)),
        { numRuns: 400 },
      );
    }
  });

  it('echoes what was typed as it was read', () => {
    const cases: [string, string, string][] = [
      ['45,5', 'fr', '45,5'],
      ['1 234,5', 'fr', '1234,5'],
      ['１２.５', 'zh', '12.5'],
      ['1,234.5', 'en', '1234.5'],
    ];
    for (const [typed, locale, echo] of cases) {
      const read = parseLocaleNumber(typed, locale);
      expect(read.ok && formatNumberForInput(read.value, locale)).toBe(echo);
    }
  });
});

describe('what other keyboards make of a formatted number', () => {
  const toArabicIndic = (text: string, first: number) =>
    text.replace(/[0-9]/g, (digit) => String.fromCodePoint(first + Number(digit)));
  const toFullWidth = (text: string) =>
    text.replace(/[0-9.,-]/g, (char) => String.fromCodePoint((char.codePointAt(0) ?? 0) + 0xfee0));

  it('reads Arabic-Indic and Extended Arabic-Indic digits with the Arabic decimal separator', () => {
    fc.assert(
      fc.property(values, (value) => {
        const typed = formatNumberForInput(value, 'ar').replace('.', '\u066B');
        return (
          parsedValue(toArabicIndic(typed, 0x0660), 'ar') === canonical(value) &&
          parsedValue(toArabicIndic(typed, 0x06f0), 'ar') === canonical(value)
        );
      }),
    );
  });

  it('reads full-width digits and punctuation from Chinese IMEs', () => {
    fc.assert(fc.property(values, (value) => parsedValue(toFullWidth(formatLocaleNumber(value, 'zh', { useGrouping: false })), 'zh') === canonical(value)));
  });

  it.each([' ', '\u00A0', '\u202F', "'", '\u066C'])('reads %j as a group separator wherever the locale puts its own', (separator) => {
    for (const locale of ['fr', 'ru'] as const) {
      fc.assert(
        fc.property(values, (value) => {
          const typed = formatLocaleNumber(value, locale).replaceAll(localeNumberSymbols(locale).group, separator);
          return parsedValue(typed, locale) === canonical(value);
        }),
      );
    }
  });
});
