/**
 * Scores every assessment a set of revisions holds (a bundle, a merge, the office database), each against the
 * catalogue it names, with the same values the app and `citykpi values` show, and the same entry status the app
 * shows: a value with a validation error is left out (`invalidValue`), as on the laptop.
 */
import { pointValues, type PointValueRow } from '../values/point-values.ts';
import { findKpi, findPoint, getCatalogue } from '../catalogue/index.ts';
import type { Catalogue } from '../catalogue/types.ts';
import { currentValue, deriveRecords, type RecordState } from '../revisions/derive.ts';
import { formatRecordId, parseRecordId } from '../revisions/record-id.ts';
import type { Revision } from '../revisions/types.ts';
import { pointStatus, statusInputOf, type StatusContext } from '../status/index.ts';
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
export function scoringValueOf(row: PointValueRow, hardError = false): ScoringValue {
  return { kpiId: row.kpiId, pointId: row.pointId, value: row.value, unit: row.unit, conflict: row.valueKind === 'conflict', hardError };
}

function numberOf(state: RecordState | undefined, field: string): number | null {
  const value = currentValue(state, field);
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

interface AssessmentContext {
  readonly catalogue: Catalogue | undefined;
  readonly status: StatusContext;
}

function contexts(states: readonly RecordState[]): Map<string, AssessmentContext> {
  const byId = new Map(states.map((state) => [state.recordId, state]));
  const result = new Map<string, AssessmentContext>();
  for (const state of states) {
    const ref = parseRecordId(state.recordId);
    if (ref?.kind !== 'assessment') continue;
    const catalogueId = currentValue(state, 'catalogueId');
    const cityId = currentValue(state, 'cityId');
    const city = typeof cityId === 'string' && parseRecordId(`city:${cityId}`) ? byId.get(`city:${cityId}`) : undefined;
    result.set(ref.assessmentId, {
      catalogue: typeof catalogueId === 'string' ? getCatalogue(catalogueId) : undefined,
      status: {
        denominators: { population: numberOf(city, 'population'), households: numberOf(city, 'households') },
        assessmentYear: numberOf(state, 'year'),
      },
    });
  }
  return result;
}

function hasHardError(row: PointValueRow, context: AssessmentContext | undefined, states: ReadonlyMap<string, RecordState>): boolean {
  const kpi = context?.catalogue ? findKpi(context.catalogue, row.kpiId) : undefined;
  const point = kpi ? findPoint(kpi, row.pointId) : undefined;
  if (!kpi || !point || !context) return false;
  const state = states.get(formatRecordId({ kind: 'kpiValue', assessmentId: row.assessmentId, kpiId: row.kpiId, pointId: row.pointId }));
  return pointStatus(kpi, point, statusInputOf(state?.fields), context.status).status === 'reportedWithErrors';
}

export function scoreRevisions(revisions: readonly Revision[], targets: TargetSet, verified = false): AssessmentScore[] {
  const states = deriveRecords(revisions);
  const byRecord = new Map(states.map((state) => [state.recordId, state]));
  const assessments = contexts(states);
  const byAssessment = new Map<string, PointValueRow[]>();
  for (const row of pointValues(revisions)) {
    const rows = byAssessment.get(row.assessmentId) ?? [];
    rows.push(row);
    byAssessment.set(row.assessmentId, rows);
  }
  return [...byAssessment].map(([assessmentId, rows]) => {
    const first = rows[0]!;
    const context = assessments.get(assessmentId);
    const catalogue = context?.catalogue;
    const values = rows.map((row) => scoringValueOf(row, hasHardError(row, context, byRecord)));
    return {
      assessmentId,
      cityId: first.cityId,
      cityName: first.cityName,
      country: first.country,
      year: first.year,
      report: catalogue ? scoreAssessment({ catalogue, values, targets, verified }) : null,
    };
  });
}
