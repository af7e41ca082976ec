/** The values of some assessments as core's exports take them: one row per city, year, KPI and data point. */
import { pointValues } from '../../../core/bundle/point-values.ts';
import type { ExportValue } from '../../../core/exports/index.ts';
import { formatRecordId, valueRecordPrefix } from '../../../core/revisions/record-id.ts';
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
    rows.push(...pointValues(revisions));
  }
  return rows;
}
