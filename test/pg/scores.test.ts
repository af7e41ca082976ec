/**
 * Target sets and scores as SQL views: the office database scores every assessment against every target
 * set it holds exactly as `citykpi score` (core/scoring) does, point by point and area by area, with the
 * band edges, lower-is-better and target-value rules, and the values the app leaves out.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeBundle } from '../../core/bundle/index.ts';
import { U4SSC_2017_V2_ID } from '../../core/catalogue/u4ssc-2017-v2.ts';
import { formatHlc } from '../../core/revisions/hlc.ts';
import { formatRecordId } from '../../core/revisions/record-id.ts';
import { createRevision } from '../../core/revisions/revision-id.ts';
import type { FieldMap, Revision } from '../../core/revisions/types.ts';
import type { AreaScore, AssessmentScore, PointScore } from '../../core/scoring/index.ts';
import { deleteTargetSetChange, targetSetChanges, type Target, type TargetSet } from '../../core/targets/index.ts';
import { signerFromSeed } from '../fixtures/bundles/helpers.ts';
import { cli, errorCode, freshDatabase, query, scratch } from './support/office.ts';

let url: string;
const work = scratch();
const laptops = ['laptop1.citykpi', 'laptop2.citykpi'];
const ASSESSMENT = 'edge-assessment';

const target = (kpiId: string, pointId: string, value: number, direction: Target['direction']): Target => ({ kpiId, pointId, target: value, direction });

/** Targets for the edge assessment's points and for several of the demo's (whose catalogue is the older one). */
const OFFICE_SET: TargetSet = {
  id: 'office-2030',
  name: 'Office targets 2030',
  source: 'Central office',
  catalogueId: U4SSC_2017_V2_ID,
  example: false,
  targets: [
    target('EC-ICT-WS-1C', '_', 100, 'higher'),
    target('EC-ICT-ES-1C', '_', 100, 'higher'),
    target('EC-ICT-T-1C', '_', 100, 'higher'),
    target('EC-ICT-T-2C', '_', 100, 'higher'),
    target('EC-ICT-T-3A', '_', 100, 'higher'),
    target('EC-ICT-D-1A', '_', 100, 'higher'),
    target('EC-ICT-ES-2A', '_', 100, 'higher'),
    target('EC-ICT-ES-3A', '_', 100, 'higher'),
    target('EC-ICT-ICT-1C', '_', 80, 'higher'),
    target('EC-I-UP-2A', 'compact', 1, 'higher'),
    target('EC-I-UP-2A', 'connected', 1, 'higher'),
    target('EC-I-T-8A', '_', 50, 'higher'),
    target('EC-P-EM-1C', '_', 5, 'lower'),
    target('EC-P-EM-2C', '_', 5, 'lower'),
    target('SC-SH-SI-1C', '_', 1, 'target'),
    target('SC-SH-SI-2C', '_', 0.3, 'lower'),
    target('EN-EN-AQ-1C', 'pm25', 0, 'lower'),
    target('EN-EN-AQ-1C', 'pm10', 20, 'target'),
    target('SC-SH-SA-5A', '_', 10, 'target'),
    target('EC-I-ES-2C', '_', 60, 'lower'),
    target('SC-SH-SA-6C', '_', 200, 'higher'),
    target('EC-ICT-ICT-3C', '_', 100_000, 'higher'),
    target('EN-EN-AQ-1C', 'no2', 40, 'lower'),
  ],
};
const SECOND_SET: TargetSet = { ...OFFICE_SET, id: 'city-own', name: 'The city’s own', targets: [target('EC-ICT-WS-1C', '_', 30, 'higher')] };
const DELETED_SET: TargetSet = { ...OFFICE_SET, id: 'withdrawn', name: 'Withdrawn', targets: [target('EC-ICT-WS-1C', '_', 50, 'higher')] };

