import { findKpi, findPoint } from '../../../../core/catalogue/index.ts';
import type { Catalogue } from '../../../../core/catalogue/types.ts';
import { computePointValue, type Denominators } from '../../../../core/compute/index.ts';
import { crossKpiChecks, valueKey, type CrossKpiIssue } from '../../../../core/validation/index.ts';
import type { ValueView } from '../../data/types.ts';
import { plainFields } from './field-values.ts';

/** The numeric current value of every data point of the assessment, keyed as core/validation expects. */
function currentNumbers(catalogue: Catalogue, values: ReadonlyMap<string, ValueView>, denominators: Denominators): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const view of values.values()) {
    const kpi = findKpi(catalogue, view.kpiId);
    const point = kpi && findPoint(kpi, view.pointId);
    if (!point) continue;
    const computed = computePointValue(point, plainFields(view), denominators);
    if (computed.kind === 'computed' || computed.kind === 'override' || computed.kind === 'direct') {
      numbers.set(valueKey(view.kpiId, view.pointId), computed.value);
    }
  }
  return numbers;
}

export function crossKpiIssuesOf(
  catalogue: Catalogue,
  values: ReadonlyMap<string, ValueView>,
  denominators: Denominators,
): readonly CrossKpiIssue[] {
  return crossKpiChecks(currentNumbers(catalogue, values, denominators), undefined, catalogue);
}
