/** Reads for the central office's view: every assessment's values at once. */
import { deriveRecords } from '../../../core/revisions/derive.ts';
import { parseRecordId } from '../../../core/revisions/record-id.ts';
import type { CityKpiDb } from './db.ts';
import type { ValueView } from './types.ts';

/** The data points of every assessment stored here, by assessment id, each keyed by record id. */
export async function listAllValues(db: CityKpiDb): Promise<ReadonlyMap<string, ReadonlyMap<string, ValueView>>> {
  const revisions = await db.revisions.where('recordId').startsWith('value:').toArray();
  const byAssessment = new Map<string, Map<string, ValueView>>();
  for (const state of deriveRecords(revisions)) {
    const ref = parseRecordId(state.recordId);
    if (ref?.kind !== 'kpiValue') continue;
    const views = byAssessment.get(ref.assessmentId) ?? new Map<string, ValueView>();
    views.set(state.recordId, { recordId: state.recordId, kpiId: ref.kpiId, pointId: ref.pointId, fields: state.fields, heads: state.heads });
    byAssessment.set(ref.assessmentId, views);
  }
  return byAssessment;
}
