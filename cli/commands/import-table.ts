/**
 * `citykpi import-table`: a spreadsheet of values (kpi,data_point,value,year,source,quality,note) becomes a
 * signed bundle of one new assessment, like a laptop's export. A table with any bad row is refused whole, with
 * the first problem named, so nothing half-imported ever leaves the office.
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { encodeBundle, type BundleEncryption } from '../../core/bundle/index.ts';
import { previewValueImport, tableAssessmentRevisions } from '../../core/tables/index.ts';
import { EXIT_OK, InputError, UsageError, type Command, type ExitCode, type Io } from '../io.ts';
import { asInputErrors, readKeyFile, refuseExistingOutput, writeFileAtomic } from './bundle-files.ts';
import { mergeSigner } from './merge.ts';
import { defaultCatalogue, issueText, localeOption, readTableFile } from './results-files.ts';
import { nodeSha256 } from '../node-sha256.ts';

const USAGE = `citykpi import-table <table> --city <name> --country <code> --year <yyyy> --out <file> [--identity <office.key>] [--to <office.pub>] [--author <name>] [--locale <language>] [--force]

Turns a CSV or XLSX table of values into a signed bundle holding one new assessment of the city.
Columns: kpi,data_point,value and optionally year,source,quality,note. The KPI is its official code
(EC: ICT: ICT: 1C) or id (EC-ICT-ICT-1C); the data point is empty for a single-value KPI; value NR marks
a point not reported; quality is a quality id or its rank 1 (measured) to 6 (unknown). Any bad row
refuses the whole table, naming the row, column and reason.

Options:
      --city <name>           the city's name
      --country <code>        ISO 3166-1 alpha-2 country code (KE, FR, ...)
      --year <yyyy>           the assessment year
  -o, --out <file>            where to write the bundle
  -i, --identity <file>       office key file: its signing key signs the bundle (else a one-off key does)
      --to <file>             encrypt to the recipients of this key file (else those of --identity, else none)
      --author <name>         who the revisions are by (default: citykpi import-table)
      --locale <language>     also read numbers written the way this language writes them (1 234,5)
      --force                 replace an existing output file
  -h, --help                  show this help`;

const COUNTRY = /^[A-Za-z]{2}$/;
const YEAR = /^\d{4}$/;

async function recipientsOf(io: Io, path: string | undefined, fallback: string[]): Promise<string[]> {
  if (path === undefined) return fallback;
  const file = await readKeyFile(io, path);
  if (file.recipients.length === 0) throw new InputError('E_KEY_FILE', `${path}: no recipient line to encrypt to`);
  return file.recipients.map((recipient) => recipient.publicText);
}

async function run(args: readonly string[], io: Io): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: {
      city: { type: 'string' },
      country: { type: 'string' },
      year: { type: 'string' },
      out: { type: 'string', short: 'o' },
      identity: { type: 'string', short: 'i', multiple: true },
      to: { type: 'string' },
      author: { type: 'string', default: 'citykpi import-table' },
      locale: { type: 'string' },
      force: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length !== 1) throw new UsageError('exactly one table file is required');
  const city = values.city?.trim();
  if (!city) throw new UsageError('--city is required');
  if (values.country === undefined || !COUNTRY.test(values.country)) throw new UsageError('--country must be a two-letter ISO 3166-1 code');
  const year = Number(values.year);
  if (values.year === undefined || !YEAR.test(values.year) || year < 1900 || year > 2100) throw new UsageError('--year must be a year such as 2025');
  if (values.out === undefined) throw new UsageError('--out is required');
  const table = positionals[0]!;
  refuseExistingOutput(io, values.out, [table], values.force);

  const catalogue = defaultCatalogue();
  const preview = previewValueImport(await readTableFile(io, table), catalogue, localeOption(values.locale));
  if (preview.issues.length > 0) throw new InputError('E_TABLE', issueText(table, preview.issues[0]!, preview.issues.length - 1));
  if (preview.values.length === 0) throw new InputError('E_TABLE', `${table}: no value rows`);

  const { signer, recipients: own } = await mergeSigner(io, values.identity ?? [], true, 'citykpi import-table');
  const recipients = await recipientsOf(io, values.to, own);
  const encryption: BundleEncryption = recipients.length > 0 ? { kind: 'recipients', recipients } : { kind: 'none' };
  const revisions = await tableAssessmentRevisions({
    cityId: randomUUID(),
    cityName: city,
    country: values.country.toUpperCase(),
    assessmentId: randomUUID(),
    year,
    catalogueId: catalogue.id,
    values: preview.values,
    author: values.author,
    deviceId: signer.id,
    nowMs: Date.now(),
  });
  const bytes = await asInputErrors(values.out, () => encodeBundle({ revisions, device: signer, encryption, appVersion: 'citykpi-cli', nativeSha256: nodeSha256 }));
  writeFileAtomic(io, values.out, bytes);
  io.out(`${values.out}: ${preview.values.length} values of ${city} ${year}, ${encryption.kind === 'none' ? 'readable' : 'encrypted'}, signed by ${signer.name}\n`);
  return EXIT_OK;
}

export const importTableCommand: Command = { name: 'import-table', usage: USAGE, run };
