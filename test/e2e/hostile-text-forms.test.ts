/**
 * Hostile text typed through the UI into the free-text fields that hostile-text.test.ts does not type
 * into: the "who is typing" prompt, the create-assessment form, a target set (name, source, a target's
 * source), the workshop wizard (title, place, a participant's name and department), the return and
 * reopen reasons and the verifier's question log. One submit per form, a few payloads from different
 * attack families; every screen that shows them shows them as typed, nothing runs, the CSP reports
 * nothing and no screen grows sideways.
 */
import type { Locator, Page } from 'playwright-core';
import { describe } from 'vitest';
import { MAX_TEXT_LENGTH } from '../../core/records/index.ts';
import { EntryPage } from './pages/entry-page.ts';
import { HomePage } from './pages/home-page.ts';
import { WorkspacePage } from './pages/workspace-page.ts';
import { WorkshopPage } from './pages/workshop-page.ts';
import { text } from './support/locales.ts';
import { sidewaysOverflow } from './support/overflow.ts';
import { test } from './support/sessions.ts';

const run = 'window.__hostileCanary=1';
const kpi = { id: 'EC-ICT-ICT-1C', code: 'EC: ICT: ICT: 1C', name: text('en', 'catalogue:kpi.EC-ICT-ICT-1C.name') };

/** One payload per field, from different attack families; the words keep them apart on screen. */
const typed = {
  city: `<script>${run}</script> Town`,
  country: `"><img src=x onerror="${run}">`,
  author: `Amina \u202egnp.exe\u202c Dia\u200bllo`,
  setName: `<svg onload=${run}> targets`,
  setSource: `javascript:${run}`,
  targetSource: `<a href="javascript:${run}">census</a>`,
  title: `<svg><script>${run}</script></svg> week`,
  place: `'><details open ontoggle=${run}> hall`,
  participant: `Li \u2067<b>Wei</b>\u2069\u200d`,
  department: `<iframe src="javascript:${run}"></iframe> Water`,
  // As long as the record rules allow (10,000 characters), with no space to break at.
  returnReason: `<b>${'W'.repeat(9_993)}</b>`,
  question: `<ScRiPt>${run}</sCrIpT> which year?`,
  answer: `{{constructor.constructor('${run}')()}} 2025`,
  reopenReason: `<img src=x onerror=${run}> corrected`,
};

async function goTo(page: Page, hash: string): Promise<void> {
  await page.evaluate((target) => {
    window.location.hash = target;
  }, hash);
}

async function shownExactly(place: Locator, value: string): Promise<void> {
  await place.getByText(value, { exact: true }).first().waitFor();
}

