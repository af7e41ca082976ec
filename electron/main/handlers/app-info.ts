import { app } from 'electron';
import type { AppInfo, BridgeResult } from '../../contract/bridge.ts';

export async function appInfo(): Promise<BridgeResult<AppInfo>> {
  return {
    ok: true,
    value: {
      shell: 'electron',
      version: app.getVersion(),
      platform: process.platform,
      preferredLanguages: app.getPreferredSystemLanguages(),
    },
  };
}
