import type { AssessmentField, CityField } from '../revisions/fields.ts';
import type { FieldValue } from '../revisions/types.ts';
import type { ValidationIssue } from './types.ts';

/** The city and assessment figures the profile screen edits (a CityView plus the assessment's year fits). */
export interface CityProfileInput {
  readonly population?: FieldValue;
  readonly households?: FieldValue;
  readonly areaKm2?: FieldValue;
  readonly gdp?: FieldValue;
  readonly currency?: FieldValue;
  readonly year?: FieldValue;
}

export type ProfileField = CityField | AssessmentField;
export type ProfileIssue = ValidationIssue<ProfileField>;

/** U4SSC assessments started in 2016; the bounds only catch typing slips such as 202 or 20255. */
export const ASSESSMENT_YEAR_RANGE = { min: 1990, max: 2100 } as const;

const POSITIVE_FIELDS = ['population', 'households', 'areaKm2', 'gdp'] as const;
const WHOLE_NUMBER_FIELDS = new Set<ProfileField>(['population', 'households']);
const ISO_4217_SHAPE = /^[A-Z]{3}$/;

let knownCurrencies: ReadonlySet<string> | undefined;
function isKnownCurrency(code: string): boolean {
  knownCurrencies ??= new Set(Intl.supportedValuesOf('currency'));
  return knownCurrencies.has(code);
}

const isEmpty = (value: FieldValue | undefined) => value === undefined || value === null || value === '';
const asNumber = (value: FieldValue | undefined) => (typeof value === 'number' && Number.isFinite(value) ? value : null);

function numberIssues(profile: CityProfileInput): ProfileIssue[] {
  const issues: ProfileIssue[] = [];
  for (const field of POSITIVE_FIELDS) {
    const raw = profile[field];
    if (isEmpty(raw)) continue;
    const value = asNumber(raw);
    if (value === null) issues.push({ severity: 'error', code: 'notANumber', field });
    else if (value <= 0) issues.push({ severity: 'error', code: 'notPositive', field });
    else if (WHOLE_NUMBER_FIELDS.has(field) && !Number.isInteger(value)) issues.push({ severity: 'error', code: 'notWholeNumber', field });
  }
  const population = asNumber(profile.population);
  const households = asNumber(profile.households);
  if (population !== null && households !== null && population > 0 && households > population) {
    issues.push({ severity: 'error', code: 'householdsExceedPopulation', field: 'households', params: { households, population } });
  }
  return issues;
}

function currencyIssues(profile: CityProfileInput): ProfileIssue[] {
  const { currency } = profile;
  if (isEmpty(currency)) {
    return isEmpty(profile.gdp) ? [] : [{ severity: 'warning', code: 'currencyMissing', field: 'currency' }];
  }
  if (typeof currency !== 'string' || !ISO_4217_SHAPE.test(currency)) {
    return [{ severity: 'error', code: 'currencyInvalid', field: 'currency', params: { value: String(currency) } }];
  }
  return isKnownCurrency(currency) ? [] : [{ severity: 'warning', code: 'currencyUnknown', field: 'currency', params: { value: currency } }];
}

function yearIssues(profile: CityProfileInput): ProfileIssue[] {
  if (isEmpty(profile.year)) return [];
  const year = asNumber(profile.year);
  const { min, max } = ASSESSMENT_YEAR_RANGE;
  if (year !== null && Number.isInteger(year) && year >= min && year <= max) return [];
  return [{ severity: 'error', code: 'assessmentYearOutOfRange', field: 'year', params: { min, max } }];
}

/** Checks the profile's own figures; empty fields are not yet entered and are not reported. */
export function validateCityProfile(profile: CityProfileInput): ProfileIssue[] {
  return [...numberIssues(profile), ...currencyIssues(profile), ...yearIssues(profile)];
}
