/** The decimal and group symbols a locale writes when it uses Latin digits. */
export interface LocaleNumberSymbols {
  readonly decimal: string;
  readonly group: string;
}

const FALLBACK_LOCALE = 'en';
const latinLocales = new Map<string, string>();
const symbolsByLocale = new Map<string, LocaleNumberSymbols>();

/**
 * The locale with its numbering system pinned to Latin digits. Input is converted to ASCII digits before
 * parsing, so the symbols that matter are the ones the locale uses next to Latin digits. An unknown tag
 * falls back to English rather than throwing inside a keystroke handler.
 */
export function latinDigitLocale(locale: string): string {
  let resolved = latinLocales.get(locale);
  if (resolved === undefined) {
    try {
      resolved = new Intl.Locale(locale, { numberingSystem: 'latn' }).toString();
    } catch {
      resolved = new Intl.Locale(FALLBACK_LOCALE, { numberingSystem: 'latn' }).toString();
    }
    latinLocales.set(locale, resolved);
  }
  return resolved;
}

export function localeNumberSymbols(locale: string): LocaleNumberSymbols {
  const latin = latinDigitLocale(locale);
  let symbols = symbolsByLocale.get(latin);
  if (symbols === undefined) {
    const parts = new Intl.NumberFormat(latin, { useGrouping: 'always' }).formatToParts(12345.6);
    symbols = {
      decimal: parts.find((part) => part.type === 'decimal')?.value ?? '.',
      group: parts.find((part) => part.type === 'group')?.value ?? ',',
    };
    symbolsByLocale.set(latin, symbols);
  }
  return symbols;
}
