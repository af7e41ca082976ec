/**
 * The first worksheet of an XLSX file as a table. exceljs is loaded only when a workbook is read (it is large);
 * in the renderer the bundler picks its browser build, in Node its own.
 */
import { MAX_CELL_LENGTH, MAX_TABLE_ROWS, TableError, tableFromRows, type Table } from './table.ts';

type CellValue = unknown;

/** The text a cell shows: numbers canonical, formulas by their cached result, rich text joined, dates as ISO days. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const object = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: unknown };
    if (Array.isArray(object.richText)) return object.richText.map((run) => run.text).join('');
    if ('result' in object) return cellText(object.result);
    if (typeof object.text === 'string') return object.text;
  }
  return '';
}

export async function readXlsxTable(bytes: Uint8Array): Promise<Table> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new TableError('unreadableFile', error instanceof Error ? error.message : 'not an XLSX workbook');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.rowCount === 0) throw new TableError('emptyFile', 'the workbook has no rows');
  if (sheet.rowCount > MAX_TABLE_ROWS + 1) throw new TableError('tooLong', `more than ${MAX_TABLE_ROWS} rows`);
  const raw: string[][] = [];
  for (let rowNumber = 1; rowNumber <= sheet.rowCount; rowNumber++) {
    const row = sheet.getRow(rowNumber);
    const cells: string[] = [];
    for (let column = 1; column <= row.cellCount; column++) {
      const text = cellText(row.getCell(column).value);
      if (text.length > MAX_CELL_LENGTH) throw new TableError('tooLong', `a cell is longer than ${MAX_CELL_LENGTH} characters`);
      cells.push(text);
    }
    raw.push(cells);
  }
  return tableFromRows(raw);
}
