export { parseLocaleNumber, type NumberParseFailure, type NumberParseResult } from './parse.ts';
export { formatLocaleNumber, formatNumberForInput } from './format.ts';
export { localeNumberSymbols, type LocaleNumberSymbols } from './locale-symbols.ts';
