import { BrowserWindow, type Session, type WebPreferences } from 'electron';
import { APP_ENTRY_URL } from '../contract/policies.ts';

/** The security baseline of the one app window (Electron's security checklist); a unit test pins every value. */
export const MAIN_WEB_PREFERENCES = Object.freeze({
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
  spellcheck: false,
} satisfies WebPreferences);

export interface MainWindowOptions {
  readonly session: Session;
  readonly preloadPath: string;
  readonly isPackaged: boolean;
}

export function mainWebPreferences({ session, preloadPath, isPackaged }: MainWindowOptions): WebPreferences {
  return { ...MAIN_WEB_PREFERENCES, devTools: !isPackaged, session, preload: preloadPath };
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 720,
    minHeight: 520,
    show: false,
    title: 'CityKPI',
    webPreferences: mainWebPreferences(options),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
