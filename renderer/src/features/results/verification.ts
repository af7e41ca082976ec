/**
 * Results stop being a self-assessment once a verifier has verified every KPI the city reported (the
 * workshop's verdicts, U4SSC verification manual): one unverified reported KPI keeps the whole label.
 */
import type { WorkshopState } from '../../../../core/workshop/state.ts';
import type { SnapshotModel } from './snapshot-model.ts';

export function isVerified(model: SnapshotModel, workshop: WorkshopState | undefined): boolean {
  const reported = model.kpis.filter((row) => row.points.some((point) => point.reported));
  return workshop !== undefined && reported.length > 0 && reported.every((row) => workshop.reviews.get(row.kpi.id)?.verified === 'yes');
}
