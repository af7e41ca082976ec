/**
 * Spreadsheets as plain tables: a header row of lower-case column names, then rows of text cells with their row
 * number in the file (the header is row 1), so every problem can be reported where the user will look for it.
 */
import Papa from 'papaparse';

export interface TableRow {
  /** 1-based row number in the file or sheet; the header is row 1. */
  readonly row: number;
  readonly cells: Readonly<Record<string, string>>;
}

export interface Table {
  readonly columns: readonly string[];
  readonly rows: readonly TableRow[];
}

/** Why a table or one of its rows cannot be used; each has a translation at `tables:reason.<code>`. */
export type TableIssueReason =
  | 'emptyFile'
  | 'unreadableFile'
  | 'missingColumn'
  | 'unknownKpi'
  | 'unknownPoint'
  | 'missingValue'
  | 'notANumber'
  | 'ambiguousNumber'
  | 'outOfRange'
  | 'notAChoice'
  | 'badYear'
  | 'badQuality'
  | 'badDirection'
  | 'duplicate'
  | 'tooLong';

export interface TableIssue {
  readonly row: number;
  /** The column at fault; null when the whole row or file is. */
  readonly column: string | null;
  readonly reason: TableIssueReason;
  /** The offending cell as read, for the message. */
  readonly value?: string;
}

/** Larger tables are refused rather than read: 91 KPIs × a few points × many cities and years stays far below. */
export const MAX_TABLE_ROWS = 100_000;
export const MAX_CELL_LENGTH = 10_000;

export class TableError extends Error {
  constructor(
    readonly reason: 'emptyFile' | 'unreadableFile' | 'tooLong',
    message: string,
  ) {
    super(message);
    this.name = 'TableError';
  }
}

function columnName(header: string): string {
  return header.trim().toLowerCase().replace(/\s+/g, '_');
}

/** Builds a table from raw rows (first one the header), dropping rows that are entirely empty. */
export function tableFromRows(raw: readonly (readonly string[])[]): Table {
  const [header, ...body] = raw;
  if (!header || header.every((cell) => cell.trim() === '')) throw new TableError('emptyFile', 'the table has no header row');
  if (body.length > MAX_TABLE_ROWS) throw new TableError('tooLong', `more than ${MAX_TABLE_ROWS} rows`);
  const columns = header.map(columnName);
  const rows: TableRow[] = [];
  for (const [index, cells] of body.entries()) {
    if (cells.every((cell) => cell.trim() === '')) continue;
    const named: Record<string, string> = {};
    for (const [position, column] of columns.entries()) {
      if (column !== '' && !(column in named)) named[column] = (cells[position] ?? '').trim();
    }
    rows.push({ row: index + 2, cells: named });
  }
  return { columns, rows };
}

/** CSV as spreadsheets write it: comma, semicolon or tab separated (detected), UTF-8 with or without a BOM. */
export function parseCsvTable(text: string): Table {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy', delimitersToGuess: [',', ';', '\t'] });
  const fatal = parsed.errors.find((error) => error.type === 'Quotes');
  if (fatal) throw new TableError('unreadableFile', `row ${(fatal.row ?? 0) + 1}: ${fatal.message}`);
  for (const cells of parsed.data) {
    if (cells.some((cell) => cell.length > MAX_CELL_LENGTH)) throw new TableError('tooLong', `a cell is longer than ${MAX_CELL_LENGTH} characters`);
  }
  return tableFromRows(parsed.data);
}
