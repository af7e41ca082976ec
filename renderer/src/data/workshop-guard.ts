/**
 * Runs core's workshop rule on revisions about to be written, inside the caller's transaction
 * (Dexie calls only, then a pure check), so a refused write or import leaves nothing behind.
 */
import type { Revision } from '../../../core/revisions/types.ts';
import { judgeWorkshopRevisions, workshopRecordPrefixes } from '../../../core/workshop/judge.ts';
import type { WorkshopViolation } from '../../../core/workshop/rules.ts';
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
  const prefixes = workshopRecordPrefixes(assessmentIds);
  if (prefixes.length === 0) return [];
  return db.revisions.where('recordId').startsWithAnyOf(prefixes).toArray();
}

export function workshopViolations(db: CityKpiDb, candidates: readonly Revision[]): Promise<WorkshopViolation[]> {
  return judgeWorkshopRevisions(candidates, {
    withRecordPrefixes: (prefixes) => db.revisions.where('recordId').startsWithAnyOf([...prefixes]).toArray(),
    ofRecords: (recordIds) => db.revisions.where('recordId').anyOf([...recordIds]).toArray(),
  });
}

/** Throws WorkshopRuleError when any candidate is refused. */
export async function guardWorkshopRules(db: CityKpiDb, candidates: readonly Revision[]): Promise<void> {
  const violations = await workshopViolations(db, candidates);
  if (violations.length > 0) throw new WorkshopRuleError(violations);
}
