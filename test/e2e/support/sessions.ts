/**
 * The `browsers` fixture: every session a test opens is closed after it (which also runs the network
 * guard), and when the test failed, each page still open is screenshot into test-results/e2e/. Being a
 * fixture, it belongs to one test even when the tests of a file run concurrently.
 */
import { test as base } from 'vitest';
import { keepScreenshot } from './artifacts.ts';
import { launchBrowser, launchKillableBrowser, type BrowserSession, type KillableSession } from './browser.ts';

export interface Sessions {
  launch(profileDir?: string, alsoAllow?: string): Promise<BrowserSession>;
  launchKillable(profileDir?: string): Promise<KillableSession>;
}

const fileSafe = (name: string) => name.replace(/[^\w.-]+/g, '-').slice(0, 80);

export const test = base.extend<{ browsers: Sessions }>({
  browsers: async ({ task }, use) => {
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

    await use({
      launch: async (profileDir, alsoAllow) => track(await launchBrowser(profileDir, alsoAllow)),
      launchKillable: async (profileDir) => track(await launchKillableBrowser(profileDir)),
    });

    const failed = task.result?.state === 'fail';
    let index = 0;
    const problems: unknown[] = [];
    for (const session of [...open]) {
      if (failed) await keepScreenshot(session.page, `failed-${fileSafe(task.name)}-${index++}`).catch(() => undefined);
      await session.close().catch((error: unknown) => problems.push(error));
    }
    if (problems.length > 0) throw problems[0];
  },
});
