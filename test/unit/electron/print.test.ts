import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./electron-mock.ts'));

const { FakeBrowserWindow, dialog, resetElectronMock } = await import('./electron-mock.ts');
const { createPrintToPdf } = await import('../../../electron/main/handlers/print.ts');

vi.setConfig({ testTimeout: 30_000 });

let dir: string;
let window: InstanceType<typeof FakeBrowserWindow>;
const filters = [{ name: 'PDF', extensions: ['pdf'] }];
const request = { suggestedName: 'lake-amara-2025.pdf', filters, pageSize: 'A4', landscape: false } as const;

beforeEach(async () => {
  resetElectronMock();
  window = new FakeBrowserWindow({});
  dir = await mkdtemp(join(tmpdir(), 'citykpi-print-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('printToPdf', () => {
  it('asks where to save, renders the page through its print style sheet, and writes the PDF', async () => {
    const target = join(dir, 'report.pdf');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    const result = await createPrintToPdf(() => window as never)(request);
    expect(result).toEqual({ ok: true, value: { name: 'report.pdf' } });
    expect(dialog.showSaveDialog).toHaveBeenCalledExactlyOnceWith(window, { defaultPath: 'lake-amara-2025.pdf', filters });
    expect(window.webContents.printToPDF).toHaveBeenCalledExactlyOnceWith({
      pageSize: 'A4',
      landscape: false,
      printBackground: true,
      preferCSSPageSize: true,
      generateDocumentOutline: true,
    });
    expect((await readFile(target)).toString()).toBe('%PDF-1.7 fake');
    expect(await readdir(dir)).toEqual(['report.pdf']);
  });

  it('renders nothing and writes nothing when the dialog is cancelled', async () => {
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    await expect(createPrintToPdf(() => window as never)(request)).resolves.toEqual({ ok: true, value: null });
    expect(window.webContents.printToPDF).not.toHaveBeenCalled();
    expect(await readdir(dir)).toEqual([]);
  });

  it('answers E_UNAVAILABLE without a window to print', async () => {
    await expect(createPrintToPdf(() => null)(request)).resolves.toEqual({ ok: false, code: 'E_UNAVAILABLE' });
    window.destroyed = true;
    await expect(createPrintToPdf(() => window as never)(request)).resolves.toEqual({ ok: false, code: 'E_UNAVAILABLE' });
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('leaves no partial file when rendering fails', async () => {
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: join(dir, 'report.pdf') });
    window.webContents.printToPDF.mockRejectedValueOnce(new Error('render process gone'));
    await expect(createPrintToPdf(() => window as never)(request)).rejects.toThrow('render process gone');
    expect(await readdir(dir)).toEqual([]);
  });
});
