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
    __bench?: { ready: number | null; commits: number[]; keydowns: number[] };
  }
}

/** Runs in the page before the app: stamps readiness (every selector matches), committed writes and Enter keydowns. */
function instrument(readySelectors: readonly string[]): void {
  const state = { ready: null as number | null, commits: [] as number[], keydowns: [] as number[] };
  window.__bench = state;
  const original = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
    const transaction = original.apply(this, args);
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
    if (state.ready === null && readySelectors.every((selector) => document.querySelector(selector))) {
      state.ready = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
}

/**
 * A fresh document each time: going to the URL already shown changes only the hash, which neither reloads
 * the app nor resets the readiness stamp.
 */
async function openEntry(page: Page, url: string): Promise<number> {
  await page.goto('about:blank');
  await page.goto(url);
  await page.waitForFunction(() => window.__bench?.ready != null, undefined, { timeout: 60_000 });
  return page.evaluate(() => window.__bench!.ready!);
}

export async function appFigures(bench: BrowserBench, sizes: BenchSizes): Promise<Figure[]> {
  const seeded = await bench.page.evaluate((count) => window.citykpiBench.seedAssessments(count), sizes.storedAssessments);
  const page = await bench.page.context().newPage();
  try {
    await page.addInitScript(instrument, ['input[inputmode="decimal"]']);
    const url = `${bench.origin}/index.html#/a/${encodeURIComponent(seeded.assessmentId)}/kpi/${encodeURIComponent(seeded.kpiId)}`;
    await openEntry(page, url);
    const readyTimes: number[] = [];
    for (let run = 0; run < 3; run++) readyTimes.push(await openEntry(page, url));

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
    await page.addInitScript(instrument, ['.chart-office svg', '.results-table tbody tr']);
    const url = `${bench.origin}/index.html#/office`;
    await openEntry(page, url);
    const readyTimes: number[] = [];
    for (let run = 0; run < 3; run++) readyTimes.push(await openEntry(page, url));
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
      single('office view JS heap', heapBytes / 2 ** 20, 'MiB', { kind: 'max', value: 200, on: 'value' }, `${stored}; used heap after a garbage collection`),
    ];
  } finally {
    await page.close();
  }
}
