import { dialog, type BrowserWindow } from 'electron';
import { open, type FileHandle } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { BridgeResult, OpenedFile, OpenFileRequest, SavedFile, SaveFileRequest } from '../../contract/bridge.ts';
import { writeFileAtomic } from '../fs/atomic-write.ts';
import { toDialogFilters } from './dialog-filters.ts';

export function createSaveFile(getWindow: () => BrowserWindow | null) {
  return async (request: SaveFileRequest): Promise<BridgeResult<SavedFile | null>> => {
    const options = { defaultPath: request.suggestedName, filters: toDialogFilters(request.filters) };
    const window = getWindow();
    const choice = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return { ok: true, value: null };
    await writeFileAtomic(choice.filePath, request.bytes);
    return { ok: true, value: { name: basename(choice.filePath), folder: dirname(choice.filePath) } };
  };
}

export function createOpenFile(getWindow: () => BrowserWindow | null) {
  return async (request: OpenFileRequest): Promise<BridgeResult<OpenedFile | null>> => {
    const options = { properties: ['openFile' as const], filters: toDialogFilters(request.filters) };
    const window = getWindow();
    const choice = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    const path = choice.filePaths[0];
    if (choice.canceled || path === undefined) return { ok: true, value: null };
    return readBounded(path, request.maxBytes);
  };
}

export async function readBounded(path: string, maxBytes: number): Promise<BridgeResult<OpenedFile>> {
  const handle = await open(path, 'r');
  try {
    return await readHandleBounded(handle, basename(path), maxBytes);
  } finally {
    await handle.close();
  }
}

/**
 * Checks the size of the opened file before reading, then reads at most maxBytes + 1 bytes so a file
 * that grows between the check and the read is still refused instead of filling memory.
 */
export async function readHandleBounded(
  handle: Pick<FileHandle, 'stat' | 'read'>,
  name: string,
  maxBytes: number,
): Promise<BridgeResult<OpenedFile>> {
  const stats = await handle.stat();
  if (!stats.isFile()) return { ok: false, code: 'E_IO' };
  if (stats.size > maxBytes) return { ok: false, code: 'E_TOO_LARGE' };
  const buffer = new Uint8Array(Math.min(stats.size, maxBytes) + 1);
  let filled = 0;
  while (filled < buffer.length) {
    const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  if (filled > maxBytes) return { ok: false, code: 'E_TOO_LARGE' };
  return { ok: true, value: { name, bytes: buffer.slice(0, filled) } };
}
