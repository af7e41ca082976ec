import { mkdtemp, open, readdir, readFile, rm, writeFile, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./electron-mock.ts'));

const { FakeBrowserWindow, dialog, resetElectronMock, safeStorage } = await import('./electron-mock.ts');
const { appInfo } = await import('../../../electron/main/handlers/app-info.ts');
const { createOpenFile, createSaveFile, readHandleBounded } = await import('../../../electron/main/handlers/files.ts');
const { keyStoreStatus, sealSecret, unsealSecret } = await import('../../../electron/main/handlers/secrets.ts');

// saveFile really fsyncs: on a busy disk that can take seconds.
vi.setConfig({ testTimeout: 30_000 });

let dir: string;
let window: InstanceType<typeof FakeBrowserWindow>;
const getWindow = () => window as never;
const filters = [{ name: 'CityKPI bundle', extensions: ['citykpi'] }];

beforeEach(async () => {
  resetElectronMock();
  window = new FakeBrowserWindow({});
  dir = await mkdtemp(join(tmpdir(), 'citykpi-handlers-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('appInfo', () => {
  it('reports the Electron shell, version, platform and OS languages', async () => {
    await expect(appInfo()).resolves.toEqual({
      ok: true,
      value: { shell: 'electron', version: '0.1.0', platform: process.platform, preferredLanguages: ['fr-FR', 'en-US'] },
    });
  });
});

describe('saveFile', () => {
  it('asks where to save, with the suggested name and filters, then writes the bytes', async () => {
    const target = join(dir, 'chosen.citykpi');
    await writeFile(target, 'previous');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    const result = await createSaveFile(getWindow)({ suggestedName: 'paris-2026.citykpi', bytes: new Uint8Array([1, 2, 3]), filters });
    expect(result).toEqual({ ok: true, value: { name: 'chosen.citykpi', folder: dir } });
    expect(dialog.showSaveDialog).toHaveBeenCalledExactlyOnceWith(window, { defaultPath: 'paris-2026.citykpi', filters });
    expect(new Uint8Array(await readFile(target))).toEqual(new Uint8Array([1, 2, 3]));
    expect(await readdir(dir)).toEqual(['chosen.citykpi']);
  });

  it('returns null and writes nothing when the dialog is cancelled', async () => {
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    await expect(createSaveFile(getWindow)({ suggestedName: 'a.citykpi', bytes: new Uint8Array([1]), filters })).resolves.toEqual({ ok: true, value: null });
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('openFile', () => {
  it('returns the chosen file', async () => {
    const path = join(dir, 'in.citykpi');
    await writeFile(path, new Uint8Array([9, 8, 7]));
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [path] });
    const result = await createOpenFile(getWindow)({ filters, maxBytes: 3 });
    expect(result).toEqual({ ok: true, value: { name: 'in.citykpi', bytes: new Uint8Array([9, 8, 7]) } });
    expect(dialog.showOpenDialog).toHaveBeenCalledExactlyOnceWith(window, { properties: ['openFile'], filters });
  });

  it('returns null when cancelled', async () => {
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    await expect(createOpenFile(getWindow)({ filters, maxBytes: 10 })).resolves.toEqual({ ok: true, value: null });
  });

  it('refuses a file above maxBytes', async () => {
    const path = join(dir, 'big.citykpi');
    await writeFile(path, new Uint8Array(4096));
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [path] });
    await expect(createOpenFile(getWindow)({ filters, maxBytes: 4095 })).resolves.toEqual({ ok: false, code: 'E_TOO_LARGE' });
  });

  it('refuses a directory', async () => {
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [dir] });
    await expect(createOpenFile(getWindow)({ filters, maxBytes: 100 })).resolves.toEqual({ ok: false, code: 'E_IO' });
  });
});

describe('readHandleBounded', () => {
  async function withHandle(bytes: number, test: (handle: FileHandle) => Promise<void>): Promise<void> {
    const path = join(dir, 'file.bin');
    await writeFile(path, new Uint8Array(bytes).fill(7));
    const handle = await open(path, 'r');
    try {
      await test(handle);
    } finally {
      await handle.close();
    }
  }

  it('checks the size before reading a single byte', async () => {
    await withHandle(4096, async (handle) => {
      const read = vi.spyOn(handle, 'read');
      await expect(readHandleBounded(handle, 'file.bin', 4095)).resolves.toEqual({ ok: false, code: 'E_TOO_LARGE' });
      expect(read).not.toHaveBeenCalled();
    });
  });

  it('reads at most maxBytes + 1 even if the file grew after the size check', async () => {
    await withHandle(10_000, async (handle) => {
      const realStats = await handle.stat();
      const shrunk = Object.assign(Object.create(Object.getPrototypeOf(realStats) as object) as typeof realStats, realStats, { size: 4 });
      vi.spyOn(handle, 'stat').mockResolvedValueOnce(shrunk);
      const read = vi.spyOn(handle, 'read');
      await expect(readHandleBounded(handle, 'file.bin', 4)).resolves.toEqual({ ok: false, code: 'E_TOO_LARGE' });
      const requested = read.mock.calls.reduce((sum, call) => sum + Number((call as unknown[])[2]), 0);
      expect(requested).toBe(5);
    });
  });

  it('returns the bytes when the file fits exactly', async () => {
    await withHandle(4, async (handle) => {
      await expect(readHandleBounded(handle, 'file.bin', 4)).resolves.toEqual({ ok: true, value: { name: 'file.bin', bytes: new Uint8Array(4).fill(7) } });
    });
  });
});

describe('secrets', () => {
  const secret = new Uint8Array([0, 1, 2, 250, 255]);

  it('seals and unseals bytes through safeStorage', async () => {
    const sealed = await sealSecret(secret);
    if (!sealed.ok) throw new Error(sealed.code);
    expect(sealed.value).not.toEqual(secret);
    await expect(unsealSecret(sealed.value)).resolves.toEqual({ ok: true, value: secret });
  });

  it('refuses when the OS offers no encryption', async () => {
    safeStorage.isEncryptionAvailable.mockReturnValue(false);
    try {
      await expect(sealSecret(secret)).resolves.toEqual({ ok: false, code: 'E_UNAVAILABLE' });
      await expect(unsealSecret(secret)).resolves.toEqual({ ok: false, code: 'E_UNAVAILABLE' });
      expect(safeStorage.encryptString).not.toHaveBeenCalled();
    } finally {
      safeStorage.isEncryptionAvailable.mockReturnValue(true);
    }
  });

  it('refuses the Linux basic_text backend, whose key is hard-coded', async () => {
    const platform = vi.spyOn(process, 'platform', 'get').mockReturnValue('linux');
    safeStorage.getSelectedStorageBackend.mockReturnValue('basic_text');
    try {
      await expect(sealSecret(secret)).resolves.toEqual({ ok: false, code: 'E_UNAVAILABLE' });
      expect(safeStorage.encryptString).not.toHaveBeenCalled();
    } finally {
      safeStorage.getSelectedStorageBackend.mockReturnValue('gnome_libsecret');
      platform.mockRestore();
    }
  });

  it('reports the key store: the OS one where usable, none for basic_text or no encryption, naming the backend', async () => {
    const platform = vi.spyOn(process, 'platform', 'get').mockReturnValue('linux');
    try {
      await expect(keyStoreStatus()).resolves.toEqual({ ok: true, value: { kind: 'os', backend: 'gnome_libsecret' } });
      safeStorage.getSelectedStorageBackend.mockReturnValue('basic_text');
      await expect(keyStoreStatus()).resolves.toEqual({ ok: true, value: { kind: 'none', backend: 'basic_text' } });
      safeStorage.getSelectedStorageBackend.mockReturnValue('kwallet5');
      await expect(keyStoreStatus()).resolves.toEqual({ ok: true, value: { kind: 'os', backend: 'kwallet5' } });
      safeStorage.isEncryptionAvailable.mockReturnValue(false);
      await expect(keyStoreStatus()).resolves.toEqual({ ok: true, value: { kind: 'none', backend: 'unavailable' } });
      platform.mockReturnValue('darwin');
      safeStorage.isEncryptionAvailable.mockReturnValue(true);
      await expect(keyStoreStatus()).resolves.toEqual({ ok: true, value: { kind: 'os', backend: 'keychain' } });
    } finally {
      safeStorage.isEncryptionAvailable.mockReturnValue(true);
      safeStorage.getSelectedStorageBackend.mockReturnValue('gnome_libsecret');
      platform.mockRestore();
    }
  });

  it('answers E_INVALID_REQUEST for bytes that do not decrypt', async () => {
    await expect(unsealSecret(new Uint8Array([1, 2, 3]))).resolves.toEqual({ ok: false, code: 'E_INVALID_REQUEST' });
  });
});
