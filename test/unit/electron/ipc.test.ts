import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';

vi.mock('electron', () => import('./electron-mock.ts'));

const electronMock = await import('./electron-mock.ts');
const { FakeBrowserWindow, FakeWebContents, dialog, ipcHandlers, resetElectronMock, safeStorage } = electronMock;
const { handle } = await import('../../../electron/main/ipc.ts');
const { registerBridgeHandlers } = await import('../../../electron/main/handlers/index.ts');
const { CHANNELS } = await import('../../../electron/contract/channels.ts');
const { MAX_FILE_BYTES, MAX_SECRET_BYTES } = await import('../../../electron/contract/limits.ts');

type Handler = (event: unknown, payload?: unknown) => Promise<unknown>;

let window: InstanceType<typeof FakeBrowserWindow>;

beforeEach(() => {
  resetElectronMock();
  window = new FakeBrowserWindow({});
});

function mainFrameEvent(target = window) {
  return { sender: target.webContents, senderFrame: target.webContents.mainFrame };
}

function registered(channel: string): Handler {
  const handler = ipcHandlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return handler;
}

describe('handle: sender checks', () => {
  function setUp() {
    const impl = vi.fn(async (request: { n: number }) => ({ ok: true as const, value: request.n * 2 }));
    handle(CHANNELS.appInfo, z.strictObject({ n: z.number() }), impl, () => window as never);
    return { impl, handler: registered(CHANNELS.appInfo) };
  }

  it('runs the implementation for the main frame of our window on the app origin', async () => {
    const { impl, handler } = setUp();
    await expect(handler(mainFrameEvent(), { n: 21 })).resolves.toEqual({ ok: true, value: 42 });
    expect(impl).toHaveBeenCalledExactlyOnceWith({ n: 21 });
  });

  it('rejects a subframe of our window', async () => {
    const { impl, handler } = setUp();
    const mainFrame = window.webContents.mainFrame;
    const subframe = { url: 'app://citykpi/index.html', parent: mainFrame, processId: mainFrame.processId, routingId: mainFrame.routingId + 100 };
    await expect(handler({ sender: window.webContents, senderFrame: subframe }, { n: 1 })).resolves.toEqual({ ok: false, code: 'E_FORBIDDEN' });
    expect(impl).not.toHaveBeenCalled();
  });

  it.each(['https://evil.example/', 'file:///tmp/x.html', 'app://other/index.html', 'devtools://devtools/bundled/inspector.html', ''])(
    'rejects our main frame showing %s',
    async (url) => {
      const { impl, handler } = setUp();
      window.webContents.mainFrame.url = url;
      await expect(handler(mainFrameEvent(), { n: 1 })).resolves.toEqual({ ok: false, code: 'E_FORBIDDEN' });
      expect(impl).not.toHaveBeenCalled();
    },
  );

  it('rejects a frame that claims to be top-level but is not our main frame', async () => {
    const { impl, handler } = setUp();
    const mainFrame = window.webContents.mainFrame;
    const impostor = { ...mainFrame, routingId: mainFrame.routingId + 1 };
    await expect(handler({ sender: window.webContents, senderFrame: impostor }, { n: 1 })).resolves.toEqual({ ok: false, code: 'E_FORBIDDEN' });
    const orphan = { ...mainFrame, parent: { ...mainFrame } };
    await expect(handler({ sender: window.webContents, senderFrame: orphan }, { n: 1 })).resolves.toEqual({ ok: false, code: 'E_FORBIDDEN' });
    expect(impl).not.toHaveBeenCalled();
  });

  it('accepts an equal main frame even when Electron hands over a different wrapper object', async () => {
    const { impl, handler } = setUp();
    const sameFrame = { ...window.webContents.mainFrame };
    await expect(handler({ sender: window.webContents, senderFrame: sameFrame }, { n: 2 })).resolves.toEqual({ ok: true, value: 4 });
    expect(impl).toHaveBeenCalledOnce();
  });

  it('rejects another webContents, even one on the app origin', async () => {
    const { impl, handler } = setUp();
    const stranger = new FakeWebContents();
    await expect(handler({ sender: stranger, senderFrame: stranger.mainFrame }, { n: 1 })).resolves.toEqual({ ok: false, code: 'E_FORBIDDEN' });
    expect(impl).not.toHaveBeenCalled();
  });

  it('rejects a sender whose frame is gone, and calls while the window is closed', async () => {
    const { impl, handler } = setUp();
    await expect(handler({ sender: window.webContents, senderFrame: null }, { n: 1 })).resolves.toEqual({ ok: false, code: 'E_FORBIDDEN' });
    window.destroyed = true;
    await expect(handler(mainFrameEvent(), { n: 1 })).resolves.toEqual({ ok: false, code: 'E_FORBIDDEN' });
    expect(impl).not.toHaveBeenCalled();
  });

  it('checks the sender before looking at the payload', async () => {
    const { handler } = setUp();
    const stranger = new FakeWebContents();
    await expect(handler({ sender: stranger, senderFrame: stranger.mainFrame }, 'garbage')).resolves.toEqual({ ok: false, code: 'E_FORBIDDEN' });
  });

  it('turns an exception in the implementation into E_IO instead of throwing across IPC', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    handle(CHANNELS.saveFile, z.undefined(), async () => {
      throw new Error('disk full');
    }, () => window as never);
    await expect(registered(CHANNELS.saveFile)(mainFrameEvent(), undefined)).resolves.toEqual({ ok: false, code: 'E_IO' });
  });
});

