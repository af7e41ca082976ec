/**
 * Data entry: a facilitator creates a city, switches to French and enters Household Internet
 * Access with its source and quality; everything is there after a reload, and after the browser is
 * killed outright, nothing the screen acknowledged as saved is lost.
 */
import { describe } from 'vitest';
import { AppShell } from './pages/app-shell.ts';
import { EntryPage } from './pages/entry-page.ts';
import { HomePage } from './pages/home-page.ts';
import { WorkspacePage } from './pages/workspace-page.ts';
import type { BrowserSession } from './support/browser.ts';
import { test } from './support/sessions.ts';
import { text, type Lng } from './support/locales.ts';

const householdInternet = { id: 'EC-ICT-ICT-1C', code: 'EC: ICT: ICT: 1C' };
const city = { city: 'Villeneuve-Test', country: 'Testland', population: '120000', households: '48000', year: '2026' };

/** Whether French thousands are grouped (with a narrow no-break space) is the display's choice. */
const withoutSpaces = (value: string) => value.replace(/[\s\u202f\u00a0]/g, '');

async function openHouseholdInternet(session: BrowserSession, lng: Lng): Promise<EntryPage> {
  const workspace = new WorkspacePage(session.page, lng);
  await workspace.openKpi(householdInternet.code);
  const entry = new EntryPage(session.page, lng);
  await entry.heading(householdInternet.id).waitFor();
  return entry;
}

describe.concurrent('data entry', () => {
  test('creates a city, enters 45,5 % in French with source and quality, and shows it all after a reload', async ({ browsers, expect }) => {
    const session = await browsers.launch();
    await session.open('#/');
    await new HomePage(session.page).createAssessment(city);
    const shell = new AppShell(session.page);
    await shell.switchLanguage('fr');

    const entry = await openHouseholdInternet(session, 'fr');
    await entry.commitText('entry:point.numerator', '455');
    await entry.commitText('entry:point.denominator', '1 000');
    await expect.poll(() => entry.computedValue.textContent()).toMatch(/^45,5\s/);
    await entry.commitText('entry:point.dataYear', '2025');
    await entry.commitOption('entry:point.quality', 'entry:point.qualities.surveyExtrapolated');
    await entry.commitText('entry:point.source', 'Enquête TIC auprès des ménages 2025, institut statistique');

    await session.page.reload();
    const reloaded = new EntryPage(session.page, 'fr');
    await reloaded.heading(householdInternet.id).waitFor();
    expect(await reloaded.valueOf('entry:point.numerator')).toBe('455');
    expect(withoutSpaces(await reloaded.valueOf('entry:point.denominator'))).toBe('1000');
    expect(await reloaded.computedValue.textContent()).toMatch(/^45,5\s/);
    expect(await reloaded.valueOf('entry:point.dataYear')).toBe('2025');
    expect(await reloaded.valueOf('entry:point.source')).toBe('Enquête TIC auprès des ménages 2025, institut statistique');
    await expect(reloaded.select('entry:point.quality').textContent()).resolves.toContain(
      text('fr', 'entry:point.qualities.surveyExtrapolated'),
    );
    expect(await reloaded.kpiStatus.textContent()).toBe(text('fr', 'status:status.reported'));
  });

  test('keeps every acknowledged change when the browser process is killed mid-session', async ({ browsers, expect }) => {
    const doomed = await browsers.launchKillable();
    await doomed.open('#/');
    const assessmentId = await new HomePage(doomed.page).createAssessment(city);
    await new AppShell(doomed.page).switchLanguage('fr');
    const entry = await openHouseholdInternet(doomed, 'fr');
    await entry.commitText('entry:point.directValue', '45,5');
    await entry.commitOption('entry:point.quality', 'entry:point.qualities.measured');
    await entry.commitText('entry:point.source', 'Registre des abonnements des opérateurs, 2025');
    expect(await entry.usedValue.textContent()).toContain(text('fr', 'entry:point.directValue'));

    await doomed.kill();
    const session = await browsers.launch(doomed.profileDir);
    await session.open(`#/a/${assessmentId}/kpi/${householdInternet.id}`);
    // The language choice is stored durably too, so it survives the kill like the values.
    const lng = (await (await new AppShell(session.page).ready()).documentLanguage()).lang as Lng;
    expect(lng).toBe('fr');
    const reopened = new EntryPage(session.page, lng);
    await reopened.heading(householdInternet.id).waitFor();

    expect(await reopened.valueOf('entry:point.directValue')).toBe(lng === 'fr' ? '45,5' : '45.5');
    expect(await reopened.usedValue.textContent()).toMatch(/45[,.]5\s/);
    expect(await reopened.usedValue.textContent()).toContain(text(lng, 'entry:point.directValue'));
    expect(await reopened.valueOf('entry:point.source')).toBe('Registre des abonnements des opérateurs, 2025');
    await expect(reopened.select('entry:point.quality').textContent()).resolves.toContain(text(lng, 'entry:point.qualities.measured'));
  });
});
