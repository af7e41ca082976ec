/**
 * A spreadsheet of existing values (`kpi,data_point,value,year,source,quality,note`) as a preview: each good row a
 * proposed set of field changes for one data point, each bad row one issue. Nothing is written here; the app
 * writes the good rows as revisions by the importing user once they confirm.
 */
import type { Catalogue, DataPointDefinition } from '../catalogue/types.ts';
import { QUALITY_LEVELS } from '../revisions/fields.ts';
import type { FieldMap } from '../revisions/types.ts';
import { duplicateCheck, pointRows, readNumberCell } from './cells.ts';
import type { Table, TableIssue } from './table.ts';

export const VALUE_COLUMNS = ['kpi', 'data_point', 'value'] as const;
export const VALUE_OPTIONAL_COLUMNS = ['year', 'source', 'quality', 'note'] as const;

/** "NR", as the U4SSC template writes it, marks a point not reported. */
const NOT_REPORTED = new Set(['nr', 'n/r', 'not reported']);
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

export interface ProposedValue {
  readonly row: number;
  readonly kpiId: string;
  readonly pointId: string;
  /** Value fields to write on `value:<assessment>:<kpiId>:<pointId>`. */
  readonly fields: FieldMap;
}

export interface ValueImportPreview {
  readonly values: readonly ProposedValue[];
  readonly issues: readonly TableIssue[];
}

type CellResult = { readonly fields: FieldMap } | { readonly issue: Omit<TableIssue, 'row'> };

function valueFields(point: DataPointDefinition, text: string, locale: string | null): CellResult {
  if (text === '') return { issue: { column: 'value', reason: 'missingValue' } };
  if (NOT_REPORTED.has(text.toLowerCase())) return { fields: { status: 'notReported' } };
  const { computation } = point;
  if (computation.kind === 'choice') {
    const choice = computation.options.find((option) => option === text.toLowerCase());
    return choice ? { fields: { choice, status: 'reported' } } : { issue: { column: 'value', reason: 'notAChoice', value: text } };
  }
  const number = readNumberCell(text, locale);
  if (!number.ok) return { issue: { column: 'value', reason: number.reason, value: text } };
  const range = point.hardRange;
  if ((range?.min !== undefined && number.value < range.min) || (range?.max !== undefined && number.value > range.max)) {
    return { issue: { column: 'value', reason: 'outOfRange', value: text } };
  }
  return { fields: { directValue: number.value, status: 'reported' } };
}

function yearField(text: string): CellResult {
  if (text === '') return { fields: {} };
  const year = Number(text);
  if (!/^\d{4}$/.test(text) || year < MIN_YEAR || year > MAX_YEAR) return { issue: { column: 'year', reason: 'badYear', value: text } };
  return { fields: { dataYear: year } };
}

/** A quality level by id (`measured`) or by its rank in the U4SSC template, 1 (best) to 6. */
function qualityField(text: string): CellResult {
  if (text === '') return { fields: {} };
  const byId = QUALITY_LEVELS.find((level) => level.toLowerCase() === text.toLowerCase());
  const byRank = /^[1-6]$/.test(text) ? QUALITY_LEVELS[Number(text) - 1] : undefined;
  const quality = byId ?? byRank;
  return quality ? { fields: { quality } } : { issue: { column: 'quality', reason: 'badQuality', value: text } };
}

function textFields(cells: Readonly<Record<string, string>>): FieldMap {
  const fields: Record<string, string> = {};
  for (const column of ['source', 'note'] as const) if (cells[column]) fields[column] = cells[column];
  return fields;
}

export function previewValueImport(table: Table, catalogue: Catalogue, locale: string | null = null): ValueImportPreview {
  const { rows, issues: unresolved } = pointRows(table, catalogue, VALUE_COLUMNS);
  const values: ProposedValue[] = [];
  const issues: TableIssue[] = [...unresolved];
  const duplicate = duplicateCheck();
  for (const resolved of rows) {
    const { row, cells, kpi, point } = resolved;
    const cell = (column: string) => cells[column] ?? '';
    const parts = [valueFields(point, cell('value'), locale), yearField(cell('year')), qualityField(cell('quality'))];
    const failed = parts.find((part): part is { issue: Omit<TableIssue, 'row'> } => 'issue' in part);
    const issue = failed ? { row, ...failed.issue } : duplicate(resolved);
    if (issue) {
      issues.push(issue);
      continue;
    }
    const fields = Object.assign({}, ...parts.map((part) => ('fields' in part ? part.fields : {})), textFields(cells)) as FieldMap;
    values.push({ row, kpiId: kpi.id, pointId: point.id, fields });
  }
  return { values, issues: issues.sort((a, b) => a.row - b.row) };
}
