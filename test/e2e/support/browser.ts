/**
 * Debian Chromium (/usr/bin/chromium) driven by playwright-core; no browser is ever downloaded.
 * Each session runs on a profile directory that outlives it, so a test can relaunch on the same
 * IndexedDB, either after a clean close or after the browser was killed with SIGKILL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { guardNetwork, type NetworkGuard } from './network-guard.ts';

const chromiumPath = '/usr/bin/chromium';

const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const viewport = { width: 1280, height: 800 };
const locale = 'en-US';

export interface BrowserSession {
  readonly profileDir: string;
  readonly context: BrowserContext;
  readonly page: Page;
  readonly baseUrl: string;
  readonly network: NetworkGuard;
  /** Opens a hash route of the app, e.g. `#/a/<id>`, and waits until the page has loaded. */
  open(hashRoute?: string): Promise<void>;
  /** Closes the browser cleanly, then fails if the app made any request off the preview origin. */
  close(): Promise<void>;
}

export interface KillableSession extends BrowserSession {
  readonly pid: number;
  /** SIGKILLs the whole Chromium process group: no unload handlers, no orderly shutdown of storage. */
  kill(): Promise<void>;
}

const spawnedBrowsers = new Set<ChildProcess>();

process.once('exit', () => {
  for (const browser of spawnedBrowsers) killGroup(browser);
});

/** A fresh, empty Chromium profile in the run's scratch directory. */
function newProfileDir(): string {
  return mkdtempSync(join(inject('scratchDir'), 'profile-'));
}

function makeSession(
  profileDir: string,
  context: BrowserContext,
  page: Page,
  network: NetworkGuard,
  shutdown: () => Promise<void>,
): BrowserSession {
  const baseUrl = inject('baseUrl');
  return {
    profileDir,
    context,
    page,
    baseUrl,
    network,
    async open(hashRoute = '#/') {
      await page.goto(`${baseUrl}/${hashRoute}`, { waitUntil: 'load' });
    },
    async close() {
      await shutdown();
      network.assertClean();
    },
  };
}

async function firstPage(context: BrowserContext): Promise<Page> {
  return context.pages()[0] ?? (await context.newPage());
}

/**
 * Launches Chromium on `profileDir` (a fresh profile when omitted) through Playwright. `alsoAllow`: an
 * origin the page may reach besides the app's own (the office inbox of the "Send to office" test).
 */
export async function launchBrowser(profileDir: string = newProfileDir(), alsoAllow?: string): Promise<BrowserSession> {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumFlags,
    viewport,
    locale,
  });
  const network = await guardNetwork(context, new URL(inject('baseUrl')).origin, alsoAllow);
  const page = await firstPage(context);
  return makeSession(profileDir, context, page, network, () => context.close());
}

function killGroup(browser: ChildProcess): void {
  if (browser.pid === undefined || browser.exitCode !== null || browser.signalCode !== null) return;
  try {
    process.kill(-browser.pid, 'SIGKILL');
  } catch {
    // the group is already gone
  }
}

function devToolsEndpoint(browser: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let stderr = '';
    const timer = setTimeout(() => reject(new Error(`Chromium printed no DevTools endpoint:\n${stderr}`)), 30_000);
    browser.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(stderr);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    browser.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited (${code ?? signal}) before DevTools was ready:\n${stderr}`));
    });
  });
}

/**
 * Starts /usr/bin/chromium ourselves (in its own process group) and attaches Playwright over CDP, so
 * that the test holds the real browser pid and can kill it the way a crash or power cut would.
 */
export async function launchKillableBrowser(profileDir: string = newProfileDir()): Promise<KillableSession> {
  const browserProcess = spawn(
    chromiumPath,
    [
      '--headless',
      '--remote-debugging-port=0',
      `--user-data-dir=${profileDir}`,
      `--window-size=${viewport.width},${viewport.height}`,
      `--lang=${locale}`,
      ...chromiumFlags,
      'about:blank',
    ],
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  spawnedBrowsers.add(browserProcess);
  browserProcess.once('exit', () => spawnedBrowsers.delete(browserProcess));
  const exited = new Promise<void>((resolve) => browserProcess.once('exit', () => resolve()));

  let browser: Browser;
  try {
    browser = await chromium.connectOverCDP(await devToolsEndpoint(browserProcess));
  } catch (error) {
    killGroup(browserProcess);
    throw error;
  }
  const context = browser.contexts()[0];
  if (!context) throw new Error('Chromium started over CDP without its default (persistent) context');
  const network = await guardNetwork(context, new URL(inject('baseUrl')).origin);
  const page = await firstPage(context);

  const kill = async () => {
    killGroup(browserProcess);
    await exited;
  };
  const closeGracefully = async () => {
    await browser.close().catch(() => undefined);
    const forceKill = setTimeout(() => killGroup(browserProcess), 5_000);
    await exited;
    clearTimeout(forceKill);
  };
  const session = makeSession(profileDir, context, page, network, closeGracefully);
  const pid = browserProcess.pid;
  if (pid === undefined) throw new Error('Chromium was spawned without a pid');
  return { ...session, pid, kill };
}
