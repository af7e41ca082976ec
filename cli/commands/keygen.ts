/**
 * `citykpi keygen`: the central office's keys. PREFIX.pub is shared with every laptop (bundles are
 * encrypted to its recipients; its signer line lets laptops trust office receipts and merged bundles).
 * PREFIX.key stays at the office; PREFIX.recovery.key goes offline (printed, in a safe) and decrypts
 * every bundle if the office key is lost.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { exportPrivateKeyPkcs8, generateDeviceIdentity } from '../../core/crypto/device-identity.ts';
import { formatKeyFile } from '../../core/crypto/key-file.ts';
import { normaliseInboxUrl } from '../../core/crypto/office-inbox.ts';
import { generateOfficeKeyPair } from '../../core/crypto/office-keys.ts';
import { EXIT_OK, InputError, UsageError, type Command, type ExitCode, type Io } from '../io.ts';
import { writeFileAtomic } from './bundle-files.ts';

const USAGE = `citykpi keygen --out <prefix> [--inbox <https url>] [--force]

Creates an office key pair and a recovery key:
  <prefix>.pub           shareable: import it on every laptop
  <prefix>.key           secret (mode 0600): decrypts bundles, signs merged bundles and receipts
  <prefix>.recovery.key  secret (mode 0600): keep offline; decrypts every bundle if <prefix>.key is lost

Options:
  -o, --out <prefix>  path prefix of the three files
      --inbox <url>   the office's bundle inbox (citykpi serve behind TLS): laptops that import
                      <prefix>.pub can then send bundles there with "Send to office"
      --force         overwrite existing files
  -h, --help          show this help`;

async function run(args: readonly string[], io: Io): Promise<ExitCode> {
  const { values } = parseArgs({
    args: [...args],
    options: { out: { type: 'string', short: 'o' }, inbox: { type: 'string' }, force: { type: 'boolean', default: false } },
    strict: true,
    allowPositionals: false,
  });
  if (values.out === undefined || values.out === '') throw new UsageError('--out is required');
  const inbox = values.inbox === undefined ? null : normaliseInboxUrl(values.inbox);
  if (values.inbox !== undefined && inbox === null) throw new UsageError('--inbox must be an https:// address with a host name or IPv4 address (plain http only for localhost or 127.0.0.1)');
  const paths = { pub: `${values.out}.pub`, key: `${values.out}.key`, recovery: `${values.out}.recovery.key` };
  if (!values.force) {
    for (const path of Object.values(paths)) {
      if (existsSync(resolve(io.cwd, path))) throw new InputError('E_EXISTS', `${path} already exists (use --force to replace it)`);
    }
  }
  const office = await generateOfficeKeyPair();
  const recovery = await generateOfficeKeyPair();
  const signing = await generateDeviceIdentity();
  const pkcs8 = await exportPrivateKeyPkcs8(signing.privateKey);
  const shared = [
    { kind: 'recipient', label: 'office', publicText: office.publicText },
    { kind: 'recipient', label: 'recovery', publicText: recovery.publicText },
    { kind: 'signer', label: 'office', publicKey: signing.publicKey },
    ...(inbox === null ? [] : [{ kind: 'inbox', label: 'office', url: inbox } as const]),
  ] as const;
  writeFileAtomic(io, paths.recovery, formatKeyFile(['SECRET recovery key: store offline.'], [{ kind: 'identity', label: 'recovery', secretText: recovery.secretText }]), 0o600);
  writeFileAtomic(
    io,
    paths.key,
    formatKeyFile(
      ['SECRET office key: never share. Signer fingerprint ' + signing.fingerprint],
      [{ kind: 'identity', label: 'office', secretText: office.secretText }, { kind: 'signing-key', label: 'office', pkcs8 }, ...shared],
    ),
    0o600,
  );
  writeFileAtomic(io, paths.pub, formatKeyFile(['Office public keys: share with every laptop. Signer fingerprint ' + signing.fingerprint], shared));
  io.out(`${paths.pub}\n${paths.key}\n${paths.recovery}\nsigner fingerprint: ${signing.fingerprint}\n`);
  return EXIT_OK;
}

export const keygenCommand: Command = { name: 'keygen', usage: USAGE, run };
