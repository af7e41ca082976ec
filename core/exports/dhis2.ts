/**
 * DHIS2 `dataValueSets` JSON. A mapping file says which DHIS2 data element and category option combo each KPI data
 * point is, and which organisation unit each city is; without one, a default generated from the KPI codes is used
 * (import it with the CODE id scheme). The mapping is checked with zod, so a bad file is refused, not half-used.
 */
import { z } from '../zod.ts';
import { SINGLE_POINT, type Catalogue } from '../catalogue/types.ts';
import { pointsOf } from '../catalogue/index.ts';
import type { ExportValue } from './types.ts';

const ID = z.string().min(1).max(200);

export const dhis2MappingSchema = z.strictObject({
  /** Data points by KPI id (or official code) and point id (`_` for a single-value KPI). */
  dataElements: z.array(
    z.strictObject({ kpi: ID, dataPoint: z.string().max(200), dataElement: ID, categoryOptionCombo: ID }),
  ).max(10_000),
  /** City id → organisation unit; a city not listed is exported under its own id. */
  orgUnits: z.record(ID, ID).optional(),
});
export type Dhis2Mapping = z.infer<typeof dhis2MappingSchema>;

export const dhis2DataValueSchema = z.strictObject({
  dataElement: ID,
  period: z.string().regex(/^\d{4}$/),
  orgUnit: ID,
  categoryOptionCombo: ID,
  value: z.string(),
  comment: z.string().optional(),
});
export const dhis2DataValueSetSchema = z.strictObject({ dataValues: z.array(dhis2DataValueSchema) });
export type Dhis2DataValueSet = z.infer<typeof dhis2DataValueSetSchema>;

/** DHIS2's own code for the category option combo of an element without disaggregation. */
export const DHIS2_DEFAULT_COMBO = 'default';

/** `EC: ICT: ICT: 1C` → `U4SSC_EC_ICT_ICT_1C`: the default data element code of a KPI. */
export function defaultDataElementCode(kpiCode: string): string {
  return `U4SSC_${kpiCode.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_|_$/g, '').toUpperCase()}`;
}

/** One entry per data point of the catalogue: data element from the KPI code, the point id as its combo. */
export function defaultDhis2Mapping(catalogue: Catalogue): Dhis2Mapping {
  return {
    dataElements: catalogue.kpis.flatMap((kpi) =>
      pointsOf(kpi).map((point) => ({
        kpi: kpi.id,
        dataPoint: point.id,
        dataElement: defaultDataElementCode(kpi.code),
        categoryOptionCombo: point.id === SINGLE_POINT ? DHIS2_DEFAULT_COMBO : point.id.toUpperCase(),
      })),
    ),
  };
}

export class Dhis2MappingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Dhis2MappingError';
  }
}

export function parseDhis2Mapping(json: unknown): Dhis2Mapping {
  const parsed = dhis2MappingSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Dhis2MappingError(`${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

export interface Dhis2Export {
  readonly dataValueSet: Dhis2DataValueSet;
  /** Values left out because the mapping has no entry for their KPI and point. */
  readonly unmapped: readonly { readonly kpiId: string; readonly pointId: string }[];
}

function pointKey(kpi: string, point: string): string {
  return `${kpi}\u0000${point === '' ? SINGLE_POINT : point}`;
}

export function valuesToDhis2(values: readonly ExportValue[], mapping: Dhis2Mapping): Dhis2Export {
  const entries = new Map<string, Dhis2Mapping['dataElements'][number]>();
  for (const entry of mapping.dataElements) entries.set(pointKey(entry.kpi, entry.dataPoint), entry);
  const dataValues: Dhis2DataValueSet['dataValues'] = [];
  const unmapped: { kpiId: string; pointId: string }[] = [];
  for (const row of values) {
    if (row.value === null || row.cityId === null || row.year === null) continue;
    const entry = entries.get(pointKey(row.kpiId, row.pointId)) ?? (row.kpiCode ? entries.get(pointKey(row.kpiCode, row.pointId)) : undefined);
    if (!entry) {
      unmapped.push({ kpiId: row.kpiId, pointId: row.pointId });
      continue;
    }
    dataValues.push({
      dataElement: entry.dataElement,
      period: String(row.year),
      orgUnit: mapping.orgUnits?.[row.cityId] ?? row.cityId,
      categoryOptionCombo: entry.categoryOptionCombo,
      value: String(row.value),
      ...(row.source ? { comment: row.source } : {}),
    });
  }
  return { dataValueSet: { dataValues }, unmapped };
}