/** Values that meet every band edge, every direction and every rule that leaves a value out. */
const EDGE_VALUES: [string, string, FieldMap][] = [
  ['EC-ICT-WS-1C', '_', { numerator: 33, denominator: 100 }],
  ['EC-ICT-ES-1C', '_', { numerator: 66, denominator: 100 }],
  ['EC-ICT-T-1C', '_', { numerator: 95, denominator: 100 }],
  ['EC-ICT-T-2C', '_', { numerator: 120, denominator: 100 }],
  ['EC-ICT-T-3A', '_', { numerator: -5, denominator: 100 }],
  ['EC-ICT-D-1A', '_', { directValue: 150 }],
  ['EC-ICT-ES-2A', '_', { numerator: 50, denominator: 100, dataYear: 2100 }],
  ['EC-ICT-ES-3A', '_', { numerator: 50, denominator: 100, dataYear: 1920 }],
  ['EC-ICT-ICT-1C', '_', { numerator: 300 }],
  ['EC-ICT-ICT-2C', '_', { numerator: 100 }],
  ['EC-I-UP-2A', 'compact', { choice: 'partial' }],
  ['EC-I-UP-2A', 'connected', { choice: 'yes' }],
  ['EC-I-T-8A', '_', { numerator: 5, denominator: 10, status: 'notReported' }],
  ['EC-P-EM-1C', '_', { numerator: 10, denominator: 100 }],
  ['EC-P-EM-2C', '_', { numerator: 4, denominator: 100 }],
  ['SC-SH-SI-1C', '_', { numerator: 0.8, denominator: 1 }],
  ['SC-SH-SI-2C', '_', { directValue: 0.3 }],
  ['EN-EN-AQ-1C', 'pm25', { directValue: 10 }],
  ['EN-EN-AQ-1C', 'pm10', { directValue: 20 }],
  ['SC-SH-SA-5A', '_', { directValue: 0 }],
];

async function signedBundle(seed: number, build: (deviceId: string, write: (recordId: string, fields: FieldMap, parents?: string[]) => Promise<Revision>) => Promise<void>): Promise<Uint8Array> {
  const device = await signerFromSeed(seed);
  let wall = Date.UTC(2026, 0, 10);
  const revisions: Revision[] = [];
  const write = async (recordId: string, fields: FieldMap, parents: string[] = []) => {
    const revision = await createRevision({ recordId, fields, author: 'Office analyst', deviceId: device.id, hlc: formatHlc({ wallMs: (wall += 1000), counter: 0, deviceId: device.id }), parents });
    revisions.push(revision);
    return revision;
  };
  await build(device.id, write);
  return encodeBundle({ revisions: revisions.sort((a, b) => (a.id < b.id ? -1 : 1)), device, encryption: { kind: 'none' } });
}

function edgeBundle(): Promise<Uint8Array> {
  return signedBundle(60, async (_device, write) => {
    await write(formatRecordId({ kind: 'city', cityId: 'edge-city' }), { name: 'Edge', country: 'Testland', population: 1000, households: 400 });
    await write(formatRecordId({ kind: 'assessment', assessmentId: ASSESSMENT }), { cityId: 'edge-city', year: 2025, catalogueId: U4SSC_2017_V2_ID, title: 'Edges' });
    for (const [kpiId, pointId, fields] of EDGE_VALUES) await write(formatRecordId({ kind: 'kpiValue', assessmentId: ASSESSMENT, kpiId, pointId }), fields);
  });
}

function targetSetBundle(): Promise<Uint8Array> {
  return signedBundle(61, async (_device, write) => {
    const heads = new Map<string, string>();
    for (const set of [OFFICE_SET, SECOND_SET, DELETED_SET]) {
      for (const change of targetSetChanges(null, set)) heads.set(change.recordId, (await write(change.recordId, change.fields)).id);
    }
    const deletion = deleteTargetSetChange(DELETED_SET.id);
    await write(deletion.recordId, deletion.fields, [heads.get(deletion.recordId)!]);
  });
}

