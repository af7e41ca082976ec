/**
 * One honest status per data point and per KPI, derived from current values only. The tree, the entry
 * form, progress boards, scores and exports all read it, so they can never disagree about what is done.
 */
import type { DataPointDefinition, KpiDefinition } from '../catalogue/types.ts';
import { computePointValue, type ComputedValue, type Denominators } from '../compute/compute-value.ts';
import { isFilled, type PointFields } from '../compute/field-readers.ts';
import { VALUE_FIELDS } from '../revisions/fields.ts';
import type { ValidationIssue } from '../validation/types.ts';
import { validatePoint, type PointContext } from '../validation/validate-point.ts';

/**
 * - `notStarted`: nothing typed yet.
 * - `inProgress`: something typed (a source, a note, half a ratio, a field in conflict) but no value yet.
 * - `reported`: a value, and no error.
 * - `reportedWithErrors`: a value or figure that breaks a hard rule (negative numerator, 150 %). It stays
 *   stored, since nothing typed is lost, but never counts as reported: scores and exports leave it out.
 * - `notReported`: the participant declared that the data does not exist (the U4SSC "NR").
 */
export const ENTRY_STATUSES = ['notStarted', 'inProgress', 'reported', 'reportedWithErrors', 'notReported'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

export interface PointStatusInput {
  /** The point's settled current values; fields in conflict are left out (see `conflictFields`). */
  readonly fields: PointFields;
  /** Fields that hold competing values from different laptops. */
  readonly conflictFields?: readonly string[];
  /** Findings about this point that involve other KPIs (core/validation crossKpiChecks). */
  readonly relatedIssues?: readonly ValidationIssue[];
}

export interface PointStatus {
  readonly status: EntryStatus;
  /** The value as computed, shown to the participant whatever its status. */
  readonly value: ComputedValue;
  /** The errors behind `reportedWithErrors`, and the warnings worth a look; each names its field. */
  readonly errors: readonly ValidationIssue[];
  readonly warnings: readonly ValidationIssue[];
  readonly conflicts: number;
}

export interface StatusContext extends PointContext {
  readonly denominators: Denominators;
}

/** Whether a value with this status may be used in scores, charts and exported totals. */
export function countsAsReported(status: EntryStatus): boolean {
  return status === 'reported';
}

function isTouched(input: PointStatusInput): boolean {
  return (input.conflictFields?.length ?? 0) > 0 || VALUE_FIELDS.some((field) => isFilled(input.fields, field));
}

export function pointStatus(
  kpi: KpiDefinition,
  point: DataPointDefinition,
  input: PointStatusInput,
  context: StatusContext,
): PointStatus {
  const value = computePointValue(point, input.fields, context.denominators);
  const issues = [...validatePoint(kpi, point, input.fields, context.denominators, context), ...(input.relatedIssues ?? [])];
  const errors = issues.filter((issue) => issue.severity === 'error');
  const warnings = issues.filter((issue) => issue.severity === 'warning');
  const conflicts = input.conflictFields?.length ?? 0;
  return { status: statusOf(input, value, errors.length > 0), value, errors, warnings, conflicts };
}

function statusOf(input: PointStatusInput, value: ComputedValue, hasErrors: boolean): EntryStatus {
  if (input.fields.status === 'notReported') return 'notReported';
  if (hasErrors) return 'reportedWithErrors';
  if (value.kind !== 'missing') return 'reported';
  return isTouched(input) ? 'inProgress' : 'notStarted';
}

export interface KpiStatus {
  readonly kpiId: string;
  readonly status: EntryStatus;
  /** One per data point, in catalogue order. */
  readonly points: readonly (PointStatus & { readonly pointId: string })[];
  /** Points whose status is `reported`, out of `totalPoints`. */
  readonly reportedPoints: number;
  readonly totalPoints: number;
  readonly errors: number;
  readonly warnings: number;
  readonly conflicts: number;
}

/**
 * A KPI is reported once every data point is either reported or declared not reported, at least one
 * reported (a "partial" KPI such as air pollution without SO2); any error makes it `reportedWithErrors`.
 */
export function combineStatuses(statuses: readonly EntryStatus[]): EntryStatus {
  if (statuses.some((status) => status === 'reportedWithErrors')) return 'reportedWithErrors';
  if (statuses.every((status) => status === 'notStarted')) return 'notStarted';
  if (statuses.every((status) => status === 'notReported')) return 'notReported';
  if (statuses.every((status) => status === 'reported' || status === 'notReported')) return 'reported';
  return 'inProgress';
}

export function kpiStatus(kpiId: string, points: readonly (PointStatus & { readonly pointId: string })[]): KpiStatus {
  const sum = (of: (point: PointStatus) => number) => points.reduce((total, point) => total + of(point), 0);
  return {
    kpiId,
    status: combineStatuses(points.map((point) => point.status)),
    points,
    reportedPoints: points.filter((point) => countsAsReported(point.status)).length,
    totalPoints: points.length,
    errors: sum((point) => point.errors.length),
    warnings: sum((point) => point.warnings.length),
    conflicts: sum((point) => point.conflicts),
  };
}
