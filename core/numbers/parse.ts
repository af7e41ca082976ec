import { NumberParser } from '@internationalized/number';
import { latinDigitLocale, localeNumberSymbols } from './locale-symbols.ts';

export type NumberParseFailure = 'empty' | 'malformed' | 'ambiguous';

export type NumberParseResult =
  | { readonly ok: true; readonly value: number }
  | { readonly ok: false; readonly reason: NumberParseFailure };

/*
 * How typed numbers are read, and why.
 *
 * 1. Normalise what keyboards and IMEs produce: NFKC (full-width digits and punctuation from Chinese IMEs;
 *    no-break, narrow and thin spaces become plain spaces), Arabic-Indic and Extended Arabic-Indic digits
 *    become ASCII, the ideographic full stop becomes '.', U+2212 becomes '-', curly apostrophes become "'",
 *    and invisible bidi and format marks (Intl itself writes them into Arabic output) are dropped.
 * 2. Split into digit runs and separators. Spaces, apostrophes and U+066C are only ever group separators;
 *    U+066B is only ever a decimal separator. '.' and ',' are the hard part: each is the decimal separator
 *    in some locales and a group separator in others, and the participants of a workshop do not all type
 *    the way the laptop's language writes.
 * 3. Decide which '.' or ',' is the decimal separator:
 *    - both present: the one that comes last, which must appear once (`1,234.5`, `1.234,5`);
 *    - one of them several times: group separators, unless it is the locale's decimal symbol, in which case
 *      the input has two decimal separators and is malformed;
 *    - one of them once: the locale's decimal symbol is the decimal separator. The other symbol is too when
 *      it cannot be a group separator (not followed by exactly three digits, or other group separators are
 *      already used). When it can, it is a group separator if the locale groups with it (`1,234` in
 *      English, `1.234` in Spanish: the field echoes `1234`, so the reading is visible). Otherwise the input
 *      is ambiguous: `1.234` typed in French may be 1234 or 1.234, and a thousand-fold error in a KPI costs
 *      more than asking the participant once more.
 * 4. Group separators must be of one kind, sit only in the integer part and delimit a first group of one
 *    to three digits followed by groups of exactly three. Anything else is malformed, never "cleaned up".
 * 5. The result is rebuilt with the locale's own decimal symbol and converted by @internationalized/number's
 *    NumberParser for that locale.
 */

const DECIMAL_ONLY = '\u066B';
const GROUP_ONLY = new Set([' ', "'", '\u066C']);
const SEPARATORS = new Set(['.', ',', DECIMAL_ONLY, ...GROUP_ONLY]);

function isInvisibleMark(code: number): boolean {
  return (
    code === 0x00ad ||
    code === 0x061c ||
    code === 0x180e ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2060 && code <= 0x2069) ||
    code === 0xfeff
  );
}

function normaliseChar(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  if (code >= 0x0660 && code <= 0x0669) return String(code - 0x0660);
  if (code >= 0x06f0 && code <= 0x06f9) return String(code - 0x06f0);
  if (isInvisibleMark(code)) return '';
  if (code === 0x3002) return '.';
  if (code === 0x2212) return '-';
  if (code === 0x2019 || code === 0x02bc) return "'";
  return char;
}

function normalise(input: string): string {
  let out = '';
  for (const char of input.normalize('NFKC')) out += normaliseChar(char);
  return out.trim();
}

/** Digit runs with the separators between them: `runs.length === separators.length + 1`. */
interface Shape {
  readonly negative: boolean;
  readonly runs: readonly string[];
  readonly separators: readonly string[];
}

function shapeOf(text: string): Shape | null {
  const negative = text.startsWith('-');
  const body = negative || text.startsWith('+') ? text.slice(1) : text;
  const runs: string[] = [];
  const separators: string[] = [];
  let run = '';
  for (const char of body) {
    if (char >= '0' && char <= '9') {
      run += char;
    } else if (SEPARATORS.has(char)) {
      runs.push(run);
      separators.push(char);
      run = '';
    } else {
      return null;
    }
  }
  runs.push(run);
  // Only the integer part may be empty (`.5`); an empty run elsewhere means doubled or trailing separators.
  if (runs.slice(1).some((digits) => digits === '')) return null;
  if (runs.every((digits) => digits === '')) return null;
  return { negative, runs, separators };
}

