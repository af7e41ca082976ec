import type { App, Session, Shell, WebContents } from 'electron';
import { isAppUrl, isPermissionAllowed, isSafeExternalUrl } from '../contract/policies.ts';

/** Opens a link in the system browser only if the pure policy accepts it. */
export function openExternalSafely(shell: Pick<Shell, 'openExternal'>, url: unknown): boolean {
  if (typeof url !== 'string' || !isSafeExternalUrl(url)) return false;
  void shell.openExternal(url);
  return true;
}

function preventUnlessAppUrl(event: { preventDefault(): void; url: string }): void {
  if (!isAppUrl(event.url)) event.preventDefault();
}

/** Applied to every webContents the app ever creates, including devtools and anything unexpected. */
export function hardenWebContents(contents: WebContents, shell: Pick<Shell, 'openExternal'>): void {
  contents.on('will-navigate', preventUnlessAppUrl);
  contents.on('will-frame-navigate', preventUnlessAppUrl);
  contents.on('will-redirect', preventUnlessAppUrl);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternalSafely(shell, url);
    return { action: 'deny' };
  });
}

export function hardenAllWebContents(app: Pick<App, 'on'>, shell: Pick<Shell, 'openExternal'>): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, shell));
}

/**
 * Permissions are denied by default: only the short table in policies.ts, and only for our own origin.
 * The spellchecker is off so the session never fetches dictionaries from the network.
 */
export function hardenSession(session: Session): void {
  session.setSpellCheckerEnabled(false);
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin),
  );
  session.setDevicePermissionHandler(() => false);
}