describe('hostile text in forms', () => {
  test('typed into the author prompt, new assessment, target set, workshop wizard, reasons and question log: shown as typed, nothing runs', { timeout: 120_000 }, async ({ browsers, expect }) => {
    const session = await browsers.launch();
    const page = session.page;
    await session.context.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (event) => window.__cspViolations?.push(`${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`));
    });
    const nothingRanNorReported = async (where: string) => {
      expect(await page.evaluate(() => window.__hostileCanary), where).toBeUndefined();
      expect((await page.evaluate(() => window.__cspViolations)) ?? [], where).toEqual([]);
      expect((await sidewaysOverflow(page)).culprits, where).toEqual([]);
    };

    await session.open('#/');
    const assessmentId = await new HomePage(page).createAssessment({ city: typed.city, country: typed.country, year: '2026' });
    const prompt = page.getByRole('region', { name: text('en', 'author:title') });
    await prompt.getByRole('textbox', { name: text('en', 'author:label') }).fill(typed.author);
    await prompt.getByRole('button', { name: text('en', 'author:save') }).click();
    await prompt.waitFor({ state: 'detached' });
    // A value typed before the workshop, so the history names this author rather than a participant.
    await new WorkspacePage(page).openKpi(kpi.code);
    const entry = new EntryPage(page);
    await entry.heading(kpi.id).waitFor();
    await entry.commitText('entry:point.directValue', '40');

    await goTo(page, '#/');
    const home = new HomePage(page);
    await home.assessmentLink(typed.city).waitFor();
    await shownExactly(home.list, typed.country);
    await nothingRanNorReported('home list');

    // A target set: created with a name and a source, then one target with its own source.
    await goTo(page, '#/targets');
    const createSet = page.getByRole('form', { name: text('en', 'targets:create.title') });
    await createSet.getByRole('textbox', { name: text('en', 'targets:field.name'), exact: true }).fill(typed.setName);
    await createSet.getByRole('textbox', { name: text('en', 'targets:field.source'), exact: true }).fill(typed.setSource);
    await createSet.getByRole('button', { name: text('en', 'targets:create.submit'), exact: true }).click();
    await page.getByRole('button', { name: text('en', 'targets:add.point') }).click();
    // The first option is "none".
    await page.getByRole('option').nth(1).click();
    const target = page.getByRole('textbox', { name: text('en', 'targets:field.target'), exact: true });
    await target.fill('50');
    await target.press('Tab');
    await page.getByRole('button', { name: text('en', 'targets:add.submit'), exact: true }).click();
    const targetSource = page.getByRole('textbox', { name: new RegExp(`^${text('en', 'targets:field.targetSourceOf', { name: '' })}`) });
    await targetSource.fill(typed.targetSource);
    await targetSource.press('Tab');
    // Hash navigation, not a reload, so the commit in flight is not cut off: the set is read back from the database.
    await goTo(page, '#/targets');
    await shownExactly(page.getByRole('main'), typed.setName);
    await nothingRanNorReported('target set list');
    await page.getByRole('main').getByRole('link', { name: typed.setName, exact: true }).click();
    await expect.poll(() => targetSource.inputValue()).toBe(typed.targetSource);
    expect(await page.getByRole('textbox', { name: text('en', 'targets:field.source'), exact: true }).inputValue()).toBe(typed.setSource);
    await nothingRanNorReported('target set');

    // The wizard, then the desk and the board show the workshop and its people.
    await goTo(page, '#/');
    const desk = new WorkshopPage(page);
    await desk.create({ title: typed.title, place: typed.place, facilitator: 'Fatima', verifier: 'Victor', participants: [{ name: typed.participant, department: typed.department }] });
    await page.getByRole('heading', { name: typed.title, exact: true }).waitFor();
    await shownExactly(page.getByRole('main'), typed.place);
    await shownExactly(page.getByRole('region', { name: text('en', 'workshop:switch.title') }), typed.participant);
    await shownExactly(page.getByRole('main'), typed.department);
    await nothingRanNorReported('desk');
    await desk.assign(`k:${kpi.id}`, typed.department);
    await goTo(page, `#/a/${encodeURIComponent(assessmentId)}/board`);
    const board = page.getByRole('table', { name: text('en', 'workshop:board.byParticipant') });
    await shownExactly(board, typed.participant);
    await shownExactly(page.getByRole('table', { name: text('en', 'workshop:board.byDepartment') }), typed.department);
    await nothingRanNorReported('board');

    // Submitted, returned with the longest reason allowed, submitted and accepted, verified, questioned, reopened.
    await goTo(page, `#/a/${encodeURIComponent(assessmentId)}/workshop`);
    await desk.switchTo('Fatima', 'facilitator', '2468');
    await goTo(page, `#/a/${encodeURIComponent(assessmentId)}/kpi/${kpi.id}`);
    await entry.heading(kpi.id).waitFor();
    await entry.commitText('entry:point.directValue', '45.5');
    await desk.submit();
    await goTo(page, `#/a/${encodeURIComponent(assessmentId)}/workshop`);
    await desk.returnWithReason(kpi.name, typed.returnReason);
    await goTo(page, `#/a/${encodeURIComponent(assessmentId)}/kpi/${kpi.id}`);
    await shownExactly(desk.panel, text('en', 'workshop:kpi.returnedBecause', { reason: typed.returnReason }));
    await nothingRanNorReported('returned KPI');
    await desk.submit();
    await goTo(page, `#/a/${encodeURIComponent(assessmentId)}/workshop`);
    await desk.accept(kpi.name);
    await desk.switchTo('Victor', 'verifier', '1357');
    await goTo(page, `#/a/${encodeURIComponent(assessmentId)}/kpi/${kpi.id}`);
    await desk.verifyKpi();
    // One character past the record rules' limit: refused with a translated reason, nothing stored.
    const ask = desk.panel.getByLabel(desk.t('workshop:questions.ask'), { exact: true });
    const tooLong = `${typed.question}${'Q'.repeat(MAX_TEXT_LENGTH + 1 - typed.question.length)}`;
    await ask.fill(tooLong);
    await desk.panel.getByRole('button', { name: desk.t('workshop:questions.add'), exact: true }).click();
    const why = text('en', 'records:reasons.textTooLong', { max: MAX_TEXT_LENGTH.toLocaleString('en') });
    expect(await desk.panel.getByRole('alert').textContent()).toBe(text('en', 'records:refused.save', { what: desk.t('workshop:questions.ask'), reason: why }));
    await shownExactly(desk.panel, desk.t('workshop:questions.none'));
    expect(await ask.inputValue()).toBe(tooLong);
    await ask.fill(typed.question);
    await desk.panel.getByRole('button', { name: desk.t('workshop:questions.add'), exact: true }).click();
    await shownExactly(desk.panel, typed.question);
    await desk.panel.getByLabel(desk.t('workshop:questions.answerLabel'), { exact: true }).fill(typed.answer);
    await desk.panel.getByRole('button', { name: desk.t('workshop:questions.saveAnswer'), exact: true }).click();
    await shownExactly(desk.panel, typed.answer);
    await desk.reopen(typed.reopenReason);
    await shownExactly(desk.panel, text('en', 'workshop:kpi.reopenedBecause', { reason: typed.reopenReason }));
    await nothingRanNorReported('question log and reasons');

    // The history names the author as typed in the prompt, after a reload.
    await page.reload();
    await entry.heading(kpi.id).waitFor();
    await page.getByRole('button', { name: text('en', 'entry:history.show') }).click();
    await shownExactly(page.getByRole('main'), typed.author);
    await nothingRanNorReported('history');
  });
});
