/**
 * The bundle commands of the citykpi CLI: each runs once as a real process through the bin script
 * (exit codes, one-line errors), the finer cases run in-process through the same dispatch.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_LIMITS, encodeBundle } from '../../core/bundle/index.ts';
import type { PointValueRow } from '../../core/values/index.ts';
import { parseKeyFile } from '../../core/crypto/key-file.ts';
import { edit, signerFromSeed } from '../fixtures/bundles/helpers.ts';
import { type CliResult, ERROR_LINE, runCli, spawnCli as spawnIn } from './support/run-cli.ts';

// Many CLI runs per test, some as child processes: slow on a shared two-core machine.
vi.setConfig({ testTimeout: 240_000 });

let dir: string;

const spawnCli = (args: readonly string[]): Promise<CliResult> => spawnIn(dir, args);
const cli = (...args: string[]): Promise<CliResult> => runCli(dir, args);

/** RFC 4180 reader, enough to check what a spreadsheet would see in each cell. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted && char === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (!quoted && (char === ',' || char === '\n')) {
      cells.push(cell);
      cell = '';
      if (char === '\n') {
        rows.push(cells);
        cells = [];
      }
    } else {
      cell += char;
    }
  }
  return rows;
}

function flipByte(name: string, index: number, out: string): void {
  const bytes = readFileSync(join(dir, name));
  bytes[index]! ^= 0xff;
  writeFileSync(join(dir, out), bytes);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'citykpi-cli-'));
  const [keygen, demo] = await Promise.all([spawnCli(['keygen', '--out', 'office']), spawnCli(['demo', '--out', 'a.citykpi', '--seed', '1'])]);
  expect(keygen.code, keygen.stderr).toBe(0);
  expect(demo.code, demo.stderr).toBe(0);
  expect((await cli('demo', '--out', 'b.citykpi', '--seed', '2')).code).toBe(0);
  // The office enrolls both demo laptops, as docs/cli.md's office session does.
  for (const file of ['a.citykpi', 'b.citykpi']) expect((await cli('trust', 'add', file)).code).toBe(0);
}, 240_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('citykpi bundle commands as processes', () => {
  it('keygen writes a shareable .pub and secret .key files', async () => {
    const pub = await parseKeyFile(readFileSync(join(dir, 'office.pub'), 'utf8'));
    expect(pub.recipients.map((recipient) => recipient.label)).toEqual(['office', 'recovery']);
    expect(pub.signers).toHaveLength(1);
    expect(pub.identities).toHaveLength(0);
    expect(pub.signingKeys).toHaveLength(0);
    const key = await parseKeyFile(readFileSync(join(dir, 'office.key'), 'utf8'));
    expect(key.identities).toHaveLength(1);
    expect(key.signingKeys).toHaveLength(1);
    for (const secret of ['office.key', 'office.recovery.key']) expect(statSync(join(dir, secret)).mode & 0o777).toBe(0o600);
  });

  it('verify, inspect, merge and values run end to end; errors are one line with exit 1, usage errors exit 2', async () => {
    flipByte('a.citykpi', 200, 'tampered.citykpi');
    const [verify, inspect, merge, values, tampered, usage] = await Promise.all([
      spawnCli(['verify', 'a.citykpi', 'b.citykpi']),
      spawnCli(['inspect', 'a.citykpi', '--json']),
      spawnCli(['merge', 'a.citykpi', 'b.citykpi', '--out', 'merged.citykpi']),
      spawnCli(['values', 'b.citykpi', '--csv']),
      spawnCli(['verify', 'tampered.citykpi']),
      spawnCli(['values', 'a.citykpi', '--json', '--csv']),
    ]);
    expect(verify.code, verify.stderr).toBe(0);
    expect(verify.stdout.split('\n').filter(Boolean)).toHaveLength(2);
    expect(inspect.code).toBe(0);
    // The demo's 184 revisions (city, assessment, 70 values and the sample workshop's 112) and the laptop's 8 edits.
    expect(JSON.parse(inspect.stdout).manifest.counts.revisions).toBe(192);
    expect(merge.code, merge.stderr).toBe(0);
    expect((await cli('values', 'merged.citykpi', '--allow-unknown')).stdout).toMatch(/\tCONFLICT\n\tCONFLICT numerator: \d+ by "Demo facilitator [12]" on dev-/);
    expect(values.code).toBe(0);
    expect(values.stdout).toMatch(/^city_id,city_name,country,year,/);
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toMatch(ERROR_LINE);
    expect(tampered.stderr).toMatch(/^citykpi: E_SIGNATURE: /);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^citykpi: E_USAGE: /);
  });
});

describe('citykpi bundle commands in process', () => {
  it('demo is deterministic for a seed and different across seeds', async () => {
    expect((await cli('demo', '--out', 'a-again.citykpi', '--seed', '1')).code).toBe(0);
    expect(readFileSync(join(dir, 'a-again.citykpi'))).toEqual(readFileSync(join(dir, 'a.citykpi')));
    expect(readFileSync(join(dir, 'b.citykpi'))).not.toEqual(readFileSync(join(dir, 'a.citykpi')));
    expect((await cli('demo', '--out', 'x.citykpi', '--seed', 'ten')).code).toBe(2);
    const overLimit = await cli('demo', '--out', 'x.citykpi', '--revisions', String(DEFAULT_LIMITS.maxRevisions + 1));
    expect(overLimit.code).toBe(2);
    expect(overLimit.stderr).toContain(`from 0 to ${DEFAULT_LIMITS.maxRevisions}`);
    const big = await cli('demo', '--out', 'big.citykpi', '--seed', '3', '--revisions', '500');
    expect(big.stdout).toContain('500 revisions');
  });

  it('merging two seeds gives conflicts, and equal states print equal bytes in every format', async () => {
    const orders = [['a.citykpi', 'b.citykpi'], ['b.citykpi', 'a.citykpi'], ['a.citykpi', 'b.citykpi', 'a.citykpi'], ['b.citykpi', 'a.citykpi', 'b.citykpi']];
    const office = ['--identity', 'office.key'];
    for (const [index, files] of orders.entries()) expect((await cli('merge', ...files, '--out', `merged-${index}.citykpi`, ...office)).code).toBe(0);
    for (const format of [[], ['--json'], ['--csv'], ['--fields'], ['--fields', '--json'], ['--fields', '--csv']]) {
      const outputs = await Promise.all(orders.map((_, index) => cli('values', `merged-${index}.citykpi`, ...office, ...format)));
      for (const output of outputs) {
        expect(output.code, output.stderr).toBe(0);
        expect(output.stdout).toBe(outputs[0]!.stdout);
      }
    }
    const rows = JSON.parse((await cli('values', 'merged-0.citykpi', ...office, '--json')).stdout) as PointValueRow[];
    const conflicted = rows.filter((row) => row.conflicts.length > 0);
    expect(conflicted.length).toBeGreaterThanOrEqual(3);
    for (const row of conflicted) {
      expect(row.valueKind === 'conflict' || row.conflicts.every((conflict) => conflict.field === 'note')).toBe(true);
      for (const conflict of row.conflicts) {
        expect(conflict.values).toHaveLength(2);
        expect(conflict.values.map((write) => write.author).sort()).toEqual(['Demo facilitator 1', 'Demo facilitator 2']);
        for (const write of conflict.values) expect(write.time).toMatch(/^2025-01-\d\dT\d\d:\d\d:\d\d\.000Z$/);
      }
    }
    const computed = rows.find((row) => row.kpiId === 'EC-ICT-ICT-4C' && row.pointId === '3g')!;
    expect(computed).toMatchObject({ kpiCode: 'EC: ICT: ICT: 4C', valueKind: 'computed', unit: 'percent', cityName: 'Lake Amara' });
    expect(computed.value).toBeGreaterThan(0);
    expect(computed.value).toBeLessThanOrEqual(100);
    const csv = (await cli('values', 'merged-0.citykpi', ...office, '--csv')).stdout;
    expect(csv.split('\n')[0]).toBe(
      'city_id,city_name,country,year,assessment_id,kpi_code,kpi_id,point_id,value,value_kind,unit_id,status,quality,data_year,source,conflicts',
    );
    const conflictCells = parseCsv(csv).slice(1).map((cells) => cells[15]!).filter(Boolean);
    expect(conflictCells).toHaveLength(conflicted.length);
    expect(conflictCells.map((cell) => JSON.parse(cell) as unknown)).toEqual(conflicted.map((row) => row.conflicts));
    const fieldsCsv = (await cli('values', 'merged-0.citykpi', ...office, '--csv', '--fields')).stdout;
    expect(fieldsCsv.split('\n')[0]).toBe('city_id,year,assessment_id,kpi_id,point_id,field,conflict,value,candidates');
  });

  it('neutralises spreadsheet formulas and quotes CSV cells, and keeps text output one line per row', async () => {
    const device = await signerFromSeed(5);
    const hostile = ['=HYPERLINK("http://x.example","click")', '+SUM(A1:A9)', '-2+3', '@cmd', '\tTAB', '\rCR'];
    const revisions = [
      await edit(device.id, 'city:evil', { name: hostile[1]!, country: hostile[3]!, population: 1000 }, 1_000),
      await edit(device.id, 'assessment:evil-2025', { cityId: 'evil', year: 2025, catalogueId: 'u4ssc-2017' }, 1_100),
      await edit(device.id, 'value:evil-2025:EC-ICT-ICT-1C:_', { numerator: 5, source: hostile[0]! }, 1_200),
      await edit(device.id, 'value:evil-2025:EC-ICT-ICT-2C:_', { numerator: 5, source: hostile[2]! }, 1_300),
      await edit(device.id, 'value:evil-2025:EC-ICT-ICT-3C:_', { numerator: 5, source: hostile[4]! }, 1_400),
      await edit(device.id, 'value:evil-2025:EC-ICT-ICT-5C:_', { directValue: -4, source: hostile[5]! }, 1_500),
      await edit(device.id, 'value:evil-2025:EN-EN-EQ-1C:_', { directValue: 1, source: 'line one\nline "two", three' }, 1_600),
    ];
    writeFileSync(join(dir, 'evil.citykpi'), await encodeBundle({ revisions, device, encryption: { kind: 'none' } }));
    const csv = await cli('values', 'evil.citykpi', '--csv', '--allow-unknown');
    expect(csv.code, csv.stderr).toBe(0);
    const table = parseCsv(csv.stdout);
    expect(table.every((cells) => cells.length === 16)).toBe(true);
    const cellsOf = (kpiId: string) => table.find((cells) => cells[6] === kpiId)!;
    expect(cellsOf('EC-ICT-ICT-1C').slice(1, 3)).toEqual(["'+SUM(A1:A9)", "'@cmd"]);
    expect(cellsOf('EC-ICT-ICT-1C')[14]).toBe(`'${hostile[0]}`);
    expect(cellsOf('EC-ICT-ICT-2C')[14]).toBe("'-2+3");
    expect(cellsOf('EC-ICT-ICT-3C')[14]).toBe("'\tTAB");
    expect(cellsOf('EC-ICT-ICT-5C')[14]).toBe("'\rCR");
    // A number stays a number: a negative value is not a formula.
    expect(cellsOf('EC-ICT-ICT-5C')[8]).toBe('-4');
    expect(cellsOf('EN-EN-EQ-1C')[14]).toBe('line one\nline "two", three');
    expect(csv.stdout).toContain('"line one\nline ""two"", three"');
    expect(table.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual(['-4']);

    const text = (await cli('values', 'evil.citykpi', '--allow-unknown')).stdout.split('\n').filter(Boolean);
    expect(text).toHaveLength(1 + 5);
    for (const line of text) expect(line.split('\t')).toHaveLength(16);
    expect(text.find((line) => line.includes('EN-EN-EQ-1C'))).toContain('line one\\nline "two", three');
  });

  it('encrypts to the office key; verify needs the identity, and --trust refuses unknown signers', async () => {
    expect((await cli('demo', '--out', 'sealed.citykpi', '--to', 'office.pub')).code).toBe(0);
    const withoutKey = await cli('verify', 'sealed.citykpi');
    expect(withoutKey.code).toBe(1);
    expect(withoutKey.stderr).toMatch(/^citykpi: E_NOT_FOR_THIS_RECIPIENT: /);
    expect(withoutKey.stderr).toMatch(ERROR_LINE);
    for (const identity of ['office.key', 'office.recovery.key']) expect((await cli('verify', 'sealed.citykpi', '--identity', identity)).code).toBe(0);
    expect((await cli('demo', '--out', 'stranger.citykpi', '--seed', '4')).code).toBe(0);
    const untrusted = await cli('verify', 'stranger.citykpi', '--trust', 'office.pub');
    expect(untrusted.stderr).toMatch(/^citykpi: E_UNKNOWN_SIGNER: /);

    const refusedOpen = await cli('merge', 'sealed.citykpi', 'a.citykpi', '--out', 'leak.citykpi', '--identity', 'office.pub');
    expect(refusedOpen.code).toBe(1);
    expect(refusedOpen.stderr).toMatch(/^citykpi: E_KEY_FILE: /);
    const officeMerge = await cli('merge', 'sealed.citykpi', 'b.citykpi', '--out', 'office.citykpi', '--identity', 'office.key');
    expect(officeMerge.code, officeMerge.stderr).toBe(0);
    const trusted = await cli('verify', 'office.citykpi', '--identity', 'office.key', '--trust', 'office.pub');
    expect(trusted.code, trusted.stderr).toBe(0);
    expect(trusted.stdout).toContain('(trusted)');
    const inspect = await cli('inspect', 'office.citykpi', '--identity', 'office.key');
    expect(inspect.stdout).toMatch(/envelope: +encrypted/);
  });

  it('reports damaged, truncated, missing and foreign files with their codes', async () => {
    const bytes = readFileSync(join(dir, 'a.citykpi'));
    writeFileSync(join(dir, 'short.citykpi'), bytes.subarray(0, 500));
    writeFileSync(join(dir, 'notes.txt'), 'hello');
    flipByte('a.citykpi', bytes.length - 30, 'part.citykpi');
    const cases: [string[], string][] = [
      [['verify', 'short.citykpi'], 'E_TRUNCATED'],
      [['verify', 'notes.txt'], 'E_NOT_A_BUNDLE'],
      [['verify', 'part.citykpi'], 'E_HASH_MISMATCH'],
      [['inspect', 'missing.citykpi'], 'E_IO'],
      [['values', 'a.citykpi', '--identity', 'notes.txt'], 'E_KEY_FILE'],
      [['keygen', '--out', 'office'], 'E_EXISTS'],
    ];
    for (const [args, code] of cases) {
      const result = await cli(...args);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stderr).toMatch(ERROR_LINE);
      expect(result.stderr.startsWith(`citykpi: ${code}: `), result.stderr).toBe(true);
    }
    for (const args of [['verify'], ['inspect', 'a.citykpi', 'b.citykpi'], ['merge', 'a.citykpi'], ['values', 'a.citykpi', '--bogus']]) {
      expect((await cli(...args)).code, args.join(' ')).toBe(2);
    }
  });

  it('prints the recorded values of the frozen v1 vector', async () => {
    const vector = new URL('../fixtures/bundles/v1-open.citykpi', import.meta.url).pathname;
    const result = await cli('values', vector, '--json', '--fields', '--allow-unknown');
    const expected: unknown = JSON.parse(readFileSync(new URL('../fixtures/bundles/v1-demo-seed7.values.json', import.meta.url), 'utf8'));
    expect(JSON.parse(result.stdout)).toEqual(expected);
    const rows = JSON.parse((await cli('values', vector, '--json', '--allow-unknown')).stdout) as PointValueRow[];
    const pointIds = new Set((expected as { kpiId: string; pointId: string }[]).map((row) => `${row.kpiId}:${row.pointId}`));
    expect(rows.map((row) => `${row.kpiId}:${row.pointId}`)).toEqual([...pointIds].sort());
    expect(rows.every((row) => row.kpiCode !== null && row.cityName === 'Lake Amara')).toBe(true);
  });
});
