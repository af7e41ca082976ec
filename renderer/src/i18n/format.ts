import { useCallback } from 'react';
import { formatLocaleNumber } from '../../../core/numbers/index.ts';
import { useLanguage } from './use-language.ts';

export type FormatNumber = (value: number, options?: Intl.NumberFormatOptions) => string;

/** A moment (ISO text, milliseconds since 1970 or a Date) as date and time in `language`; text that names no moment is shown as it is. */
export function formatDateTime(moment: string | number | Date, language: string): string {
  const date = moment instanceof Date ? moment : new Date(moment);
  if (Number.isNaN(date.getTime())) return String(moment);
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** A calendar day written `YYYY-MM-DD`, in `language`: the same day wherever the laptop's clock is set. */
export function formatDay(day: string | null, language: string): string {
  if (!day) return '';
  const [year, month, date] = day.split('-').map(Number);
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(Date.UTC(year!, month! - 1, date)));
}

/** Formats numbers for display in the current UI language (re-renders on a language switch). */
export function useFormatNumber(): FormatNumber {
  const language = useLanguage();
  return useCallback<FormatNumber>((value, options) => formatLocaleNumber(value, language, options), [language]);
}
