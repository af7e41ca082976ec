import type { TFunction } from 'i18next';
import { formatLocaleNumber } from '../../../../core/numbers/index.ts';
import { validateCityProfile, validationMessageKey, type ProfileIssue } from '../../../../core/validation/index.ts';
import type { CityDraft, FieldMessage } from './city-draft.ts';

const MESSAGE_FIELDS = new Set<FieldMessage['field']>(['name', 'country', 'population', 'households', 'areaKm2', 'gdp', 'currency', 'year']);

function isMessageField(field: string | undefined): field is FieldMessage['field'] {
  return field !== undefined && MESSAGE_FIELDS.has(field as FieldMessage['field']);
}

/** Issue parameters are raw numbers; years are shown without grouping, everything else in the locale's format. */
function formatParams(issue: ProfileIssue, language: string): Record<string, string> {
  const plain = issue.code === 'assessmentYearOutOfRange';
  return Object.fromEntries(
    Object.entries(issue.params ?? {}).map(([name, value]) => [
      name,
      typeof value === 'number' ? formatLocaleNumber(value, language, plain ? { useGrouping: false } : {}) : value,
    ]),
  );
}

export interface ProfileCheck {
  readonly city: CityDraft;
  /** Undefined on screens that do not edit the year. */
  readonly year?: number | null;
  /** A new profile must have a name, a country and a year; the profile screen refuses to clear them instead. */
  readonly requireIdentity: boolean;
}

/** The profile's validation messages (core/validation plus the required fields), translated. */
export function profileMessages({ city, year, requireIdentity }: ProfileCheck, t: TFunction, language: string): FieldMessage[] {
  const messages: FieldMessage[] = [];
  if (requireIdentity) {
    if (city.name.trim() === '') messages.push({ field: 'name', severity: 'error', text: t('city:validation.nameRequired') });
    if (city.country.trim() === '') messages.push({ field: 'country', severity: 'error', text: t('city:validation.countryRequired') });
    if (year === null) messages.push({ field: 'year', severity: 'error', text: t('city:validation.yearRequired') });
  }
  const issues = validateCityProfile({ ...city, ...(year === undefined ? {} : { year }) });
  for (const issue of issues) {
    if (!isMessageField(issue.field)) continue;
    messages.push({ field: issue.field, severity: issue.severity, text: t(validationMessageKey(issue), formatParams(issue, language)) });
  }
  return messages;
}
