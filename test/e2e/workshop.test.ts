/**
 * Workshop mode in real Chromium: the wizard and two participants on one shared laptop, a live board,
 * review and verification with the lock, a participant package to another browser profile and back,
 * worksheets printed to PDF in Arabic and Chinese, and axe on the new screens in English and Arabic.
 */
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { describe, inject } from 'vitest';
import { AppShell } from './pages/app-shell.ts';
import { kpisInCategory, U4SSC_2017 } from '../../core/catalogue/index.ts';
import { EntryPage } from './pages/entry-page.ts';
import { HomePage } from './pages/home-page.ts';
import { SyncPage } from './pages/sync-page.ts';
import { WorkspacePage } from './pages/workspace-page.ts';
import { WorkshopPage } from './pages/workshop-page.ts';
import { assertAccessible } from './support/axe.ts';
import { text } from './support/locales.ts';
import { test } from './support/sessions.ts';
import type { BrowserSession } from './support/browser.ts';

const internet = { id: 'EC-ICT-ICT-1C', code: 'EC: ICT: ICT: 1C', name: text('en', 'catalogue:kpi.EC-ICT-ICT-1C.name') };
const broadband = { id: 'EC-ICT-ICT-2C', code: 'EC: ICT: ICT: 2C', name: text('en', 'catalogue:kpi.EC-ICT-ICT-2C.name') };
const MISSING_SOURCE = 3;
const RETURNED = 6;
const VERIFIED = 1;

async function workshopLaptop(session: BrowserSession): Promise<{ assessmentId: string; desk: WorkshopPage }> {
  await session.open('#/');
  await new HomePage(session.page).createAssessment({ city: 'Lake Town', country: 'Kenya', population: '100000', households: '30000', year: '2026' });
  await session.open('#/');
  const desk = new WorkshopPage(session.page);
  const assessmentId = await desk.create({
    title: 'Data week',
    facilitator: 'Fatima',
    verifier: 'Victor',
    participants: [
      { name: 'Amina', department: 'Water' },
      { name: 'Li', department: 'Energy' },
    ],
  });
  await desk.assign(`k:${internet.id}`, 'Water');
  await desk.assign(`k:${broadband.id}`, 'Energy');
  return { assessmentId, desk };
}

async function enter(session: BrowserSession, assessmentId: string, kpi: typeof internet, value: string): Promise<EntryPage> {
  await session.open(`#/a/${assessmentId}`);
  await new WorkspacePage(session.page).openKpi(kpi.code);
  const entry = new EntryPage(session.page);
  await entry.heading(kpi.id).waitFor();
  await entry.commitText('entry:point.directValue', value);
  return entry;
}

