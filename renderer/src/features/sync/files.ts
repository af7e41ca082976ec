/** Reading and writing files through the Bridge, with its failures turned into errors. */
import { DEFAULT_LIMITS } from '../../../../core/bundle/index.ts';
import type { FileFilter, SavedFile } from '../../../../electron/contract/bridge.ts';
import { getBridge } from '../../bridge/index.ts';
import { BridgeCallError } from './describe-error.ts';

export const BUNDLE_EXTENSION = 'citykpi';
export const RECEIPT_EXTENSION = 'citykpi-receipt';
export const KEY_FILE_EXTENSIONS = ['pub', 'key', 'txt'];
/** A key file is small text; anything larger is not one. */
const MAX_KEY_FILE_BYTES = 64 * 1024;

export interface PickedFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** null when the user cancels. */
export async function pick(filters: readonly FileFilter[], maxBytes: number): Promise<PickedFile | null> {
  const result = await getBridge().openFile({ filters, maxBytes });
  if (!result.ok) {
    if (result.code === 'E_CANCELLED') return null;
    throw new BridgeCallError(result.code);
  }
  return result.value;
}

export const pickBundle = (filterName: string) => pick([{ name: filterName, extensions: [BUNDLE_EXTENSION] }], DEFAULT_LIMITS.maxFileBytes);
export const pickReceipt = (filterName: string) => pick([{ name: filterName, extensions: [RECEIPT_EXTENSION] }], DEFAULT_LIMITS.maxPartBytes);
export const pickKeyFile = (filterName: string) => pick([{ name: filterName, extensions: KEY_FILE_EXTENSIONS }], MAX_KEY_FILE_BYTES);

/** Where the file went (name, and folder when the shell knows it), or null when the user cancelled. */
export async function saveFileAt(suggestedName: string, bytes: Uint8Array, filter: FileFilter): Promise<SavedFile | null> {
  const result = await getBridge().saveFile({ suggestedName, bytes, filters: [filter] });
  if (!result.ok) {
    if (result.code === 'E_CANCELLED') return null;
    throw new BridgeCallError(result.code);
  }
  return result.value ?? null;
}

/** The saved file's name, or null when the user cancelled. */
export async function saveBytes(suggestedName: string, bytes: Uint8Array, filter: FileFilter): Promise<string | null> {
  return (await saveFileAt(suggestedName, bytes, filter))?.name ?? null;
}

/** `citykpi-<label>-<YYYY-MM-DD-HHMM>`: sortable, and free of anything a file system could mind. */
export function fileStem(label: string, now = new Date()): string {
  const safe = label.normalize('NFKD').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase().slice(0, 40);
  const stamp = now.toISOString().slice(0, 16).replace(/[-:T]/g, (char) => (char === 'T' ? '-' : char === ':' ? '' : '-'));
  return ['citykpi', safe, stamp].filter((part) => part !== '').join('-');
}
