/**
 * The renderer's only way to the desktop. In Electron the preload exposes `window.citykpi`; tests may
 * inject a fake as `window.__CITYKPI_TEST_BRIDGE__` before the app starts (development and test builds
 * only: production builds leave the hook out); otherwise the web implementation serves.
 */
import type { Bridge } from '../../../electron/contract/bridge.ts';
import { createWebBridge } from './web-bridge.ts';

export type { Bridge, BridgeErrorCode, BridgeResult } from '../../../electron/contract/bridge.ts';
export { createWebBridge };

interface BridgeHost {
  readonly citykpi?: Bridge;
  readonly __CITYKPI_TEST_BRIDGE__?: Bridge;
}

let chosen: Bridge | undefined;

export function getBridge(): Bridge {
  if (chosen) return chosen;
  const host = window as unknown as BridgeHost;
  // Vite replaces MODE in a build, so a production bundle does not even contain the hook's name.
  const injected = import.meta.env.MODE === 'production' ? undefined : host.__CITYKPI_TEST_BRIDGE__;
  chosen = injected ?? host.citykpi ?? createWebBridge();
  return chosen;
}

/** For DOM tests: forget the chosen bridge so the next getBridge() looks at window again. */
export function resetBridgeForTests(): void {
  chosen = undefined;
}
