/** The values of some assessments as core's exports take them: one row per city, year, KPI and data point, with the verifier's verdict. */
import { pointValues } from '../../../core/values/index.ts';
import { withVerification, type ExportValue } from '../../../core/exports/index.ts';
import { formatRecordId, valueRecordPrefix } from '../../../core/revisions/record-id.ts';
import { workshopRecordPrefixes } from '../../../core/workshop/judge.ts';
import type { CityKpiDb } from './db.ts';
import { getAssessment } from './queries.ts';

export async function exportValues(db: CityKpiDb, assessmentIds: readonly string[]): Promise<ExportValue[]> {
  const rows: ExportValue[] = [];
  for (const assessmentId of assessmentIds) {
    const assessment = await getAssessment(db, assessmentId);
    if (!assessment) continue;
    const recordIds = [formatRecordId({ kind: 'assessment', assessmentId }), formatRecordId({ kind: 'city', cityId: assessment.cityId })];
    const revisions = [
      ...(await db.revisions.where('recordId').anyOf(recordIds).toArray()),
      ...(await db.revisions.where('recordId').startsWith(valueRecordPrefix(assessmentId)).toArray()),
    ];
    const workshop = await db.revisions.where('recordId').startsWithAnyOf(workshopRecordPrefixes([assessmentId])).toArray();
    rows.push(...withVerification(pointValues(revisions), workshop));
  }
  return rows;
}