type Reading = { readonly ok: true; readonly decimalAt: number | null } | { readonly ok: false; readonly reason: 'malformed' | 'ambiguous' };

const decimalAt = (index: number | null): Reading => ({ ok: true, decimalAt: index });
const failure = (reason: 'malformed' | 'ambiguous'): Reading => ({ ok: false, reason });

function couldBeGroupSeparator(before: string, after: string): boolean {
  return after.length === 3 && before.length > 0 && !before.startsWith('0');
}

function chooseDecimalSeparator(shape: Shape, localeDecimal: string, localeGroup: string): Reading {
  const { separators, runs } = shape;
  const fixed = separators.filter((separator) => separator === DECIMAL_ONLY).length;
  if (fixed > 1) return failure('malformed');
  if (fixed === 1) return decimalAt(separators.indexOf(DECIMAL_ONLY));

  const dots = separators.filter((separator) => separator === '.').length;
  const commas = separators.filter((separator) => separator === ',').length;
  if (dots === 0 && commas === 0) return decimalAt(null);
  if (dots > 0 && commas > 0) {
    const last = Math.max(separators.lastIndexOf('.'), separators.lastIndexOf(','));
    const lastCount = separators[last] === '.' ? dots : commas;
    return lastCount === 1 ? decimalAt(last) : failure('malformed');
  }

  const symbol = dots > 0 ? '.' : ',';
  if (dots + commas > 1) return symbol === localeDecimal ? failure('malformed') : decimalAt(null);
  const index = separators.indexOf(symbol);
  if (symbol === localeDecimal) return decimalAt(index);
  if (separators.some((separator) => GROUP_ONLY.has(separator))) return decimalAt(index);
  if (!couldBeGroupSeparator(runs[index] ?? '', runs[index + 1] ?? '')) return decimalAt(index);
  const validFirstGroup = (runs[index] ?? '').length <= 3;
  return symbol === localeGroup && validFirstGroup ? decimalAt(null) : failure('ambiguous');
}

function hasWellPlacedGroups(shape: Shape, decimalIndex: number | null): boolean {
  const { runs, separators } = shape;
  if (decimalIndex !== null && decimalIndex !== separators.length - 1) return false;
  const groups = decimalIndex === null ? separators : separators.slice(0, decimalIndex);
  if (groups.length === 0) return true;
  if (groups.some((separator) => separator !== groups[0])) return false;
  const integerRuns = runs.slice(0, groups.length + 1);
  const [first = '', ...rest] = integerRuns;
  return first.length >= 1 && first.length <= 3 && !first.startsWith('0') && rest.every((digits) => digits.length === 3);
}

export function parseLocaleNumber(input: string, locale: string): NumberParseResult {
  const text = normalise(input);
  if (text === '') return { ok: false, reason: 'empty' };
  const shape = shapeOf(text);
  if (shape === null) return { ok: false, reason: 'malformed' };

  const symbols = localeNumberSymbols(locale);
  const reading = chooseDecimalSeparator(shape, symbols.decimal, symbols.group);
  if (!reading.ok) return reading;
  if (!hasWellPlacedGroups(shape, reading.decimalAt)) return { ok: false, reason: 'malformed' };

  const integerDigits = shape.runs.slice(0, (reading.decimalAt ?? shape.separators.length) + 1).join('') || '0';
  const fraction = reading.decimalAt === null ? '' : `${symbols.decimal}${shape.runs[reading.decimalAt + 1] ?? ''}`;
  const canonical = `${shape.negative ? '-' : ''}${integerDigits}${fraction}`;
  const value = new NumberParser(latinDigitLocale(locale)).parse(canonical);
  if (!Number.isFinite(value)) return { ok: false, reason: 'malformed' };
  // -0 would survive as a distinct value in memory; a KPI has no use for it.
  return { ok: true, value: value === 0 ? 0 : value };
}
