import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { z } from 'zod';
import type { BridgeResult } from '../contract/bridge.ts';
import type { Channel } from '../contract/channels.ts';
import { isAppUrl } from '../contract/policies.ts';

export type HandlerImpl<Request, Value> = (request: Request) => Promise<BridgeResult<Value>>;

/**
 * Only the main frame of our own window, showing our own origin, may call the shell. A subframe, a
 * devtools page or any other webContents is refused even if it somehow reached ipcRenderer.
 */
export function isTrustedSender(event: IpcMainInvokeEvent, window: BrowserWindow | null): boolean {
  const frame = event.senderFrame;
  if (frame === null || window === null || window.isDestroyed()) return false;
  if (event.sender !== window.webContents) return false;
  const mainFrame = window.webContents.mainFrame;
  // Compared by the renderer-host ids Electron documents as a frame's identity, not by wrapper object.
  const isMainFrame = frame.parent === null && frame.processId === mainFrame.processId && frame.routingId === mainFrame.routingId;
  return isMainFrame && isAppUrl(frame.url);
}

/**
 * Registers one Bridge channel. The handler never throws across IPC: a refused sender gives
 * E_FORBIDDEN, a payload that fails the schema gives E_INVALID_REQUEST, an unexpected failure E_IO.
 */
export function handle<Schema extends z.ZodType, Value>(
  channel: Channel,
  schema: Schema,
  impl: HandlerImpl<z.output<Schema>, Value>,
  getWindow: () => BrowserWindow | null,
): void {
  ipcMain.handle(channel, async (event, payload: unknown): Promise<BridgeResult<Value>> => {
    if (!isTrustedSender(event, getWindow())) return { ok: false, code: 'E_FORBIDDEN' };
    const parsed = schema.safeParse(payload);
    if (!parsed.success) return { ok: false, code: 'E_INVALID_REQUEST' };
    try {
      return await impl(parsed.data);
    } catch (error) {
      console.error(`[ipc] ${channel} failed`, error);
      return { ok: false, code: 'E_IO' };
    }
  });
}
