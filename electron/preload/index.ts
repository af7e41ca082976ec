/**
 * Sandboxed preload, bundled to one CommonJS file with only `electron` external. It exposes named
 * functions that each invoke one channel; ipcRenderer itself never reaches the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { AppInfo, Bridge, BridgeResult, KeyStoreStatus } from '../contract/bridge.ts';
import { CHANNELS } from '../contract/channels.ts';

async function invoke<Value>(channel: string, request?: unknown): Promise<BridgeResult<Value>> {
  return (await ipcRenderer.invoke(channel, request)) as BridgeResult<Value>;
}

const api = {
  async appInfo() {
    const result = await invoke<AppInfo>(CHANNELS.appInfo);
    if (!result.ok) throw new Error(result.code);
    return result.value;
  },
  saveFile: (request) => invoke(CHANNELS.saveFile, request),
  openFile: (request) => invoke(CHANNELS.openFile, request),
  takeOpenedFile: () => invoke(CHANNELS.takeOpenedFile),
  printToPdf: (request) => invoke(CHANNELS.printToPdf, request),
  writeBackup: (request) => invoke(CHANNELS.writeBackup, request),
  sealSecret: (plain) => invoke(CHANNELS.sealSecret, plain),
  unsealSecret: (sealed) => invoke(CHANNELS.unsealSecret, sealed),
  async keyStore() {
    const result = await invoke<KeyStoreStatus>(CHANNELS.keyStore);
    if (!result.ok) throw new Error(result.code);
    return result.value;
  },
  setOfficeInbox: (url) => invoke(CHANNELS.setOfficeInbox, url),
} satisfies Bridge;

contextBridge.exposeInMainWorld('citykpi', api);
