/**
 * Per-test browser bookkeeping: every session a test opens is closed after it (which also runs the
 * network guard), and when the test failed, each open page is screenshot into test-results/e2e/.
 */
import { afterEach } from 'vitest';
import { keepScreenshot } from './artifacts.ts';
import { launchBrowser, launchKillableBrowser, type BrowserSession, type KillableSession } from './browser.ts';

export interface Sessions {
  launch(profileDir?: string): Promise<BrowserSession>;
  launchKillable(profileDir?: string): Promise<KillableSession>;
}

const fileSafe = (name: string) => name.replace(/[^\w.-]+/g, '-').slice(0, 80);

export function useSessions(): Sessions {
  const open = new Set<BrowserSession>();
  const track = <S extends BrowserSession>(session: S): S => {
    open.add(session);
    const { close } = session;
    session.close = async () => {
      open.delete(session);
      await close();
    };
    return session;
  };

  afterEach(async (context) => {
    const failed = context.task.result?.state === 'fail';
    const sessions = [...open];
    open.clear();
    let index = 0;
    for (const session of sessions) {
      if (failed) {
        await keepScreenshot(session.page, `failed-${fileSafe(context.task.name)}-${index++}`).catch(() => undefined);
      }
      await session.close();
    }
  });

  return {
    launch: async (profileDir) => track(await launchBrowser(profileDir)),
    launchKillable: async (profileDir) => track(await launchKillableBrowser(profileDir)),
  };
}
