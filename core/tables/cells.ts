/** Reading one cell: KPIs by official code or id, data points, numbers canonical or in the file's locale. */
import { SINGLE_POINT, findKpi, isMultiPoint, pointsOf } from '../catalogue/index.ts';
import type { Catalogue, DataPointDefinition, KpiDefinition } from '../catalogue/types.ts';
import { parseLocaleNumber } from '../numbers/index.ts';
import type { Table, TableIssue } from './table.ts';

const CANONICAL_NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** Codes are printed with and without spaces (`SC: EH: ED:1C`): compare them without. */
function codeKey(text: string): string {
  return text.replace(/\s+/g, '').toUpperCase();
}

const codeIndexes = new WeakMap<Catalogue, ReadonlyMap<string, KpiDefinition>>();

export function resolveKpi(catalogue: Catalogue, text: string): KpiDefinition | undefined {
  const byId = findKpi(catalogue, text.trim());
  if (byId) return byId;
  let index = codeIndexes.get(catalogue);
  if (!index) {
    index = new Map(catalogue.kpis.map((kpi) => [codeKey(kpi.code), kpi]));
    codeIndexes.set(catalogue, index);
  }
  return index.get(codeKey(text));
}

/** The point a cell names: empty or `_` for a single-value KPI, else the point id (any letter case). */
export function resolvePoint(kpi: KpiDefinition, text: string): DataPointDefinition | undefined {
  const wanted = text.trim();
  if (!isMultiPoint(kpi)) return wanted === '' || wanted === SINGLE_POINT ? pointsOf(kpi)[0] : undefined;
  return kpi.dataPoints.find((point) => point.id.toLowerCase() === wanted.toLowerCase());
}

export type NumberCell = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly reason: 'notANumber' | 'ambiguousNumber' };

/**
 * Canonical numbers (`1234.5`, `1e3`) always; with a locale, also what a spreadsheet in that language writes
 * (`1 234,5`). A cell both readings accept differently (`1.234` in a German file) is ambiguous, never guessed.
 */
export function readNumberCell(text: string, locale: string | null): NumberCell {
  const trimmed = text.trim();
  const canonical = CANONICAL_NUMBER.test(trimmed) ? Number(trimmed) : null;
  if (canonical !== null && !Number.isFinite(canonical)) return { ok: false, reason: 'notANumber' };
  if (locale === null) return canonical === null ? { ok: false, reason: 'notANumber' } : { ok: true, value: canonical };
  const local = parseLocaleNumber(trimmed, locale);
  if (canonical !== null) {
    const agrees = local.ok ? local.value === canonical : local.reason !== 'ambiguous';
    return agrees ? { ok: true, value: canonical } : { ok: false, reason: 'ambiguousNumber' };
  }
  if (local.ok) return local;
  return { ok: false, reason: local.reason === 'ambiguous' ? 'ambiguousNumber' : 'notANumber' };
}

export interface PointRow {
  readonly row: number;
  readonly cells: Readonly<Record<string, string>>;
  readonly kpi: KpiDefinition;
  readonly point: DataPointDefinition;
}

export interface PointRows {
  readonly rows: readonly PointRow[];
  /** Missing columns (row 1), then rows whose KPI or data point is unknown, in file order. */
  readonly issues: readonly TableIssue[];
}

/** The rows of a table whose `kpi` and `data_point` cells name a data point of the catalogue. */
export function pointRows(table: Table, catalogue: Catalogue, required: readonly string[]): PointRows {
  const missing = required.filter((column) => !table.columns.includes(column));
  if (missing.length > 0) return { rows: [], issues: missing.map((column) => ({ row: 1, column, reason: 'missingColumn' as const })) };
  const rows: PointRow[] = [];
  const issues: TableIssue[] = [];
  for (const { row, cells } of table.rows) {
    const kpiText = cells.kpi ?? '';
    const kpi = resolveKpi(catalogue, kpiText);
    const point = kpi ? resolvePoint(kpi, cells.data_point ?? '') : undefined;
    if (!kpi) issues.push({ row, column: 'kpi', reason: 'unknownKpi', value: kpiText });
    else if (!point) issues.push({ row, column: 'data_point', reason: 'unknownPoint', value: cells.data_point ?? '' });
    else rows.push({ row, cells, kpi, point });
  }
  return { rows, issues };
}

/** A second row for the same data point is an issue: which one should win is the user's call, not ours. */
export function duplicateCheck(): (row: PointRow) => TableIssue | null {
  const seen = new Set<string>();
  return (row) => {
    const key = `${row.kpi.id}:${row.point.id}`;
    if (seen.has(key)) return { row: row.row, column: 'kpi', reason: 'duplicate', value: row.cells.kpi ?? '' };
    seen.add(key);
    return null;
  };
}
