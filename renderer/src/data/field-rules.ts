/**
 * What the data layer accepts as field values, per record kind. Semantic checks (ranges,
 * plausibility) belong to core/validation and the UI; this only guards the stored model, so that
 * every revision written here is one that bundles accept.
 */
import { DEFAULT_LIMITS } from '../../../core/bundle/limits.ts';
import { ASSESSMENT_FIELDS, CITY_FIELDS, DATA_ORIGINS, QUALITY_LEVELS, VALUE_FIELDS, VALUE_STATUSES } from '../../../core/revisions/fields.ts';
import type { RecordRef } from '../../../core/revisions/record-id.ts';
import type { FieldMap, FieldValue } from '../../../core/revisions/types.ts';
import { isEvidenceValue } from './attachments.ts';
import { DataError } from './errors.ts';

type Rule = (value: FieldValue) => boolean;

const isText: Rule = (value) => value === null || (typeof value === 'string' && value.length <= DEFAULT_LIMITS.maxStringLength);
const isNumber: Rule = (value) => value === null || (typeof value === 'number' && Number.isFinite(value));
const isYear: Rule = (value) => value === null || (typeof value === 'number' && Number.isInteger(value) && value >= 1900 && value <= 2200);
const isFlag: Rule = (value) => typeof value === 'boolean';
const oneOf =
  (options: readonly string[]): Rule =>
  (value) =>
    value === null || (typeof value === 'string' && options.includes(value));

const CITY_RULES: Record<(typeof CITY_FIELDS)[number], Rule> = {
  name: isText,
  country: isText,
  population: isNumber,
  households: isNumber,
  areaKm2: isNumber,
  gdp: isNumber,
  currency: isText,
  deleted: isFlag,
};

const ASSESSMENT_RULES: Record<(typeof ASSESSMENT_FIELDS)[number], Rule> = {
  cityId: isText,
  year: isYear,
  catalogueId: isText,
  title: isText,
  demo: isFlag,
  deleted: isFlag,
};

const VALUE_RULES: Record<(typeof VALUE_FIELDS)[number], Rule> = {
  numerator: isNumber,
  denominator: isNumber,
  directValue: isNumber,
  choice: isText,
  unit: isText,
  dataYear: isYear,
  status: oneOf(VALUE_STATUSES),
  quality: oneOf(QUALITY_LEVELS),
  origin: oneOf(DATA_ORIGINS),
  source: isText,
  note: isText,
  department: isText,
  evidence: isEvidenceValue,
};

function rulesOf(kind: RecordRef['kind']): Readonly<Record<string, Rule>> {
  return kind === 'city' ? CITY_RULES : kind === 'assessment' ? ASSESSMENT_RULES : VALUE_RULES;
}

/** Throws E_INVALID unless every field is known for the record kind and its value acceptable. */
export function checkFields(kind: RecordRef['kind'], fields: FieldMap): FieldMap {
  const rules = rulesOf(kind);
  const entries = Object.entries(fields);
  if (entries.length === 0) throw new DataError('E_INVALID', 'no fields to save');
  for (const [field, value] of entries) {
    const rule = Object.hasOwn(rules, field) ? rules[field] : undefined;
    if (!rule) throw new DataError('E_INVALID', `unknown ${kind} field ${JSON.stringify(field)}`);
    if (value === undefined || !rule(value)) throw new DataError('E_INVALID', `invalid value for ${kind} field ${field}`);
  }
  return { ...fields };
}
