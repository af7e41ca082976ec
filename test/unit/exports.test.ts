/** Every export read back by an independent reader (papaparse, exceljs, zod) with equal values and inert formulas. */
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { U4SSC_2017_V2 } from '../../core/catalogue/index.ts';
import {
  NOT_REPORTED_MARK,
  SDMX_COLUMNS,
  SDMX_DATAFLOW,
  VALUES_CSV_COLUMNS,
  defaultDataElementCode,
  defaultDhis2Mapping,
  dhis2DataValueSetSchema,
  parseDhis2Mapping,
  valuesToCsv,
  valuesToDhis2,
  valuesToSdmxCsv,
  valuesToXlsx,
  withVerification,
  type ExportValue,
} from '../../core/exports/index.ts';
import type { PointValueRow } from '../../core/values/index.ts';
import { edit } from '../fixtures/bundles/helpers.ts';

const ATTACKS = ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd', '=1\n2'];

function row(overrides: Partial<ExportValue>): ExportValue {
  return {
    cityId: 'c1', cityName: 'Lake Amara', country: 'KE', year: 2025, kpiId: 'EC-ICT-ICT-1C', kpiCode: 'EC: ICT: ICT: 1C', pointId: '_',
    value: 81.5, unit: 'percent', status: 'reported', quality: 'measured', dataYear: 2024, source: 'Census 2024', ...overrides,
  };
}

const values: ExportValue[] = [
  row({}),
  row({ kpiId: 'EN-EN-AQ-1C', kpiCode: 'EN: EN: AQ: 1C', pointId: 'pm25', value: 12.25, verified: 'yes', unit: 'microgramsPerM3', source: 'Station, "north"; 2024' }),
  row({ kpiId: 'EC-I-UP-2A', kpiCode: 'EC: I: UP: 2A', pointId: 'compact', value: 'partial', unit: 'yesNoPartial' }),
  row({ kpiId: 'SC-SH-SA-9C', kpiCode: 'SC: SH: SA: 9C', value: null, status: 'notReported', quality: null, dataYear: null, source: null }),
  row({ cityId: 'c2', cityName: 'بحيرة', country: 'EG', year: 2024, value: -4, source: '北京 statistics' }),
  ...ATTACKS.map((attack, index) => row({ cityId: `x${index}`, cityName: attack, source: attack, value: 1 })),
];

