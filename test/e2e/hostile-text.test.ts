/**
 * Hostile text typed into a free-text field: 565 payloads generated from attack families. Nothing may
 * run (a canary global stays unset), the page's CSP may report nothing, every saved string is stored
 * and shown back exactly as committed, and the page does not grow sideways.
 */
import { describe } from 'vitest';
import { EntryPage } from './pages/entry-page.ts';
import { HomePage } from './pages/home-page.ts';
import { WorkspacePage } from './pages/workspace-page.ts';
import { listenForEdits, startEdits, storedFieldValues, type EditReports } from './support/edit-driver.ts';
import { hostileCorpus } from './support/hostile-text.ts';
import { test } from './support/sessions.ts';

declare global {
  interface Window {
    __hostileCanary?: number;
    __cspViolations?: string[];
  }
}

const kpi = { id: 'EC-ICT-ICT-1C', code: 'EC: ICT: ICT: 1C' };

describe('hostile text', () => {
  test('565 hostile payloads in the note field: nothing runs, none causes a CSP violation, each is stored and shown as typed', { timeout: 600_000 }, async ({ browsers, expect }) => {
    const corpus = hostileCorpus();
    expect(corpus.length).toBeGreaterThanOrEqual(500);
    const session = await browsers.launch();
    await session.context.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (event) => window.__cspViolations?.push(`${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`));
    });
    const reports: EditReports = { acknowledged: [], failed: [] };
    await listenForEdits(session.context, reports);
    await session.open('#/');
    const assessmentId = await new HomePage(session.page).createAssessment({ city: 'Hostile Text City', country: 'Testland', year: '2026' });
    await new WorkspacePage(session.page).openKpi(kpi.code);
    const entry = new EntryPage(session.page);
    await entry.heading(kpi.id).waitFor();

    await startEdits(entry.textbox('entry:point.note'), corpus);
    await expect.poll(() => reports.acknowledged.length + reports.failed.length, { timeout: 540_000, interval: 500 }).toBe(corpus.length);

    // Only what the revision format refuses may fail (over-long strings, lone surrogates), and it said so.
    const refusable = (value: string) => value.length >= 99_000 || /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(value);
    expect(reports.failed.filter((value) => !refusable(value))).toEqual([]);
    expect(await session.page.evaluate(() => window.__hostileCanary)).toBeUndefined();
    // zod probes `new Function('')` once to pick its fast path; the CSP refuses it, which is the policy
    // working, not a payload. Every other report fails the test.
    const violations = (await session.page.evaluate(() => window.__cspViolations)) ?? [];
    expect(violations.filter((violation) => !violation.startsWith('script-src eval '))).toEqual([]);

    const storedSet = await storedFieldValues(session.page, 'note');
    expect(reports.acknowledged.map((value) => value.trim()).filter((value) => !storedSet.has(value))).toEqual([]);

    // Shown back after a reload exactly as committed (leading and trailing white space is trimmed on commit).
    await session.page.reload();
    const reloaded = new EntryPage(session.page);
    await reloaded.heading(kpi.id).waitFor();
    const last = reports.acknowledged.at(-1)!;
    expect(await reloaded.valueOf('entry:point.note')).toBe(last.trim());
    expect(await session.page.evaluate(() => window.__hostileCanary)).toBeUndefined();
    const overflow = await session.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    expect(assessmentId).toBeTruthy();
  });
});
