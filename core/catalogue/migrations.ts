/**
 * Moving an assessment from `u4ssc-2017` to `u4ssc-2017-v2` with ordinary revisions, so the move merges and travels
 * like any edit. It is deterministic: two laptops that migrate the same assessment write equal values, which
 * derive to one current value rather than a conflict. Numbers are converted only where the conversion is exact;
 * what cannot be converted is kept in the value's note for the participant to re-enter. Notes are written in
 * English on purpose: equal text on every laptop, whatever its interface language.
 */
import { numberField, type PointFields } from '../compute/field-readers.ts';
import { currentValue, deriveRecords, type RecordState } from '../revisions/derive.ts';
import { VALUE_FIELDS } from '../revisions/fields.ts';
import { parseRecordId } from '../revisions/record-id.ts';
import type { FieldMap, Revision } from '../revisions/types.ts';
import { U4SSC_2017_ID } from './u4ssc-2017.ts';
import { U4SSC_2017_V2_ID } from './u4ssc-2017-v2.ts';

const OUTAGE_FREQUENCY = 'EC-I-ES-1C';
const OUTAGE_TIME = 'EC-I-ES-2C';
const FTE_KPIS = new Set(['SC-SH-SA-6C', 'SC-SH-SA-7C']);
const MINUTES_PER_HOUR = 60;

export interface MigrationChange {
  readonly recordId: string;
  /** The heads the change was planned on: write it only if they are still the heads. */
  readonly heads: readonly string[];
  readonly fields: FieldMap;
}

export interface AssessmentMigration {
  readonly assessmentId: string;
  readonly from: string;
  readonly to: string;
  readonly changes: readonly MigrationChange[];
}

function fieldsOf(state: RecordState | undefined): PointFields {
  const fields: Record<string, unknown> = {};
  for (const field of VALUE_FIELDS) {
    const value = currentValue(state, field);
    if (value !== undefined) fields[field] = value;
  }
  return fields as PointFields;
}

const MIGRATION_MARK = `Catalogue ${U4SSC_2017_ID} → ${U4SSC_2017_V2_ID}:`;

/**
 * A value already carrying the migration's note has been migrated (the assessment's own change may not have been
 * written yet, e.g. after a concurrent edit): converting it again would multiply it twice.
 */
function needsMigration(fields: PointFields): boolean {
  return hasValue(fields) && !(typeof fields.note === 'string' && fields.note.includes(MIGRATION_MARK));
}

function withNote(fields: PointFields, note: string): string {
  const existing = typeof fields.note === 'string' ? fields.note.trim() : '';
  return existing === '' ? note : `${existing}\n\n${note}`;
}

function hasValue(fields: PointFields): boolean {
  return ['numerator', 'denominator', 'directValue'].some((field) => numberField(fields, field as 'numerator') !== null);
}

