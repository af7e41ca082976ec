/** `citykpi demo`: a valid, deterministic bundle of the fictional demo city for one simulated laptop. */
import { parseArgs } from 'node:util';
import { demoBundleInput } from '../../core/bundle/demo-bundle.ts';
import { type BundleEncryption, DEFAULT_LIMITS, encodeBundle } from '../../core/bundle/index.ts';
import { EXIT_OK, InputError, UsageError, type Command, type ExitCode, type Io } from '../io.ts';
import { asInputErrors, readKeyFile, writeFileAtomic } from './bundle-files.ts';
import { nodeSha256 } from '../node-sha256.ts';

const USAGE = `citykpi demo --out <file> [--seed <n>] [--revisions <n>] [--to <office.pub>]

Writes a signed bundle of the demo assessment (Lake Amara) as edited on one simulated laptop.
The same seed always gives the same file; different seeds are different laptops that edited some
of the same KPIs, so merging two seeds gives real conflicts.

Options:
  -o, --out <file>        where to write the bundle
      --seed <n>          laptop number, 0 to 4294967295 (default: 1)
      --revisions <n>     add edits until the bundle holds at least n revisions, at most ${DEFAULT_LIMITS.maxRevisions}
                          (the bundle limit; for benchmarks)
      --to <file>         encrypt to the recipients of this key file (not reproducible then);
                          without it the bundle is signed but readable by anyone
  -h, --help              show this help`;

function integerOption(name: string, text: string | undefined, fallback: number, max: number): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text) || Number(text) > max) throw new UsageError(`--${name} must be a whole number from 0 to ${max}`);
  return Number(text);
}

async function run(args: readonly string[], io: Io): Promise<ExitCode> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      out: { type: 'string', short: 'o' },
      seed: { type: 'string' },
      revisions: { type: 'string' },
      to: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.out === undefined) throw new UsageError('--out is required');
  const seed = integerOption('seed', values.seed, 1, 2 ** 32 - 1);
  const revisions = integerOption('revisions', values.revisions, 0, DEFAULT_LIMITS.maxRevisions);
  let encryption: BundleEncryption = { kind: 'none' };
  if (values.to !== undefined) {
    const keys = await readKeyFile(io, values.to);
    if (keys.recipients.length === 0) throw new InputError('E_KEY_FILE', `${values.to}: no recipient line to encrypt to`);
    encryption = { kind: 'recipients', recipients: keys.recipients.map((recipient) => recipient.publicText) };
  }
  const input = await demoBundleInput({ seed, revisions });
  const bytes = await asInputErrors(values.out, () => encodeBundle({ ...input, encryption, appVersion: 'citykpi-cli', nativeSha256: nodeSha256 }));
  writeFileAtomic(io, values.out, bytes);
  io.out(`${values.out}: ${input.revisions.length} revisions, ${encryption.kind === 'none' ? 'signed, readable' : 'signed, encrypted'}\n`);
  return EXIT_OK;
}

export const demoCommand: Command = { name: 'demo', usage: USAGE, run };
