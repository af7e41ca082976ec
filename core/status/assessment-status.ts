/** Statuses of every KPI of an assessment at once, with the cross-KPI checks only a whole view can make. */
import { pointsOf } from '../catalogue/index.ts';
import type { Catalogue, KpiDefinition } from '../catalogue/types.ts';
import { computePointValue, numericValue } from '../compute/compute-value.ts';
import { crossKpiChecks, valueKey } from '../validation/cross-kpi.ts';
import type { ValidationIssue } from '../validation/types.ts';
import {
  ENTRY_STATUSES,
  kpiStatus,
  pointStatus,
  type EntryStatus,
  type KpiStatus,
  type PointStatusInput,
  type StatusContext,
} from './entry-status.ts';

/** The current values of one data point, or undefined when it has no revision at all. */
export type PointLookup = (kpiId: string, pointId: string) => PointStatusInput | undefined;

export type StatusCounts = Readonly<Record<EntryStatus, number>> & { readonly total: number };

export interface AssessmentStatus {
  /** Every KPI of the catalogue, by id, in catalogue order. */
  readonly kpis: ReadonlyMap<string, KpiStatus>;
  /** How many KPIs (91 for U4SSC) and how many data points are in each status. */
  readonly kpiCounts: StatusCounts;
  readonly pointCounts: StatusCounts;
}

const NOTHING: PointStatusInput = { fields: {} };

function relatedIssuesOf(catalogue: Catalogue, lookup: PointLookup, context: StatusContext): Map<string, ValidationIssue[]> {
  const numbers = new Map<string, number>();
  for (const kpi of catalogue.kpis) {
    for (const point of pointsOf(kpi)) {
      const input = lookup(kpi.id, point.id);
      const value = input ? numericValue(computePointValue(point, input.fields, context.denominators)) : null;
      if (value !== null) numbers.set(valueKey(kpi.id, point.id), value);
    }
  }
  const related = new Map<string, ValidationIssue[]>();
  for (const { kpiId, pointId, issue } of crossKpiChecks(numbers, undefined, catalogue)) {
    const key = valueKey(kpiId, pointId);
    related.set(key, [...(related.get(key) ?? []), issue]);
  }
  return related;
}

export function countStatuses(statuses: readonly EntryStatus[]): StatusCounts {
  const counts = Object.fromEntries(ENTRY_STATUSES.map((status) => [status, 0])) as Record<EntryStatus, number>;
  for (const status of statuses) counts[status] += 1;
  return { ...counts, total: statuses.length };
}

/**
 * Each KPI's statuses within its assessment, on request: the same as `assessmentStatus(...).kpis.get(kpi.id)`.
 * The cross-KPI findings are made once, at the first request; views that read a few KPIs of many
 * assessments (the office's comparison) skip the validation of every other KPI.
 */
export function kpiStatusReader(catalogue: Catalogue, lookup: PointLookup, context: StatusContext): (kpi: KpiDefinition) => KpiStatus {
  let related: Map<string, ValidationIssue[]> | undefined;
  return (kpi) => {
    related ??= relatedIssuesOf(catalogue, lookup, context);
    const points = pointsOf(kpi).map((point) => {
      const input = lookup(kpi.id, point.id) ?? NOTHING;
      const relatedIssues = related!.get(valueKey(kpi.id, point.id));
      const withRelated = relatedIssues ? { ...input, relatedIssues: [...(input.relatedIssues ?? []), ...relatedIssues] } : input;
      return { pointId: point.id, ...pointStatus(kpi, point, withRelated, context) };
    });
    return kpiStatus(kpi.id, points);
  };
}

export function assessmentStatus(catalogue: Catalogue, lookup: PointLookup, context: StatusContext): AssessmentStatus {
  const statusOf = kpiStatusReader(catalogue, lookup, context);
  const kpis = new Map<string, KpiStatus>(catalogue.kpis.map((kpi) => [kpi.id, statusOf(kpi)]));
  const all = [...kpis.values()];
  return {
    kpis,
    kpiCounts: countStatuses(all.map((kpi) => kpi.status)),
    pointCounts: countStatuses(all.flatMap((kpi) => kpi.points.map((point) => point.status))),
  };
}
