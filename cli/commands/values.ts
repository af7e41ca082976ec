/**
 * `citykpi values`: the current KPI values held by a bundle, one row per city, year, KPI and data point,
 * with every field in conflict listed with all its competing values. Rows are in a total order, so equal
 * revision sets print equal bytes whatever bundles or import order they came from.
 */
import { parseArgs } from 'node:util';
import { currentValues, type CompetingWrite, type CurrentValueRow, type FieldConflict, type PointValueRow, pointValues } from '../../core/values/index.ts';
import type { RevisionOrigin } from '../../core/bundle/provenance.ts';
import type { FieldValue, Revision } from '../../core/revisions/types.ts';
import { EXIT_OK, UsageError, type Command, type ExitCode, type Io } from '../io.ts';
import { type PoolClient, withClient, withOfficeDatabase } from '../office/database.ts';
import { storedRevisions } from '../office/ingest.ts';
import { storedOrigins } from '../office/revision-origins.ts';
import { terminalText } from '../terminal-text.ts';
import { KEY_OPTIONS, KEY_USAGE, loadBundleKeys } from './bundle-files.ts';
import { OFFICE_TRUST_OPTIONS, OFFICE_TRUST_USAGE, decodeOfficeBundle, loadOfficeTrust } from './trust-files.ts';

const USAGE = `citykpi values <file> | --postgres <url> [--identity <office.key>] [--json | --csv] [--fields] [--allow-unknown]

Prints the current values held by a bundle, one row per city, year, KPI and data point: the KPI value
(computed from numerator and denominator with the city's population or households, or the override,
direct or choice value), its kind, unit, status, quality, data year and source. A row whose fields are
in conflict (concurrent edits with different values) is marked CONFLICT and lists every competing
value with its author, device and time.

The bundle must be signed by an enrolled device (citykpi trust) or by the office itself.

Options:
${KEY_USAGE}
${OFFICE_TRUST_USAGE}
      --postgres <url>        read every revision merged in the office database instead of a file
      --json                  print a JSON array
      --csv                   print CSV (cells that could start a spreadsheet formula get a leading ')
      --fields                one row per stored field instead (the raw register, no computation)
  -h, --help                  show this help`;

/** Text cells stay on one line and one column whatever a participant typed, and never steer the terminal. */
function textCell(value: string | number | null): string {
  return value === null ? '-' : terminalText(String(value));
}

/** Each competing value names the key that is proven to have made it, not only the device and author it claims. */
function writeText(write: CompetingWrite, origins: ReadonlyMap<string, RevisionOrigin>): string {
  const origin = origins.get(write.revisionId);
  const key = origin === undefined ? 'maker not recorded' : origin.proof === 'keyless' ? 'made on every laptop' : `key ${origin.fingerprint}`;
  return `${JSON.stringify(write.value)} by ${JSON.stringify(write.author)} on ${write.deviceId} at ${write.time ?? write.hlc} (${key})`;
}

const TEXT_HEADER = ['city_id', 'city', 'country', 'year', 'assessment_id', 'kpi_code', 'kpi_id', 'point_id', 'value', 'kind', 'unit', 'status', 'quality', 'data_year', 'source', 'conflict'];

function toText(rows: readonly PointValueRow[], origins: ReadonlyMap<string, RevisionOrigin>): string {
  const lines = [TEXT_HEADER.join('\t')];
  for (const row of rows) {
    const conflicted = row.conflicts.length > 0;
    lines.push(
      [
        row.cityId, row.cityName, row.country, row.year, row.assessmentId, row.kpiCode, row.kpiId, row.pointId,
        row.value, row.valueKind, row.unit, row.status, row.quality, row.dataYear, row.source,
        conflicted ? 'CONFLICT' : null,
      ].map(textCell).join('\t'),
    );
    for (const conflict of row.conflicts) {
      for (const write of conflict.values) lines.push(`\tCONFLICT ${conflict.field}: ${textCell(writeText(write, origins))}`);
    }
  }
  return lines.map((line) => `${line}\n`).join('');
}

