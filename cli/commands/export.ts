/**
 * `citykpi export`: the current values of the bundles in a standard format: CSV, an XLSX laid out like the
 * U4SSC Data Collection Template, SDMX-CSV, or DHIS2 dataValueSets JSON. The writers are core's, the same the
 * app uses.
 */
import { pointValues } from '../../core/values/index.ts';
import { pointNameKey } from '../../core/catalogue/index.ts';
import {
  Dhis2MappingError,
  defaultDhis2Mapping,
  parseDhis2Mapping,
  valuesToCsv,
  valuesToDhis2,
  valuesToSdmxCsv,
  valuesToXlsx,
  withVerification,
  type Dhis2Mapping,
  type ExportLabels,
} from '../../core/exports/index.ts';
import { EXIT_OK, InputError, UsageError, type Command, type ExitCode, type Io } from '../io.ts';
import { KEY_USAGE, readBoundedFile, refuseExistingOutput, writeFileAtomic } from './bundle-files.ts';
import { catalogueLanguages, catalogueNames } from './catalogue.ts';
import { DATABASE_USAGE, defaultCatalogue, parseBundleArgs, readRevisionSource } from './results-files.ts';
import { OFFICE_TRUST_USAGE } from './trust-files.ts';

const FORMATS = ['csv', 'xlsx', 'sdmx-csv', 'dhis2-json'] as const;
type Format = (typeof FORMATS)[number];
const MAX_MAPPING_BYTES = 16 * 1024 * 1024;

const USAGE = `citykpi export <file>... | --postgres <url> --format <${FORMATS.join('|')}> --out <file> [--mapping <dhis2.json>] [--lang <language>] [--force]

Writes the current values of the bundles, one row per city, year, KPI and data point:
  csv         UTF-8, dot decimals, with codes, units, status, quality, data year and source
  xlsx        one sheet per dimension, laid out like the U4SSC Data Collection Template
  sdmx-csv    SDMX-CSV of the structure in docs/results.md (REF_AREA, TIME_PERIOD, INDICATOR, DATA_POINT)
  dhis2-json  DHIS2 dataValueSets; data elements from --mapping, else codes generated from the KPI codes
Text that a spreadsheet could run as a formula is prefixed with ' in csv, xlsx and sdmx-csv.

Options:
  -f, --format <format>       one of ${FORMATS.join(', ')}
  -o, --out <file>            where to write (never one of the inputs)
      --mapping <file>        DHIS2 mapping JSON (dhis2-json only)
  -l, --lang <language>       language of names and headers in the xlsx (default en)
      --force                 replace an existing output file
${KEY_USAGE}
${OFFICE_TRUST_USAGE}
${DATABASE_USAGE}
  -h, --help                  show this help`;

function xlsxLabels(language: string): ExportLabels {
  const name = catalogueNames(language);
  return {
    dimension: (id) => name(`dimensions.${id}`),
    kpi: (id) => name(`kpi.${id}.name`),
    point: (kpiId, pointId) => {
      const key = pointNameKey(kpiId, pointId);
      return key ? name(key) : pointId;
    },
    unit: (id) => name(`units.${id}`),
    column: (id) => name(`exportColumns.${id}`),
  };
}

function readMapping(io: Io, path: string | undefined): Dhis2Mapping {
  if (path === undefined) return defaultDhis2Mapping(defaultCatalogue());
  const bytes = readBoundedFile(io, path, MAX_MAPPING_BYTES);
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new InputError('E_MAPPING', `${path}: not a UTF-8 JSON file`);
  }
  try {
    return parseDhis2Mapping(json);
  } catch (error) {
    if (error instanceof Dhis2MappingError) throw new InputError('E_MAPPING', `${path}: ${error.message}`);
    throw error;
  }
}

async function run(args: readonly string[], io: Io): Promise<ExitCode> {
  const { values, positionals } = parseBundleArgs(args, {
    format: { type: 'string', short: 'f' },
    out: { type: 'string', short: 'o' },
    mapping: { type: 'string' },
    lang: { type: 'string', short: 'l', default: 'en' },
    force: { type: 'boolean', default: false },
  });
  const format = values.format as Format | undefined;
  if (format === undefined || !FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  if (values.out === undefined) throw new UsageError('--out is required');
  if (values.mapping !== undefined && format !== 'dhis2-json') throw new UsageError('--mapping is for --format dhis2-json only');
  if (!catalogueLanguages().includes(values.lang)) throw new UsageError(`unknown language '${values.lang}'; available languages: ${catalogueLanguages().join(', ')}`);
  refuseExistingOutput(io, values.out, positionals, values.force);
  const mapping = format === 'dhis2-json' ? readMapping(io, values.mapping) : null;
  const revisions = await readRevisionSource(io, positionals, values);
  const rows = withVerification(pointValues(revisions), revisions);

  let output: string | Uint8Array;
  let summary = `${rows.length} rows`;
  if (format === 'csv') output = valuesToCsv(rows);
  else if (format === 'sdmx-csv') output = valuesToSdmxCsv(rows);
  else if (format === 'xlsx') output = await valuesToXlsx(rows, { labels: xlsxLabels(values.lang), rightToLeft: values.lang === 'ar' });
  else {
    const { dataValueSet, unmapped } = valuesToDhis2(rows, mapping!);
    output = `${JSON.stringify(dataValueSet, null, 2)}\n`;
    summary = `${dataValueSet.dataValues.length} data values${unmapped.length > 0 ? `, ${unmapped.length} left out with no mapping (first: ${unmapped[0]!.kpiId} ${unmapped[0]!.pointId})` : ''}`;
  }
  writeFileAtomic(io, values.out, output);
  io.out(`${values.out}: ${format}, ${summary}\n`);
  return EXIT_OK;
}

export const exportCommand: Command = { name: 'export', usage: USAGE, run };