beforeAll(async () => {
  url = await freshDatabase();
  expect((await cli(work.dir, 'db', 'migrate', '--postgres', url)).code).toBe(0);
  expect((await cli(work.dir, 'keygen', '--out', 'office')).code).toBe(0);
  for (const [index, file] of laptops.entries()) {
    expect((await cli(work.dir, 'demo', '--out', file, '--seed', String(index + 1), '--to', 'office.pub')).code).toBe(0);
  }
  writeFileSync(join(work.dir, 'edge.citykpi'), await edgeBundle());
  writeFileSync(join(work.dir, 'targets.citykpi'), await targetSetBundle());
  const ingest = await cli(work.dir, 'ingest', '--postgres', url, '--identity', 'office.key', '--allow-unknown', ...laptops, 'edge.citykpi', 'targets.citykpi');
  expect(ingest).toMatchObject({ code: 0, stderr: '' });
});
afterAll(() => work.remove());

async function scoresFromCli(targetSetId: string): Promise<AssessmentScore[]> {
  const result = await cli(work.dir, 'score', '--postgres', url, '--target-set', targetSetId, '--json');
  expect(result).toMatchObject({ code: 0, stderr: '' });
  return JSON.parse(result.stdout) as AssessmentScore[];
}

function pointRow(point: PointScore) {
  return {
    kpiId: point.kpiId,
    pointId: point.pointId,
    value: point.value,
    target: point.target?.target ?? null,
    direction: point.direction,
    achievement: point.achievement,
    points: point.points,
    excluded: point.excluded,
  };
}

function areaRow(area: AreaScore) {
  const { level, id, points, maxPoints, scoredPoints, excludedPoints, share, band } = area;
  return { level, id, points, maxPoints, scoredPoints, excludedPoints, share, band };
}

type ViewPoint = ReturnType<typeof pointRow> & { assessmentId: string; targetSetId: string };
type ViewArea = ReturnType<typeof areaRow> & { assessmentId: string; targetSetId: string };

/** Each view read once: every read derives the current state of the whole database again. */
let pointRows: Promise<ViewPoint[]> | undefined;
let areaRows: Promise<ViewArea[]> | undefined;

async function viewPoints(assessmentId: string, targetSetId: string) {
  pointRows ??= query<ViewPoint>(
    url,
    `SELECT assessment_id AS "assessmentId", target_set_id AS "targetSetId", kpi_id AS "kpiId", point_id AS "pointId", value, target, direction,
            achievement, points, excluded
     FROM point_scores ORDER BY assessment_id, target_set_id, position`,
  );
  return (await pointRows)
    .filter((row) => row.assessmentId === assessmentId && row.targetSetId === targetSetId)
    .map(({ assessmentId: _assessment, targetSetId: _set, ...row }) => row);
}

async function viewAreas(assessmentId: string, targetSetId: string) {
  areaRows ??= query<ViewArea>(
    url,
    `SELECT assessment_id AS "assessmentId", target_set_id AS "targetSetId", level, area_id AS id, points, max_points AS "maxPoints",
            scored_points AS "scoredPoints", excluded_points AS "excludedPoints", share, band
     FROM area_scores`,
  );
  return (await areaRows)
    .filter((row) => row.assessmentId === assessmentId && row.targetSetId === targetSetId)
    .map(({ assessmentId: _assessment, targetSetId: _set, ...row }) => row);
}

const byArea = (a: { level: string; id: string }, b: { level: string; id: string }) => (`${a.level} ${a.id}` < `${b.level} ${b.id}` ? -1 : 1);

