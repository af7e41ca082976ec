/** Spreadsheet import: target sets from CSV and back, and values from CSV or XLSX as a preview with one issue per bad row. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { SINGLE_POINT, U4SSC_2017_V2 } from '../../core/catalogue/index.ts';
import { parseCsvTable, previewValueImport, readNumberCell, readXlsxTable, TableError } from '../../core/tables/index.ts';
import { EXAMPLE_TARGET_SET, targetSetToCsv, targetsFromTable } from '../../core/targets/index.ts';

describe('target set CSV', () => {
  it('round-trips the example set through CSV', () => {
    const csv = targetSetToCsv(EXAMPLE_TARGET_SET, U4SSC_2017_V2);
    expect(csv.split('\r\n')[0]).toBe('kpi,data_point,target,direction,source,note');
    const { targets, issues } = targetsFromTable(parseCsvTable(csv), U4SSC_2017_V2);
    expect(issues).toEqual([]);
    const byKpi = (a: { kpiId: string }, b: { kpiId: string }) => (a.kpiId < b.kpiId ? -1 : 1);
    expect([...targets].sort(byKpi)).toEqual([...EXAMPLE_TARGET_SET.targets].sort(byKpi));
  });

  it('accepts codes with or without spaces, ids, point ids in any case, an empty direction from the catalogue', () => {
    const csv = [
      'KPI,Data Point,Target,Direction,Source',
      'SC:EH:H:2C,,70,,SDG 3.1',
      'EN-EN-AQ-1C,PM25,5,lower,WHO 2021',
      'EC: I: UP: 2A,compact,yes,,',
    ].join('\n');
    const { targets, issues } = targetsFromTable(parseCsvTable(csv), U4SSC_2017_V2);
    expect(issues).toEqual([]);
    expect(targets).toEqual([
      { kpiId: 'SC-EH-H-2C', pointId: SINGLE_POINT, target: 70, direction: 'lower', source: 'SDG 3.1' },
      { kpiId: 'EN-EN-AQ-1C', pointId: 'pm25', target: 5, direction: 'lower', source: 'WHO 2021' },
      { kpiId: 'EC-I-UP-2A', pointId: 'compact', target: 1, direction: 'higher' },
    ]);
  });

  it('reports one issue per bad row with its row number, column and reason, and keeps the good rows', () => {
    const csv = [
      'kpi,data_point,target,direction',
      'XX: 1,,5,higher',
      'EN-EN-AQ-1C,pm1,5,lower',
      'EN-EN-AQ-1C,,5,lower',
      'SC-EH-H-2C,,seventy,lower',
      'SC-EH-H-2C,,70,down',
      'SC-EH-H-2C,,,lower',
      'SC-EH-H-2C,,70,lower',
      'SC-EH-H-2C,,60,lower',
    ].join('\n');
    const { targets, issues } = targetsFromTable(parseCsvTable(csv), U4SSC_2017_V2);
    expect(issues).toEqual([
      { row: 2, column: 'kpi', reason: 'unknownKpi', value: 'XX: 1' },
      { row: 3, column: 'data_point', reason: 'unknownPoint', value: 'pm1' },
      { row: 4, column: 'data_point', reason: 'unknownPoint', value: '' },
      { row: 5, column: 'target', reason: 'notANumber', value: 'seventy' },
      { row: 6, column: 'direction', reason: 'badDirection', value: 'down' },
      { row: 7, column: 'target', reason: 'missingValue' },
      { row: 9, column: 'kpi', reason: 'duplicate', value: 'SC-EH-H-2C' },
    ]);
    expect(targets).toHaveLength(1);
  });

  it('writes targets in catalogue order, data points included, whatever order the set holds them in', () => {
    const set = {
      ...EXAMPLE_TARGET_SET,
      targets: [
        { kpiId: 'EN-EN-AQ-1C', pointId: 'no2', target: 10, direction: 'lower' as const },
        { kpiId: 'EC-ICT-ICT-1C', pointId: SINGLE_POINT, target: 90, direction: 'higher' as const },
        { kpiId: 'EN-EN-AQ-1C', pointId: 'pm10', target: 15, direction: 'lower' as const },
      ],
    };
    const rows = targetSetToCsv(set, U4SSC_2017_V2).trim().split('\r\n').slice(1).map((line) => line.split(',').slice(0, 2).join(' '));
    expect(rows).toEqual(['EC: ICT: ICT: 1C ', 'EN: EN: AQ: 1C pm10', 'EN: EN: AQ: 1C no2']);
  });

  it('names every missing column', () => {
    expect(targetsFromTable(parseCsvTable('kpi,target\nx,1'), U4SSC_2017_V2).issues).toEqual([
      { row: 1, column: 'data_point', reason: 'missingColumn' },
      { row: 1, column: 'direction', reason: 'missingColumn' },
    ]);
  });
});

describe('numbers in a file', () => {
  it('reads canonical numbers always and the file locale when given, refusing what the two read differently', () => {
    expect(readNumberCell('1234.5', null)).toEqual({ ok: true, value: 1234.5 });
    expect(readNumberCell('1 234,5', 'fr')).toEqual({ ok: true, value: 1234.5 });
    expect(readNumberCell('1,5', 'de')).toEqual({ ok: true, value: 1.5 });
    expect(readNumberCell('1.234', 'de')).toEqual({ ok: false, reason: 'ambiguousNumber' });
    expect(readNumberCell('1,5', null)).toEqual({ ok: false, reason: 'notANumber' });
    expect(readNumberCell('12.5', 'en')).toEqual({ ok: true, value: 12.5 });
  });
});

const GOOD_AND_BAD = [
  'kpi,data_point,value,year,source,quality,note',
  'EC: ICT: ICT: 1C,,"81,5",2024,Census,measured,',
  'EN-EN-AQ-1C,pm25,12.3,2024,Station,2,annual mean',
  'EC-I-UP-2A,compact,Partial,2023,Plan,,',
  'SC-SH-SA-9C,,NR,,,,no data yet',
  'EC-ICT-ICT-2C,,140,2024,,,',
  'EC-ICT-ICT-3C,,12..5,2024,,,',
  'EC-I-UP-2A,connected,maybe,2024,,,',
  'EC-ICT-ICT-5C,,3,24,,,',
  'EC-ICT-ICT-5C,,3,2024,,best,',
  'NOPE,,3,2024,,,',
  'EC: ICT: ICT: 1C,,80,2024,,,',
  'EC-ICT-ICT-4C,5g,80,2024,,,',
].join('\n');

describe('value import preview', () => {
  it('turns good rows into proposed field changes and each bad row into one issue', () => {
    const { values, issues } = previewValueImport(parseCsvTable(GOOD_AND_BAD), U4SSC_2017_V2, 'fr');
    expect(values).toEqual([
      { row: 2, kpiId: 'EC-ICT-ICT-1C', pointId: '_', fields: { directValue: 81.5, status: 'reported', dataYear: 2024, quality: 'measured', source: 'Census' } },
      { row: 3, kpiId: 'EN-EN-AQ-1C', pointId: 'pm25', fields: { directValue: 12.3, status: 'reported', dataYear: 2024, quality: 'surveyExtrapolated', source: 'Station', note: 'annual mean' } },
      { row: 4, kpiId: 'EC-I-UP-2A', pointId: 'compact', fields: { choice: 'partial', status: 'reported', dataYear: 2023, source: 'Plan' } },
      { row: 5, kpiId: 'SC-SH-SA-9C', pointId: '_', fields: { status: 'notReported', note: 'no data yet' } },
    ]);
    expect(issues).toEqual([
      { row: 6, column: 'value', reason: 'outOfRange', value: '140' },
      { row: 7, column: 'value', reason: 'notANumber', value: '12..5' },
      { row: 8, column: 'value', reason: 'notAChoice', value: 'maybe' },
      { row: 9, column: 'year', reason: 'badYear', value: '24' },
      { row: 10, column: 'quality', reason: 'badQuality', value: 'best' },
      { row: 11, column: 'kpi', reason: 'unknownKpi', value: 'NOPE' },
      { row: 12, column: 'kpi', reason: 'duplicate', value: 'EC: ICT: ICT: 1C' },
      { row: 13, column: 'data_point', reason: 'unknownPoint', value: '5g' },
    ]);
  });

  it('reads semicolon-separated CSV with a BOM, as spreadsheets in many locales save it', () => {
    const { values, issues } = previewValueImport(parseCsvTable('\uFEFFkpi;data_point;value\nEC-ICT-ICT-1C;;81,5\n'), U4SSC_2017_V2, 'de');
    expect(issues).toEqual([]);
    expect(values[0]?.fields).toEqual({ directValue: 81.5, status: 'reported' });
  });

  it('reads an XLSX workbook: numbers as numbers, row numbers as the sheet shows them', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('values');
    sheet.addRow(['kpi', 'data_point', 'value', 'year', 'source']);
    sheet.addRow(['EC: ICT: ICT: 1C', null, 81.5, 2024, { richText: [{ text: 'Cen' }, { text: 'sus' }] }]);
    sheet.addRow([]);
    sheet.addRow(['EN-EN-AQ-1C', 'pm25', 'lots', 2024, null]);
    const table = await readXlsxTable(new Uint8Array(await workbook.xlsx.writeBuffer()));
    const { values, issues } = previewValueImport(table, U4SSC_2017_V2);
    expect(values).toEqual([{ row: 2, kpiId: 'EC-ICT-ICT-1C', pointId: '_', fields: { directValue: 81.5, status: 'reported', dataYear: 2024, source: 'Census' } }]);
    expect(issues).toEqual([{ row: 4, column: 'value', reason: 'notANumber', value: 'lots' }]);
  });

  it('refuses a file that is not a workbook, or empty, as a whole', async () => {
    await expect(readXlsxTable(new TextEncoder().encode('not a zip'))).rejects.toBeInstanceOf(TableError);
    expect(() => parseCsvTable('')).toThrow(TableError);
    expect(() => parseCsvTable('kpi,value\n"unterminated')).toThrow(TableError);
  });
});