function parseCsv(text: string): Record<string, string>[] {
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

function shown(text: string | null): string {
  return text === null ? '' : /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

describe('CSV export', () => {
  it('reads back with papaparse: one row per city, year, KPI and data point, values equal, dot decimals', () => {
    const csv = valuesToCsv(values);
    expect(csv.startsWith(VALUES_CSV_COLUMNS.join(','))).toBe(true);
    const rows = parseCsv(csv);
    expect(rows).toHaveLength(values.length);
    for (const [index, original] of values.entries()) {
      const back = rows[index]!;
      expect(back.value).toBe(original.value === null ? '' : String(original.value));
      expect(back.kpi_id).toBe(original.kpiId);
      expect(back.data_point).toBe(original.pointId);
      expect(back.city).toBe(shown(original.cityName));
      expect(back.source).toBe(shown(original.source));
      expect(back.year).toBe(String(original.year));
      expect(back.verified).toBe(original.verified ?? '');
    }
    expect(csv).toContain('12.25');
    expect(csv).toContain(',-4,');
  });

  it('neutralises every text cell that could start a formula, a line break after it included', () => {
    const rows = parseCsv(valuesToCsv(values));
    for (const back of rows) for (const cell of [back.city!, back.source!]) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(rows.filter((back) => back.city === "'=1\n2")).toHaveLength(1);
  });
});

describe('SDMX-CSV export', () => {
  it('reads back with papaparse as observations of the documented structure', () => {
    const rows = parseCsv(valuesToSdmxCsv(values));
    expect(Object.keys(rows[0]!)).toEqual([...SDMX_COLUMNS]);
    const observed = values.filter((value) => value.value !== null);
    expect(rows).toHaveLength(observed.length);
    expect(rows[0]).toEqual({
      DATAFLOW: SDMX_DATAFLOW, REF_AREA: 'c1', TIME_PERIOD: '2025', INDICATOR: 'EC-ICT-ICT-1C', DATA_POINT: '_Z',
      OBS_VALUE: '81.5', UNIT_MEASURE: 'percent', QUALITY: 'measured', SOURCE: 'Census 2024', DATA_YEAR: '2024', VERIFIED: '',
    });
    expect(rows[1]).toMatchObject({ INDICATOR: 'EN-EN-AQ-1C', DATA_POINT: 'pm25', OBS_VALUE: '12.25', VERIFIED: 'YES', SOURCE: 'Station, "north"; 2024' });
    for (const back of rows) expect(back.SOURCE).not.toMatch(/^[=+\-@\t\r]/);
  });
});

describe('DHIS2 dataValueSets export', () => {
  const mapping = defaultDhis2Mapping(U4SSC_2017_V2);

  it('validates against the dataValueSets schema with values equal, via the default mapping from KPI codes', () => {
    const { dataValueSet, unmapped } = valuesToDhis2(values, mapping);
    const parsed = dhis2DataValueSetSchema.parse(JSON.parse(JSON.stringify(dataValueSet)));
    expect(unmapped).toEqual([]);
    expect(parsed.dataValues).toHaveLength(values.filter((value) => value.value !== null).length);
    expect(parsed.dataValues[0]).toEqual({
      dataElement: 'U4SSC_EC_ICT_ICT_1C', period: '2025', orgUnit: 'c1', categoryOptionCombo: 'default', value: '81.5', comment: 'Census 2024',
    });
    expect(parsed.dataValues[1]).toMatchObject({ dataElement: 'U4SSC_EN_EN_AQ_1C', categoryOptionCombo: 'PM25', value: '12.25' });
    expect(defaultDataElementCode('SC: EH: ED:1C')).toBe('U4SSC_SC_EH_ED_1C');
  });

  it('uses a mapping file for data elements, combos and organisation units, and reports what it cannot map', () => {
    const custom = parseDhis2Mapping({
      dataElements: [{ kpi: 'EC: ICT: ICT: 1C', dataPoint: '', dataElement: 'aBcDeFgHiJ1', categoryOptionCombo: 'HllvX50cXC0' }],
      orgUnits: { c1: 'ImspTQPwCqd' },
    });
    const { dataValueSet, unmapped } = valuesToDhis2(values.slice(0, 2), custom);
    expect(dataValueSet.dataValues).toEqual([
      { dataElement: 'aBcDeFgHiJ1', period: '2025', orgUnit: 'ImspTQPwCqd', categoryOptionCombo: 'HllvX50cXC0', value: '81.5', comment: 'Census 2024' },
    ]);
    expect(unmapped).toEqual([{ kpiId: 'EN-EN-AQ-1C', pointId: 'pm25' }]);
  });

  it('refuses a malformed mapping file with the path of the problem', () => {
    expect(() => parseDhis2Mapping({ dataElements: [{ kpi: 'x' }] })).toThrow(/dataElements\.0/);
    expect(() => parseDhis2Mapping({ dataElements: [], extra: 1 })).toThrow();
  });

  it('carries formula-like text only as JSON strings, never evaluated: comments equal the source exactly', () => {
    const { dataValueSet } = valuesToDhis2(values, mapping);
    const comments = dataValueSet.dataValues.map((value) => value.comment);
    for (const attack of ATTACKS) expect(comments).toContain(attack);
  });
});

describe('XLSX export', () => {
  async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    return workbook;
  }

  it('reads back with exceljs: one sheet per dimension, the template columns, values equal, NR when not reported', async () => {
    const workbook = await load(
      await valuesToXlsx(values, { labels: { dimension: (id) => ({ EC: 'Economy', EN: 'Environment', SC: 'Society and Culture' })[id] ?? id } }),
    );
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Economy', 'Environment', 'Society and Culture']);
    const economy = workbook.getWorksheet('Economy')!;
    expect(economy.getRow(1).values).toEqual([undefined, 'City', 'Year', 'KPI code', 'KPI', 'Data point', 'Unit', 'Result', 'Reported', 'Verified', 'Data year', 'Quality', 'Source']);
    expect(economy.getRow(2).getCell(7).value).toBe(81.5);
    expect(economy.getRow(2).getCell(3).value).toBe('EC: ICT: ICT: 1C');
    const partial = economy.getRow(3);
    expect([partial.getCell(5).value, partial.getCell(7).value]).toEqual(['compact', 'partial']);
    const society = workbook.getWorksheet('Society and Culture')!.getRow(2);
    expect([society.getCell(7).value, society.getCell(8).value]).toEqual([NOT_REPORTED_MARK, 'NO']);
    expect(workbook.getWorksheet('Environment')!.getRow(2).getCell(7).value).toBe(12.25);
    expect(workbook.getWorksheet('Environment')!.getRow(2).getCell(9).value).toBe('YES');
    expect(economy.getRow(2).getCell(9).value).toBeNull();
  });

  it('neutralises formula-like text and writes no formula at all', async () => {
    const workbook = await load(await valuesToXlsx(values));
    const cells: ExcelJS.Cell[] = [];
    workbook.eachSheet((sheet) => sheet.eachRow((sheetRow) => sheetRow.eachCell((cell) => cells.push(cell))));
    expect(cells.some((cell) => cell.type === ExcelJS.ValueType.Formula)).toBe(false);
    const texts = cells.map((cell) => cell.value).filter((value): value is string => typeof value === 'string');
    expect(texts.some((text) => /^[=+\-@\t\r]/.test(text))).toBe(false);
    // XML parsers normalise a bare carriage return to a line feed; the apostrophe in front is what matters.
    for (const attack of ATTACKS) expect(texts.some((text) => text === `'${attack}` || text === `'${attack.replace(/\r/g, '\n')}`), JSON.stringify(attack)).toBe(true);
  });
});

describe('verification status in the exports', () => {
  it("gives each value its data point's verdict, else its KPI's, and nothing where no verifier spoke or in another assessment", async () => {
    const rowOf = (assessmentId: string, kpiId: string, pointId: string) => ({ ...row({ kpiId, pointId }), assessmentId, valueKind: 'direct', conflicts: [] }) as PointValueRow;
    const rows = [
      rowOf('a1', 'EN-EN-AQ-1C', 'pm25'),
      rowOf('a1', 'EN-EN-AQ-1C', 'pm10'),
      rowOf('a1', 'EC-ICT-ICT-1C', '_'),
      rowOf('a2', 'EN-EN-AQ-1C', 'pm25'),
    ];
    const revisions = [
      await edit('verifier', 'review:a1:EN-EN-AQ-1C', { verified: 'yes' }, 1_000),
      await edit('verifier', 'review:a1:EN-EN-AQ-1C:pm10', { verified: 'no' }, 1_100),
    ];
    expect(withVerification(rows, revisions).map((value) => value.verified)).toEqual(['yes', 'no', null, null]);
    const sdmx = parseCsv(valuesToSdmxCsv(withVerification(rows, revisions)));
    expect(sdmx.map((observation) => observation.VERIFIED)).toEqual(['YES', 'NO', '', '']);
  });
});
