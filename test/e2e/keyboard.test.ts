/**
 * Keyboard-only use: a participant creates an assessment, finds a KPI in the tree widget (one Tab stop,
 * arrow keys), lands in its first field, enters values, and goes on to the next KPI and back with the
 * next and previous links, without touching the mouse.
 */
import { describe } from 'vitest';
import { EntryPage } from './pages/entry-page.ts';
import { HomePage } from './pages/home-page.ts';
import { WorkspacePage } from './pages/workspace-page.ts';
import { tabInto, tabTo } from './support/keyboard.ts';
import { text } from './support/locales.ts';
import { test } from './support/sessions.ts';

const householdInternet = { id: 'EC-ICT-ICT-1C', code: 'EC: ICT: ICT: 1C' };
const fixedBroadband = { id: 'EC-ICT-ICT-2C' };

describe('keyboard only', () => {
  test('enters two KPIs with the tree, next and previous, using only the keyboard', async ({ browsers, expect }) => {
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
    // The header stays in view on first load.
    expect(await page.evaluate(() => window.scrollY)).toBe(0);

    const workspace = new WorkspacePage(page);
    await workspace.waitUntilLoaded();
    await tabTo(page, workspace.search);
    await page.keyboard.type(householdInternet.code);
    // The whole tree is one Tab stop; inside it the arrow keys move, and Enter opens the KPI.
    await tabInto(page, workspace.treeWidget);
    const row = workspace.kpiRow(householdInternet.code);
    for (let presses = 0; presses < 5 && !(await row.evaluate((element) => element === document.activeElement)); presses++) {
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Enter');
    const entry = new EntryPage(page);
    await entry.heading(householdInternet.id).waitFor();
    // Choosing a KPI puts the cursor in its first field.
    await expect.poll(() => entry.textbox('entry:point.numerator').evaluate((element) => element === document.activeElement)).toBe(true);

    await entry.acknowledged(async () => {
      await page.keyboard.type('4500');
      await page.keyboard.press('Tab');
    });
    await expect.poll(() => entry.kpiStatus.textContent()).toBe(text('en', 'status:status.reported'));

    // From the last field, one Tab reaches "Next KPI"; Enter lands in the next KPI's first field.
    await tabTo(page, page.getByRole('link', { name: new RegExp(`^${text('en', 'entry:steps.next')}`) }));
    await page.keyboard.press('Enter');
    await entry.heading(fixedBroadband.id).waitFor();
    await expect.poll(() => entry.textbox('entry:point.numerator').evaluate((element) => element === document.activeElement)).toBe(true);
    await entry.acknowledged(async () => {
      await page.keyboard.type('3000');
      await page.keyboard.press('Tab');
    });

    await tabTo(page, page.getByRole('link', { name: new RegExp(`^${text('en', 'entry:steps.previous')}`) }));
    await page.keyboard.press('Enter');
    await entry.heading(householdInternet.id).waitFor();
    expect(await entry.valueOf('entry:point.numerator')).toBe('4,500');
    expect(await entry.computedValue.textContent()).toMatch(/^22\.5\s/);
  });
});
