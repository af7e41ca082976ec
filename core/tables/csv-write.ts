/**
 * CSV for spreadsheets and scripts: RFC 4180 quoting, UTF-8, dot decimals, and text cells that a spreadsheet
 * could run as a formula (starting with = + - @, tab or CR) prefixed with an apostrophe (CWE-1236). Numbers stay
 * numbers, so a negative value is still `-4`.
 */
import Papa from 'papaparse';

export type CsvCell = string | number | boolean | null;

/** Anchored at the start only: papaparse's own default misses a formula followed by a line break. */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** The text a spreadsheet shows for a cell, made inert when it could start a formula. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Numbers in canonical form: no exponent for ordinary magnitudes, never a locale's decimal comma. */
function plain(cell: CsvCell): CsvCell {
  return typeof cell === 'number' && !Number.isFinite(cell) ? null : cell;
}

export function writeCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return `${Papa.unparse(
    { fields: [...header], data: rows.map((row) => row.map(plain)) },
    { escapeFormulae: FORMULA_START, newline: '\r\n', quotes: false },
  )}\r\n`;
}
