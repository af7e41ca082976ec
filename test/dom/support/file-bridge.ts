import { afterEach, beforeEach } from 'vitest';
import type { Bridge, OpenedFile, SaveFileRequest } from '../../../electron/contract/bridge.ts';
import { createWebBridge, resetBridgeForTests } from '../../../renderer/src/bridge/index.ts';

export interface FileBridge {
  /** What the app saved through the Bridge, newest last. */
  readonly saved: SaveFileRequest[];
  /** What the next open dialogs return, in order; an empty queue answers "cancelled". */
  readonly toOpen: OpenedFile[];
}

/** A Bridge whose save and open dialogs are a list each, injected for every test of the file. */
export function useFileBridge(): FileBridge {
  const files: FileBridge = { saved: [], toOpen: [] };
  const bridge: Bridge = {
    ...createWebBridge(),
    async saveFile(request) {
      files.saved.push(request);
      return { ok: true, value: { name: request.suggestedName } };
    },
    async openFile() {
      const next = files.toOpen.shift();
      return { ok: true, value: next ?? null };
    },
  };
  beforeEach(() => {
    files.saved.length = 0;
    files.toOpen.length = 0;
    (window as { __CITYKPI_TEST_BRIDGE__?: Bridge }).__CITYKPI_TEST_BRIDGE__ = bridge;
    resetBridgeForTests();
  });
  afterEach(() => {
    delete (window as { __CITYKPI_TEST_BRIDGE__?: Bridge }).__CITYKPI_TEST_BRIDGE__;
    resetBridgeForTests();
  });
  return files;
}