/** A text cell a spreadsheet could read as a formula gets a leading apostrophe (CWE-1236); numbers are left as numbers. */
function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const safe = typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : String(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csvLine(cells: readonly (string | number | null)[]): string {
  return `${cells.map(csvCell).join(',')}\n`;
}

/** Compact JSON of the conflicts: unambiguous whatever names or values contain, and in the rows' own stable order. */
function conflictsCell(conflicts: readonly FieldConflict[]): string | null {
  return conflicts.length === 0 ? null : JSON.stringify(conflicts);
}

const CSV_HEADER = [
  'city_id', 'city_name', 'country', 'year', 'assessment_id', 'kpi_code', 'kpi_id', 'point_id', 'value', 'value_kind',
  'unit_id', 'status', 'quality', 'data_year', 'source', 'conflicts',
];

function toCsv(rows: readonly PointValueRow[]): string {
  return (
    csvLine(CSV_HEADER) +
    rows
      .map((row) =>
        csvLine([
          row.cityId, row.cityName, row.country, row.year, row.assessmentId, row.kpiCode, row.kpiId, row.pointId,
          row.value, row.valueKind, row.unit, row.status, row.quality, row.dataYear, row.source, conflictsCell(row.conflicts),
        ]),
      )
      .join('')
  );
}

function plain(value: FieldValue): string | number | null {
  return typeof value === 'boolean' ? String(value) : value;
}

function fieldConflictText(row: CurrentValueRow): string {
  return row.candidates.map((candidate) => `${JSON.stringify(candidate.value)} by ${candidate.author} on ${candidate.deviceId}`).join(' | ');
}

function fieldsToText(rows: readonly CurrentValueRow[]): string {
  return rows
    .map((row) => {
      const shown = row.conflict ? `CONFLICT: ${fieldConflictText(row)}` : JSON.stringify(row.value);
      return `${[row.cityId ?? '-', row.year ?? '-', row.kpiId, row.pointId, row.field, shown].map(textCell).join('\t')}\n`;
    })
    .join('');
}

function fieldsToCsv(rows: readonly CurrentValueRow[]): string {
  return (
    csvLine(['city_id', 'year', 'assessment_id', 'kpi_id', 'point_id', 'field', 'conflict', 'value', 'candidates']) +
    rows
      .map((row) =>
        csvLine([
          row.cityId, row.year, row.assessmentId, row.kpiId, row.pointId, row.field,
          row.conflict ? 'yes' : 'no', plain(row.value), row.conflict ? fieldConflictText(row) : null,
        ]),
      )
      .join('')
  );
}

/** Every merged revision with its proven maker, read in one snapshot. */
async function storedProvenance(client: PoolClient): Promise<{ revisions: Revision[]; origins: ReadonlyMap<string, RevisionOrigin> }> {
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    return { revisions: await storedRevisions(client), origins: await storedOrigins(client) };
  } finally {
    await client.query('COMMIT');
  }
}

async function run(args: readonly string[], io: Io): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: {
      ...KEY_OPTIONS,
      ...OFFICE_TRUST_OPTIONS,
      json: { type: 'boolean', default: false },
      csv: { type: 'boolean', default: false },
      fields: { type: 'boolean', default: false },
      postgres: { type: 'string' },
    },
    strict: true,
    allowPositionals: true,
  });
  if (values.postgres === undefined ? positionals.length !== 1 : positionals.length !== 0) {
    throw new UsageError('give exactly one bundle file, or --postgres and no file');
  }
  if (values.json && values.csv) throw new UsageError('--json and --csv exclude each other');
  const bundle =
    values.postgres === undefined ? await decodeOfficeBundle(io, positionals[0]!, await loadBundleKeys(io, values), await loadOfficeTrust(io, values)) : null;
  const { revisions, origins } = bundle ?? (await withOfficeDatabase(values.postgres!, (pool) => withClient(pool, storedProvenance)));
  if (values.fields) {
    const rows = currentValues(revisions);
    io.out(values.json ? `${JSON.stringify(rows, null, 2)}\n` : values.csv ? fieldsToCsv(rows) : fieldsToText(rows));
  } else {
    const rows = pointValues(revisions);
    io.out(values.json ? `${JSON.stringify(rows, null, 2)}
` : values.csv ? toCsv(rows) : toText(rows, origins));
  }
  return EXIT_OK;
}

export const valuesCommand: Command = { name: 'values', usage: USAGE, run };
