/** citykpi import-table, score and export: in process through the same dispatch, once as a real process. */
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PointValueRow } from '../../core/values/index.ts';
import { dhis2DataValueSetSchema } from '../../core/exports/index.ts';
import type { AssessmentScore } from '../../core/scoring/index.ts';
import { type CliResult, ERROR_LINE, runCli, spawnCli } from './support/run-cli.ts';

let dir: string;
const cli = (...args: string[]): Promise<CliResult> => runCli(dir, args);
const write = (name: string, text: string) => writeFileSync(join(dir, name), text);

const EDUCATION_TABLE = [
  'kpi,data_point,value,year,source,quality,note',
  'SC: EH: ED: 1C,,20,2024,Ministry,measured,',
  'SC: EH: ED: 2C,,80,2024,Ministry,measured,',
  'SC: EH: ED: 3C,,100,2024,"=HYPERLINK(""http://x"")",measured,',
  'SC: EH: ED: 4C,,10,2024,Census,2,',
  'EN-EN-AQ-1C,pm25,12.5,2024,Station,,',
].join('\n');

const TARGETS = [
  'kpi,data_point,target,direction,source',
  'SC-EH-ED-1C,,100,higher,office',
  'SC-EH-ED-2C,,100,higher,office',
  'SC-EH-ED-3C,,100,higher,office',
  'SC-EH-ED-4C,,100,higher,office',
  'EN-EN-AQ-1C,pm25,5,lower,WHO 2021',
].join('\n');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'citykpi-results-'));
  expect((await cli('keygen', '--out', 'office')).code).toBe(0);
  write('education.csv', EDUCATION_TABLE);
  write('targets.csv', TARGETS);
  const made = await cli('import-table', 'education.csv', '--city', 'Lake Amara', '--country', 'ke', '--year', '2025', '--out', 'edu.citykpi', '--identity', 'office.key');
  expect(made.code, made.stderr).toBe(0);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('citykpi import-table', () => {
  it('writes a bundle signed by the office key whose values are the table rows', async () => {
    const result = await cli('values', 'edu.citykpi', '--identity', 'office.key', '--json');
    expect(result.code, result.stderr).toBe(0);
    const rows = JSON.parse(result.stdout) as PointValueRow[];
    expect(rows.map((row) => [row.kpiId, row.pointId, row.value, row.dataYear])).toEqual([
      ['EN-EN-AQ-1C', 'pm25', 12.5, 2024],
      ['SC-EH-ED-1C', '_', 20, 2024],
      ['SC-EH-ED-2C', '_', 80, 2024],
      ['SC-EH-ED-3C', '_', 100, 2024],
      ['SC-EH-ED-4C', '_', 10, 2024],
    ]);
    expect(rows[0]).toMatchObject({ cityName: 'Lake Amara', country: 'KE', year: 2025, valueKind: 'direct' });
    expect(rows.find((row) => row.kpiId === 'SC-EH-ED-4C')?.quality).toBe('surveyExtrapolated');
  });

  it('refuses a table with a bad row whole, naming row, column and reason on one line, and writes nothing', async () => {
    write('bad.csv', `${EDUCATION_TABLE}\nSC: EH: ED: 1C,,lots,2024,,,\nNOPE,,1,,,,`);
    const result = await spawnCli(dir, ['import-table', 'bad.csv', '--city', 'X', '--country', 'KE', '--year', '2025', '--out', 'bad.citykpi']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(ERROR_LINE);
    expect(result.stderr).toBe('citykpi: E_TABLE: bad.csv: row 7, column value: notANumber ("lots"); 1 more row(s) with problems\n');
    expect(() => readFileSync(join(dir, 'bad.citykpi'))).toThrow();
  }, 60_000);

  it('checks its options as usage errors', async () => {
    const noCountry = await cli('import-table', 'education.csv', '--city', 'X', '--country', 'Kenya', '--year', '2025', '--out', 'x.citykpi');
    expect(noCountry.code).toBe(2);
    expect(noCountry.stderr).toMatch(/^citykpi: E_USAGE: --country/);
    expect((await cli('import-table', 'education.csv', '--city', 'X', '--country', 'KE', '--year', '25', '--out', 'x.citykpi')).code).toBe(2);
    expect((await cli('import-table', 'education.csv', '--city', 'X', '--country', 'KE', '--year', '2025', '--out', 'edu.citykpi')).stderr).toMatch(/E_EXISTS/);
  });
});

describe('citykpi score', () => {
  it('reproduces the published worked case for the imported education values, and a lower-is-better point', async () => {
    const result = await cli('score', 'edu.citykpi', '--identity', 'office.key', '--targets', 'targets.csv', '--json');
    expect(result.code, result.stderr).toBe(0);
    const [score] = JSON.parse(result.stdout) as AssessmentScore[];
    expect(score?.report?.verification).toBe('selfAssessment');
    expect(score?.report?.categories.find((c) => c.id === 'SC-EH-ED')).toMatchObject({ points: 9, maxPoints: 16, share: 0.5625, band: 2 });
    expect(score?.report?.points.find((p) => p.kpiId === 'EN-EN-AQ-1C' && p.pointId === 'pm25')).toMatchObject({ achievement: 0.4, points: 2 });
  });

  it('prints a table with the rule, the label and every scored point with its target source', async () => {
    const result = await cli('score', 'edu.citykpi', '--identity', 'office.key', '--targets', 'targets.csv');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Lake Amara (KE) 2025: self-assessment, not verified; targets: targets.csv');
    expect(result.stdout).toContain('rule: achievement = value/target');
    expect(result.stdout).toMatch(/^category\tSC-EH-ED\t9\t16\t56\.25 %\t2\t0$/m);
    expect(result.stdout).toMatch(/^EN: EN: AQ: 1C\tpm25\t12\.5\t5\tlower\t40 %\t2\t\tWHO 2021$/m);
  });

  it('refuses a bad target file at its first bad row, and a bundle from a device that is not enrolled', async () => {
    write('bad-targets.csv', `${TARGETS}\nSC-EH-ED-1C,,100,up`);
    const bad = await cli('score', 'edu.citykpi', '--identity', 'office.key', '--targets', 'bad-targets.csv');
    expect([bad.code, bad.stderr]).toEqual([1, 'citykpi: E_TARGETS: bad-targets.csv: row 7, column direction: badDirection ("up")\n']);
    const made = await cli('import-table', 'education.csv', '--city', 'Y', '--country', 'KE', '--year', '2025', '--out', 'stranger.citykpi');
    expect(made.code, made.stderr).toBe(0);
    const stranger = await cli('score', 'stranger.citykpi', '--targets', 'targets.csv');
    expect(stranger.code).toBe(1);
    expect(stranger.stderr).toMatch(/^citykpi: E_UNKNOWN_SIGNER: /);
    expect((await cli('score', 'stranger.citykpi', '--targets', 'targets.csv', '--allow-unknown')).code).toBe(0);
  });
});

describe('citykpi export', () => {
  const exportTo = (format: string, out: string, ...extra: string[]) => cli('export', 'edu.citykpi', '--identity', 'office.key', '--format', format, '--out', out, ...extra);

  it('writes CSV that papaparse reads back with equal values and an inert formula', async () => {
    expect((await exportTo('csv', 'out.csv')).code).toBe(0);
    const rows = Papa.parse<Record<string, string>>(readFileSync(join(dir, 'out.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
    expect(rows.map((row) => [row.kpi_code, row.data_point, row.value])).toEqual([
      ['EN: EN: AQ: 1C', 'pm25', '12.5'],
      ['SC: EH: ED: 1C', '_', '20'],
      ['SC: EH: ED: 2C', '_', '80'],
      ['SC: EH: ED: 3C', '_', '100'],
      ['SC: EH: ED: 4C', '_', '10'],
    ]);
    expect(rows[3]?.source).toBe('\'=HYPERLINK("http://x")');
  });

  it('writes SDMX-CSV and DHIS2 JSON that read back equal', async () => {
    expect((await exportTo('sdmx-csv', 'out.sdmx.csv')).code).toBe(0);
    const sdmx = Papa.parse<Record<string, string>>(readFileSync(join(dir, 'out.sdmx.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
    expect(sdmx.map((row) => [row.INDICATOR, row.DATA_POINT, row.OBS_VALUE, row.TIME_PERIOD])).toContainEqual(['SC-EH-ED-2C', '_Z', '80', '2025']);
    expect((await exportTo('dhis2-json', 'out.json')).code).toBe(0);
    const dhis2 = dhis2DataValueSetSchema.parse(JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')));
    expect(dhis2.dataValues).toContainEqual(expect.objectContaining({ dataElement: 'U4SSC_SC_EH_ED_2C', categoryOptionCombo: 'default', value: '80', period: '2025' }));
  });

  it('writes an XLSX with one sheet per dimension, named in the chosen language', async () => {
    expect((await exportTo('xlsx', 'out.xlsx', '--lang', 'fr')).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(join(dir, 'out.xlsx')) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Environnement', 'Société et culture']);
    const society = workbook.worksheets[1]!;
    expect(society.getRow(1).getCell(1).value).toBe('Ville');
    expect(society.getRow(3).getCell(7).value).toBe(80);
    expect(society.getRow(4).getCell(12).value).toBe('\'=HYPERLINK("http://x")');
  });

  it('refuses an unknown format, a bad mapping file and an existing output', async () => {
    expect((await exportTo('pdf', 'x.pdf')).code).toBe(2);
    write('mapping.json', '{"dataElements":[{"kpi":"SC-EH-ED-1C"}]}');
    const mapping = await exportTo('dhis2-json', 'm.json', '--mapping', 'mapping.json');
    expect(mapping.code).toBe(1);
    expect(mapping.stderr).toMatch(/^citykpi: E_MAPPING: mapping\.json: dataElements\.0/);
    expect((await exportTo('csv', 'out.csv')).stderr).toMatch(/E_EXISTS/);
  });
});
