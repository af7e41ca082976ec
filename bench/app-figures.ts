/**
 * Figures of the built app itself in Chromium: how fast the entry screen is ready on a laptop full of
 * assessments, and how long a committed keystroke takes to be on disk.
 *
 * Durability is observed from IndexedDB, not from the screen: an init script stamps the moment each
 * read-write transaction over `revisions` fires `complete`, which with strict durability is after the
 * flush to disk. A keystroke is stamped at its keydown. No app code is changed for the benchmark.
 */
import type { Page } from 'playwright-core';
import type { BrowserBench } from './browser-figures.ts';
import { compare, median, percentile, single, type Figure } from './figures.ts';
import type { BenchSizes } from './sizes.ts';

declare global {
  interface Window {
    __bench?: { ready: number | null; complete: number | null; commits: number[]; keydowns: number[]; busy: number; lastIdle: number };
  }
}

/**
 * Runs in the page before the app: stamps readiness (every selector matches), completion (every one of
 * `completeSelectors` matches too; the moment of readiness when there are none), committed writes and
 * Enter keydowns. No named inner functions: tsx would wrap them in a helper the page does not have.
 */
function instrument([readySelectors, completeSelectors]: readonly [readonly string[], readonly string[]]): void {
  const state = { ready: null as number | null, complete: null as number | null, commits: [] as number[], keydowns: [] as number[], busy: 0, lastIdle: 0 };
  window.__bench = state;
  const original = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
    const transaction = original.apply(this, args);
    state.busy += 1;
    for (const end of ['complete', 'abort', 'error']) {
      transaction.addEventListener(end, () => {
        state.busy -= 1;
        if (state.busy === 0) state.lastIdle = performance.now();
      });
    }
    const [stores, mode] = args;
    const names = typeof stores === 'string' ? [stores] : [...stores];
    if (mode === 'readwrite' && names.includes('revisions')) {
      transaction.addEventListener('complete', () => state.commits.push(performance.now()));
    }
    return transaction;
  } as IDBDatabase['transaction'];
  window.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') state.keydowns.push(performance.now());
  }, { capture: true });
  const observer = new MutationObserver(() => {
    if (state.ready === null && readySelectors.every((selector) => document.querySelector(selector))) state.ready = performance.now();
    if (state.ready !== null && completeSelectors.every((selector) => document.querySelector(selector))) {
      state.complete = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
}

/** How long IndexedDB must have had no transaction of the page before the next load. */
const SETTLED_MS = 1_000;

/**
 * A fresh document each time: going to the URL already shown changes only the hash, which neither reloads
 * the app nor resets the readiness stamp. The next load starts only once this one is complete and its
 * background work (the storage guard's count, start-up maintenance) has left IndexedDB for a second, as
 * when a user opens a screen: a request still running when the page goes away holds up the next page's
 * open of the database.
 */
async function openScreen(page: Page, url: string): Promise<{ ready: number; complete: number }> {
  await page.goto('about:blank');
  await page.goto(url);
  await page.waitForFunction(() => window.__bench?.complete != null, undefined, { timeout: 120_000 });
  const times = await page.evaluate(() => ({ ready: window.__bench!.ready!, complete: window.__bench!.complete! }));
  await page.waitForFunction((settled) => window.__bench!.busy === 0 && performance.now() - window.__bench!.lastIdle >= settled, SETTLED_MS, { timeout: 120_000, polling: 100 });
  return times;
}

export async function appFigures(bench: BrowserBench, sizes: BenchSizes): Promise<Figure[]> {
  const seeded = await bench.page.evaluate((count) => window.citykpiBench.seedAssessments(count), sizes.storedAssessments);
  const page = await bench.page.context().newPage();
  try {
    await page.addInitScript(instrument, [['input[inputmode="decimal"]'], []] as const);
    const url = `${bench.origin}/index.html#/a/${encodeURIComponent(seeded.assessmentId)}/kpi/${encodeURIComponent(seeded.kpiId)}`;
    await openScreen(page, url);
    const readyTimes: number[] = [];
    for (let run = 0; run < 3; run++) readyTimes.push((await openScreen(page, url)).ready);

    const field = page.locator('input[inputmode="decimal"]').first();
    const latencies: number[] = [];
    for (let edit = 0; edit < sizes.keystrokes; edit++) {
      const before = await page.evaluate(() => window.__bench!.commits.length);
      await field.fill(String(1000 + edit));
      await field.press('Enter');
      await page.waitForFunction((count) => window.__bench!.commits.length > count, before, { timeout: 30_000 });
      latencies.push(await page.evaluate(() => {
        const state = window.__bench!;
        return state.commits[state.commits.length - 1]! - state.keydowns[state.keydowns.length - 1]!;
      }));
    }
    const stored = `${sizes.storedAssessments} assessments stored (${seeded.revisions} revisions)`;
    return [
      single('entry screen ready', median(readyTimes), 'ms', { kind: 'max', value: 500, on: 'value' }, `${stored}; median of 3 loads, from navigation to the first number field`),
      single('keystroke to durable p50', percentile(latencies, 50), 'ms', undefined, `${latencies.length} edits, Enter to strict IndexedDB commit`),
      single('keystroke to durable p95', percentile(latencies, 95), 'ms', { kind: 'max', value: 50, on: 'value' }, `${latencies.length} edits, Enter to strict IndexedDB commit`),
    ];
  } finally {
    await page.close();
  }
}

/** The office view over every stored city and year: time to a drawn chart and table, and the JS heap it holds. */
export async function officeFigures(bench: BrowserBench, sizes: BenchSizes): Promise<Figure[]> {
  const seeded = await bench.page.evaluate(([cities, years]) => window.citykpiBench.seedOffice(cities, years), [sizes.officeCities, sizes.officeYears] as const);
  const page = await bench.page.context().newPage();
  try {
    // Complete: every value read and checked, the outliers listed in place of "checking".
    await page.addInitScript(instrument, [['.chart-office svg', '.results-table tbody tr'], ['section[aria-labelledby="office-outliers"]:not(:has(> output))']] as const);
    const url = `${bench.origin}/index.html#/office`;
    await openScreen(page, url);
    const loads: { ready: number; complete: number }[] = [];
    for (let run = 0; run < 3; run++) loads.push(await openScreen(page, url));
    const readyTimes = loads.map((load) => load.ready);
    const readTimes: number[] = [];
    for (let run = 0; run < 3; run++) readTimes.push((await bench.page.evaluate(() => window.citykpiBench.readAllRevisions())).ms);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const heapBytes = metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
    const stored = `${sizes.officeCities} cities × ${sizes.officeYears} years (${seeded.revisions} revisions)`;
    return [
      compare(
        'office view ready',
        { value: median(readyTimes), unit: 'ms' },
        { name: 'raw IndexedDB getAll of every revision', value: median(readTimes) },
        { kind: 'max', value: 1000, on: 'value' },
        `${stored}; median of 3 loads, from navigation to chart and table; the peer reads the rows alone`,
      ),
      compare(
        'office view complete',
        { value: median(loads.map((load) => load.complete)), unit: 'ms' },
        { name: 'raw IndexedDB getAll of every revision', value: median(readTimes) },
        undefined,
        `${stored}; median of 3 loads, from navigation to every value read and the outliers listed`,
      ),
      single('office view JS heap', heapBytes / 2 ** 20, 'MiB', { kind: 'max', value: 200, on: 'value' }, `${stored}; used heap after a garbage collection`),
    ];
  } finally {
    await page.close();
  }
}
