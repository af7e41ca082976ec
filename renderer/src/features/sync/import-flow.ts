/**
 * Opening a bundle file for import: every check core/bundle makes (decryption, signature, hashes,
 * limits, schema) runs here, before the data layer sees anything.
 */
import { decodeBundle, isBundleError } from '../../../../core/bundle/index.ts';
import { previewImport, signerTrustLookup, type ImportPreview, type OpenedBundle } from '../../data/index.ts';
import { sessionKeys } from './session-keys.ts';

export type OpenOutcome =
  | { readonly kind: 'preview'; readonly opened: OpenedBundle; readonly preview: ImportPreview }
  /** Passphrase-protected: ask for it (again, when `wrong`). */
  | { readonly kind: 'passphrase'; readonly wrong: boolean };

export async function openBundle(bytes: Uint8Array, passphrase?: string): Promise<OpenOutcome> {
  const identities = sessionKeys().identities.map((identity) => identity.secretText);
  try {
    const decoded = await decodeBundle(bytes, {
      identities,
      ...(passphrase === undefined ? {} : { passphrase }),
      trustedSigners: await signerTrustLookup(),
    });
    const opened: OpenedBundle = { bytes, decoded };
    return { kind: 'preview', opened, preview: await previewImport(opened) };
  } catch (error) {
    if (isBundleError(error) && error.code === 'E_PASSPHRASE_REQUIRED') return { kind: 'passphrase', wrong: passphrase !== undefined };
    throw error;
  }
}
