/** Electron main entry: lifecycle only. Every policy lives in the modules it wires together. */
import { app, BrowserWindow, session, shell } from 'electron';
import { join } from 'node:path';
import { registerBridgeHandlers } from './handlers/index.ts';
import { createOfficeInboxStore } from './office-inbox.ts';
import { bundlePathsIn, createOpenedFiles, OPENED_FILE_EXTENSION } from './opened-files.ts';
import { registerAppScheme, serveAppOnSession } from './protocol.ts';
import { hardenSession, hardenAllWebContents } from './security.ts';
import { createMainWindow } from './window.ts';

/** Persistent, and never renamed: the renderer's IndexedDB lives in this partition. */
export const APP_PARTITION = 'persist:citykpi';

let mainWindow: BrowserWindow | null = null;
const openedFiles = createOpenedFiles();

function getMainWindow(): BrowserWindow | null {
  return mainWindow !== null && !mainWindow.isDestroyed() ? mainWindow : null;
}

function openMainWindow(): void {
  mainWindow = createMainWindow({
    session: session.fromPartition(APP_PARTITION),
    preloadPath: join(app.getAppPath(), 'dist-electron', 'preload.cjs'),
    isPackaged: app.isPackaged,
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

function onReady(): void {
  const appSession = session.fromPartition(APP_PARTITION);
  hardenSession(appSession);
  hardenSession(session.defaultSession);
  const officeInbox = createOfficeInboxStore(join(app.getPath('userData'), 'office-inbox.json'));
  serveAppOnSession(appSession, join(app.getAppPath(), 'dist', 'renderer'), officeInbox.origin);
  registerBridgeHandlers({
    getWindow: getMainWindow,
    getBackupDirectory: () => join(app.getPath('userData'), 'backups'),
    officeInbox,
    openedFiles,
  });
  openMainWindow();
}

/** Brings the window forward so the page, on gaining focus, takes the files the OS handed over. */
function showMainWindow(): void {
  const window = getMainWindow();
  if (window === null) {
    if (app.isReady()) openMainWindow();
    return;
  }
  if (window.isMinimized()) window.restore();
  window.focus();
}

app.enableSandbox();
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  hardenAllWebContents(app, shell);
  openedFiles.add(bundlePathsIn(process.argv.slice(1), process.cwd()));
  // macOS names files to open through this event, possibly before the app is ready.
  app.on('open-file', (event: Electron.Event, path: string) => {
    event.preventDefault();
    if (!path.toLowerCase().endsWith(OPENED_FILE_EXTENSION)) return;
    openedFiles.add([path]);
    showMainWindow();
  });
  app.on('second-instance', (_event: Electron.Event, argv: readonly string[], workingDirectory: string) => {
    openedFiles.add(bundlePathsIn(argv.slice(1), workingDirectory));
    showMainWindow();
  });
  app.on('activate', () => {
    if (getMainWindow() === null && app.isReady()) openMainWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.whenReady().then(onReady, (error: unknown) => {
    console.error('[main] startup failed', error);
    app.exit(1);
  });
}
