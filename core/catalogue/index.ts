/** Catalogue registry and the lookups the tree, validation, bundles and the CLI share. */
import { U4SSC_2017, U4SSC_2017_ID, U4SSC_2017_UNITS } from './u4ssc-2017.ts';
import { U4SSC_2017_V2, U4SSC_2017_V2_CORRECTIONS, U4SSC_2017_V2_ID, U4SSC_2017_V2_UNITS } from './u4ssc-2017-v2.ts';
import {
  SINGLE_POINT,
  type Catalogue,
  type CategoryDefinition,
  type DataPointDefinition,
  type DimensionId,
  type Direction,
  type KpiDefinition,
  type SubdimensionId,
} from './types.ts';

export type * from './types.ts';
export { DIRECTIONS } from './types.ts';
export type { KpiCorrection } from './u4ssc-2017-v2.ts';
export { SINGLE_POINT, U4SSC_2017, U4SSC_2017_ID, U4SSC_2017_UNITS };
export { U4SSC_2017_V2, U4SSC_2017_V2_CORRECTIONS, U4SSC_2017_V2_ID, U4SSC_2017_V2_UNITS };

/** The catalogue new assessments use: the latest version. */
export const DEFAULT_CATALOGUE_ID = U4SSC_2017_V2_ID;

/** Every version, oldest first: an assessment keeps the version it was made with until it is migrated. */
export const CATALOGUES: readonly Catalogue[] = [U4SSC_2017, U4SSC_2017_V2];

export function getCatalogue(catalogueId: string): Catalogue | undefined {
  return CATALOGUES.find((catalogue) => catalogue.id === catalogueId);
}

const kpiIndexes = new WeakMap<Catalogue, ReadonlyMap<string, KpiDefinition>>();

/** KPIs by id, built once per catalogue. */
export function kpiIndex(catalogue: Catalogue): ReadonlyMap<string, KpiDefinition> {
  let index = kpiIndexes.get(catalogue);
  if (!index) {
    index = new Map(catalogue.kpis.map((kpi) => [kpi.id, kpi]));
    kpiIndexes.set(catalogue, index);
  }
  return index;
}

export function findKpi(catalogue: Catalogue, kpiId: string): KpiDefinition | undefined {
  return kpiIndex(catalogue).get(kpiId);
}

export function isMultiPoint(kpi: KpiDefinition): boolean {
  return kpi.dataPoints.length > 0;
}

/** The data points to enter: the KPI's own, or one `SINGLE_POINT` carrying the KPI's unit, computation and ranges. */
export function pointsOf(kpi: KpiDefinition): readonly DataPointDefinition[] {
  if (isMultiPoint(kpi)) return kpi.dataPoints;
  return [singlePointOf(kpi)];
}

const singlePoints = new WeakMap<KpiDefinition, DataPointDefinition>();

function singlePointOf(kpi: KpiDefinition): DataPointDefinition {
  let point = singlePoints.get(kpi);
  if (!point) {
    point = {
      id: SINGLE_POINT,
      unit: kpi.unit,
      computation: kpi.computation,
      ...(kpi.hardRange ? { hardRange: kpi.hardRange } : {}),
      ...(kpi.plausibleRange ? { plausibleRange: kpi.plausibleRange } : {}),
    };
    singlePoints.set(kpi, point);
  }
  return point;
}

/** Which values of a data point are better: the point's own direction where it has one, else its KPI's. */
export function directionOf(kpi: KpiDefinition, point: DataPointDefinition): Direction {
  return point.direction ?? kpi.direction;
}

export function findPoint(kpi: KpiDefinition, pointId: string): DataPointDefinition | undefined {
  return pointsOf(kpi).find((point) => point.id === pointId);
}

/** The i18next key of a data point's name, or null for the single point (which is named by its KPI). */
export function pointNameKey(kpiId: string, pointId: string): string | null {
  return pointId === SINGLE_POINT ? null : `points.${kpiId}.${pointId}`;
}

export function subdimensionsOf(catalogue: Catalogue, dimensionId: DimensionId): readonly SubdimensionId[] {
  return catalogue.subdimensions.filter((sub) => sub.dimension === dimensionId).map((sub) => sub.id);
}

export function categoriesOf(catalogue: Catalogue, subdimensionId: SubdimensionId): readonly CategoryDefinition[] {
  return catalogue.categories.filter((category) => category.subdimension === subdimensionId);
}

export function findCategory(catalogue: Catalogue, categoryId: string): CategoryDefinition | undefined {
  return catalogue.categories.find((category) => category.id === categoryId);
}

export function kpisInCategory(catalogue: Catalogue, categoryId: string): readonly KpiDefinition[] {
  return catalogue.kpis.filter((kpi) => kpi.category === categoryId);
}

export function kpisInSubdimension(catalogue: Catalogue, subdimensionId: SubdimensionId): readonly KpiDefinition[] {
  return catalogue.kpis.filter((kpi) => kpi.subdimension === subdimensionId);
}

export function kpisInDimension(catalogue: Catalogue, dimensionId: DimensionId): readonly KpiDefinition[] {
  return catalogue.kpis.filter((kpi) => kpi.dimension === dimensionId);
}

/** Every unit id a catalogue uses, KPI-level and data-point level, in first-use order. */
export function unitsOf(catalogue: Catalogue): readonly string[] {
  const units = new Set<string>();
  for (const kpi of catalogue.kpis) {
    units.add(kpi.unit);
    for (const point of kpi.dataPoints) units.add(point.unit);
  }
  return [...units];
}
