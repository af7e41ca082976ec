import type { BrowserWindow } from 'electron';
import { CHANNELS } from '../../contract/channels.ts';
import { REQUEST_SCHEMAS } from '../../contract/schemas.ts';
import { handle } from '../ipc.ts';
import { appInfo } from './app-info.ts';
import { createWriteBackup } from './backups.ts';
import { createOpenFile, createSaveFile } from './files.ts';
import { createPrintToPdf } from './print.ts';
import { type OfficeInboxStore, createSetOfficeInbox } from '../office-inbox.ts';
import type { OpenedFiles } from '../opened-files.ts';
import { keyStoreStatus, sealSecret, unsealSecret } from './secrets.ts';

export interface BridgeHandlerDeps {
  readonly getWindow: () => BrowserWindow | null;
  readonly getBackupDirectory: () => string;
  readonly officeInbox: OfficeInboxStore;
  readonly openedFiles: OpenedFiles;
}

/** Registers one IPC handler per Bridge method. */
export function registerBridgeHandlers({ getWindow, getBackupDirectory, officeInbox, openedFiles }: BridgeHandlerDeps): void {
  handle(CHANNELS.appInfo, REQUEST_SCHEMAS[CHANNELS.appInfo], appInfo, getWindow);
  handle(CHANNELS.saveFile, REQUEST_SCHEMAS[CHANNELS.saveFile], createSaveFile(getWindow), getWindow);
  handle(CHANNELS.openFile, REQUEST_SCHEMAS[CHANNELS.openFile], createOpenFile(getWindow), getWindow);
  handle(CHANNELS.printToPdf, REQUEST_SCHEMAS[CHANNELS.printToPdf], createPrintToPdf(getWindow), getWindow);
  handle(CHANNELS.writeBackup, REQUEST_SCHEMAS[CHANNELS.writeBackup], createWriteBackup(getBackupDirectory), getWindow);
  handle(CHANNELS.sealSecret, REQUEST_SCHEMAS[CHANNELS.sealSecret], sealSecret, getWindow);
  handle(CHANNELS.unsealSecret, REQUEST_SCHEMAS[CHANNELS.unsealSecret], unsealSecret, getWindow);
  handle(CHANNELS.keyStore, REQUEST_SCHEMAS[CHANNELS.keyStore], keyStoreStatus, getWindow);
  handle(CHANNELS.takeOpenedFile, REQUEST_SCHEMAS[CHANNELS.takeOpenedFile], () => openedFiles.takeNext(), getWindow);
  const reload = () => setImmediate(() => getWindow()?.webContents.reload());
  handle(CHANNELS.setOfficeInbox, REQUEST_SCHEMAS[CHANNELS.setOfficeInbox], createSetOfficeInbox(officeInbox, reload), getWindow);
}
