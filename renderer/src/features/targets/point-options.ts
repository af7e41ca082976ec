/** Every data point of a catalogue as one choosable entry, named as participants know it. */
import type { TFunction } from 'i18next';
import { pointsOf } from '../../../../core/catalogue/index.ts';
import type { Catalogue } from '../../../../core/catalogue/types.ts';

export interface PointOption {
  readonly id: string;
  readonly kpiId: string;
  readonly pointId: string;
  readonly label: string;
}

export function pointKey(kpiId: string, pointId: string): string {
  return `${kpiId}/${pointId}`;
}

export function pointName(kpiId: string, pointId: string, multiPoint: boolean, t: TFunction): string {
  const kpi = t(`catalogue:kpi.${kpiId}.name`);
  return multiPoint ? t('results:pointOfKpi', { kpi, point: t(`catalogue:points.${kpiId}.${pointId}`) }) : kpi;
}

export function pointOptions(catalogue: Catalogue, t: TFunction): PointOption[] {
  return catalogue.kpis.flatMap((kpi) =>
    pointsOf(kpi).map((point) => ({
      id: pointKey(kpi.id, point.id),
      kpiId: kpi.id,
      pointId: point.id,
      label: `${kpi.code} · ${pointName(kpi.id, point.id, kpi.dataPoints.length > 0, t)}`,
    })),
  );
}
