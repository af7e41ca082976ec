/**
 * Hostile text (565 payloads generated from attack families) typed into the free-text fields and carried
 * in by a signed bundle and a spreadsheet. Nothing may run (a canary global stays unset), the page's CSP
 * may report nothing at all, every stored string is stored and shown back exactly as committed, and no
 * screen grows sideways.
 *
 * Typing costs a stored revision per payload, so each typed field gets its own slice of the corpus, with
 * every attack family in every slice; the bundle carries every payload the record rules accept, spread
 * over every text field a bundle can hold, and the screens that show those fields are visited.
 */
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, inject } from 'vitest';
import { EntryPage } from './pages/entry-page.ts';
import { HomePage } from './pages/home-page.ts';
import { SyncPage } from './pages/sync-page.ts';
import { WorkspacePage } from './pages/workspace-page.ts';
import { listenForEdits, startEdits, startStoredEdits, storedFieldValues, type EditReports } from './support/edit-driver.ts';
import { hostileCorpus } from './support/hostile-text.ts';
import { HOSTILE_CITIES, storable, writeHostileBundle, writeHostileCsv } from './support/hostile-files.ts';
import { text } from './support/locales.ts';
import { sidewaysOverflow } from './support/overflow.ts';
import { test } from './support/sessions.ts';

declare global {
  interface Window {
    __hostileCanary?: number;
    __cspViolations?: string[];
  }
}

const kpi = { id: 'EC-ICT-ICT-1C', code: 'EC: ICT: ICT: 1C' };

/** Coprime with the 20 wrappers of a family, so every slice holds payloads of every family. */
const SLICE_STRIDE = 23;

function slice(corpus: readonly string[], index: number): string[] {
  return corpus.filter((_, position) => position % SLICE_STRIDE === index);
}

async function goTo(page: Page, hash: string): Promise<void> {
  await page.evaluate((target) => {
    window.location.hash = target;
  }, hash);
}

