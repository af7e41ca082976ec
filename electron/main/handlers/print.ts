import { dialog, type BrowserWindow } from 'electron';
import { basename } from 'node:path';
import type { BridgeResult, PrintToPdfRequest } from '../../contract/bridge.ts';
import { writeFileAtomic } from '../fs/atomic-write.ts';
import { toDialogFilters } from './dialog-filters.ts';

/**
 * Asks where to save before rendering, so a cancelled dialog costs nothing; then renders the window's own
 * page through its print style sheet (the renderer has laid the report out for paper) and writes it atomically.
 */
export function createPrintToPdf(getWindow: () => BrowserWindow | null) {
  return async (request: PrintToPdfRequest): Promise<BridgeResult<{ readonly name: string } | null>> => {
    const window = getWindow();
    if (!window || window.isDestroyed()) return { ok: false, code: 'E_UNAVAILABLE' };
    const choice = await dialog.showSaveDialog(window, { defaultPath: request.suggestedName, filters: toDialogFilters(request.filters) });
    if (choice.canceled || !choice.filePath) return { ok: true, value: null };
    const pdf = await window.webContents.printToPDF({
      pageSize: request.pageSize,
      landscape: request.landscape,
      printBackground: true,
      preferCSSPageSize: true,
      generateDocumentOutline: true,
    });
    await writeFileAtomic(choice.filePath, new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength));
    return { ok: true, value: { name: basename(choice.filePath) } };
  };
}
