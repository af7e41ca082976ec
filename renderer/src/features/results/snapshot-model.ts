/**
 * What the City Snapshot and the report show, as plain data: completeness per dimension, KPIs grouped by
 * SDG, KPIs not reported, and one row per data point with its value and provenance. Free of React so
 * that it is tested on its own.
 */
import { pointsOf } from '../../../../core/catalogue/index.ts';
import type { Catalogue, DataPointDefinition, DimensionId, KpiDefinition } from '../../../../core/catalogue/types.ts';
import type { ComputedValue } from '../../../../core/compute/index.ts';
import type { PointFields } from '../../../../core/compute/field-readers.ts';
import {
  assessmentStatus,
  countsAsReported,
  kpiStatusReader,
  statusInputOf,
  type AssessmentStatus,
  type EntryStatus,
  type KpiStatus,
  type PointLookup,
  type PointStatusInput,
  type StatusContext,
} from '../../../../core/status/index.ts';
import { valueRecordPrefix } from '../../../../core/revisions/record-id.ts';
import type { AssessmentView, ValueView } from '../../data/types.ts';

/** U4SSC verification reports: a KPI is reported, partially reported (some data points), or not reported. */
export type KpiCompleteness = 'reported' | 'partial' | 'notReported';
export const KPI_COMPLETENESS: readonly KpiCompleteness[] = ['reported', 'partial', 'notReported'];

export interface DimensionCompleteness {
  readonly dimension: DimensionId;
  readonly counts: Readonly<Record<KpiCompleteness, number>>;
  readonly total: number;
}

export interface PointRow {
  readonly kpi: KpiDefinition;
  readonly point: DataPointDefinition;
  readonly status: EntryStatus;
  readonly value: ComputedValue;
  /** Only values that count as reported (no hard error, not declared missing) are shown as results. */
  readonly reported: boolean;
  readonly dataYear: number | null;
  readonly source: string | null;
  readonly quality: string | null;
  /** The value the central office confirmed after an outlier flag, and its note. */
  readonly confirmedValue: number | null;
  readonly officeNote: string | null;
}

export interface KpiRow {
  readonly kpi: KpiDefinition;
  readonly completeness: KpiCompleteness;
  readonly points: readonly PointRow[];
}

export interface SdgGroup {
  /** The goal number, `1` to `17`. */
  readonly goal: string;
  readonly kpis: readonly KpiRow[];
}

export interface SnapshotModel {
  readonly status: AssessmentStatus;
  readonly kpis: readonly KpiRow[];
  readonly completeness: readonly DimensionCompleteness[];
  readonly pointCounts: { readonly reported: number; readonly notReported: number; readonly total: number };
  readonly sdgGroups: readonly SdgGroup[];
  /** KPIs with a data point missing, in catalogue order; partial ones say so. */
  readonly notReported: readonly KpiRow[];
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

function completenessOf(points: readonly PointRow[]): KpiCompleteness {
  const reported = points.filter((point) => point.reported).length;
  if (reported === points.length) return 'reported';
  return reported === 0 ? 'notReported' : 'partial';
}

/** `11.6.2` belongs to goal 11; goals sort by number, not as text. */
export function sdgGoalOf(target: string): string | null {
  const goal = /^(\d{1,2})(?:\.|$)/.exec(target.trim())?.[1];
  return goal === undefined ? null : String(Number(goal));
}

function groupBySdg(kpis: readonly KpiRow[]): SdgGroup[] {
  const groups = new Map<string, KpiRow[]>();
  for (const row of kpis) {
    const goals = new Set(row.kpi.sdgs.map(sdgGoalOf).filter((goal): goal is string => goal !== null));
    for (const goal of goals) groups.set(goal, [...(groups.get(goal) ?? []), row]);
  }
  return [...groups]
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([goal, rows]) => ({ goal, kpis: rows }));
}

