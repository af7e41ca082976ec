/**
 * An XLSX workbook laid out like the U4SSC Data Collection Template: one sheet per dimension, one row per data
 * point with its code, name, unit, result ("NR" when not reported, as the template writes it), reported YES/NO,
 * data year, quality and source, preceded by the city and the assessment year so several cities fit one file.
 * Text that a spreadsheet could run as a formula is prefixed with an apostrophe, as in the CSV exports.
 * exceljs is loaded only when a workbook is written.
 */
import { SINGLE_POINT } from '../catalogue/types.ts';
import { neutraliseFormula } from '../tables/csv-write.ts';
import type { ExportLabels, ExportValue } from './types.ts';

export const XLSX_COLUMNS = ['city', 'year', 'code', 'kpi', 'dataPoint', 'unit', 'result', 'reported', 'verified', 'dataYear', 'quality', 'source'] as const;
export type XlsxColumn = (typeof XLSX_COLUMNS)[number];

/** The template's mark for a value that is not reported. */
export const NOT_REPORTED_MARK = 'NR';

const DEFAULT_HEADERS: Record<XlsxColumn, string> = {
  city: 'City',
  year: 'Year',
  code: 'KPI code',
  kpi: 'KPI',
  dataPoint: 'Data point',
  unit: 'Unit',
  result: 'Result',
  reported: 'Reported',
  verified: 'Verified',
  dataYear: 'Data year',
  quality: 'Quality',
  source: 'Source',
};

export interface XlsxOptions {
  readonly labels?: ExportLabels;
  /** Sheets read right to left (Arabic). */
  readonly rightToLeft?: boolean;
}

function text(value: string | null): string | null {
  return value === null ? null : neutraliseFormula(value);
}

/** Excel refuses sheet names over 31 characters or with any of : \ / ? * [ ]. */
function sheetName(name: string, taken: ReadonlySet<string>): string {
  const base = name.replace(/[:\\/?*[\]]/g, ' ').trim().slice(0, 31) || 'Sheet';
  let candidate = base;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${base.slice(0, 28)} ${n}`;
  return candidate;
}

function dimensionOf(row: ExportValue): string {
  return row.kpiId.split('-')[0] ?? row.kpiId;
}

function rowCells(row: ExportValue, labels: ExportLabels): (string | number | null)[] {
  const reported = row.value !== null && row.status !== 'notReported';
  return [
    text(row.cityName ?? row.cityId),
    row.year,
    row.kpiCode ?? row.kpiId,
    text(labels.kpi?.(row.kpiId) ?? row.kpiId),
    row.pointId === SINGLE_POINT ? null : text(labels.point?.(row.kpiId, row.pointId) ?? row.pointId),
    row.unit === null ? null : text(labels.unit?.(row.unit) ?? row.unit),
    reported ? (typeof row.value === 'string' ? text(row.value) : row.value) : NOT_REPORTED_MARK,
    reported ? 'YES' : 'NO',
    row.verified === undefined || row.verified === null ? null : row.verified.toUpperCase(),
    row.dataYear,
    text(row.quality),
    text(row.source),
  ];
}

export async function valuesToXlsx(values: readonly ExportValue[], options: XlsxOptions = {}): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const labels = options.labels ?? {};
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'CityKPI';
  const byDimension = new Map<string, ExportValue[]>();
  for (const row of values) {
    const list = byDimension.get(dimensionOf(row)) ?? [];
    list.push(row);
    byDimension.set(dimensionOf(row), list);
  }
  const taken = new Set<string>();
  for (const [dimension, rows] of byDimension) {
    const name = sheetName(labels.dimension?.(dimension) ?? dimension, taken);
    taken.add(name.toLowerCase());
    const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1, rightToLeft: options.rightToLeft ?? false }] });
    sheet.columns = XLSX_COLUMNS.map((column) => ({ header: labels.column?.(column) ?? DEFAULT_HEADERS[column], key: column, width: column === 'kpi' || column === 'source' ? 40 : 14 }));
    sheet.getRow(1).font = { bold: true };
    for (const row of rows) sheet.addRow(rowCells(row, labels));
  }
  if (byDimension.size === 0) workbook.addWorksheet('Values').addRow(XLSX_COLUMNS.map((column) => labels.column?.(column) ?? DEFAULT_HEADERS[column]));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
