/**
 * Nothing is half-written: a save that fails at any of its IndexedDB write steps, in real Chromium,
 * leaves the database exactly as it was and tells the participant; the next save goes through.
 */
import { describe } from 'vitest';
import { EntryPage } from './pages/entry-page.ts';
import { HomePage } from './pages/home-page.ts';
import { WorkspacePage } from './pages/workspace-page.ts';
import { dumpDatabases, IdbFaults } from './support/idb-faults.ts';
import { test } from './support/sessions.ts';

const householdInternet = { id: 'EC-ICT-ICT-1C', code: 'EC: ICT: ICT: 1C' };

describe('atomic writes', () => {
  test('a value save that fails at any write step changes nothing and says so', async ({ browsers, expect }) => {
    const session = await browsers.launch();
    const faults = await IdbFaults.install(session.context, session.page);
    await session.open('#/');
    await new HomePage(session.page).createAssessment({ city: 'Atomville', country: 'Testland', households: '1000', year: '2026' });
    await new WorkspacePage(session.page).openKpi(householdInternet.code);
    const entry = new EntryPage(session.page);
    await entry.heading(householdInternet.id).waitFor();

    await faults.record();
    await entry.commitText('entry:point.directValue', '10');
    const { writes } = await faults.observed();
    expect(writes.length).toBeGreaterThan(0);

    for (let step = 1; step <= writes.length; step++) {
      const before = await dumpDatabases(session.page);
      await faults.failAt(step);
      await entry.textbox('entry:point.directValue').fill(String(10 + step));
      await entry.textbox('entry:point.directValue').press('Tab');
      await entry.saveFailure.waitFor();
      expect(await faults.observed()).toMatchObject({ fired: true });
      await faults.off();
      expect(await dumpDatabases(session.page), `write step ${step} (${writes[step - 1]}) left a partial change`).toBe(before);
    }

    await entry.commitText('entry:point.directValue', '42');
    await session.page.reload();
    const reloaded = new EntryPage(session.page);
    await reloaded.heading(householdInternet.id).waitFor();
    expect(await reloaded.valueOf('entry:point.directValue')).toBe('42');
  });
});
