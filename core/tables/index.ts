export { MAX_CELL_LENGTH, MAX_TABLE_ROWS, TableError, parseCsvTable, tableFromRows, type Table, type TableIssue, type TableIssueReason, type TableRow } from './table.ts';
export { duplicateCheck, pointRows, readNumberCell, resolveKpi, resolvePoint, type NumberCell, type PointRow, type PointRows } from './cells.ts';
export { FORMULA_START, neutraliseFormula, writeCsv, type CsvCell } from './csv-write.ts';
export { cellText, readXlsxTable } from './xlsx-read.ts';
export { VALUE_COLUMNS, VALUE_OPTIONAL_COLUMNS, previewValueImport, type ProposedValue, type ValueImportPreview } from './value-import.ts';
export { tableAssessmentRevisions, type TableAssessment } from './table-assessment.ts';
