/** How stored field values read on screen: numbers in the user's locale, coded values translated. */
import type { TFunction } from 'i18next';
import { formatLocaleNumber } from '../../../../core/numbers/format.ts';
import { hlcWallTime } from '../../../../core/revisions/hlc.ts';
import { DATA_ORIGINS, QUALITY_LEVELS, VALUE_STATUSES } from '../../../../core/revisions/fields.ts';
import type { FieldValue } from '../../data/types.ts';

const CHOICE_OPTIONS = ['yes', 'no', 'partial'] as const;

/** Fields holding a code from a fixed list, with the key prefix of each code's name. */
const CODED_FIELDS: Readonly<Record<string, { readonly codes: readonly string[]; readonly keyPrefix: string }>> = {
  status: { codes: VALUE_STATUSES, keyPrefix: 'entry:point.statuses' },
  quality: { codes: QUALITY_LEVELS, keyPrefix: 'entry:point.qualities' },
  origin: { codes: DATA_ORIGINS, keyPrefix: 'entry:point.origins' },
  choice: { codes: CHOICE_OPTIONS, keyPrefix: 'catalogue:choices' },
};

export function formatFieldValue(field: string, value: FieldValue, t: TFunction, locale: string): string {
  if (value === null || value === '') return t('entry:conflict.empty');
  if (typeof value === 'number') return field === 'dataYear' ? String(value) : formatLocaleNumber(value, locale);
  if (typeof value === 'boolean') return String(value);
  const coded = CODED_FIELDS[field];
  // A code this version does not know (e.g. from a newer laptop) is shown as stored rather than hidden.
  return coded?.codes.includes(value) ? t(`${coded.keyPrefix}.${value}`) : value;
}

export function formatClock(hlc: string, locale: string): string {
  const time = hlcWallTime(hlc);
  return time ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(time) : hlc;
}

/** Device ids are long random strings; the start is enough to tell a workshop's laptops apart. */
export function shortDevice(deviceId: string): string {
  return deviceId.length > 12 ? `${deviceId.slice(0, 12)}…` : deviceId;
}
