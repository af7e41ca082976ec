/**
 * Which of some revisions about to be written the workshop rule refuses, for any store: the caller says
 * how to read its stored revisions (inside its own transaction), this decides what to read and judges.
 * The desktop data layer (Dexie) and the office database (PostgreSQL) both run it, so every writer
 * applies one rule the same way.
 */
import { WORKSHOP_RECORD_KINDS, parseRecordId, workshopRecordPrefix } from '../revisions/record-id.ts';
import type { Revision } from '../revisions/types.ts';
import { type WorkshopViolation, assessmentsJudged, checkWorkshopRevisions, valueRecordsJudged } from './rules.ts';

export interface StoredRevisionReader {
  /** Every stored revision whose record id starts with one of the prefixes. */
  readonly withRecordPrefixes: (prefixes: readonly string[]) => Promise<Revision[]>;
  /** Every stored revision of these records. */
  readonly ofRecords: (recordIds: readonly string[]) => Promise<Revision[]>;
}

/** Every stored workshop record of these assessments. */
export function workshopRecordPrefixes(assessmentIds: readonly string[]): string[] {
  return assessmentIds.flatMap((assessmentId) => WORKSHOP_RECORD_KINDS.map((kind) => workshopRecordPrefix(kind, assessmentId)));
}

/** Only assessments that have workshop records get judged: the rest (most bundles) cost one lookup. */
export async function judgeWorkshopRevisions(candidates: readonly Revision[], stored: StoredRevisionReader): Promise<WorkshopViolation[]> {
  const assessmentIds = assessmentsJudged(candidates);
  if (assessmentIds.length === 0) return [];
  const workshop = await stored.withRecordPrefixes(workshopRecordPrefixes(assessmentIds));
  const inWorkshop = new Set(assessmentsJudged([...workshop, ...candidates.filter((revision) => parseRecordId(revision.recordId)?.kind !== 'kpiValue')]));
  const judged = candidates.filter((revision) => {
    const ref = parseRecordId(revision.recordId);
    return ref !== null && 'assessmentId' in ref && inWorkshop.has(ref.assessmentId);
  });
  if (judged.length === 0) return [];
  const valueRecords = valueRecordsJudged(judged);
  const values = valueRecords.length === 0 ? [] : await stored.ofRecords(valueRecords);
  return checkWorkshopRevisions(judged, [...workshop, ...values]);
}
