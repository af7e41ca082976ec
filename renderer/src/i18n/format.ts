import { useCallback } from 'react';
import { formatLocaleNumber } from '../../../core/numbers/index.ts';
import { useLanguage } from './use-language.ts';

export type FormatNumber = (value: number, options?: Intl.NumberFormatOptions) => string;

/** Formats numbers for display in the current UI language (re-renders on a language switch). */
export function useFormatNumber(): FormatNumber {
  const language = useLanguage();
  return useCallback<FormatNumber>((value, options) => formatLocaleNumber(value, language, options), [language]);
}