describe('registered Bridge handlers: invalid payloads', () => {
  beforeEach(() => {
    registerBridgeHandlers({
      getWindow: () => window as never,
      getBackupDirectory: () => '/nonexistent/backups',
      officeInbox: { origin: () => null, set: async () => undefined },
      openedFiles: { add: () => undefined, takeNext: async () => ({ ok: true, value: null }) },
    });
  });

  it('registers exactly one handler per channel', () => {
    expect([...ipcHandlers.keys()].sort()).toEqual(Object.values(CHANNELS).sort());
  });

  const notBytes = fc.oneof(
    fc.anything(),
    fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 16 }),
    fc.constant(new ArrayBuffer(4)),
    fc.string(),
  );
  const badFileName = fc.oneof(
    fc.constant(''),
    fc.constant('.'),
    fc.constant('..'),
    fc.string({ maxLength: 10 }).map((s) => `../${s}`),
    fc.string({ maxLength: 10 }).map((s) => `dir/${s}`),
    fc.string({ maxLength: 10 }).map((s) => `C:\\${s}`),
    fc.string({ minLength: 256, maxLength: 300 }),
    fc.string({ maxLength: 10 }).map((s) => `a\u0000${s}`),
  );
  const goodFilters = [{ name: 'CityKPI', extensions: ['citykpi'] }];
  const badFilters = fc.oneof(
    fc.constant([{ name: 'x', extensions: ['../etc'] }]),
    fc.constant([{ name: 'x', extensions: [] }]),
    fc.constant([{ name: '', extensions: ['json'] }]),
    fc.constant([{ name: 'x', extensions: ['json'], extra: true }]),
    fc.array(fc.constant(goodFilters[0]), { minLength: 11, maxLength: 12 }),
    fc.string(),
  );
  const badMaxBytes = fc.oneof(
    fc.integer({ max: 0 }),
    fc.double({ min: 0.1, max: 1000, noInteger: true }),
    fc.integer({ min: MAX_FILE_BYTES + 1 }),
    fc.constant(Number.NaN),
    fc.constant(Number.POSITIVE_INFINITY),
    fc.string(),
  );
  const badLabel = fc.oneof(
    fc.constant(''),
    fc.constant('-daily'),
    fc.constant('Daily'),
    fc.constant('a'.repeat(33)),
    fc.string({ maxLength: 8 }).map((s) => `x/${s}`),
    fc.string({ maxLength: 8 }).map((s) => `x.${s}`),
    fc.integer(),
  );

  const invalidPayloads: Record<string, fc.Arbitrary<unknown>> = {
    [CHANNELS.appInfo]: fc.anything().filter((value) => value !== undefined),
    [CHANNELS.keyStore]: fc.anything().filter((value) => value !== undefined),
    [CHANNELS.takeOpenedFile]: fc.anything().filter((value) => value !== undefined),
    [CHANNELS.saveFile]: fc.oneof(
      fc.record({ suggestedName: badFileName, bytes: fc.constant(new Uint8Array(1)), filters: fc.constant(goodFilters) }),
      fc.record({ suggestedName: fc.constant('a.citykpi'), bytes: notBytes, filters: fc.constant(goodFilters) }),
      fc.record({ suggestedName: fc.constant('a.citykpi'), bytes: fc.constant(new Uint8Array(1)), filters: badFilters }),
      fc.record({ suggestedName: fc.constant('a.citykpi'), bytes: fc.constant(new Uint8Array(1)), filters: fc.constant(goodFilters), path: fc.string() }),
      fc.anything(),
    ),
    [CHANNELS.openFile]: fc.oneof(
      fc.record({ filters: fc.constant(goodFilters), maxBytes: badMaxBytes }),
      fc.record({ filters: badFilters, maxBytes: fc.constant(1024) }),
      fc.record({ filters: fc.constant(goodFilters), maxBytes: fc.constant(1024), defaultPath: fc.string() }),
      fc.anything(),
    ),
    [CHANNELS.printToPdf]: fc.oneof(
      fc.record({ suggestedName: badFileName, filters: fc.constant(goodFilters), pageSize: fc.constant('A4'), landscape: fc.constant(false) }),
      fc.record({ suggestedName: fc.constant('a.pdf'), filters: badFilters, pageSize: fc.constant('A4'), landscape: fc.constant(false) }),
      fc.record({ suggestedName: fc.constant('a.pdf'), filters: fc.constant(goodFilters), pageSize: fc.string(), landscape: fc.constant(false) }),
      fc.record({ suggestedName: fc.constant('a.pdf'), filters: fc.constant(goodFilters), pageSize: fc.constant('A4'), landscape: fc.anything().filter((v) => typeof v !== 'boolean') }),
      fc.record({ suggestedName: fc.constant('a.pdf'), filters: fc.constant(goodFilters), pageSize: fc.constant('A4'), landscape: fc.constant(true), path: fc.string() }),
      fc.anything(),
    ),
    [CHANNELS.writeBackup]: fc.oneof(
      fc.record({ label: badLabel, bytes: fc.constant(new Uint8Array(1)) }),
      fc.record({ label: fc.constant('daily'), bytes: notBytes }),
      fc.record({ label: fc.constant('daily'), bytes: fc.constant(new Uint8Array(0)) }),
      fc.anything(),
    ),
    [CHANNELS.sealSecret]: fc.oneof(notBytes, fc.constant(new Uint8Array(0)), fc.constant(new Uint8Array(MAX_SECRET_BYTES + 1))),
    [CHANNELS.unsealSecret]: fc.oneof(notBytes, fc.constant(new Uint8Array(0))),
    [CHANNELS.setOfficeInbox]: fc.oneof(
      fc.anything().filter((value) => value !== null && typeof value !== 'string'),
      fc.constantFrom('', 'http://office.example', 'https://user:pw@office.example', 'https://office.example/?key=1', `https://${'a'.repeat(2050)}.example`),
      fc.string({ maxLength: 20 }).filter((value) => !/^https?:/i.test(value)),
    ),
  };

  it.each(Object.entries(invalidPayloads))('%s answers E_INVALID_REQUEST and touches nothing', async (channel, payloads) => {
    const handler = registered(channel);
    await fc.assert(
      fc.asyncProperty(payloads, async (payload) => {
        const result = await handler(mainFrameEvent(), payload);
        expect(result).toEqual({ ok: false, code: 'E_INVALID_REQUEST' });
      }),
      { numRuns: 200 },
    );
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
    expect(dialog.showOpenDialog).not.toHaveBeenCalled();
    expect(safeStorage.encryptString).not.toHaveBeenCalled();
    expect(safeStorage.decryptString).not.toHaveBeenCalled();
    expect(electronMock.app.getVersion).not.toHaveBeenCalled();
  });

  it('a valid payload gets through to the implementation', async () => {
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    const request = { suggestedName: 'demo.citykpi', bytes: new Uint8Array([1]), filters: goodFilters };
    await expect(registered(CHANNELS.saveFile)(mainFrameEvent(), request)).resolves.toEqual({ ok: true, value: null });
    expect(dialog.showSaveDialog).toHaveBeenCalledOnce();
  });
});
