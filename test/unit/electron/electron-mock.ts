/**
 * A small stand-in for the `electron` module (no binary exists here). Tests use it through
 * `vi.mock('electron', () => import('./electron-mock.ts'))` and inspect the recorded calls.
 */
import { vi } from 'vitest';

type Listener = (...args: never[]) => unknown;

/** Records `on`/`once` listeners per event and lets a test emit them. */
export class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>();
  on = vi.fn((event: string, listener: Listener) => {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  });
  once = this.on;
  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (...a: unknown[]) => unknown)(...args);
  }
}

export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
  processId: number;
  routingId: number;
}

let nextRoutingId = 1;

export class FakeWebContents extends FakeEmitter {
  readonly mainFrame: FakeFrame = { url: 'app://citykpi/index.html', parent: null, processId: 4, routingId: nextRoutingId++ };
  setWindowOpenHandler = vi.fn();
  printToPDF = vi.fn(async (_options: Record<string, unknown>) => Buffer.from('%PDF-1.7 fake'));
}

export function createFakeSession() {
  return {
    protocol: { handle: vi.fn() },
    webRequest: { onBeforeRequest: vi.fn() },
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
    setSpellCheckerEnabled: vi.fn(),
  };
}

export type FakeSession = ReturnType<typeof createFakeSession>;

const partitions = new Map<string, FakeSession>();
let readyResolve: () => void = () => undefined;
let readyPromise: Promise<void> = Promise.resolve();

export const createdWindows: FakeBrowserWindow[] = [];

export class FakeBrowserWindow extends FakeEmitter {
  readonly webContents = new FakeWebContents();
  readonly loadURL = vi.fn(async (_url: string) => undefined);
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn();
  readonly isMinimized = vi.fn(() => false);
  destroyed = false;
  readonly isDestroyed = vi.fn(() => this.destroyed);
  constructor(readonly options: Record<string, unknown>) {
    super();
    createdWindows.push(this);
  }
}

export const BrowserWindow = vi.fn(function (this: unknown, options: Record<string, unknown>) {
  return new FakeBrowserWindow(options);
});

class FakeApp extends FakeEmitter {
  isPackaged = false;
  enableSandbox = vi.fn();
  requestSingleInstanceLock = vi.fn(() => true);
  quit = vi.fn();
  exit = vi.fn();
  isReady = vi.fn(() => true);
  whenReady = vi.fn(() => readyPromise);
  getAppPath = vi.fn(() => '/opt/citykpi/resources/app.asar');
  getPath = vi.fn((name: string) => `/home/user/.config/CityKPI/${name}`);
  getVersion = vi.fn(() => '0.1.0');
  getPreferredSystemLanguages = vi.fn(() => ['fr-FR', 'en-US']);
}

export const app = new FakeApp();

export const session = {
  defaultSession: createFakeSession(),
  fromPartition: vi.fn((partition: string) => {
    const existing = partitions.get(partition);
    if (existing) return existing;
    const created = createFakeSession();
    partitions.set(partition, created);
    return created;
  }),
};

export const protocol = { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() };

export const ipcHandlers = new Map<string, (event: unknown, payload?: unknown) => Promise<unknown>>();
export const ipcMain = {
  handle: vi.fn((channel: string, handler: (event: unknown, payload?: unknown) => Promise<unknown>) => {
    ipcHandlers.set(channel, handler);
  }),
};

export const dialog = { showSaveDialog: vi.fn(), showOpenDialog: vi.fn() };
export const shell = { openExternal: vi.fn(async () => undefined) };
export const safeStorage = {
  isEncryptionAvailable: vi.fn(() => true),
  getSelectedStorageBackend: vi.fn(() => 'gnome_libsecret'),
  encryptString: vi.fn((plain: string) => Buffer.from(`sealed:${plain}`)),
  decryptString: vi.fn((sealed: Buffer) => {
    const text = sealed.toString();
    if (!text.startsWith('sealed:')) throw new Error('Error while decrypting the ciphertext provided');
    return text.slice('sealed:'.length);
  }),
};

export const contextBridge = { exposeInMainWorld: vi.fn() };
export const ipcRenderer = { invoke: vi.fn(async (_channel: string, _payload?: unknown): Promise<unknown> => ({ ok: true, value: null })) };

/** Lets a test decide when `app.whenReady()` resolves. */
export function holdReady(): () => void {
  readyPromise = new Promise<void>((resolve) => {
    readyResolve = resolve;
  });
  return () => readyResolve();
}

export function resetElectronMock(): void {
  vi.clearAllMocks();
  app.listeners.clear();
  app.isPackaged = false;
  partitions.clear();
  ipcHandlers.clear();
  createdWindows.length = 0;
  readyPromise = Promise.resolve();
}

export default {
  app,
  BrowserWindow,
  session,
  protocol,
  ipcMain,
  dialog,
  shell,
  safeStorage,
  contextBridge,
  ipcRenderer,
};
