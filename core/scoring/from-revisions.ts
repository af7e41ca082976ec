/**
 * Scores every assessment a set of revisions holds (a bundle, a merge, the office database), each against the
 * catalogue it names, with the same values the app and `citykpi values` show.
 */
import { pointValues, type PointValueRow } from '../bundle/point-values.ts';
import { getCatalogue } from '../catalogue/index.ts';
import { currentValue, deriveRecords } from '../revisions/derive.ts';
import { parseRecordId } from '../revisions/record-id.ts';
import type { Revision } from '../revisions/types.ts';
import type { TargetSet } from '../targets/types.ts';
import { scoreAssessment, type ScoreReport, type ScoringValue } from './score.ts';

export interface AssessmentScore {
  readonly assessmentId: string;
  readonly cityId: string | null;
  readonly cityName: string | null;
  readonly country: string | null;
  readonly year: number | null;
  /** Null when the assessment names a catalogue this installation does not know: nothing could be scored. */
  readonly report: ScoreReport | null;
}

/** A row's value as scoring sees it: a conflict in any input leaves it undecided. */
export function scoringValueOf(row: PointValueRow): ScoringValue {
  return { kpiId: row.kpiId, pointId: row.pointId, value: row.value, unit: row.unit, conflict: row.valueKind === 'conflict' };
}

function catalogueIds(revisions: Iterable<Revision>): Map<string, string | null> {
  const ids = new Map<string, string | null>();
  for (const state of deriveRecords(revisions)) {
    const ref = parseRecordId(state.recordId);
    if (ref?.kind !== 'assessment') continue;
    const id = currentValue(state, 'catalogueId');
    ids.set(ref.assessmentId, typeof id === 'string' ? id : null);
  }
  return ids;
}

export function scoreRevisions(revisions: readonly Revision[], targets: TargetSet, verified = false): AssessmentScore[] {
  const catalogues = catalogueIds(revisions);
  const byAssessment = new Map<string, PointValueRow[]>();
  for (const row of pointValues(revisions)) {
    const rows = byAssessment.get(row.assessmentId) ?? [];
    rows.push(row);
    byAssessment.set(row.assessmentId, rows);
  }
  return [...byAssessment].map(([assessmentId, rows]) => {
    const first = rows[0]!;
    const catalogueId = catalogues.get(assessmentId);
    const catalogue = catalogueId ? getCatalogue(catalogueId) : undefined;
    return {
      assessmentId,
      cityId: first.cityId,
      cityName: first.cityName,
      country: first.country,
      year: first.year,
      report: catalogue ? scoreAssessment({ catalogue, values: rows.map(scoringValueOf), targets, verified }) : null,
    };
  });
}
