/**
 * SDMX-CSV (version 1.0 layout: a DATAFLOW column, the dimensions, OBS_VALUE, then attributes) for the data
 * structure documented in docs/results.md: dimensions REF_AREA (city id), TIME_PERIOD (assessment year),
 * INDICATOR (KPI id), DATA_POINT (point id, `_Z` for a single-value KPI); attributes UNIT_MEASURE, QUALITY,
 * SOURCE, DATA_YEAR and VERIFIED (YES or NO, the verifier's verdict). Only points with a value are observations.
 */
import { SINGLE_POINT } from '../catalogue/types.ts';
import { writeCsv } from '../tables/csv-write.ts';
import type { ExportValue } from './types.ts';

export const SDMX_DATAFLOW = 'CITYKPI:U4SSC_KPI(1.0)';
/** SDMX's code for "not applicable", used where a KPI has no data-point split. */
export const SDMX_NOT_APPLICABLE = '_Z';
export const SDMX_COLUMNS = [
  'DATAFLOW', 'REF_AREA', 'TIME_PERIOD', 'INDICATOR', 'DATA_POINT', 'OBS_VALUE', 'UNIT_MEASURE', 'QUALITY', 'SOURCE', 'DATA_YEAR', 'VERIFIED',
] as const;

/** SDMX ids allow letters, digits, `_`, `@`, `$` and `-`; anything else becomes `_`. */
export function sdmxId(text: string): string {
  return text.replace(/[^A-Za-z0-9_@$-]/g, '_');
}

export function valuesToSdmxCsv(values: readonly ExportValue[]): string {
  const observations = values.filter((row) => row.value !== null && row.cityId !== null && row.year !== null);
  return writeCsv(
    SDMX_COLUMNS,
    observations.map((row) => [
      SDMX_DATAFLOW,
      sdmxId(row.cityId!),
      row.year,
      sdmxId(row.kpiId),
      row.pointId === SINGLE_POINT ? SDMX_NOT_APPLICABLE : sdmxId(row.pointId),
      row.value,
      row.unit,
      row.quality,
      row.source,
      row.dataYear,
      row.verified === undefined || row.verified === null ? null : row.verified.toUpperCase(),
    ]),
  );
}