/** Interruptions per customer (SAIFI) from Outage Frequency, when both its numbers are there. */
function saifiOf(frequency: PointFields): number | null {
  const direct = numberField(frequency, 'directValue');
  if (direct !== null) return direct > 0 ? direct : null;
  const numerator = numberField(frequency, 'numerator');
  const denominator = numberField(frequency, 'denominator');
  return numerator !== null && denominator !== null && numerator > 0 && denominator > 0 ? numerator / denominator : null;
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/**
 * Outage Time was hours per customer and year (customer interruption hours ÷ customers served); it is now CAIDI,
 * minutes per interruption (customer interruption minutes ÷ customer interruptions). Hours become minutes exactly;
 * customers become interruptions through the same assessment's Outage Frequency (interruptions per customer),
 * and a typed value likewise. Without that frequency the old denominator or value is kept only in the note.
 */
function outageTimeFields(fields: PointFields, saifi: number | null): FieldMap {
  const numerator = numberField(fields, 'numerator');
  const denominator = numberField(fields, 'denominator');
  const direct = numberField(fields, 'directValue');
  const changed: Record<string, number | null> = {};
  const kept: string[] = [];
  if (numerator !== null) changed.numerator = round(numerator * MINUTES_PER_HOUR);
  if (denominator !== null) {
    if (saifi === null) kept.push(`denominator ${denominator} customers`);
    changed.denominator = saifi === null ? null : round(denominator * saifi);
  }
  if (direct !== null) {
    if (saifi === null) kept.push(`value ${direct} hours per customer per year`);
    changed.directValue = saifi === null ? null : round((direct * MINUTES_PER_HOUR) / saifi);
  }
  const note =
    `${MIGRATION_MARK} Electricity System Outage Time is now minutes per interruption ` +
    '(customer interruption minutes ÷ customer interruptions). ' +
    (numerator !== null ? `Numerator converted from ${numerator} hours to minutes. ` : '') +
    (kept.length > 0
      ? `Not converted, because Outage Frequency has no value: ${kept.join(', ')}; please enter the number of customer interruptions.`
      : saifi !== null && (denominator !== null || direct !== null)
        ? `Customers converted to interruptions with Outage Frequency (${round(saifi)} interruptions per customer).`
        : '');
  return { ...changed, note: withNote(fields, note.trim()) };
}

function fteNote(fields: PointFields): FieldMap {
  return {
    note: withNote(
      fields,
      `${MIGRATION_MARK} this KPI counts staff in full-time equivalents per 100 000 inhabitants; check that the number entered is in full-time equivalents, not a head count.`,
    ),
  };
}

/**
 * Only an assessment that some revision placed in the first catalogue can be there now: the records of
 * every other one are left underived (a laptop of many assessments plans at every start).
 */
function ofAssessmentsOnceInFirstCatalogue(revisions: Iterable<Revision>): Revision[] {
  const all = [...revisions];
  const refs = all.map((revision) => parseRecordId(revision.recordId));
  const placed = new Set<string>();
  all.forEach((revision, index) => {
    const ref = refs[index];
    if (ref?.kind === 'assessment' && revision.fields.catalogueId === U4SSC_2017_ID) placed.add(ref.assessmentId);
  });
  return all.filter((_, index) => {
    const ref = refs[index];
    return ref !== null && ref !== undefined && 'assessmentId' in ref && placed.has(ref.assessmentId);
  });
}

/** The changes that move every live `u4ssc-2017` assessment of these revisions to `u4ssc-2017-v2`. */
export function planCatalogueMigrations(revisions: Iterable<Revision>): AssessmentMigration[] {
  const states = deriveRecords(ofAssessmentsOnceInFirstCatalogue(revisions));
  const values = new Map<string, Map<string, RecordState>>();
  const assessments: RecordState[] = [];
  for (const state of states) {
    const ref = parseRecordId(state.recordId);
    if (ref?.kind === 'assessment') assessments.push(state);
    if (ref?.kind === 'kpiValue') {
      const byKpi = values.get(ref.assessmentId) ?? new Map<string, RecordState>();
      byKpi.set(`${ref.kpiId}:${ref.pointId}`, state);
      values.set(ref.assessmentId, byKpi);
    }
  }
  const migrations: AssessmentMigration[] = [];
  for (const assessment of assessments) {
    if (currentValue(assessment, 'catalogueId') !== U4SSC_2017_ID || currentValue(assessment, 'deleted') === true) continue;
    const ref = parseRecordId(assessment.recordId);
    if (ref?.kind !== 'assessment') continue;
    const own = values.get(ref.assessmentId) ?? new Map<string, RecordState>();
    const changes: MigrationChange[] = [{ recordId: assessment.recordId, heads: assessment.heads, fields: { catalogueId: U4SSC_2017_V2_ID } }];
    const outage = own.get(`${OUTAGE_TIME}:_`);
    if (outage && needsMigration(fieldsOf(outage))) {
      changes.push({ recordId: outage.recordId, heads: outage.heads, fields: outageTimeFields(fieldsOf(outage), saifiOf(fieldsOf(own.get(`${OUTAGE_FREQUENCY}:_`)))) });
    }
    for (const kpiId of FTE_KPIS) {
      const state = own.get(`${kpiId}:_`);
      if (state && needsMigration(fieldsOf(state))) changes.push({ recordId: state.recordId, heads: state.heads, fields: fteNote(fieldsOf(state)) });
    }
    migrations.push({ assessmentId: ref.assessmentId, from: U4SSC_2017_ID, to: U4SSC_2017_V2_ID, changes });
  }
  return migrations;
}

