import type { Bridge } from './bridge.ts';

declare global {
  interface Window {
    /** Present only inside the Electron shell (exposed by the preload); absent in web mode. */
    readonly citykpi?: Bridge;
  }
}

export {};