describe('scores as SQL views', () => {
  it('lists the target sets the revisions hold, without the deleted one', async () => {
    expect(await query(url, 'SELECT target_set_id, name, source, catalogue_id, example FROM target_sets ORDER BY target_set_id')).toEqual([
      { target_set_id: 'city-own', name: SECOND_SET.name, source: 'Central office', catalogue_id: U4SSC_2017_V2_ID, example: false },
      { target_set_id: 'office-2030', name: OFFICE_SET.name, source: 'Central office', catalogue_id: U4SSC_2017_V2_ID, example: false },
    ]);
    const targets = await query<{ kpi_id: string; point_id: string; target: number; direction: string }>(
      url,
      "SELECT kpi_id, point_id, target, direction FROM targets WHERE target_set_id = 'office-2030' ORDER BY kpi_id, point_id",
    );
    expect(targets).toHaveLength(OFFICE_SET.targets.length);
    expect(targets).toContainEqual({ kpi_id: 'SC-SH-SI-1C', point_id: '_', target: 1, direction: 'target' });
  });

  it('scores every data point as citykpi score does, for every assessment and target set', async () => {
    for (const set of [OFFICE_SET, SECOND_SET]) {
      const scores = await scoresFromCli(set.id);
      expect(scores.length).toBe(2);
      for (const score of scores) {
        expect(score.report).not.toBeNull();
        expect(await viewPoints(score.assessmentId, set.id)).toEqual(score.report!.points.map(pointRow));
      }
    }
    expect(await query(url, "SELECT count(*)::int AS n FROM point_scores WHERE target_set_id = 'withdrawn'")).toEqual([{ n: 0 }]);
  });

  it('meets the band edges, both directions other than higher, and every reason to leave a value out', async () => {
    const rows = await query<{ kpi_id: string; point_id: string; achievement: number | null; points: number | null; excluded: string | null }>(
      url,
      "SELECT kpi_id, point_id, achievement, points, excluded FROM point_scores WHERE target_set_id = 'office-2030' AND (assessment_id = $1 OR excluded = 'unitMismatch')",
      [ASSESSMENT],
    );
    const at = (kpiId: string, pointId = '_') => rows.find((row) => row.kpi_id === kpiId && row.point_id === pointId);
    expect([at('EC-ICT-WS-1C')?.points, at('EC-ICT-ES-1C')?.points, at('EC-ICT-T-1C')?.points]).toEqual([2, 3, 4]);
    expect(at('EC-P-EM-1C')).toMatchObject({ achievement: 0.5, points: 2 });
    expect(at('EC-P-EM-2C')).toMatchObject({ achievement: 1, points: 4 });
    expect(at('SC-SH-SI-1C')).toMatchObject({ achievement: 0.8, points: 3 });
    expect(at('EN-EN-AQ-1C', 'pm25')).toMatchObject({ achievement: 0, points: 1 });
    expect(at('SC-SH-SA-5A')).toMatchObject({ achievement: 0, points: 1 });
    expect(at('EC-I-UP-2A', 'compact')).toMatchObject({ achievement: 0.5, points: 2 });
    for (const kpiId of ['EC-ICT-T-2C', 'EC-ICT-T-3A', 'EC-ICT-D-1A', 'EC-ICT-ES-2A', 'EC-ICT-ES-3A']) expect(at(kpiId)?.excluded).toBe('invalidValue');
    expect(at('EC-I-T-8A')?.excluded).toBe('notReported');
    expect(new Set(rows.map((row) => row.excluded))).toEqual(new Set([null, 'notReported', 'noTarget', 'invalidValue', 'unitMismatch']));
    const conflicts = await query(url, "SELECT 1 FROM point_scores WHERE excluded = 'conflict' AND target_set_id = 'office-2030'");
    expect(conflicts.length).toBeGreaterThan(0);
  });

  it('names the broken rule of every value the app reports with errors', async () => {
    const checks = await query<Record<string, unknown>>(url, 'SELECT * FROM kpi_value_checks WHERE assessment_id = $1 AND has_error ORDER BY kpi_id', [ASSESSMENT]);
    const broken = Object.fromEntries(
      checks.map((row) => [row.kpi_id, Object.keys(row).filter((column) => row[column] === true && column !== 'has_error')]),
    );
    expect(broken).toEqual({
      'EC-ICT-D-1A': ['out_of_range'],
      'EC-ICT-ES-2A': ['data_year_out_of_range'],
      'EC-ICT-ES-3A': ['data_year_out_of_range'],
      'EC-ICT-T-2C': ['numerator_exceeds_denominator'],
      'EC-ICT-T-3A': ['negative_numerator', 'out_of_range'],
    });
  });

  it('rolls categories, sub-dimensions, dimensions and the whole assessment up as citykpi score does', async () => {
    for (const score of await scoresFromCli(OFFICE_SET.id)) {
      const report = score.report!;
      const expected = [...report.categories, ...report.subdimensions, ...report.dimensions, report.overall].map(areaRow).sort(byArea);
      expect((await viewAreas(score.assessmentId, OFFICE_SET.id)).sort(byArea)).toEqual(expected);
      expect(report.overall.scoredPoints).toBeGreaterThan(0);
    }
  });

  it('scores the same files with a target set they carry exactly as the database does', async () => {
    const fromFiles = await cli(work.dir, 'score', ...laptops, 'edge.citykpi', 'targets.citykpi', '--identity', 'office.key', '--allow-unknown', '--target-set', OFFICE_SET.id, '--json');
    expect(fromFiles.code).toBe(0);
    expect(JSON.parse(fromFiles.stdout)).toEqual(await scoresFromCli(OFFICE_SET.id));
    const unknown = await cli(work.dir, 'score', '--postgres', url, '--target-set', DELETED_SET.id);
    expect([unknown.code, errorCode(unknown.stderr)]).toEqual([1, 'E_NOT_FOUND']);
    const both = await cli(work.dir, 'score', '--postgres', url, '--target-set', OFFICE_SET.id, '--targets', 'targets.csv');
    expect([both.code, errorCode(both.stderr)]).toEqual([2, 'E_USAGE']);
  });
  it('leaves a ratio that does not fit a double missing, as the app does, instead of failing the whole view', async () => {
    const extremes = await signedBundle(62, async (_device, write) => {
      await write(formatRecordId({ kind: 'city', cityId: 'extreme-city' }), { name: 'Extreme', country: 'Testland', population: 1e-300 });
      await write(formatRecordId({ kind: 'assessment', assessmentId: 'extreme' }), { cityId: 'extreme-city', year: 2025, catalogueId: U4SSC_2017_V2_ID });
      const values: [string, FieldMap][] = [
        // Bundles refuse integers beyond 2^53, so an overflow needs a tiny denominator.
        ['EC-ICT-WS-1C', { numerator: Number.MAX_SAFE_INTEGER, denominator: 1e-300 }],
        ['EC-ICT-ES-1C', { numerator: -Number.MAX_SAFE_INTEGER, denominator: 5e-324 }],
        ['EC-ICT-T-1C', { numerator: 1e-300, denominator: 9e15 }],
        ['EC-ICT-T-2C', { numerator: 5e-324, denominator: 9e15 }],
        ['SC-SH-SA-6C', { numerator: 1e10 }],
      ];
      for (const [kpiId, fields] of values) await write(formatRecordId({ kind: 'kpiValue', assessmentId: 'extreme', kpiId, pointId: '_' }), fields);
    });
    writeFileSync(join(work.dir, 'extremes.citykpi'), extremes);
    const extremeDb = await freshDatabase();
    expect((await cli(work.dir, 'db', 'migrate', '--postgres', extremeDb)).code).toBe(0);
    expect((await cli(work.dir, 'ingest', '--postgres', extremeDb, '--allow-unknown', 'extremes.citykpi')).code).toBe(0);
    const fromFile = await cli(work.dir, 'values', 'extremes.citykpi', '--allow-unknown', '--json');
    const expected = (JSON.parse(fromFile.stdout) as Record<string, unknown>[]).map(({ kpiId, value, valueKind }) => ({ kpiId, value, valueKind }));
    const viewRows = await query<Record<string, unknown>>(extremeDb, 'SELECT kpi_id AS "kpiId", value, value_kind AS "valueKind" FROM kpi_values ORDER BY kpi_id, point_id');
    expect(viewRows).toEqual(expected);
    const byKpi = new Map(viewRows.map((row) => [row.kpiId, row]));
    expect(byKpi.get('EC-ICT-WS-1C')).toEqual({ kpiId: 'EC-ICT-WS-1C', value: null, valueKind: 'missing' });
    expect(byKpi.get('SC-SH-SA-6C')).toMatchObject({ value: null, valueKind: 'missing' });
    expect(byKpi.get('EC-ICT-T-1C')).toMatchObject({ valueKind: 'computed' });
    expect(await query(extremeDb, 'SELECT count(*)::int AS n FROM point_scores')).toEqual([expect.objectContaining({ n: expect.any(Number) })]);
  });
});
