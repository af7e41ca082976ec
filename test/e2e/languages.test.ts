/**
 * Languages: Arabic lays the whole UI out right to left, Chinese and Arabic render with the
 * bundled fonts, the choice is remembered across a restart, and none of it touches the network.
 * Screenshots are kept in test-results/e2e/.
 */
import { describe } from 'vitest';
import { AppShell } from './pages/app-shell.ts';
import { EntryPage } from './pages/entry-page.ts';
import { HomePage } from './pages/home-page.ts';
import { WorkspacePage } from './pages/workspace-page.ts';
import { keepScreenshot } from './support/artifacts.ts';
import { fontsUsedBy, systemFontUses } from './support/fonts.ts';
import { text } from './support/locales.ts';
import { test } from './support/sessions.ts';

const hanText = /\p{Script=Han}/u;
const arabicText = /\p{Script=Arabic}/u;
const householdInternet = { id: 'EC-ICT-ICT-1C', code: 'EC: ICT: ICT: 1C' };
const demoAssessmentId = 'demo-assessment-lake-amara-2025';

async function box(locator: { boundingBox(): Promise<{ x: number; y: number; width: number; height: number } | null> }) {
  const found = await locator.boundingBox();
  if (!found) throw new Error('element is not laid out');
  return found;
}

describe.concurrent('languages', () => {
  test('lays Arabic out right to left, reads Arabic-Indic digits, and remembers the choice and the value after a restart', async ({ browsers, expect }) => {
    const session = await browsers.launch();
    await session.open('#/');
    const shell = await new AppShell(session.page).ready();
    await shell.switchLanguage('ar');
    expect(await shell.documentLanguage()).toEqual({ lang: 'ar', dir: 'rtl' });
    await shell.heading('common:home.title').waitFor();

    // The app name opens the header: in Arabic it sits at the right edge, the tools to its left.
    const viewport = session.page.viewportSize();
    if (!viewport) throw new Error('no viewport');
    const name = await box(shell.appName);
    const picker = await box(shell.languagePicker);
    expect(name.x).toBeGreaterThan(picker.x + picker.width);
    expect(name.x + name.width).toBeGreaterThan(viewport.width * 0.8);
    await keepScreenshot(session.page, 'home-ar');

    await new HomePage(session.page, 'ar').openDemo();
    const workspace = new WorkspacePage(session.page, 'ar');
    await workspace.openKpi(householdInternet.code);
    const form = new EntryPage(session.page, 'ar');
    await form.heading(householdInternet.id).waitFor();
    // Arabic-Indic digits and the Arabic decimal separator are read, stored, and echoed as typed.
    await form.commitText('entry:point.directValue', '٤٥٫٥');
    expect(await form.valueOf('entry:point.directValue')).toBe('٤٥٫٥');
    expect(await form.usedValue.textContent()).toContain(text('ar', 'entry:point.directValue'));
    expect(await form.setAsideMarker.count()).toBe(1);
    // The KPI navigation leads the workspace: on the right in Arabic, with the entry form to its left.
    const tree = await box(workspace.treeRegion);
    const entry = await box(workspace.entryRegion);
    expect(tree.x).toBeGreaterThanOrEqual(entry.x + entry.width - 1);
    expect(tree.x + tree.width).toBeGreaterThan(viewport.width * 0.8);
    await keepScreenshot(session.page, 'entry-ar');

    await session.close();
    const restarted = await browsers.launch(session.profileDir);
    await restarted.open('#/');
    const reopened = await new AppShell(restarted.page, 'ar').ready();
    expect(await reopened.documentLanguage()).toEqual({ lang: 'ar', dir: 'rtl' });
    await reopened.heading('common:home.title').waitFor();
    await restarted.open(`#/a/${demoAssessmentId}/kpi/${householdInternet.id}`);
    const reloadedForm = new EntryPage(restarted.page, 'ar');
    await reloadedForm.heading(householdInternet.id).waitFor();
    expect(await reloadedForm.usedValue.textContent()).toMatch(/(٤٥٫٥|45\.5)\s/);
  });

  test('renders Chinese and Arabic with the bundled fonts and makes no network request', async ({ browsers, expect }) => {
    const session = await browsers.launch();
    await session.open('#/');
    const shell = await new AppShell(session.page).ready();
    await shell.switchLanguage('zh');
    expect(await shell.documentLanguage()).toEqual({ lang: 'zh', dir: 'ltr' });
    await new HomePage(session.page, 'zh').openDemo();
    await new WorkspacePage(session.page, 'zh').openKpi(householdInternet.code);
    await new EntryPage(session.page, 'zh').heading(householdInternet.id).waitFor();
    await session.page.evaluate(() => document.fonts.ready);
    await keepScreenshot(session.page, 'entry-zh');

    const chinese = await fontsUsedBy(session.page, 'body', hanText);
    expect(systemFontUses(chinese)).toEqual([]);
    expect(chinese.filter((font) => font.familyName.startsWith('Noto Sans SC')).length).toBeGreaterThan(0);

    await shell.switchLanguage('ar');
    await session.page.evaluate(() => document.fonts.ready);
    const arabic = await fontsUsedBy(session.page, 'body', arabicText);
    expect(systemFontUses(arabic)).toEqual([]);
    expect(arabic.filter((font) => font.familyName.startsWith('Noto Sans Arabic')).length).toBeGreaterThan(0);
    expect(session.network.foreignRequests).toEqual([]);
  });
});
