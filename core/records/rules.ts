/**
 * The record rules every writer runs, in order. A rule added here (an assignment check, a new kind's
 * cross-field rule) runs on every write path at once: the screens' data layer, the import, the CLI
 * and the office server all call checkRevisions with RECORD_RULES.
 */
import { DEFAULT_CATALOGUE_ID, findKpi, findPoint, getCatalogue } from '../catalogue/index.ts';
import type { DataPointDefinition } from '../catalogue/types.ts';
import { currentValue } from '../revisions/derive.ts';
import { WORKSHOP_RECORD_KINDS, formatRecordId, type RecordRef, type WorkshopRecordKind } from '../revisions/record-id.ts';
import type { FieldMap } from '../revisions/types.ts';
import { workshopFieldProblem } from '../workshop/field-rules.ts';
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
      const problem = workshopFieldProblem(ref.kind, revision.fields);
      return problem === null ? [] : [problem];
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

function choiceProblems(point: DataPointDefinition, fields: FieldMap): RuleProblem[] {
  const { choice } = fields;
  if (typeof choice !== 'string') return [];
  const options: readonly string[] = point.computation.kind === 'choice' ? point.computation.options : [];
  return options.includes(choice) ? [] : [{ field: 'choice', reason: 'notAChoice', params: { options: options.join(', ') } }];
}

/**
 * A value record belongs to a data point of its assessment's catalogue, and a choice is one the point
 * offers. Figures a person may still be correcting (a negative numerator, a percentage above 100) are
 * stored and reported by validation as errors ("reported with errors"), on every laptop alike.
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
    return choiceProblems(point, revision.fields);
  },
};

export const RECORD_RULES: readonly RecordRule[] = [fieldRule, dataPointRule];
