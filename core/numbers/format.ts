const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (formatter === undefined) {
    formatter = new Intl.NumberFormat(locale, options);
    formatters.set(key, formatter);
  }
  return formatter;
}

const ROUNDING_OPTIONS = [
  'minimumFractionDigits',
  'maximumFractionDigits',
  'minimumSignificantDigits',
  'maximumSignificantDigits',
] as const;

/**
 * Formats for display in the user's locale. Without rounding options every digit of the value is kept: the
 * value is handed to Intl as its shortest round-trip decimal string, so 0.1 is `0,1` and not the binary
 * expansion, and 45.5 is never cut to 45 or padded to 45.50.
 */
export function formatLocaleNumber(value: number, locale: string, options: Intl.NumberFormatOptions = {}): string {
  const rounds = ROUNDING_OPTIONS.some((option) => options[option] !== undefined);
  const effective: Intl.NumberFormatOptions = rounds ? options : { ...options, maximumSignificantDigits: 21 };
  const exact = String(value === 0 ? 0 : value) as Intl.StringNumericLiteral;
  return formatterFor(locale, effective).format(exact);
}

/**
 * What a number input shows for a stored value: every digit, the locale's decimal symbol and no group
 * separators, so that reading it back with parseLocaleNumber always yields the same value (a lone group
 * separator such as `1,234` is deliberately read as ambiguous).
 */
export function formatNumberForInput(value: number, locale: string): string {
  return formatLocaleNumber(value, locale, { useGrouping: false });
}
