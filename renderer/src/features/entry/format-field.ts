/** How stored field values read on screen: numbers in the user's locale, coded values translated. */
import type { TFunction } from 'i18next';
import { formatLocaleNumber } from '../../../../core/numbers/format.ts';
import { hlcWallTime } from '../../../../core/revisions/hlc.ts';
import { DATA_ORIGINS, QUALITY_LEVELS, VALUE_STATUSES } from '../../../../core/revisions/fields.ts';
import { parseEvidence } from '../../data/index.ts';
import { formatDateTime } from '../../i18n/index.ts';
import type { FieldValue } from '../../data/types.ts';

const CHOICE_OPTIONS = ['yes', 'no', 'partial'] as const;

function isOneOf(codes: readonly string[], value: string): boolean {
  return codes.includes(value);
}

/** Coded fields read translated; a code this version does not know (e.g. from a newer laptop) reads as stored. */
function formatCode(field: string, value: string, t: TFunction): string {
  switch (field) {
    case 'status':
      return isOneOf(VALUE_STATUSES, value) ? t(`entry:point.statuses.${value}`) : value;
    case 'quality':
      return isOneOf(QUALITY_LEVELS, value) ? t(`entry:point.qualities.${value}`) : value;
    case 'origin':
      return isOneOf(DATA_ORIGINS, value) ? t(`entry:point.origins.${value}`) : value;
    case 'choice':
      return isOneOf(CHOICE_OPTIONS, value) ? t(`catalogue:choices.${value}`) : value;
    default:
      return value;
  }
}

export function formatFieldValue(field: string, value: FieldValue, t: TFunction, locale: string): string {
  if (value === null || value === '') return t('entry:conflict.empty');
  if (typeof value === 'number') return field === 'dataYear' ? String(value) : formatLocaleNumber(value, locale);
  if (typeof value === 'boolean') return String(value);
  if (field === 'evidence') return formatEvidence(value, locale);
  return formatCode(field, value, t);
}

/** An `evidence` value reads as the list of its file names. */
function formatEvidence(value: string, locale: string): string {
  const names = parseEvidence(value).map((ref) => ref.name);
  return names.length === 0 ? value : new Intl.ListFormat(locale, { type: 'unit' }).format(names);
}

export function formatClock(hlc: string, locale: string): string {
  const time = hlcWallTime(hlc);
  return time ? formatDateTime(time, locale) : hlc;
}

/** Device ids are long random strings; the start is enough to tell a workshop's laptops apart. */
export function shortDevice(deviceId: string): string {
  return deviceId.length > 12 ? `${deviceId.slice(0, 12)}…` : deviceId;
}
