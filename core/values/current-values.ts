/**
 * Current KPI values as flat rows, one per city, year, KPI, data point and field, in a total order,
 * so equal revision sets always produce equal output (the CLI's `values` and reports rely on it).
 */
import { type RecordState, currentValue, deriveRecords } from '../revisions/derive.ts';
import { parseRecordId } from '../revisions/record-id.ts';
import type { FieldValue, Revision } from '../revisions/types.ts';

export interface ValueCandidate {
  readonly value: FieldValue;
  readonly author: string;
  readonly deviceId: string;
  readonly hlc: string;
  readonly revisionId: string;
}

export interface CurrentValueRow {
  readonly cityId: string | null;
  readonly year: number | null;
  readonly assessmentId: string;
  readonly kpiId: string;
  readonly pointId: string;
  readonly field: string;
  readonly conflict: boolean;
  /** The current value; null when in conflict. */
  readonly value: FieldValue;
  /** One write when settled; every competing write (sorted by revision id) when in conflict. */
  readonly candidates: readonly ValueCandidate[];
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareRows(a: CurrentValueRow, b: CurrentValueRow): number {
  return (
    compareText(a.cityId ?? '', b.cityId ?? '') ||
    (a.year ?? -Infinity) - (b.year ?? -Infinity) ||
    compareText(a.assessmentId, b.assessmentId) ||
    compareText(a.kpiId, b.kpiId) ||
    compareText(a.pointId, b.pointId) ||
    compareText(a.field, b.field)
  );
}

export function currentValues(revisions: Iterable<Revision>): CurrentValueRow[] {
  const states = deriveRecords(revisions);
  const assessments = new Map<string, RecordState>();
  for (const state of states) {
    const ref = parseRecordId(state.recordId);
    if (ref?.kind === 'assessment') assessments.set(ref.assessmentId, state);
  }
  const rows: CurrentValueRow[] = [];
  for (const state of states) {
    const ref = parseRecordId(state.recordId);
    if (ref?.kind !== 'kpiValue') continue;
    const assessment = assessments.get(ref.assessmentId);
    const cityId = currentValue(assessment, 'cityId');
    const year = currentValue(assessment, 'year');
    for (const [field, fieldState] of Object.entries(state.fields)) {
      const writes = fieldState.conflict ? fieldState.candidates : [fieldState.current];
      rows.push({
        cityId: typeof cityId === 'string' ? cityId : null,
        year: typeof year === 'number' ? year : null,
        assessmentId: ref.assessmentId,
        kpiId: ref.kpiId,
        pointId: ref.pointId,
        field,
        conflict: fieldState.conflict,
        value: fieldState.conflict ? null : fieldState.current.value,
        candidates: writes
          .map((write) => ({ value: write.value, author: write.author, deviceId: write.deviceId, hlc: write.hlc, revisionId: write.revisionId }))
          .sort((x, y) => compareText(x.revisionId, y.revisionId)),
      });
    }
  }
  return rows.sort(compareRows);
}
