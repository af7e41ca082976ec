/** What every export takes: one current value per city, year, KPI and data point, as plain data. */

export interface ExportValue {
  readonly cityId: string | null;
  readonly cityName: string | null;
  readonly country: string | null;
  /** The assessment year. */
  readonly year: number | null;
  readonly kpiId: string;
  /** Official code as published; null for a KPI the catalogue does not know. */
  readonly kpiCode: string | null;
  readonly pointId: string;
  /** A number, a choice (`yes` / `no` / `partial`), or null when there is no value. */
  readonly value: number | string | null;
  readonly unit: string | null;
  readonly status: string | null;
  readonly quality: string | null;
  /** The year the data is from, when it differs from the assessment year. */
  readonly dataYear: number | null;
  readonly source: string | null;
  /** The verifier's verdict (U4SSC's Verified column); absent or null before any verdict. */
  readonly verified?: 'yes' | 'no' | null;
}

/** Names shown in human-facing exports (the XLSX); without them ids and codes are shown. */
export interface ExportLabels {
  readonly dimension?: (dimensionId: string) => string;
  readonly kpi?: (kpiId: string) => string;
  readonly point?: (kpiId: string, pointId: string) => string;
  readonly unit?: (unitId: string) => string;
  readonly column?: (columnId: string) => string;
}
