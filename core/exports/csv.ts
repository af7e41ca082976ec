/** The plain CSV export: UTF-8, dot decimals, one row per city, year, KPI and data point. */
import { writeCsv } from '../tables/csv-write.ts';
import type { ExportValue } from './types.ts';

export const VALUES_CSV_COLUMNS = [
  'city_id', 'city', 'country', 'year', 'kpi_code', 'kpi_id', 'data_point', 'value', 'unit', 'status', 'quality', 'data_year', 'source', 'verified',
] as const;

export function valuesToCsv(values: readonly ExportValue[]): string {
  return writeCsv(
    VALUES_CSV_COLUMNS,
    values.map((row) => [
      row.cityId, row.cityName, row.country, row.year, row.kpiCode, row.kpiId, row.pointId,
      row.value, row.unit, row.status, row.quality, row.dataYear, row.source, row.verified ?? null,
    ]),
  );
}
