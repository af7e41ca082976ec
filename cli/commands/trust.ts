/**
 * `citykpi trust add|list|remove`: the devices whose bundles the office accepts. A device is enrolled
 * from a bundle it signed (its signature is checked) or from its public key, after someone compared
 * the fingerprint with the one the laptop shows (`--fingerprint` makes that comparison part of the command).
 */
import { parseArgs } from 'node:util';
import { fromBase64Url } from '../../core/crypto/bytes.ts';
import { fingerprintOf } from '../../core/crypto/fingerprint.ts';
import { PUBLIC_KEY_BYTES } from '../../core/crypto/signing.ts';
import { type EnrolledDevice, enrollDevice, findEnrolled, removeDevice } from '../../core/trust/trust-store.ts';
import { EXIT_OK, InputError, UsageError, type Command, type ExitCode, type Io } from '../io.ts';
import { terminalText } from '../terminal-text.ts';
import { KEY_OPTIONS, KEY_USAGE, asInputErrors, decodeBundleFile, loadBundleKeys } from './bundle-files.ts';
import { TRUST_FILE_OPTION, TRUST_FILE_USAGE, readTrustStore, writeTrustStore } from './trust-files.ts';

const USAGE = `citykpi trust add <bundle> [--name <name>] [--fingerprint <fp>] | trust add --key <public key> --name <name> | trust list [--json] | trust remove <fingerprint>

Enrolled devices: merge, values and every other office command refuse bundles signed by any other
device (E_UNKNOWN_SIGNER) unless given --allow-unknown.

  add <bundle>     enroll the device that signed this bundle (its signature is checked first);
                   the name defaults to the device name in the bundle
  add --key <key>  enroll a device by its base64url Ed25519 public key
  list             the enrolled devices: fingerprint, name, enrolment time
  remove <fp>      stop accepting a device (by fingerprint, with or without dashes, or public key);
                   bundles already merged stay merged

Options:
      --name <name>           the name shown for the device (a renamed key keeps its enrolment time)
      --fingerprint <fp>      refuse to enroll unless the key has this fingerprint (read it on the laptop)
      --key <public key>      the device's public key, instead of a bundle
      --json                  list as JSON
${TRUST_FILE_USAGE}
${KEY_USAGE}
  -h, --help                  show this help`;

function wholeSecondsNow(): string {
  return `${new Date().toISOString().slice(0, 19)}Z`;
}

function deviceLine(device: EnrolledDevice): string {
  return `${device.fingerprint}  ${device.enrolledAt}  ${terminalText(device.name)}`;
}

async function enrolled(io: Io, positionals: readonly string[], values: Record<string, unknown>): Promise<ExitCode> {
  const keyText = values.key as string | undefined;
  if ((keyText === undefined) === (positionals.length === 0)) throw new UsageError('trust add needs either one bundle file or --key');
  if (positionals.length > 1) throw new UsageError('trust add enrolls one device at a time');
  let publicKey: Uint8Array;
  let name = values.name as string | undefined;
  let source: string;
  if (keyText !== undefined) {
    const key = fromBase64Url(keyText);
    if (!key || key.length !== PUBLIC_KEY_BYTES) throw new InputError('E_KEY_FILE', '--key is not a base64url Ed25519 public key (43 characters)');
    if (name === undefined) throw new UsageError('--name is required with --key');
    publicKey = key;
    source = 'public key';
  } else {
    const file = positionals[0]!;
    const bundle = await decodeBundleFile(io, file, await loadBundleKeys(io, values as Parameters<typeof loadBundleKeys>[1]));
    publicKey = bundle.signer.publicKey;
    name ??= bundle.signer.deviceName;
    source = `${file}, device ${terminalText(bundle.signer.deviceId)}`;
  }
  const fingerprint = await fingerprintOf(publicKey);
  const expected = values.fingerprint as string | undefined;
  if (expected !== undefined && expected.replace(/-/g, '').toUpperCase() !== fingerprint.replace(/-/g, '')) {
    throw new InputError('E_FINGERPRINT_MISMATCH', `the key's fingerprint is ${fingerprint}, not ${terminalText(expected)}: nothing enrolled`);
  }
  const { path, store } = await readTrustStore(io, values['trust-file'] as string | undefined, { mayBeNew: true });
  const result = await asInputErrors(path, () => enrollDevice(store, { publicKey, name: name!, enrolledAt: wholeSecondsNow() }));
  writeTrustStore(io, path, result.store);
  io.out(`${result.renamed ? 'renamed' : 'enrolled'}: ${deviceLine(result.device)}  (from ${source})\n${path}: ${result.store.devices.length} devices\n`);
  if (expected === undefined) io.out('Compare this fingerprint with the one the laptop shows before you rely on it.\n');
  return EXIT_OK;
}

async function listed(io: Io, values: Record<string, unknown>): Promise<ExitCode> {
  const { path, store } = await readTrustStore(io, values['trust-file'] as string | undefined);
  if (values.json) {
    const rows = store.devices.map((device) => ({ fingerprint: device.fingerprint, name: device.name, publicKey: device.keyText, enrolledAt: device.enrolledAt }));
    io.out(`${JSON.stringify(rows, null, 2)}\n`);
  } else if (store.devices.length === 0) {
    io.out(`${path}: no device enrolled yet (citykpi trust add <bundle>)\n`);
  } else {
    io.out(`${['fingerprint               enrolled              name', ...store.devices.map(deviceLine)].join('\n')}\n`);
  }
  return EXIT_OK;
}

async function removed(io: Io, positionals: readonly string[], values: Record<string, unknown>): Promise<ExitCode> {
  if (positionals.length !== 1) throw new UsageError('trust remove takes one fingerprint or public key');
  const { path, store } = await readTrustStore(io, values['trust-file'] as string | undefined);
  const wanted = positionals[0]!;
  if (!findEnrolled(store, wanted)) throw new InputError('E_NOT_ENROLLED', `${path}: no enrolled device has the fingerprint or key ${terminalText(wanted)}`);
  const result = removeDevice(store, wanted);
  writeTrustStore(io, path, result.store);
  io.out(`removed: ${deviceLine(result.removed!)}\n${path}: ${result.store.devices.length} devices\n`);
  return EXIT_OK;
}

async function run(args: readonly string[], io: Io): Promise<ExitCode> {
  const [action, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    options: {
      ...KEY_OPTIONS,
      ...TRUST_FILE_OPTION,
      name: { type: 'string' },
      fingerprint: { type: 'string' },
      key: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: true,
  });
  switch (action) {
    case 'add':
      return enrolled(io, positionals, values);
    case 'list':
      if (positionals.length > 0) throw new UsageError('trust list takes no arguments');
      return listed(io, values);
    case 'remove':
      return removed(io, positionals, values);
    default:
      throw new UsageError(action === undefined ? 'trust needs add, list or remove' : `unknown trust action '${action}'`);
  }
}

export const trustCommand: Command = { name: 'trust', usage: USAGE, run };
