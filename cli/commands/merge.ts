/**
 * `citykpi merge`: one bundle holding the union of several. It is signed by the office signing key
 * of --identity, or, without it, by a one-off key made for this run (importers then see an unknown
 * signer and must decide). It is encrypted to --to, else to the recipients in the --identity file;
 * a readable output from encrypted inputs needs --open.
 */
import { parseArgs } from 'node:util';
import {
  type BundleEncryption,
  type BundleExtensions,
  type BundleSigner,
  type DecodedBundle,
  type EncodedVolume,
  encodeBundleSet,
  mergeRevisionSets,
} from '../../core/bundle/index.ts';
import type { JsonValue } from '../../core/bundle/strict-json.ts';
import { deviceIdFromPublicKey, generateDeviceIdentity, importDeviceIdentity } from '../../core/crypto/device-identity.ts';
import type { Revision } from '../../core/revisions/types.ts';
import { checkWorkshopRevisions } from '../../core/workshop/rules.ts';
import { terminalText } from '../terminal-text.ts';
import { EXIT_OK, InputError, UsageError, type Command, type ExitCode, type Io } from '../io.ts';
import { KEY_OPTIONS, KEY_USAGE, asInputErrors, loadBundleKeys, readKeyFile, refuseExistingOutput, writeFileAtomic } from './bundle-files.ts';
import { OFFICE_TRUST_OPTIONS, OFFICE_TRUST_USAGE, decodeOfficeBundle, loadOfficeTrust, officeTrustsAll } from './trust-files.ts';
import { nodeSha256 } from '../node-sha256.ts';

const USAGE = `citykpi merge <file>... --out <file> [--identity <office.key>] [--to <office.pub>] [--open] [--force] [--allow-unknown]

Writes one bundle holding every revision and attachment of the given bundles (a set union: order
and duplicates do not matter). Each input is checked completely first, and must be signed by an
enrolled device (citykpi trust) or by the office itself. The files of a bundle set are inputs like
any other. When the evidence is too large for one file, the result is a bundle set too: <file>,
then <file stem>.2-of-N.citykpi and so on, each complete with every revision.

Options:
  -o, --out <file>            where to write the merged bundle (never one of the inputs)
${KEY_USAGE}
${OFFICE_TRUST_USAGE}
      --to <file>             encrypt to the recipients of this key file
      --open                  write a readable (unencrypted) bundle even if inputs were encrypted
      --force                 replace an existing output file
  -h, --help                  show this help

Signing: with --identity, the key file's signing key signs the result; without it, or when an input
comes from a device that is not enrolled (--allow-unknown), a one-off key does, so laptops are asked
before they import it. Encryption: --to, else the recipient lines of --identity, else none.`;

/** The office's own signing key, unless an input is not trusted: then a one-off key, so nothing unknown is vouched for by the office. */
export async function mergeSigner(
  io: Io,
  identityFiles: readonly string[],
  vouch: boolean,
  oneOffName = 'citykpi merge',
): Promise<{ signer: BundleSigner; recipients: string[] }> {
  let recipients: string[] = [];
  for (const path of identityFiles) {
    const file = await readKeyFile(io, path);
    const signingKey = file.signingKeys[0];
    if (!signingKey) continue;
    recipients = file.recipients.map((recipient) => recipient.publicText);
    if (!vouch) break;
    const identity = await asInputErrors(path, () => importDeviceIdentity(signingKey.pkcs8));
    return {
      signer: { id: await deviceIdFromPublicKey(identity.publicKey), name: `Central office (${signingKey.label})`, publicKey: identity.publicKey, privateKey: identity.privateKey },
      recipients,
    };
  }
  const oneOff = await generateDeviceIdentity();
  return {
    signer: { id: await deviceIdFromPublicKey(oneOff.publicKey), name: oneOffName, publicKey: oneOff.publicKey, privateKey: oneOff.privateKey },
    recipients,
  };
}

function mergeExtensions(all: readonly BundleExtensions[]): BundleExtensions {
  const manifest: Record<string, JsonValue> = {};
  const parts = new Map<string, Uint8Array>();
  let formatMinor = 0;
  for (const extensions of all) {
    formatMinor = Math.max(formatMinor, extensions.formatMinor);
    for (const [key, value] of Object.entries(extensions.manifest)) if (!(key in manifest)) manifest[key] = value;
    for (const part of extensions.parts) if (!parts.has(part.name)) parts.set(part.name, part.bytes);
  }
  return { formatMinor, manifest, parts: [...parts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, bytes]) => ({ name, bytes })) };
}

