/**
 * How far an assessment got with each KPI, derived from the current values: the tree's counts, status
 * filter and department filter all read this one definition.
 */
import type { DataPointDefinition, KpiDefinition } from '../../../../core/catalogue/types.ts';
import { pointsOf } from '../../../../core/catalogue/index.ts';
import { computePointValue } from '../../../../core/compute/index.ts';
import { formatRecordId } from '../../../../core/revisions/record-id.ts';
import { VALUE_STATUSES, type ValueStatus } from '../../../../core/revisions/fields.ts';
import type { ValueView } from '../../data/types.ts';
import { plainFields } from '../entry/field-values.ts';

export type KpiStatus = ValueStatus | 'empty';
export const KPI_STATUSES: readonly KpiStatus[] = [...VALUE_STATUSES, 'empty'];

export interface SharedDenominators {
  readonly population: number | null;
  readonly households: number | null;
}

export interface KpiProgress {
  readonly status: KpiStatus;
  readonly reportedPoints: number;
  readonly totalPoints: number;
  readonly departments: readonly string[];
  /** Fields of the KPI's points where different devices wrote different values. */
  readonly conflicts: number;
}

function isValueStatus(value: unknown): value is ValueStatus {
  return typeof value === 'string' && (VALUE_STATUSES as readonly string[]).includes(value);
}

function isTouched(view: ValueView | undefined): boolean {
  if (!view) return false;
  return Object.values(view.fields).some(
    (state) => state.conflict || (state.current.value !== null && state.current.value !== ''),
  );
}

/**
 * A participant's explicit status wins; otherwise a point with a value counts as reported and a point
 * with only notes or sources as not reported, the U4SSC template's default ("NR").
 */
export function pointStatus(point: DataPointDefinition, view: ValueView | undefined, shared: SharedDenominators): KpiStatus {
  const fields = plainFields(view);
  if (isValueStatus(fields.status)) return fields.status;
  if (computePointValue(point, fields, shared).kind !== 'missing') return 'reported';
  return isTouched(view) ? 'notReported' : 'empty';
}

function combine(statuses: readonly KpiStatus[]): KpiStatus {
  if (statuses.every((status) => status === 'empty')) return 'empty';
  if (statuses.every((status) => status === 'reported')) return 'reported';
  if (statuses.some((status) => status === 'reported' || status === 'partial')) return 'partial';
  return 'notReported';
}

export function kpiProgress(
  kpi: KpiDefinition,
  assessmentId: string,
  values: ReadonlyMap<string, ValueView>,
  shared: SharedDenominators,
): KpiProgress {
  const statuses: KpiStatus[] = [];
  const departments = new Set<string>();
  let conflicts = 0;
  for (const point of pointsOf(kpi)) {
    const view = values.get(formatRecordId({ kind: 'kpiValue', assessmentId, kpiId: kpi.id, pointId: point.id }));
    statuses.push(pointStatus(point, view, shared));
    conflicts += Object.values(view?.fields ?? {}).filter((state) => state.conflict).length;
    const department = plainFields(view).department;
    if (typeof department === 'string' && department.trim() !== '') departments.add(department.trim());
  }
  return {
    status: combine(statuses),
    reportedPoints: statuses.filter((status) => status === 'reported').length,
    totalPoints: statuses.length,
    departments: [...departments],
    conflicts,
  };
}
