/**
 * The current state of every KPI value, kept beside the revisions it is derived from. A view that
 * compares one KPI across thousands of assessments (the central office's) would otherwise read and
 * derive every revision stored; here it reads one row per assessment through the `kpiId` index.
 *
 * Revisions are only ever added, and every write goes through `storeRevisions`, which derives the
 * touched records again from all their revisions in the same transaction; schema version 6 derived the
 * rows of the revisions stored before it.
 */
import { deriveRecords, type RecordState } from '../../../core/revisions/derive.ts';
import { parseRecordId, valueRecordPrefix } from '../../../core/revisions/record-id.ts';
import type { Revision } from '../../../core/revisions/types.ts';
import type { CityKpiDb } from './db.ts';
import type { ValueView } from './types.ts';


/**
 * One KPI data point's derived state, with the assessment it belongs to. The field states are kept as
 * JSON text: every field's state repeats its writer's revision, author, device and clock, and reading
 * thousands of rows of small nested objects out of IndexedDB costs far more than one string each.
 */
export interface ValueStateRow {
  readonly recordId: string;
  readonly assessmentId: string;
  readonly kpiId: string;
  readonly pointId: string;
  readonly heads: readonly string[];
  /** JSON of the record's `fields` (core/revisions/derive.ts `FieldState` by field name). */
  readonly fieldsJson: string;
}

/** The rows of the value records among `states`; other records (cities, workshops) are not kept here. */
export function valueStateRows(states: readonly RecordState[]): ValueStateRow[] {
  return states.flatMap((state): ValueStateRow[] => {
    const ref = parseRecordId(state.recordId);
    if (ref?.kind !== 'kpiValue') return [];
    return [{ recordId: state.recordId, assessmentId: ref.assessmentId, kpiId: ref.kpiId, pointId: ref.pointId, heads: state.heads, fieldsJson: JSON.stringify(state.fields) }];
  });
}

export function valueViewOf(row: ValueStateRow): ValueView {
  return { recordId: row.recordId, kpiId: row.kpiId, pointId: row.pointId, fields: JSON.parse(row.fieldsJson) as ValueView['fields'], heads: row.heads };
}

export function isValueRecordId(recordId: string): boolean {
  return parseRecordId(recordId)?.kind === 'kpiValue';
}

/**
 * Above this many touched records of one assessment, one range read of all its value revisions is
 * cheaper than a read per record (an import touches hundreds at once; an edit touches one).
 */
const RECORDS_READ_ONE_BY_ONE = 16;

/** Every stored revision of the touched value records. */
async function historiesOf(db: CityKpiDb, recordIds: ReadonlySet<string>): Promise<Revision[]> {
  const byAssessment = new Map<string, string[]>();
  for (const recordId of recordIds) {
    const ref = parseRecordId(recordId);
    if (ref?.kind === 'kpiValue') byAssessment.set(ref.assessmentId, [...(byAssessment.get(ref.assessmentId) ?? []), recordId]);
  }
  const reads = [...byAssessment].map(async ([assessmentId, ids]) => {
    if (ids.length <= RECORDS_READ_ONE_BY_ONE) return db.revisions.where('recordId').anyOf(ids).toArray();
    const all = await db.revisions.where('recordId').startsWith(valueRecordPrefix(assessmentId)).toArray();
    return all.filter((revision) => recordIds.has(revision.recordId));
  });
  return (await Promise.all(reads)).flat();
}

/**
 * Stores revisions and derives the value records they touch again from all their revisions. Call it
 * inside a read-write transaction over `revisions` and `valueStates`: the one way the app writes
 * revisions, so a kept state is never older than the revisions beside it.
 */
export async function storeRevisions(db: CityKpiDb, revisions: readonly Revision[], how: 'add' | 'put' = 'add'): Promise<void> {
  if (how === 'add') await db.revisions.bulkAdd([...revisions]);
  else await db.revisions.bulkPut([...revisions]);
  const touched = new Set(revisions.filter((revision) => isValueRecordId(revision.recordId)).map((revision) => revision.recordId));
  if (touched.size === 0) return;
  await db.valueStates.bulkPut(valueStateRows(deriveRecords(await historiesOf(db, touched))));
}
