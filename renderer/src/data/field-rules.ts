/**
 * What the data layer accepts as field values, per record kind. Semantic checks (ranges,
 * plausibility) belong to core/validation and the UI; this only guards the stored model, so that
 * every revision written here is one that bundles accept.
 */
import { DEFAULT_LIMITS } from '../../../core/bundle/limits.ts';
import { DIRECTIONS } from '../../../core/catalogue/types.ts';
import {
  ASSESSMENT_FIELDS,
  CITY_FIELDS,
  DATA_ORIGINS,
  QUALITY_LEVELS,
  TARGET_FIELDS,
  TARGET_SET_FIELDS,
  VALUE_FIELDS,
  VALUE_STATUSES,
} from '../../../core/revisions/fields.ts';
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
  region: isText,
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
  confirmedValue: isNumber,
  officeNote: isText,
};

const TARGET_SET_RULES: Record<(typeof TARGET_SET_FIELDS)[number], Rule> = {
  name: isText,
  source: isText,
  catalogueId: isText,
  example: isFlag,
  note: isText,
  deleted: isFlag,
};

const TARGET_RULES: Record<(typeof TARGET_FIELDS)[number], Rule> = {
  target: isNumber,
  direction: oneOf(DIRECTIONS),
  source: isText,
  note: isText,
};

const RULES: Readonly<Partial<Record<RecordRef['kind'], Readonly<Record<string, Rule>>>>> = {
  city: CITY_RULES,
  assessment: ASSESSMENT_RULES,
  kpiValue: VALUE_RULES,
  targetSet: TARGET_SET_RULES,
  target: TARGET_RULES,
};

function rulesOf(kind: RecordRef['kind']): Readonly<Record<string, Rule>> {
  return RULES[kind] ?? VALUE_RULES;
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
