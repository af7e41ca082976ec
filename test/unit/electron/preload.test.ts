import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Bridge } from '../../../electron/contract/bridge.ts';

vi.mock('electron', () => import('./electron-mock.ts'));

const { contextBridge, ipcRenderer, resetElectronMock } = await import('./electron-mock.ts');

let api: Bridge;

beforeAll(async () => {
  resetElectronMock();
  await import('../../../electron/preload/index.ts');
  expect(contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
  const [key, exposed] = contextBridge.exposeInMainWorld.mock.calls[0] as [string, Bridge];
  expect(key).toBe('citykpi');
  api = exposed;
});

const EXPECTED_CHANNELS: Record<keyof Bridge, string> = {
  appInfo: 'app:info',
  saveFile: 'file:save',
  openFile: 'file:open',
  printToPdf: 'print:pdf',
  writeBackup: 'backup:write',
  sealSecret: 'secret:seal',
  unsealSecret: 'secret:unseal',
  keyStore: 'secret:store',
  takeOpenedFile: 'file:opened',
  setOfficeInbox: 'office:inbox',
};

describe('preload', () => {
  it('exposes exactly the Bridge methods, all plain functions, and no ipcRenderer', () => {
    expect(Object.keys(api).sort()).toEqual(Object.keys(EXPECTED_CHANNELS).sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(Object.values(api)).not.toContain(ipcRenderer);
    expect(Object.values(api)).not.toContain(ipcRenderer.invoke);
  });

  it.each([
    ['saveFile', { suggestedName: 'a.citykpi', bytes: new Uint8Array([1]), filters: [] }],
    ['openFile', { filters: [], maxBytes: 10 }],
    ['printToPdf', { suggestedName: 'a.pdf', filters: [], pageSize: 'A4', landscape: false }],
    ['writeBackup', { label: 'daily', bytes: new Uint8Array([2]) }],
    ['sealSecret', new Uint8Array([3])],
    ['unsealSecret', new Uint8Array([4])],
  ] as const)('%s invokes its channel with the request and returns the result', async (method, request) => {
    const result = { ok: true, value: { marker: method } };
    ipcRenderer.invoke.mockResolvedValueOnce(result);
    const call = api[method] as (request: unknown) => Promise<unknown>;
    await expect(call(request)).resolves.toBe(result);
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(EXPECTED_CHANNELS[method], request);
  });

  it('appInfo unwraps the result and rejects with the error code', async () => {
    const info = { shell: 'electron', version: '0.1.0', platform: 'linux', preferredLanguages: ['fr-FR'] };
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: info });
    await expect(api.appInfo()).resolves.toEqual(info);
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith('app:info', undefined);
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: false, code: 'E_FORBIDDEN' });
    await expect(api.appInfo()).rejects.toThrow('E_FORBIDDEN');
  });

  it('keyStore unwraps the result and rejects with the error code', async () => {
    const status = { kind: 'none', backend: 'basic_text' };
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: status });
    await expect(api.keyStore()).resolves.toEqual(status);
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith('secret:store', undefined);
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: false, code: 'E_FORBIDDEN' });
    await expect(api.keyStore()).rejects.toThrow('E_FORBIDDEN');
  });
});
