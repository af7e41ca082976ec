/**
 * The harness itself: the kill helper really kills Chromium, the profile survives it, and the network
 * guard notices requests that leave the preview origin. The app scenarios rely on all three.
 */
import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { launchBrowser, launchKillableBrowser, type BrowserSession } from './support/browser.ts';

const scratchDb = 'citykpi-e2e-harness';

/**
 * Live processes in the browser's process group or naming its profile (renderers, GPU, storage service).
 * Zombies are dead already; they only wait for whoever adopted them to reap them.
 */
function liveChromiumProcesses(pid: number, profileDir: string): string[] {
  const listing = execFileSync('ps', ['-eo', 'pgid=,pid=,stat=,args='], { encoding: 'utf8' });
  return listing.split('\n').filter((line) => {
    const [pgid, , stat] = line.trim().split(/\s+/);
    return !stat?.startsWith('Z') && (pgid === String(pid) || line.includes(profileDir));
  });
}

async function putCommitted(session: BrowserSession, key: string, value: string): Promise<void> {
  await session.page.evaluate(
    ({ name, key, value }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(name, 1);
        open.onupgradeneeded = () => open.result.createObjectStore('kv');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('kv', 'readwrite');
          tx.objectStore('kv').put(value, key);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
    { name: scratchDb, key, value },
  );
}

async function read(session: BrowserSession, key: string): Promise<unknown> {
  return session.page.evaluate(
    ({ name, key }) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open(name, 1);
        open.onupgradeneeded = () => open.result.createObjectStore('kv');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('kv').objectStore('kv').get(key);
          get.onsuccess = () => resolve(get.result);
          get.onerror = () => reject(get.error);
        };
      }),
    { name: scratchDb, key },
  );
}

describe('e2e harness', () => {
  let session: BrowserSession | undefined;
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  it('SIGKILLs every Chromium process of a session and keeps committed IndexedDB data in its profile', async () => {
    const doomed = await launchKillableBrowser();
    await doomed.open();
    await putCommitted(doomed, 'acknowledged', 'kept');
    expect(liveChromiumProcesses(doomed.pid, doomed.profileDir).length).toBeGreaterThan(1);

    await doomed.kill();
    await expect.poll(() => liveChromiumProcesses(doomed.pid, doomed.profileDir), { timeout: 5_000 }).toEqual([]);

    session = await launchBrowser(doomed.profileDir);
    await session.open();
    expect(await read(session, 'acknowledged')).toBe('kept');
  });

  it('reports requests that leave the preview origin, and attempts the CSP refused', async () => {
    session = await launchBrowser();
    await session.open();
    await session.page.evaluate(() => fetch('http://example.invalid/beacon').catch(() => undefined));
    await expect.poll(() => session?.network.foreignRequests.length).toBe(1);
    expect(session.network.foreignRequests[0]).toMatch(/^blocked by the CSP: Connecting to 'http:\/\/example\.invalid\/beacon' violates/);
    // A navigation is not subject to the page's CSP: it reaches the guard's interception.
    await session.page.goto('http://example.invalid/elsewhere').catch(() => undefined);
    expect(session.network.foreignRequests[1]).toBe('GET http://example.invalid/elsewhere');
    expect(() => session?.network.assertClean()).toThrow(/outside http:\/\/127\.0\.0\.1:\d+/);
    await session.context.close();
    session = undefined;
  });

  it('takes the page\'s policies as written, and reports a source Chromium ignores', async () => {
    session = await launchBrowser();
    await session.open();
    expect(session.network.policyProblems).toEqual([]);
    await session.page.evaluate(() => {
      const meta = document.createElement('meta');
      meta.httpEquiv = 'Content-Security-Policy';
      meta.content = 'connect-src http://[::1]:*';
      document.head.append(meta);
    });
    await expect.poll(() => session?.network.policyProblems.length).toBe(1);
    expect(session.network.policyProblems[0]).toContain("invalid source: 'http://[::1]:*'");
    expect(() => session?.network.assertClean()).toThrow(/did not take the page's Content-Security-Policy as written/);
    await session.context.close();
    session = undefined;
  });
});
