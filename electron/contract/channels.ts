import type { Bridge } from './bridge.ts';

/** One IPC channel per Bridge method. Imported by main and by the sandboxed preload, so it stays dependency-free. */
export const CHANNELS = {
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
} as const satisfies Record<keyof Bridge, `${string}:${string}`>;

export type Channel = (typeof CHANNELS)[keyof typeof CHANNELS];