async function run(args: readonly string[], io: Io): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: {
      ...KEY_OPTIONS,
      ...OFFICE_TRUST_OPTIONS,
      out: { type: 'string', short: 'o' },
      to: { type: 'string' },
      open: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length === 0) throw new UsageError('at least one bundle file is required');
  if (values.out === undefined) throw new UsageError('--out is required');
  if (values.open && values.to !== undefined) throw new UsageError('--open and --to exclude each other');
  refuseExistingOutput(io, values.out, positionals, values.force);
  const keys = await loadBundleKeys(io, values);
  const trust = await loadOfficeTrust(io, values);
  const bundles: DecodedBundle[] = [];
  for (const file of positionals) bundles.push(await decodeOfficeBundle(io, file, keys, trust));
  const unknownInputs = bundles.filter((bundle) => !officeTrustsAll(bundle, keys, trust)).length;

  const { signer, recipients: ownRecipients } = await mergeSigner(io, values.identity ?? [], unknownInputs === 0);
  if (unknownInputs > 0 && (values.identity ?? []).length > 0) {
    io.err(`citykpi: note: ${unknownInputs} input(s) come from devices that are not enrolled, so the office key does not sign the result\n`);
  }
  let recipients = ownRecipients;
  if (values.to !== undefined) {
    const file = await readKeyFile(io, values.to);
    if (file.recipients.length === 0) throw new InputError('E_KEY_FILE', `${values.to}: no recipient line to encrypt to`);
    recipients = file.recipients.map((recipient) => recipient.publicText);
  }
  if (values.open) recipients = [];
  const anyEncrypted = bundles.some((bundle) => bundle.envelope.kind !== 'none');
  if (recipients.length === 0 && anyEncrypted && !values.open) {
    throw new UsageError('the inputs are encrypted: pass --to <office.pub> (or an --identity with recipient lines), or --open');
  }
  const encryption: BundleEncryption = recipients.length > 0 ? { kind: 'recipients', recipients } : { kind: 'none' };
  const attachments = new Map<string, Uint8Array>();
  for (const bundle of bundles) for (const [hash, bytes] of bundle.attachments) if (!attachments.has(hash)) attachments.set(hash, bytes);
  const revisions = mergeRevisionSets(...bundles.map((bundle) => bundle.revisions));
  refuseWorkshopViolations(revisions);
  const files = encodeBundleSet({
    revisions,
    attachmentSizes: new Map([...attachments].map(([hash, bytes]) => [hash, bytes.length])),
    loadAttachments: async (hashes) => hashes.map((hash) => attachments.get(hash)!),
    device: signer,
    encryption,
    appVersion: 'citykpi-cli',
    extensions: mergeExtensions(bundles.map((bundle) => bundle.extensions)),
    attestations: bundles.flatMap((bundle) => bundle.attestations),
    nativeSha256: nodeSha256,
  });
  // Every file is made before any is written: a failure leaves no partial set behind.
  const made: EncodedVolume[] = [];
  await asInputErrors(values.out, async () => {
    for await (const file of files) made.push(file);
  });
  const names = made.map((file) => volumeFileName(values.out!, file.index, file.count));
  for (const name of names.slice(1)) refuseExistingOutput(io, name, positionals, values.force);
  for (const [index, file] of made.entries()) writeFileAtomic(io, names[index]!, file.bytes);
  const where = names.length === 1 ? values.out : `${values.out} and ${names.length - 1} more file(s) of its set`;
  io.out(`${where}: ${revisions.length} revisions from ${bundles.length} bundles, ${encryption.kind === 'none' ? 'readable' : 'encrypted'}, signed by ${signer.name}\n`);
  return EXIT_OK;
}

/** `all.citykpi` for the first file of a set (or the only one), `all.2-of-3.citykpi` for the second. */
export function volumeFileName(out: string, index: number, count: number): string {
  if (index === 1) return out;
  const dot = out.lastIndexOf('.');
  const slash = Math.max(out.lastIndexOf('/'), out.lastIndexOf('\\'));
  const [stem, extension] = dot > slash + 1 ? [out.slice(0, dot), out.slice(dot)] : [out, ''];
  return `${stem}.${index}-of-${count}${extension}`;
}

/** The office applies the same workshop rule as the laptops: a merge never launders a refused change. */
function refuseWorkshopViolations(revisions: readonly Revision[]): void {
  const refused = checkWorkshopRevisions(revisions, []);
  if (refused.length === 0) return;
  const first = refused[0]!;
  throw new InputError(
    'E_FORBIDDEN',
    `${refused.length} revision(s) break the workshop rules, first ${first.revisionId.slice(0, 12)} by "${terminalText(first.author)}" on ${terminalText(first.recordId)} (${first.code}); nothing written`,
  );
}

export const mergeCommand: Command = { name: 'merge', usage: USAGE, run };
