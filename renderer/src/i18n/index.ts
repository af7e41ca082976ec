export { i18n, initI18n, detectLanguage, setLanguage, currentLanguage, rememberLanguageIn, preloadLikelyTranslations, type LanguageMemory } from './setup.ts';
export { SUPPORTED_LANGUAGES, NATIVE_LANGUAGE_NAMES, DEFAULT_LANGUAGE, isLanguage, matchLanguage } from './languages.ts';
export type { Language } from './languages.ts';
export { NAMESPACES } from './resources.ts';
export { useLanguage } from './use-language.ts';
export { formatDateTime, formatDay, useFormatNumber, type FormatNumber } from './format.ts';
export { isolate } from './isolate.ts';
