/**
 * Runs core's workshop rule on revisions about to be written, inside the caller's transaction
 * (Dexie calls only, then a pure check), so a refused write or import leaves nothing behind.
 */
import { WORKSHOP_RECORD_KINDS, parseRecordId, workshopRecordPrefix } from '../../../core/revisions/record-id.ts';
import type { Revision } from '../../../core/revisions/types.ts';
import { assessmentsJudged, checkWorkshopRevisions, valueRecordsJudged, type WorkshopViolation } from '../../../core/workshop/rules.ts';
import type { CityKpiDb } from './db.ts';
import { DataError } from './errors.ts';

/** A write or import refused by the workshop rule; `violations` names every refused revision. */
export class WorkshopRuleError extends DataError {
  constructor(readonly violations: readonly WorkshopViolation[]) {
    const first = violations[0]!;
    super('E_FORBIDDEN', `${violations.length} change(s) break the workshop rules, first ${first.code} by ${JSON.stringify(first.author)} on ${first.recordId}`);
  }
}

/** Every stored workshop record of these assessments. */
export async function workshopRevisions(db: CityKpiDb, assessmentIds: readonly string[]): Promise<Revision[]> {
  const prefixes = assessmentIds.flatMap((assessmentId) => WORKSHOP_RECORD_KINDS.map((kind) => workshopRecordPrefix(kind, assessmentId)));
  if (prefixes.length === 0) return [];
  return db.revisions.where('recordId').startsWithAnyOf(prefixes).toArray();
}

/** Only assessments that have workshop records get judged: the rest (most bundles) cost one index lookup. */
export async function workshopViolations(db: CityKpiDb, candidates: readonly Revision[]): Promise<WorkshopViolation[]> {
  const assessmentIds = assessmentsJudged(candidates);
  if (assessmentIds.length === 0) return [];
  const workshop = await workshopRevisions(db, assessmentIds);
  const inWorkshop = new Set(assessmentsJudged([...workshop, ...candidates.filter((revision) => parseRecordId(revision.recordId)?.kind !== 'kpiValue')]));
  const judged = candidates.filter((revision) => {
    const ref = parseRecordId(revision.recordId);
    return ref !== null && 'assessmentId' in ref && inWorkshop.has(ref.assessmentId);
  });
  if (judged.length === 0) return [];
  const valueRecords = valueRecordsJudged(judged);
  const values = valueRecords.length === 0 ? [] : await db.revisions.where('recordId').anyOf(valueRecords).toArray();
  return checkWorkshopRevisions(judged, [...workshop, ...values]);
}

/** Throws WorkshopRuleError when any candidate is refused. */
export async function guardWorkshopRules(db: CityKpiDb, candidates: readonly Revision[]): Promise<void> {
  const violations = await workshopViolations(db, candidates);
  if (violations.length > 0) throw new WorkshopRuleError(violations);
}
