/**
 * The record rules every writer runs, in order. A rule added here (an assignment check, a new kind's
 * cross-field rule) runs on every write path at once: the screens' data layer, the import, the CLI
 * and the office server all call checkRevisions with RECORD_RULES.
 */
import { DEFAULT_CATALOGUE_ID, findKpi, findPoint, getCatalogue } from '../catalogue/index.ts';
import type { DataPointDefinition, KpiDefinition } from '../catalogue/types.ts';
import { currentValue } from '../revisions/derive.ts';
import { WORKSHOP_RECORD_KINDS, formatRecordId, type RecordRef, type WorkshopRecordKind } from '../revisions/record-id.ts';
import type { FieldMap } from '../revisions/types.ts';
import { hardRangeOf, isPercentage, mayExceedHundred } from '../validation/validate-point.ts';
import { invalidWorkshopField } from '../workshop/field-rules.ts';
import type { RecordRule, RuleProblem } from './findings.ts';
import { FIELD_TABLES } from './kinds.ts';

/** Every field is one the record kind has, holding a value of the right type and shape. */
function isWorkshopKind(kind: RecordRef['kind']): kind is WorkshopRecordKind {
  return (WORKSHOP_RECORD_KINDS as readonly string[]).includes(kind);
}

export const fieldRule: RecordRule = {
  name: 'fields',
  check(revision, ref) {
    const entries = Object.entries(revision.fields);
    if (entries.length === 0) return [{ field: null, reason: 'noFields' }];
    if (isWorkshopKind(ref.kind)) {
      const field = invalidWorkshopField(ref.kind, revision.fields);
      return field === null ? [] : [{ field, reason: 'invalidValue' }];
    }
    const table = FIELD_TABLES[ref.kind];
    const problems: RuleProblem[] = [];
    for (const [field, value] of entries) {
      const check = Object.hasOwn(table, field) ? table[field] : undefined;
      if (!check) problems.push({ field, reason: 'unknownField' });
      else {
        const found = check(value);
        if (found) problems.push({ field, ...found });
      }
    }
    return problems;
  },
};

function numberIn(fields: FieldMap, field: string): number | null {
  const value = fields[field];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function ratioProblems(kpi: KpiDefinition, point: DataPointDefinition, fields: FieldMap): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const numerator = numberIn(fields, 'numerator');
  const denominator = numberIn(fields, 'denominator');
  if (numerator !== null && numerator < 0) problems.push({ field: 'numerator', reason: 'negativeNumerator' });
  if (denominator !== null && denominator <= 0) problems.push({ field: 'denominator', reason: 'denominatorNotPositive' });
  if (numerator !== null && denominator !== null && denominator > 0 && numerator > denominator && isPercentage(point) && !mayExceedHundred(kpi, point)) {
    problems.push({ field: 'numerator', reason: 'numeratorExceedsDenominator', params: { numerator, denominator } });
  }
  return problems;
}

function directValueProblems(kpi: KpiDefinition, point: DataPointDefinition, fields: FieldMap): RuleProblem[] {
  const value = numberIn(fields, 'directValue');
  const range = hardRangeOf(kpi, point);
  if (value === null || !range) return [];
  if (range.min !== undefined && value < range.min) return [{ field: 'directValue', reason: 'belowMinimum', params: { min: range.min, value } }];
  if (range.max !== undefined && value > range.max) return [{ field: 'directValue', reason: 'aboveMaximum', params: { max: range.max, value } }];
  return [];
}

function choiceProblems(point: DataPointDefinition, fields: FieldMap): RuleProblem[] {
  const { choice } = fields;
  if (typeof choice !== 'string') return [];
  const options: readonly string[] = point.computation.kind === 'choice' ? point.computation.options : [];
  return options.includes(choice) ? [] : [{ field: 'choice', reason: 'notAChoice', params: { options: options.join(', ') } }];
}

/**
 * A value record belongs to a data point of its assessment's catalogue, and what the revision itself
 * says breaks none of the point's hard rules. Only what the revision holds is judged: a numerator
 * above a denominator saved earlier, or above the city profile's households, is validation's to
 * report, since another laptop may be correcting the other figure at the same moment.
 */
export const dataPointRule: RecordRule = {
  name: 'dataPoint',
  reads: (_revision, ref) => (ref.kind === 'kpiValue' ? [formatRecordId({ kind: 'assessment', assessmentId: ref.assessmentId })] : []),
  check(revision, ref, context) {
    if (ref.kind !== 'kpiValue') return [];
    const catalogueId = currentValue(context.stateOf(formatRecordId({ kind: 'assessment', assessmentId: ref.assessmentId })), 'catalogueId');
    const catalogue = getCatalogue(typeof catalogueId === 'string' ? catalogueId : DEFAULT_CATALOGUE_ID) ?? getCatalogue(DEFAULT_CATALOGUE_ID)!;
    const kpi = findKpi(catalogue, ref.kpiId);
    const point = kpi && findPoint(kpi, ref.pointId);
    if (!kpi || !point) return [{ field: null, reason: 'unknownDataPoint', params: { kpiId: ref.kpiId, pointId: ref.pointId } }];
    const { fields } = revision;
    return [
      ...(point.computation.kind === 'ratio' ? ratioProblems(kpi, point, fields) : []),
      ...directValueProblems(kpi, point, fields),
      ...choiceProblems(point, fields),
    ];
  },
};

export const RECORD_RULES: readonly RecordRule[] = [fieldRule, dataPointRule];
