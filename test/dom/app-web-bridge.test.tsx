import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Bridge } from '../../electron/contract/bridge.ts';
import { createWebBridge, getBridge, resetBridgeForTests } from '../../renderer/src/bridge/index.ts';

type BridgeWindow = Window & { citykpi?: Bridge; __CITYKPI_TEST_BRIDGE__?: Bridge };

afterEach(() => {
  vi.restoreAllMocks();
  const host = window as BridgeWindow;
  delete host.citykpi;
  delete host.__CITYKPI_TEST_BRIDGE__;
  resetBridgeForTests();
  document.body.innerHTML = '';
});

const filters = [{ name: 'CityKPI bundle', extensions: ['citykpi'] }];

/** Makes the next hidden file input "choose" this file (or be cancelled) when the bridge clicks it. */
function chooseOnClick(file: File | 'cancel') {
  vi.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(function (this: HTMLInputElement) {
    if (file === 'cancel') {
      this.dispatchEvent(new Event('cancel'));
      return;
    }
    Object.defineProperty(this, 'files', { value: [file], configurable: true });
    this.dispatchEvent(new Event('change'));
  });
}

describe('web bridge', () => {
  it('describes itself as the web shell with the browser languages', async () => {
    const info = await createWebBridge().appInfo();
    expect(info.shell).toBe('web');
    expect(info.preferredLanguages).toEqual([...navigator.languages]);
  });

  it('saves by downloading the bytes under the suggested name', async () => {
    const clicked: { download: string; href: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ download: this.download, href: this.href });
    });
    const created = vi.spyOn(URL, 'createObjectURL');
    const result = await createWebBridge().saveFile({ suggestedName: 'lyon-2025.citykpi', bytes: new Uint8Array([1, 2, 3]), filters });
    expect(result).toEqual({ ok: true, value: { name: 'lyon-2025.citykpi' } });
    expect(clicked).toHaveLength(1);
    expect(clicked[0]?.download).toBe('lyon-2025.citykpi');
    const blob = created.mock.calls[0]?.[0] as Blob;
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([1, 2, 3]);
    expect(document.querySelector('a')).toBeNull();
  });

  it('refuses a suggested name that is a path', async () => {
    const result = await createWebBridge().saveFile({ suggestedName: '../x.citykpi', bytes: new Uint8Array(), filters });
    expect(result).toEqual({ ok: false, code: 'E_INVALID_REQUEST' });
  });

  it('opens a chosen file and returns its bytes', async () => {
    chooseOnClick(new File([new Uint8Array([7, 8, 9])], 'field.citykpi'));
    const result = await createWebBridge().openFile({ filters, maxBytes: 10 });
    expect(result.ok && result.value ? [...result.value.bytes] : result).toEqual([7, 8, 9]);
    expect(document.querySelector('input')).toBeNull();
  });

  it('refuses a file above the size cap without reading it', async () => {
    chooseOnClick(new File([new Uint8Array(11)], 'big.citykpi'));
    expect(await createWebBridge().openFile({ filters, maxBytes: 10 })).toEqual({ ok: false, code: 'E_TOO_LARGE' });
  });

  it('refuses a file of another type', async () => {
    chooseOnClick(new File(['x'], 'notes.txt'));
    expect(await createWebBridge().openFile({ filters, maxBytes: 10 })).toEqual({ ok: false, code: 'E_INVALID_REQUEST' });
  });

  it('answers null when the user cancels', async () => {
    chooseOnClick('cancel');
    expect(await createWebBridge().openFile({ filters, maxBytes: 10 })).toEqual({ ok: true, value: null });
  });

  it('prints through the browser print dialog, which saves PDFs itself, and names no file', async () => {
    const print = vi.fn();
    Object.defineProperty(window, 'print', { value: print, configurable: true });
    try {
      const result = await createWebBridge().printToPdf({ suggestedName: 'report.pdf', filters: [], pageSize: 'A4', landscape: false });
      expect(result).toEqual({ ok: true, value: null });
      expect(print).toHaveBeenCalledOnce();
      print.mockImplementationOnce(() => {
        throw new Error('printing is disabled');
      });
      expect(await createWebBridge().printToPdf({ suggestedName: 'report.pdf', filters: [], pageSize: 'A4', landscape: false })).toEqual({
        ok: false,
        code: 'E_UNAVAILABLE',
      });
    } finally {
      Reflect.deleteProperty(window, 'print');
    }
  });

  it('says honestly that backups and the key store do not exist in a browser', async () => {
    const bridge = createWebBridge();
    expect(await bridge.writeBackup({ label: 'daily', bytes: new Uint8Array() })).toEqual({ ok: false, code: 'E_UNAVAILABLE' });
    expect(await bridge.sealSecret(new Uint8Array([1]))).toEqual({ ok: false, code: 'E_UNAVAILABLE' });
    expect(await bridge.unsealSecret(new Uint8Array([1]))).toEqual({ ok: false, code: 'E_UNAVAILABLE' });
  });
});

describe('getBridge', () => {
  it('prefers an injected test bridge, then the Electron preload, then the web bridge', async () => {
    const fake = { ...createWebBridge(), appInfo: async () => ({ shell: 'electron' as const, version: 't', platform: 'test', preferredLanguages: [] }) };
    const host = window as BridgeWindow;

    expect((await getBridge().appInfo()).shell).toBe('web');

    resetBridgeForTests();
    host.citykpi = fake;
    expect(getBridge()).toBe(fake);

    resetBridgeForTests();
    const injected = createWebBridge();
    host.__CITYKPI_TEST_BRIDGE__ = injected;
    expect(getBridge()).toBe(injected);
  });
});
