/** How a data point's value reads in the snapshot and the report: locale numbers, translated choices. */
import type { TFunction } from 'i18next';
import type { FormatNumber } from '../../i18n/index.ts';
import type { PointRow } from './snapshot-model.ts';

export function formatPointValue(row: PointRow, t: TFunction, format: FormatNumber): string {
  if (!row.reported) return t('results:value.notReported');
  const { value } = row;
  switch (value.kind) {
    case 'choice':
      return t(`catalogue:choices.${value.value}`);
    case 'missing':
      return t('results:value.notReported');
    default:
      return format(value.value, { maximumFractionDigits: 2 });
  }
}

/** The point's own name for multi-point KPIs, else the KPI's name. */
export function pointLabel(row: PointRow, t: TFunction): string {
  const kpi = t(`catalogue:kpi.${row.kpi.id}.name`);
  if (row.kpi.dataPoints.length === 0) return kpi;
  return t('results:pointOfKpi', { kpi, point: t(`catalogue:points.${row.kpi.id}.${row.point.id}`) });
}