describe('hostile text', () => {
  test('typed into every free-text field, imported from a bundle and a spreadsheet: nothing runs, no CSP report, shown as typed', { timeout: 600_000 }, async ({ browsers, expect }) => {
    const corpus = hostileCorpus();
    expect(corpus.length).toBeGreaterThanOrEqual(500);
    const dir = mkdtempSync(join(inject('scratchDir'), 'hostile-'));
    const bundle = await writeHostileBundle(dir, corpus);
    const csv = writeHostileCsv(dir, corpus, kpi.id);

    const session = await browsers.launch();
    const page = session.page;
    await session.context.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (event) => window.__cspViolations?.push(`${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`));
    });
    const reports: EditReports = { acknowledged: [], failed: [] };
    await listenForEdits(session.context, reports);
    const nothingRanNorReported = async (where: string) => {
      expect(await page.evaluate(() => window.__hostileCanary), where).toBeUndefined();
      expect((await page.evaluate(() => window.__cspViolations)) ?? [], where).toEqual([]);
      expect((await sidewaysOverflow(page)).culprits, where).toEqual([]);
    };

    await session.open('#/');
    const assessmentId = await new HomePage(page).createAssessment({ city: 'Hostile Text City', country: 'Testland', year: '2026' });

    // Typed: the entry form's department, source and note; the city profile's name, country and region.
    await new WorkspacePage(page).openKpi(kpi.code);
    const entry = new EntryPage(page);
    await entry.heading(kpi.id).waitFor();
    const typed: { field: string; values: string[] }[] = [];
    let expected = 0;
    const entryFields = [
      ['department', 'entry:point.department'],
      ['source', 'entry:point.source'],
      ['note', 'entry:point.note'],
    ] as const;
    for (const [field, key] of entryFields) {
      const values = slice(corpus, typed.length);
      typed.push({ field, values });
      expected += values.length;
      await startEdits(entry.textbox(key), values);
      await expect.poll(() => reports.acknowledged.length + reports.failed.length, { timeout: 300_000, interval: 250 }).toBe(expected);
    }
    await goTo(page, `#/a/${encodeURIComponent(assessmentId)}/profile`);
    for (const field of ['name', 'country', 'region']) {
      const values = slice(corpus, typed.length);
      typed.push({ field, values });
      expected += values.length;
      await startStoredEdits(page.getByRole('textbox', { name: text('en', `city:field.${field}.label`), exact: true }), values);
      await expect.poll(() => reports.acknowledged.length + reports.failed.length, { timeout: 300_000, interval: 250 }).toBe(expected);
    }
    // Only what the record rules refuse may fail (over-long strings, lone surrogates), and it said so.
    expect(reports.failed.filter(storable)).toEqual([]);
    for (const { field, values } of typed) {
      const stored = await storedFieldValues(page, field);
      expect(values.filter(storable).map((value) => value.trim()).filter((value) => !stored.has(value)), field).toEqual([]);
    }
    await nothingRanNorReported('typing');

    // A signed bundle from an unknown laptop whose every text, its signer's name included, is hostile.
    const sync = new SyncPage(page);
    await sync.open();
    await sync.chooseFile(bundle.path);
    expect(await sync.importSection.getByText(bundle.signerName, { exact: true }).count()).toBeGreaterThan(0);
    await nothingRanNorReported('bundle preview');
    await sync.confirmImport();
    await sync.waitUntilImported();
    for (const [recordId, fields] of bundle.fields) {
      for (const [field, value] of Object.entries(fields)) {
        expect((await storedFieldValues(page, field)).has(value), `${recordId} ${field}`).toBe(true);
      }
    }

    // Shown as typed: the city names in the home list, a city profile, one KPI's texts, the target sets.
    await goTo(page, '#/');
    const home = new HomePage(page);
    const cityNames = [...Array(HOSTILE_CITIES).keys()].map((city) => bundle.fields.get(`city:hostile-${city}`)!['name']!);
    await home.list.getByRole('link').nth(HOSTILE_CITIES).waitFor();
    const listed = await home.list.getByRole('link').evaluateAll((links) => links.map((link) => link.textContent ?? ''));
    expect(cityNames.filter((name) => !listed.includes(name))).toEqual([]);
    await nothingRanNorReported('home');

    const city = bundle.fields.get('city:hostile-0')!;
    await goTo(page, `#/a/hostile-0-2026/profile`);
    const cityName = page.getByRole('textbox', { name: text('en', 'city:field.name.label'), exact: true });
    await expect.poll(() => cityName.inputValue()).toBe(city['name']);
    expect(await page.getByRole('textbox', { name: text('en', 'city:field.region.label'), exact: true }).inputValue()).toBe(city['region']);
    await nothingRanNorReported('profile');

    const [valueRecord, valueFields] = [...bundle.fields].find(([recordId]) => recordId.startsWith(`value:hostile-0-2026:${kpi.id}:`))!;
    expect(valueRecord).toBeTruthy();
    await goTo(page, `#/a/hostile-0-2026/kpi/${kpi.id}`);
    const imported = new EntryPage(page);
    await imported.heading(kpi.id).waitFor();
    await expect.poll(() => imported.valueOf('entry:point.note')).toBe(valueFields['note']);
    expect(await imported.valueOf('entry:point.source')).toBe(valueFields['source']);
    // Departments used elsewhere are offered as suggestions, which makes this field a combobox.
    expect(await imported.form.getByLabel(text('en', 'entry:point.department'), { exact: true }).inputValue()).toBe(valueFields['department']);
    await nothingRanNorReported('entry of an imported value');

    await goTo(page, '#/targets');
    const setName = bundle.fields.get('targetSet:hostile-0')!['name']!;
    await page.getByText(setName, { exact: true }).first().waitFor();
    await nothingRanNorReported('target sets');

    // A spreadsheet with hostile sources and notes: previewed as typed, then stored.
    await goTo(page, `#/a/${encodeURIComponent(assessmentId)}/import-table`);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: text('en', 'tables:choose') }).click();
    await (await chooser).setFiles(csv.path);
    const preview = page.getByRole('table', { name: text('en', 'tables:preview.goodCaption') });
    await preview.waitFor();
    const previewText = (await preview.textContent()) ?? '';
    expect(csv.rows.filter((row) => !previewText.includes(row.source) || !previewText.includes(row.note)).map((row) => row.kpiId)).toEqual([]);
    await nothingRanNorReported('spreadsheet preview');
    const confirmLabel = text('en', 'tables:confirm', { good: '@' }).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace('@', '\\d+');
    await page.getByRole('button', { name: new RegExp(`^${confirmLabel}$`) }).click();
    await page.getByRole('link', { name: text('en', 'tables:openAssessment') }).waitFor();
    const notes = await storedFieldValues(page, 'note');
    expect(csv.rows.filter((row) => !notes.has(row.note)).map((row) => row.kpiId)).toEqual([]);

    // After a reload, the last typed note is shown as committed, and still nothing ran.
    await goTo(page, `#/a/${encodeURIComponent(assessmentId)}/kpi/${kpi.id}`);
    await page.reload();
    const reloaded = new EntryPage(page);
    await reloaded.heading(kpi.id).waitFor();
    const lastNote = typed.find(({ field }) => field === 'note')!.values.filter(storable).at(-1)!;
    expect(await reloaded.valueOf('entry:point.note')).toBe(lastNote.trim());
    await nothingRanNorReported('after a reload');
  });
});
