/** `citykpi verify`: every check of an import (decrypt, signature, hashes, limits, schema) without importing. */
import { parseArgs } from 'node:util';
import { EXIT_OK, UsageError, type Command, type ExitCode, type Io } from '../io.ts';
import { terminalText } from '../terminal-text.ts';
import { KEY_OPTIONS, KEY_USAGE, decodeBundleFile, loadBundleKeys } from './bundle-files.ts';
import { TRUST_FILE_OPTION, TRUST_FILE_USAGE, readTrustStore } from './trust-files.ts';
import { envelopeText } from './inspect.ts';

const USAGE = `citykpi verify <file>... [--identity <office.key>] [--trust <office.pub>]

Checks each bundle completely, as an import would, and changes nothing. Prints one line per valid
bundle; stops at the first invalid one with exit code 1 and its error code on stderr.

Options:
${KEY_USAGE}
${TRUST_FILE_USAGE}
  -h, --help                  show this help`;

async function run(args: readonly string[], io: Io): Promise<ExitCode> {
  const { values, positionals } = parseArgs({ args: [...args], options: { ...KEY_OPTIONS, ...TRUST_FILE_OPTION }, strict: true, allowPositionals: true });
  if (positionals.length === 0) throw new UsageError('at least one bundle file is required');
  const keys = await loadBundleKeys(io, values);
  const { store } = await readTrustStore(io, values['trust-file']);
  for (const file of positionals) {
    const bundle = await decodeBundleFile(io, file, keys, store);
    const trust = bundle.signer.known ? 'trusted' : 'unknown signer: not enrolled';
    const volume = bundle.manifest.volume;
    const place = volume ? `, file ${volume.index} of ${volume.count} of set ${volume.setId}` : '';
    io.out(
      `${terminalText(file)}: ok, ${bundle.revisions.length} revisions, ${bundle.attachments.size} attachments${place}, ${envelopeText(bundle.envelope)}, signed by ${bundle.signer.fingerprint} (${trust})\n`,
    );
  }
  return EXIT_OK;
}

export const verifyCommand: Command = { name: 'verify', usage: USAGE, run };
