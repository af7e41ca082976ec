/**
 * The verifier's verdict beside each exported value, as the U4SSC data collection template's Verified
 * column: the data point's own verdict where the verifier gave one, else its KPI's (verification goes KPI
 * by KPI). No verdict, or no workshop at all, leaves the column empty.
 */
import type { PointValueRow } from '../values/point-values.ts';
import type { Revision } from '../revisions/types.ts';
import { deriveWorkshopState, pointKey, type WorkshopState } from '../workshop/state.ts';
import type { ExportValue } from './types.ts';

export function withVerification(rows: readonly PointValueRow[], revisions: readonly Revision[]): ExportValue[] {
  const states = new Map<string, WorkshopState>();
  const stateOf = (assessmentId: string): WorkshopState => {
    let state = states.get(assessmentId);
    if (state === undefined) {
      state = deriveWorkshopState(assessmentId, revisions);
      states.set(assessmentId, state);
    }
    return state;
  };
  return rows.map((row) => {
    const state = stateOf(row.assessmentId);
    const verified = state.pointReviews.get(pointKey(row.kpiId, row.pointId))?.verified ?? state.reviews.get(row.kpiId)?.verified ?? null;
    return { ...row, verified };
  });
}
