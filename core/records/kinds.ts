/**
 * The fields each kind of record has and what each may hold. A new record kind adds its table here
 * (and its id to core/revisions/record-id.ts); a field not listed for a kind is refused. Workshop
 * records keep their own table (core/workshop/field-rules.ts), which the field rule consults.
 */
import { DIRECTIONS } from '../catalogue/types.ts';
import {
  ASSESSMENT_FIELDS,
  CITY_FIELDS,
  DATA_ORIGINS,
  QUALITY_LEVELS,
  TARGET_FIELDS,
  TARGET_SET_FIELDS,
  VALUE_FIELDS,
  VALUE_STATUSES,
} from '../revisions/fields.ts';
import type { RecordRef, WorkshopRecordKind } from '../revisions/record-id.ts';
import { evidenceValueProblem } from './evidence.ts';
import { anyNumber, catalogueId, flag, nonNegativeNumber, oneOf, recordIdPart, text, year, type FieldCheck } from './field-checks.ts';

const evidence: FieldCheck = (value) => {
  const reason = evidenceValueProblem(value);
  return reason ? { reason } : null;
};

const CITY: Record<(typeof CITY_FIELDS)[number], FieldCheck> = {
  name: text(),
  country: text(),
  population: nonNegativeNumber,
  households: nonNegativeNumber,
  areaKm2: nonNegativeNumber,
  gdp: nonNegativeNumber,
  currency: text(16),
  region: text(),
  deleted: flag,
};

const ASSESSMENT: Record<(typeof ASSESSMENT_FIELDS)[number], FieldCheck> = {
  cityId: recordIdPart,
  year,
  catalogueId,
  title: text(),
  demo: flag,
  deleted: flag,
};

const KPI_VALUE: Record<(typeof VALUE_FIELDS)[number], FieldCheck> = {
  numerator: anyNumber,
  denominator: anyNumber,
  directValue: anyNumber,
  choice: text(100),
  unit: text(100),
  dataYear: year,
  status: oneOf(VALUE_STATUSES),
  quality: oneOf(QUALITY_LEVELS),
  origin: oneOf(DATA_ORIGINS),
  source: text(),
  note: text(),
  department: text(),
  evidence,
  confirmedValue: anyNumber,
  officeNote: text(),
};

const TARGET_SET: Record<(typeof TARGET_SET_FIELDS)[number], FieldCheck> = {
  name: text(),
  source: text(),
  catalogueId,
  example: flag,
  note: text(),
  deleted: flag,
};

const TARGET: Record<(typeof TARGET_FIELDS)[number], FieldCheck> = {
  target: anyNumber,
  direction: oneOf(DIRECTIONS),
  source: text(),
  note: text(),
};

export const FIELD_TABLES: { readonly [K in Exclude<RecordRef['kind'], WorkshopRecordKind>]: Readonly<Record<string, FieldCheck>> } = {
  city: CITY,
  assessment: ASSESSMENT,
  kpiValue: KPI_VALUE,
  targetSet: TARGET_SET,
  target: TARGET,
};