describe.concurrent('workshop mode', () => {
  test('two participants, a live board, return and accept, verification locks the value until it is reopened', async ({ browsers, expect }) => {
    const laptop = await browsers.launch();
    const { assessmentId, desk } = await workshopLaptop(laptop);

    const projector = await laptop.context.newPage();
    await projector.goto(`${laptop.baseUrl}#/a/${assessmentId}/board`);
    const board = new WorkshopPage(projector);
    await board.boardCount('byParticipant', 'Amina', MISSING_SOURCE).waitFor();
    expect(await board.boardCount('byParticipant', 'Amina', MISSING_SOURCE).textContent()).toBe('0');

    await desk.switchTo('Amina', 'participant');
    await enter(laptop, assessmentId, internet, '45.5');
    await desk.submit();
    await laptop.open(`#/a/${assessmentId}/workshop`);
    await desk.switchTo('Li', 'participant');
    const entry = await enter(laptop, assessmentId, broadband, '12');
    await desk.submit();

    // The board follows every save without a reload.
    await expect.poll(() => board.boardCount('byParticipant', 'Amina', MISSING_SOURCE).textContent()).toBe('1');
    await expect.poll(() => board.boardCount('byParticipant', 'Li', MISSING_SOURCE).textContent()).toBe('1');
    await expect.poll(() => board.boardCount('byDepartment', 'Water', MISSING_SOURCE).textContent()).toBe('1');
    // A projector at 1366×768 shows the whole board without scrolling.
    await projector.setViewportSize({ width: 1366, height: 768 });
    const overflow = await projector.evaluate(() => ({
      x: document.documentElement.scrollWidth - window.innerWidth,
      y: document.documentElement.scrollHeight - window.innerHeight,
    }));
    expect(overflow).toEqual({ x: 0, y: 0 });

    await laptop.open(`#/a/${assessmentId}/workshop`);
    await desk.switchTo('Fatima', 'facilitator', '2468');
    await desk.returnWithReason(internet.name, 'Which year is this figure from?');
    await desk.accept(broadband.name);
    await expect.poll(() => board.boardCount('byParticipant', 'Amina', RETURNED).textContent()).toBe('1');

    await desk.switchTo('Victor', 'verifier', '1357');
    await laptop.open(`#/a/${assessmentId}/kpi/${broadband.id}`);
    await desk.verifyKpi();
    await expect.poll(() => board.boardCount('byParticipant', 'Li', VERIFIED).textContent()).toBe('1');

    await laptop.open(`#/a/${assessmentId}/workshop`);
    await desk.switchTo('Li', 'participant');
    await laptop.open(`#/a/${assessmentId}/kpi/${broadband.id}`);
    await entry.heading(broadband.id).waitFor();
    await laptop.page.getByText(text('en', 'workshop:lock.verified')).waitFor();
    expect(await entry.textbox('entry:point.directValue').evaluate((input) => input.matches(':disabled'))).toBe(true);
    expect(await entry.valueOf('entry:point.directValue')).toBe('12');

    await laptop.open(`#/a/${assessmentId}/workshop`);
    await desk.switchTo('Fatima', 'facilitator', '2468');
    await laptop.open(`#/a/${assessmentId}/kpi/${broadband.id}`);
    await desk.reopen('The city sent a corrected figure');
    await laptop.open(`#/a/${assessmentId}/workshop`);
    await desk.switchTo('Li', 'participant');
    await enter(laptop, assessmentId, broadband, '13');
    expect(await entry.valueOf('entry:point.directValue')).toBe('13');
    await projector.close();
    // The whole workshop in one story: longer than the default on a busy machine.
  }, 240_000);

  test('a participant package goes to another profile and the returned bundle merges through the import preview', async ({ browsers, expect }) => {
    const facilitator = await browsers.launch();
    const { assessmentId, desk } = await workshopLaptop(facilitator);
    const exchange = new SyncPage(facilitator.page);
    const download = facilitator.page.waitForEvent('download');
    await facilitator.page.getByRole('button', { name: desk.t('workshop:packages.save', { name: 'Amina' }) }).click();
    const packagePath = join(mkdtempSync(join(inject('scratchDir'), 'package-')), 'amina.citykpi');
    await (await download).saveAs(packagePath);

    const aminaLaptop = await browsers.launch();
    await aminaLaptop.open('#/');
    const aminaSync = new SyncPage(aminaLaptop.page);
    await aminaSync.open();
    await aminaSync.importFile(packagePath);
    await aminaLaptop.open(`#/a/${assessmentId}/workshop`);
    const aminaDesk = new WorkshopPage(aminaLaptop.page);
    await aminaDesk.switchTo('Amina', 'participant');
    // Only Amina's KPI came with the package.
    await aminaLaptop.open(`#/a/${assessmentId}/kpi/${broadband.id}`);
    await aminaLaptop.page.getByText(text('en', 'workshop:kpi.nobody')).waitFor();
    await enter(aminaLaptop, assessmentId, internet, '61');
    await aminaSync.open();
    const returned = await aminaSync.exportAll({ kind: 'readable' });

    await exchange.open();
    await exchange.importFile(returned);
    await facilitator.open(`#/a/${assessmentId}/kpi/${internet.id}`);
    const entry = new EntryPage(facilitator.page);
    await entry.heading(internet.id).waitFor();
    expect(await entry.valueOf('entry:point.directValue')).toBe('61');
  });

  test('worksheets print to PDF in Arabic and Chinese with every KPI of the department, one data point is assigned by keyboard, and every new screen passes axe in English and Arabic', async ({ browsers, expect }) => {
    const laptop = await browsers.launch();
    const { assessmentId, desk } = await workshopLaptop(laptop);
    const page = laptop.page;
    const waterAndSanitation = kpisInCategory(U4SSC_2017, 'EC-ICT-WS');
    await desk.assign('c:EC-ICT-WS', 'Water', waterAndSanitation.length);
    const waterKpis = [internet.id, ...waterAndSanitation.map((kpi) => kpi.id)];

    // One data point on its own, keyboard only from its field: Enter saves the form.
    const oneByOne = page.getByRole('region', { name: desk.t('workshop:assign.oneTitle') });
    await oneByOne.getByLabel(desk.t('workshop:assign.kpi'), { exact: true }).selectOption('EN-EN-AQ-1C');
    await oneByOne.getByRole('group', { name: text('en', 'catalogue:points.EN-EN-AQ-1C.no2') }).getByLabel(desk.t('workshop:assign.department'), { exact: true }).focus();
    await page.keyboard.type('Energy');
    await page.keyboard.press('Enter');
    await oneByOne.getByRole('status').getByText(desk.t('workshop:assign.saved', { code: 'EN: EN: AQ: 1C' })).waitFor();

    for (const lng of ['ar', 'zh'] as const) {
      await laptop.open(`#/a/${assessmentId}/worksheet/d-Water`);
      await page.getByLabel(text('en', 'workshop:sheets.language')).selectOption(lng);
      const sheet = page.locator(`article.worksheet[lang="${lng}"]`);
      await sheet.getByText(text(lng, `catalogue:kpi.${internet.id}.name`)).waitFor();
      const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true });
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const printed = await sheet.locator('tbody tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-kpi')));
      expect(new Set(printed)).toEqual(new Set(waterKpis));
      for (const kpiId of waterKpis) await sheet.getByText(text(lng, `catalogue:kpi.${kpiId}.name`)).first().waitFor();
      await sheet.getByText(text(lng, `kpi-help:kpi.${internet.id}.definition`)).waitFor();
      expect(await sheet.locator(`tr[data-kpi="${internet.id}"] .worksheet-id`).textContent()).toBe('1');
    }
    await laptop.open(`#/a/${assessmentId}/reentry/d-Water`);
    await page.getByLabel(text('en', 'workshop:reentry.jump')).fill('1');
    await page.getByLabel(text('en', 'workshop:reentry.jump')).press('Enter');
    expect(await page.evaluate(() => document.activeElement?.closest('li')?.id)).toBe('line-1');

    // Something in the review queue and in the question log, so axe sees them filled.
    await enter(laptop, assessmentId, internet, '45.5');
    await desk.submit();
    await laptop.open(`#/a/${assessmentId}/workshop`);
    await desk.switchTo('Victor', 'verifier', '1357');
    await laptop.open(`#/a/${assessmentId}/kpi/${internet.id}`);
    await desk.panel.getByLabel(desk.t('workshop:questions.ask'), { exact: true }).fill('Which survey year?');
    await desk.panel.getByRole('button', { name: desk.t('workshop:questions.add'), exact: true }).click();
    await desk.panel.getByText('Which survey year?').waitFor();

    // One pass per language over every new screen, reusing the page.
    for (const lng of ['en', 'ar'] as const) {
      const screens = new WorkshopPage(page, lng);
      if (lng !== 'en') {
        await new AppShell(page).switchLanguage(lng);
        expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      }
      await laptop.open('#/workshop/new');
      await page.getByRole('heading', { level: 1, name: screens.t('workshop:wizard.title') }).waitFor();
      await assertAccessible(page, `wizard (${lng})`);
      await laptop.open(`#/a/${assessmentId}/workshop`);
      await page.getByRole('heading', { name: 'Data week' }).waitFor();
      await page.getByRole('region', { name: screens.t('workshop:assign.oneTitle') }).waitFor();
      await assertAccessible(page, `desk: switcher, people, assignments, review queue, packages (${lng})`);
      await laptop.open(`#/a/${assessmentId}/kpi/${internet.id}`);
      await screens.panel.getByText('Which survey year?').waitFor();
      await assertAccessible(page, `KPI review, verification and question log (${lng})`);
      await laptop.open(`#/a/${assessmentId}/board`);
      await screens.boardCount('byDepartment', 'Water', MISSING_SOURCE).waitFor();
      await assertAccessible(page, `board (${lng})`);
      await laptop.open(`#/a/${assessmentId}/worksheet/d-Water`);
      await page.locator(`article.worksheet[lang="${lng}"]`).getByText(text(lng, `kpi-help:kpi.${internet.id}.definition`)).waitFor();
      await assertAccessible(page, `worksheet (${lng})`);
      await laptop.open(`#/a/${assessmentId}/reentry/d-Water`);
      await page.getByLabel(screens.t('workshop:reentry.jump')).waitFor();
      await assertAccessible(page, `re-entry (${lng})`);
    }
  });
});
