/**
 * `citykpi ingest`: a USB stick's worth of bundles into the office database. Each file is checked in
 * full and written in its own transaction; a refused file is reported and the others still go in.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_LIMITS } from '../../core/bundle/index.ts';
import { EXIT_OK, InputError, UsageError, type Command, type ExitCode, type Io } from '../io.ts';
import { withClient, withOfficeDatabase } from '../office/database.ts';
import { type IngestOutcome, heldFor, ingestBundle } from '../office/ingest.ts';
import { OFFICE_OPTIONS, OFFICE_USAGE, loadOfficeKeys } from '../office/keys.ts';
import { progressBar } from '../office/progress-bar.ts';
import { asInputErrors, readBoundedFile, writeFileAtomic } from './bundle-files.ts';
import { OFFICE_TRUST_OPTIONS } from './trust-files.ts';

const USAGE = `citykpi ingest --postgres <url> --identity <office.key> <file>... [--trust-file <file>] [--allow-unknown] [--receipts <dir>]

Checks each bundle exactly as the desktop import does and merges it into the office database, one
transaction per bundle: all of it or none. Ingesting a bundle again changes nothing. A bundle from a
device that is not enrolled (citykpi trust, or citykpi quarantine accept), or relaying edits made by
one, waits in quarantine. Progress is drawn on standard
error when it is a terminal; one line per file goes to standard output.

Options:
${OFFICE_USAGE}
      --allow-unknown         merge bundles from devices that are not enrolled (demos and tests)
      --receipts <dir>        write the office's receipt for each merged bundle there, for the laptop
  -h, --help                  show this help`;

function describe(file: string, outcome: IngestOutcome): string {
  switch (outcome.status) {
    case 'merged':
      return `${file}: merged, ${outcome.addedCount} of ${outcome.revisionCount} revisions new`;
    case 'already-ingested':
      return `${file}: already ingested, nothing changed`;
    case 'quarantined':
      return `${file}: ${heldFor(outcome)}; held in quarantine as ${outcome.fileSha256.slice(0, 12)}`;
  }
}

async function run(args: readonly string[], io: Io): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: {
      ...OFFICE_OPTIONS,
      ...OFFICE_TRUST_OPTIONS,
      receipts: { type: 'string' },
    },
    strict: true,
    allowPositionals: true,
  });
  if (values.postgres === undefined) throw new UsageError('--postgres is required');
  if (positionals.length === 0) throw new UsageError('at least one bundle file is required');
  const keys = await loadOfficeKeys(io, values, { requireSigner: values.receipts !== undefined });
  const failures: InputError[] = [];
  await withOfficeDatabase(values.postgres, (pool) =>
    withClient(pool, async (client) => {
      const bar = progressBar(io.errIsTerminal ? io.err : null, positionals.length);
      for (const [index, file] of positionals.entries()) {
        bar.update(index, file);
        try {
          const bytes = readBoundedFile(io, file, DEFAULT_LIMITS.maxFileBytes);
          const outcome = await asInputErrors(file, () => ingestBundle(client, bytes, keys, { allowUnknown: values['allow-unknown'] }));
          bar.finish();
          io.out(`${describe(file, outcome)}\n`);
          if (values.receipts !== undefined && outcome.status !== 'quarantined' && outcome.receipt) {
            writeFileAtomic(io, `${values.receipts}/${outcome.bundleId}.citykpi-receipt`, outcome.receipt);
          }
        } catch (error) {
          if (!(error instanceof InputError) || error.code === 'E_DATABASE') throw error;
          bar.finish();
          io.out(`${error.message.startsWith(`${file}: `) ? error.message : `${file}: ${error.message}`} (refused, ${error.code})\n`);
          failures.push(error);
        }
      }
      bar.finish();
    }),
  'citykpi ingest');
  const first = failures[0];
  if (first) throw new InputError(first.code, `${failures.length} of ${positionals.length} bundles refused, the others were ingested; first: ${first.message}`);
  return EXIT_OK;
}

export const ingestCommand: Command = { name: 'ingest', usage: USAGE, run };
