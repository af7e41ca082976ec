/** A CSV or XLSX file picked through the Bridge, read into core's plain table. */
import type { TFunction } from 'i18next';
import { TableError, parseCsvTable, readXlsxTable, type Table, type TableIssue } from '../../../../core/tables/index.ts';
import { describeError } from '../sync/describe-error.ts';
import { pick } from '../sync/files.ts';

/** Spreadsheets of a few thousand rows are far below this; anything larger is not one of ours. */
const MAX_TABLE_BYTES = 32 * 1024 * 1024;

export interface PickedTable {
  readonly name: string;
  readonly table: Table;
}

export async function readTableFile(name: string, bytes: Uint8Array): Promise<Table> {
  if (name.toLowerCase().endsWith('.xlsx')) return readXlsxTable(bytes);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new TableError('unreadableFile', 'the file is not UTF-8 text');
  }
  return parseCsvTable(text);
}

/** null when the user cancels; throws TableError or a Bridge error. */
export async function pickTable(filterName: string, extensions: readonly string[]): Promise<PickedTable | null> {
  const picked = await pick([{ name: filterName, extensions }], MAX_TABLE_BYTES);
  return picked ? { name: picked.name, table: await readTableFile(picked.name, picked.bytes) } : null;
}

/** One translated sentence for a failure to read a table at all. */
export function describeTableError(error: unknown, t: TFunction): string {
  return error instanceof TableError ? t(`tables:reason.${error.reason}`) : describeError(error, t);
}

/** One translated sentence per bad row: where it is and what is wrong. */
export function describeIssue(issue: TableIssue, t: TFunction): string {
  const reason = t(`tables:reason.${issue.reason}`, { value: issue.value ?? '' });
  return issue.column === null
    ? t('tables:issue.row', { row: issue.row, reason })
    : t('tables:issue.cell', { row: issue.row, column: issue.column, reason });
}
