/**
 * Results: the City Snapshot renders in French and Arabic (charts drawn, right to left), ECharts
 * loads only when a results screen opens, the report prints to a PDF holding the city, every dimension and
 * the "not verified" label (in French, Arabic and Chinese, with the bundled fonts), and axe finds nothing
 * serious on the new screens.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe } from 'vitest';
import { AppShell } from './pages/app-shell.ts';
import { HomePage } from './pages/home-page.ts';
import { ResultsPage } from './pages/results-page.ts';
import { assertAccessible } from './support/axe.ts';
import { text, type Lng } from './support/locales.ts';
import { pdfFonts, pdfText } from './support/pdf-text.ts';
import { test } from './support/sessions.ts';

const demoAssessmentId = 'demo-assessment-lake-amara-2025';
const dimensions = ['EC', 'EN', 'SC'] as const;
/** axe over a snapshot's hundreds of table cells takes seconds; on a busy two-core machine, many. */
const SLOW_MACHINE_TIMEOUT_MS = 240_000;

describe.concurrent('results', () => {
  test('the snapshot draws its charts in French, loading ECharts only when it opens, with no serious axe violation', async ({ browsers, expect }) => {
    const session = await browsers.launch();
    const scripts: string[] = [];
    session.page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await session.open('#/');
    const shell = await new AppShell(session.page).ready();
    await shell.switchLanguage('fr');
    await new HomePage(session.page, 'fr').openDemo();
    expect(scripts.filter((path) => /chart-engine|SnapshotScreen/.test(path))).toEqual([]);

    await session.open(`#/a/${demoAssessmentId}/snapshot`);
    const french = new ResultsPage(session.page, 'fr');
    await french.heading('results:snapshot.title').waitFor();
    await french.waitForCharts();
    expect(scripts.some((path) => path.includes('chart-engine'))).toBe(true);
    expect(await french.notVerified.count()).toBe(1);
    await assertAccessible(session.page, 'snapshot (fr)');
  }, SLOW_MACHINE_TIMEOUT_MS);

  test('the snapshot lays out right to left in Arabic, and the results screens have no serious axe violation', async ({ browsers, expect }) => {
    const session = await browsers.launch();
    await session.open('#/');
    const shell = await new AppShell(session.page).ready();
    await shell.switchLanguage('ar');
    await new HomePage(session.page, 'ar').openDemo();
    await session.open(`#/a/${demoAssessmentId}/snapshot`);
    const arabic = new ResultsPage(session.page, 'ar');
    await arabic.heading('results:snapshot.title').waitFor();
    await arabic.waitForCharts();
    expect(await shell.documentLanguage()).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(await arabic.notVerified.count()).toBe(1);
    // The wheel's labels are drawn in the current language.
    expect(await arabic.wheel.textContent()).toContain(text('ar', 'catalogue:dimensions.EC'));
    await assertAccessible(session.page, 'snapshot (ar)');

    for (const route of ['#/targets', '#/targets/example-sdg-2030', '#/office', `#/a/${demoAssessmentId}/import-table`]) {
      await session.open(route);
      await session.page.getByRole('heading', { level: 1 }).waitFor();
      await session.page.locator('main output').waitFor({ state: 'detached' });
      await assertAccessible(session.page, `${route} (ar)`);
    }
  }, SLOW_MACHINE_TIMEOUT_MS);

  test('exports the values as an XLSX workbook in the browser (exceljs loaded on demand)', async ({ browsers, expect }) => {
    const session = await browsers.launch();
    await session.open('#/');
    await new AppShell(session.page).ready();
    await new HomePage(session.page).openDemo();
    await session.open(`#/a/${demoAssessmentId}/snapshot`);
    await new ResultsPage(session.page).heading('results:snapshot.title').waitFor();
    const download = session.page.waitForEvent('download');
    await session.page.getByRole('button', { name: text('en', 'results:export.button.xlsx') }).click();
    const saved = await (await download).path();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(saved) as unknown as ArrayBuffer);
    // One sheet per dimension, as in the U4SSC data collection template, with the city on its rows.
    expect(workbook.worksheets).toHaveLength(3);
    expect(workbook.worksheets[0]?.getRow(2).values).toContain('Lake Amara');
  }, SLOW_MACHINE_TIMEOUT_MS);

  test('the report prints to a PDF with the city, every dimension and the "not verified" label, in French, Arabic and Chinese', async ({ browsers, expect }) => {
    const session = await browsers.launch();
    await session.open('#/');
    const shell = await new AppShell(session.page).ready();
    await new HomePage(session.page).openDemo();
    for (const lng of ['fr', 'ar', 'zh'] satisfies Lng[]) {
      await shell.switchLanguage(lng);
      await session.open(`#/a/${demoAssessmentId}/report`);
      const report = new ResultsPage(session.page, lng);
      await report.heading('results:report.title').waitFor();
      await report.wheel.locator('path').first().waitFor();
      if (lng === 'fr') await assertAccessible(session.page, 'report (fr)');
      await session.page.evaluate(() => document.fonts.ready);
      const pdf = await session.page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
      const fonts = pdfFonts(pdf);
      const body = pdfText(pdf);
      expect(body).toContain('Lake Amara');
      if (lng === 'ar') {
        // pdftotext may give Arabic in visual order; the embedded face shows it was drawn with the bundled font.
        expect(fonts.some((font) => font.includes('NotoSansArabic'))).toBe(true);
        continue;
      }
      for (const dimension of dimensions) expect(body).toContain(text(lng, 'results:report.resultsOf', { dimension: text(lng, `catalogue:dimensions.${dimension}`) }));
      expect(body).toContain(text(lng, 'results:verification.notVerified'));
      if (lng === 'zh') expect(fonts.some((font) => font.includes('NotoSansSC'))).toBe(true);
    }
  }, SLOW_MACHINE_TIMEOUT_MS);
});
