/**
 * The office's keys for the database commands: decrypt with the identities, sign receipts, and count
 * as enrolled the office's own signers and the devices of its trust file (citykpi trust), besides the
 * devices enrolled in the database itself (quarantine accept).
 */
import { InputError, type Io } from '../io.ts';
import { keyFileSigner, loadBundleKeys, readKeyFile } from '../commands/bundle-files.ts';
import { TRUST_FILE_OPTION, TRUST_FILE_USAGE, readTrustStore } from '../commands/trust-files.ts';
import type { OfficeKeys } from './ingest.ts';

/** The options every office-database command shares. */
export const OFFICE_OPTIONS = {
  postgres: { type: 'string' },
  identity: { type: 'string', short: 'i', multiple: true },
  ...TRUST_FILE_OPTION,
} as const;

export const OFFICE_USAGE = `      --postgres <url>        postgres://user@host:port/database (password in PGPASSWORD or ~/.pgpass)
  -i, --identity <file>       office key file (.key): decrypts bundles, signs receipts; repeatable
${TRUST_FILE_USAGE}`;

export async function loadOfficeKeys(
  io: Io,
  paths: { readonly identity?: readonly string[]; readonly 'trust-file'?: string },
  options: { readonly requireSigner: boolean },
): Promise<OfficeKeys> {
  const identityPaths = paths.identity ?? [];
  const bundleKeys = await loadBundleKeys(io, { identity: [...identityPaths] });
  const { store } = await readTrustStore(io, paths['trust-file']);
  let receiptSigner = null;
  for (const path of identityPaths) {
    receiptSigner = await keyFileSigner(path, await readKeyFile(io, path));
    if (receiptSigner) break;
  }
  if (options.requireSigner && !receiptSigner) {
    throw new InputError('E_KEY_FILE', `${identityPaths.join(', ') || '--identity'}: no signing-key line to sign receipts with (use the office .key file)`);
  }
    const enrolledByFile = new Set([...bundleKeys.trusted, ...store.devices.map((device) => device.keyText)]);
  return { identities: bundleKeys.identities, receiptSigner, enrolledByFile };
}
