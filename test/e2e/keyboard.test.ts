/**
 * Issue 2, keyboard-only use: a participant creates an assessment, finds a KPI and enters a value with
 * its data quality without touching the mouse.
 */
import { describe } from 'vitest';
import { EntryPage } from './pages/entry-page.ts';
import { HomePage } from './pages/home-page.ts';
import { WorkspacePage } from './pages/workspace-page.ts';
import { tabTo } from './support/keyboard.ts';
import { text } from './support/locales.ts';
import { test } from './support/sessions.ts';

const householdInternet = { id: 'EC-ICT-ICT-1C', code: 'EC: ICT: ICT: 1C' };

describe('keyboard only', () => {
  test('creates an assessment and enters a KPI value with its quality using only the keyboard', async ({ browsers, expect }) => {
    const session = await browsers.launch();
    await session.open('#/');
    const { page } = session;
    const home = new HomePage(page);
    const field = (key: string) => home.createForm.getByRole('textbox', { name: text('en', key), exact: true });
    await field('city:field.name.label').waitFor();

    await tabTo(page, field('city:field.name.label'));
    await page.keyboard.type('Keyboardia');
    await tabTo(page, field('city:field.country.label'));
    await page.keyboard.type('Testland');
    await tabTo(page, field('city:field.households.label'));
    await page.keyboard.type('20000');
    await tabTo(page, home.createForm.getByRole('button', { name: text('en', 'common:home.create.submit') }));
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/a\/[^/]+$/);

    const workspace = new WorkspacePage(page);
    await workspace.waitUntilLoaded();
    await tabTo(page, workspace.search);
    await page.keyboard.type(householdInternet.code);
    await tabTo(page, workspace.kpiLink(householdInternet.code));
    await page.keyboard.press('Enter');
    const entry = new EntryPage(page);
    await entry.heading(householdInternet.id).waitFor();

    await tabTo(page, entry.textbox('entry:point.directValue'));
    await entry.acknowledged(async () => {
      await page.keyboard.type('45.5');
      await page.keyboard.press('Tab');
    });
    await tabTo(page, entry.select('entry:point.quality'));
    await entry.acknowledged(async () => {
      await page.keyboard.press('Enter');
      await page.getByRole('listbox').waitFor();
      const wanted = page.getByRole('option', { name: text('en', 'entry:point.qualities.measured'), exact: true });
      for (let presses = 0; presses < 10 && !(await wanted.evaluate((option) => option === document.activeElement)); presses++) {
        await page.keyboard.press('ArrowDown');
      }
      await page.keyboard.press('Enter');
    });

    await page.reload();
    const reloaded = new EntryPage(page);
    await reloaded.heading(householdInternet.id).waitFor();
    expect(await reloaded.valueOf('entry:point.directValue')).toBe('45.5');
    expect(await reloaded.select('entry:point.quality').textContent()).toContain(text('en', 'entry:point.qualities.measured'));
  });
});
