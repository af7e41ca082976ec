import { pointsOf } from '../../../../core/catalogue/index.ts';
import type { Catalogue } from '../../../../core/catalogue/types.ts';
import { valueRecordId } from '../../data/index.ts';
import type { ValueView } from '../../data/types.ts';
import { plainFields } from '../entry/field-values.ts';

/** The departments named on each KPI's data points, for the department filter. */
export function departmentsByKpi(
  catalogue: Catalogue,
  assessmentId: string,
  values: ReadonlyMap<string, ValueView>,
): ReadonlyMap<string, readonly string[]> {
  const byKpi = new Map<string, readonly string[]>();
  for (const kpi of catalogue.kpis) {
    const names = new Set<string>();
    for (const point of pointsOf(kpi)) {
      const department = plainFields(values.get(valueRecordId(assessmentId, kpi.id, point.id))).department;
      if (typeof department === 'string' && department.trim() !== '') names.add(department.trim());
    }
    if (names.size > 0) byKpi.set(kpi.id, [...names]);
  }
  return byKpi;
}
