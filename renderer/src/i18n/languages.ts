/** The languages CityKPI ships, and how a user's preferences map onto them. */

export const SUPPORTED_LANGUAGES = ['en', 'fr', 'es', 'ar', 'zh', 'ru', 'pt'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];

export const DEFAULT_LANGUAGE: Language = 'en';

/** Each language named in itself: a user who cannot read the current language still finds theirs. */
export const NATIVE_LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  en: 'English',
  fr: 'Français',
  es: 'Español',
  ar: 'العربية',
  zh: '中文',
  ru: 'Русский',
  pt: 'Português',
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (SUPPORTED_LANGUAGES as readonly string[]).includes(value);
}

/**
 * The first supported language among BCP 47 tags, best first. Only the language subtag counts:
 * zh-TW and zh-Hant land on our (simplified) Chinese, which a Traditional reader can still follow
 * better than English.
 */
export function matchLanguage(tags: readonly string[]): Language | null {
  for (const tag of tags) {
    let language: string;
    try {
      language = new Intl.Locale(tag).language.toLowerCase();
    } catch {
      continue;
    }
    if (isLanguage(language)) return language;
  }
  return null;
}
