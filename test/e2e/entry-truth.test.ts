/**
 * Data entry that tells the truth, in English and Arabic: who is typing is asked once; a wrong value
 * is kept but shown as "reported with errors" in the form and the tree alike; the value that counts is
 * marked used and the other set aside; refused text stays in its field with "not saved" beside it,
 * also after going to the next KPI and back; the header stays in view when a KPI address is opened;
 * a long department name is shown whole.
 */
import { describe } from 'vitest';
import { AppShell } from './pages/app-shell.ts';
import { EntryPage } from './pages/entry-page.ts';
import { HomePage } from './pages/home-page.ts';
import { WorkspacePage } from './pages/workspace-page.ts';
import { text } from './support/locales.ts';
import { test } from './support/sessions.ts';

const householdInternet = { id: 'EC-ICT-ICT-1C', code: 'EC: ICT: ICT: 1C' };
const demoAssessmentId = 'demo-assessment-lake-amara-2025';

describe.concurrent('data entry that tells the truth', () => {
  test('English: name asked once, errors kept but not counted, the value used marked, refused text kept', async ({ browsers, expect }) => {
    const session = await browsers.launch();
    await session.open('#/');
    const assessmentId = await new HomePage(session.page).createAssessment({ city: 'Truthville', country: 'Testland', households: '48000', year: '2026' });
    // Opened from its address, as after a reload: the header stays in view.
    await session.open(`#/a/${assessmentId}/kpi/${householdInternet.id}`);
    const entry = new EntryPage(session.page);
    await entry.heading(householdInternet.id).waitFor();
    expect(await session.page.evaluate(() => window.scrollY)).toBe(0);

    const prompt = session.page.getByRole('region', { name: text('en', 'author:title') });
    await prompt.getByRole('textbox', { name: text('en', 'author:label') }).fill('Amina Diallo');
    await prompt.getByRole('button', { name: text('en', 'author:save') }).click();
    await prompt.waitFor({ state: 'detached' });

    await entry.commitText('entry:point.numerator', '-200');
    await expect.poll(() => entry.kpiStatus.textContent()).toBe(text('en', 'status:status.reportedWithErrors'));
    const row = new WorkspacePage(session.page).kpiRow(householdInternet.code);
    expect(await row.getAttribute('aria-label')).toContain(text('en', 'status:status.reportedWithErrors'));
    expect(await entry.form.getByRole('region', { name: text('en', 'entry:kpi.errorsTitle') }).textContent()).toContain(
      text('en', 'validation:negativeNumerator'),
    );

    await entry.commitText('entry:point.numerator', '14,400');
    await expect.poll(() => entry.kpiStatus.textContent()).toBe(text('en', 'status:status.reported'));
    await entry.commitText('entry:point.directValue', '60');
    expect(await entry.usedValue.textContent()).toContain(text('en', 'entry:point.directValue'));
    expect(await entry.setAsideMarker.count()).toBe(1);
    expect(await entry.computedValue.textContent()).toMatch(/^30\s/);

    // A long department name is shown whole in the tree's department filter, never cut off.
    const department = 'Metropolitan Water, Sanitation and Environmental Health Authority';
    await entry.commitText('entry:point.department', department);
    const departmentFilter = session.page.getByRole('button', { name: new RegExp(text('en', 'entry:tree.filters.department')) });
    await departmentFilter.click();
    await session.page.getByRole('option', { name: department }).click();
    const shown = await departmentFilter.locator('[data-rac], span').first().evaluate((value) => ({
      text: value.textContent,
      cut: value.scrollWidth > value.clientWidth || value.scrollHeight > value.clientHeight,
    }));
    expect(shown).toEqual({ text: department, cut: false });

    await entry.type('entry:point.dataYear', '202');
    const dataYear = entry.form.locator('[data-field="dataYear"]');
    await dataYear.getByText(text('en', 'entry:save.refused')).waitFor();
    await session.page.getByRole('link', { name: new RegExp(`^${text('en', 'entry:steps.next')}`) }).click();
    await session.page.getByRole('link', { name: new RegExp(`^${text('en', 'entry:steps.previous')}`) }).click();
    await entry.heading(householdInternet.id).waitFor();
    expect(await entry.valueOf('entry:point.dataYear')).toBe('202');
    await dataYear.getByText(text('en', 'entry:save.refused')).waitFor();

    await entry.form.getByRole('button', { name: text('en', 'entry:history.show') }).click();
    expect(await entry.form.getByRole('table').first().textContent()).toContain('Amina Diallo');
  });

  test('Arabic: the same status words, the value used and the one set aside', async ({ browsers, expect }) => {
    const session = await browsers.launch();
    await session.open('#/');
    const shell = await new AppShell(session.page).ready();
    await shell.switchLanguage('ar');
    await new HomePage(session.page, 'ar').openDemo();
    await session.open(`#/a/${demoAssessmentId}/kpi/${householdInternet.id}`);
    const entry = new EntryPage(session.page, 'ar');
    await entry.heading(householdInternet.id).waitFor();
    const status = await entry.kpiStatus.textContent();
    expect(await new WorkspacePage(session.page, 'ar').kpiRow(householdInternet.code).getAttribute('aria-label')).toContain(status);

    await entry.commitText('entry:point.directValue', '٥٠');
    expect(await entry.usedValue.textContent()).toContain(text('ar', 'entry:point.directValue'));
    expect(await entry.setAsideMarker.count()).toBe(1);
    expect(await entry.form.getByText(text('ar', 'entry:point.fieldOf', { role: text('ar', 'entry:point.numerator'), what: text('ar', 'kpi-help:kpi.EC-ICT-ICT-1C.numerator') })).count()).toBeGreaterThan(0);

    // A multi-point KPI with a long unit: each value box keeps room for its digits (it once showed "31.:").
    await session.open(`#/a/${demoAssessmentId}/kpi/EN-EN-AQ-1C`);
    await entry.heading('EN-EN-AQ-1C').waitFor();
    const pm10 = entry.form.locator('[data-point-id="pm10"]').getByRole('textbox').first();
    await pm10.fill('1234.5');
    const fits = await pm10.evaluate((input) => ({ width: input.clientWidth, overflow: input.scrollWidth > input.clientWidth }));
    expect(fits.width).toBeGreaterThan(90);
    expect(fits.overflow).toBe(false);
  });
});