function completenessByDimension(catalogue: Catalogue, kpis: readonly KpiRow[]): DimensionCompleteness[] {
  return catalogue.dimensions.map((dimension) => {
    const counts: Record<KpiCompleteness, number> = { reported: 0, partial: 0, notReported: 0 };
    const inDimension = kpis.filter((row) => row.kpi.dimension === dimension);
    for (const row of inDimension) counts[row.completeness] += 1;
    return { dimension, counts, total: inDimension.length };
  });
}

/** Each stored data point's status input, derived once and found by catalogue ids without re-checking them. */
function statusInputs(assessmentId: string, values: ReadonlyMap<string, ValueView>): PointLookup {
  const inputs = new Map<string, PointStatusInput>();
  for (const [recordId, view] of values) inputs.set(recordId, statusInputOf(view.fields));
  const prefix = valueRecordPrefix(assessmentId);
  return (kpiId, pointId) => inputs.get(`${prefix}${kpiId}:${pointId}`);
}

function statusContextOf(assessment: AssessmentView): StatusContext {
  return {
    denominators: { population: assessment.city.population, households: assessment.city.households },
    assessmentYear: assessment.year,
  };
}

function kpiRow(kpi: KpiDefinition, kpiStatus: KpiStatus | undefined, inputOf: PointLookup): KpiRow {
  const points = pointsOf(kpi).map((point, index): PointRow => {
    const pointStatus = kpiStatus?.points[index];
    const fields: PointFields = inputOf(kpi.id, point.id)?.fields ?? {};
    const entryStatus = pointStatus?.status ?? 'notStarted';
    return {
      kpi,
      point,
      status: entryStatus,
      value: pointStatus?.value ?? { kind: 'missing' },
      reported: countsAsReported(entryStatus),
      dataYear: typeof fields.dataYear === 'number' ? fields.dataYear : null,
      source: text(fields.source),
      quality: text(fields.quality),
      confirmedValue: typeof fields.confirmedValue === 'number' ? fields.confirmedValue : null,
      officeNote: text(fields.officeNote),
    };
  });
  return { kpi, points, completeness: completenessOf(points) };
}

/**
 * One KPI's row of the snapshot, built when first asked for and kept: the same row as `buildSnapshot`
 * makes, for views that read a few KPIs of many assessments. Undefined for a KPI not in the catalogue.
 */
export function kpiRowReader(catalogue: Catalogue, assessment: AssessmentView, values: ReadonlyMap<string, ValueView>): (kpiId: string) => KpiRow | undefined {
  const inputOf = statusInputs(assessment.id, values);
  const statusOf = kpiStatusReader(catalogue, inputOf, statusContextOf(assessment));
  const rows = new Map<string, KpiRow>();
  return (kpiId) => {
    const known = rows.get(kpiId);
    if (known) return known;
    const kpi = catalogue.kpis.find((candidate) => candidate.id === kpiId);
    if (!kpi) return undefined;
    const row = kpiRow(kpi, statusOf(kpi), inputOf);
    rows.set(kpiId, row);
    return row;
  };
}

export function buildSnapshot(catalogue: Catalogue, assessment: AssessmentView, values: ReadonlyMap<string, ValueView>): SnapshotModel {
  const inputOf = statusInputs(assessment.id, values);
  const status = assessmentStatus(catalogue, inputOf, statusContextOf(assessment));
  const kpis = catalogue.kpis.map((kpi) => kpiRow(kpi, status.kpis.get(kpi.id), inputOf));

  const allPoints = kpis.flatMap((row) => row.points);
  const reportedPoints = allPoints.filter((point) => point.reported).length;
  return {
    status,
    kpis,
    completeness: completenessByDimension(catalogue, kpis),
    pointCounts: { reported: reportedPoints, notReported: allPoints.length - reportedPoints, total: allPoints.length },
    sdgGroups: groupBySdg(kpis),
    notReported: kpis.filter((row) => row.completeness !== 'reported'),
  };
}
