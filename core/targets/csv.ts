/**
 * Target sets as CSV: `kpi,data_point,target,direction` and optional `source` and `note` columns. KPIs by official
 * code or id; the data point empty (or `_`) for a single-value KPI; an empty direction takes the catalogue's.
 */
import { directionOf, pointsOf } from '../catalogue/index.ts';
import { DIRECTIONS, SINGLE_POINT, type Catalogue, type Direction } from '../catalogue/types.ts';
import { CHOICE_VALUES } from '../scoring/achievement.ts';
import { duplicateCheck, pointRows, readNumberCell } from '../tables/cells.ts';
import { writeCsv } from '../tables/csv-write.ts';
import type { Table, TableIssue } from '../tables/table.ts';
import type { Target, TargetSet } from './types.ts';

export const TARGET_COLUMNS = ['kpi', 'data_point', 'target', 'direction'] as const;
export const TARGET_OPTIONAL_COLUMNS = ['source', 'note'] as const;

export interface TargetTableResult {
  readonly targets: readonly Target[];
  readonly issues: readonly TableIssue[];
}

function readTarget(text: string, locale: string | null): { ok: true; value: number } | { ok: false; reason: 'notANumber' | 'ambiguousNumber' } {
  const choice = CHOICE_VALUES[text.trim().toLowerCase()];
  return choice === undefined ? readNumberCell(text, locale) : { ok: true, value: choice };
}

/** Every good row becomes a target; every bad row one issue (the first thing wrong with it). */
export function targetsFromTable(table: Table, catalogue: Catalogue, locale: string | null = null): TargetTableResult {
  const { rows, issues: unresolved } = pointRows(table, catalogue, TARGET_COLUMNS);
  const targets: Target[] = [];
  const issues: TableIssue[] = [...unresolved];
  const duplicate = duplicateCheck();
  for (const resolved of rows) {
    const { row, cells, kpi, point } = resolved;
    const cell = (column: string) => cells[column] ?? '';
    if (cell('target') === '') {
      issues.push({ row, column: 'target', reason: 'missingValue' });
      continue;
    }
    const target = readTarget(cell('target'), locale);
    if (!target.ok) {
      issues.push({ row, column: 'target', reason: target.reason, value: cell('target') });
      continue;
    }
    const directionText = cell('direction').toLowerCase();
    if (directionText !== '' && !(DIRECTIONS as readonly string[]).includes(directionText)) {
      issues.push({ row, column: 'direction', reason: 'badDirection', value: cell('direction') });
      continue;
    }
    const repeated = duplicate(resolved);
    if (repeated) {
      issues.push(repeated);
      continue;
    }
    const source = cell('source');
    const note = cell('note');
    targets.push({
      kpiId: kpi.id,
      pointId: point.id,
      target: target.value,
      direction: directionText === '' ? directionOf(kpi, point) : (directionText as Direction),
      ...(source ? { source } : {}),
      ...(note ? { note } : {}),
    });
  }
  return { targets, issues: issues.sort((a, b) => a.row - b.row) };
}

/** One row per target in catalogue order (unknown KPIs last), KPIs by official code; reads back with targetsFromTable. */
export function targetSetToCsv(set: TargetSet, catalogue: Catalogue): string {
  const order = new Map(catalogue.kpis.flatMap((kpi) => pointsOf(kpi).map((point) => `${kpi.id}:${point.id}`)).map((key, index) => [key, index]));
  const codes = new Map(catalogue.kpis.map((kpi) => [kpi.id, kpi.code]));
  const position = (target: Target) => order.get(`${target.kpiId}:${target.pointId}`) ?? Infinity;
  const sorted = [...set.targets].sort((a, b) => position(a) - position(b));
  return writeCsv(
    [...TARGET_COLUMNS, ...TARGET_OPTIONAL_COLUMNS],
    sorted.map((target) => [
      codes.get(target.kpiId) ?? target.kpiId,
      target.pointId === SINGLE_POINT ? '' : target.pointId,
      target.target,
      target.direction,
      target.source ?? '',
      target.note ?? '',
    ]),
  );
}
