/**
 * `citykpi values`: the current value of every KPI data point field, per city, year, KPI and data
 * point, conflicts listed with every competing value. Rows are in a total order, so equal revision
 * sets print equal bytes whatever bundles or import order they came from.
 */
import { parseArgs } from 'node:util';
import { currentValues, type CurrentValueRow } from '../../core/bundle/index.ts';
import type { FieldValue } from '../../core/revisions/types.ts';
import { EXIT_OK, UsageError, type Command, type ExitCode, type Io } from '../io.ts';
import { KEY_OPTIONS, KEY_USAGE, decodeBundleFile, loadBundleKeys } from './bundle-files.ts';

const USAGE = `citykpi values <file> [--identity <office.key>] [--json | --csv]

Prints the current values held by a bundle, one row per city, year, KPI, data point and field.
Conflicts (concurrent edits with different values) list every value with its author and device.

Options:
${KEY_USAGE}
      --json                  print a JSON array
      --csv                   print CSV (text cells that could start a spreadsheet formula are quoted with ')
  -h, --help                  show this help`;

function plain(value: FieldValue): string {
  return value === null ? '' : String(value);
}

/** A cell a spreadsheet could read as a formula gets a leading apostrophe (CWE-1236). */
function csvCell(text: string, isText: boolean): string {
  const safe = isText && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function conflictText(row: CurrentValueRow): string {
  return row.candidates.map((candidate) => `${JSON.stringify(candidate.value)} by ${candidate.author} on ${candidate.deviceId}`).join(' | ');
}

function toText(rows: readonly CurrentValueRow[]): string {
  return rows
    .map((row) =>
      [row.cityId ?? '-', row.year ?? '-', row.kpiId, row.pointId, row.field, row.conflict ? `CONFLICT: ${conflictText(row)}` : JSON.stringify(row.value)].join('\t'),
    )
    .map((line) => `${line}\n`)
    .join('');
}

function toCsv(rows: readonly CurrentValueRow[]): string {
  const header = 'city_id,year,assessment_id,kpi_id,point_id,field,conflict,value,candidates\n';
  return (
    header +
    rows
      .map((row) =>
        [
          csvCell(row.cityId ?? '', true),
          row.year === null ? '' : String(row.year),
          csvCell(row.assessmentId, true),
          csvCell(row.kpiId, true),
          csvCell(row.pointId, true),
          row.field,
          row.conflict ? 'yes' : 'no',
          csvCell(plain(row.value), typeof row.value === 'string'),
          csvCell(row.conflict ? conflictText(row) : '', true),
        ].join(','),
      )
      .map((line) => `${line}\n`)
      .join('')
  );
}

async function run(args: readonly string[], io: Io): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { ...KEY_OPTIONS, json: { type: 'boolean', default: false }, csv: { type: 'boolean', default: false } },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length !== 1) throw new UsageError('exactly one bundle file is required');
  if (values.json && values.csv) throw new UsageError('--json and --csv exclude each other');
  const bundle = await decodeBundleFile(io, positionals[0]!, await loadBundleKeys(io, values));
  const rows = currentValues(bundle.revisions);
  io.out(values.json ? `${JSON.stringify(rows, null, 2)}\n` : values.csv ? toCsv(rows) : toText(rows));
  return EXIT_OK;
}

export const valuesCommand: Command = { name: 'values', usage: USAGE, run };
