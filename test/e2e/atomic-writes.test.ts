/**
 * Nothing is half-written: a save that fails at any of its IndexedDB write steps, in real Chromium,
 * leaves the database exactly as it was and tells the participant; the next save goes through.
 */
import { describe } from 'vitest';
import { EntryPage } from './pages/entry-page.ts';
import { HomePage } from './pages/home-page.ts';
import { WorkspacePage } from './pages/workspace-page.ts';
import { dumpDatabases, IdbFaults } from './support/idb-faults.ts';
import { firstOf } from './support/first-of.ts';
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

    // Fail write step 1, 2, 3… of the save's transaction until an attempt has no step left to fail.
    let step = 1;
    for (; ; step++) {
      const before = await dumpDatabases(session.page);
      const acks = await entry.saveAcks();
      await faults.failAt(step, 'revisions.add');
      await entry.type('entry:point.directValue', String(40 + step));
      const outcome = await firstOf({ failed: faults.fired(), saved: entry.savedMoreThan(acks) });
      const { writes } = await faults.observed();
      await faults.off();
      if (outcome === 'saved') {
        expect(writes, 'the successful save went through the same write steps').toHaveLength(step - 1);
        break;
      }
      await entry.saveFailure.waitFor();
      expect(await dumpDatabases(session.page), `write step ${step} (${writes.at(-1)}) left a partial change`).toBe(before);
    }
    expect(step - 1, 'a save writes at least its revision').toBeGreaterThanOrEqual(1);
    expect(await entry.valueOf('entry:point.directValue')).toBe(String(40 + step));

    await session.page.reload();
    const reloaded = new EntryPage(session.page);
    await reloaded.heading(householdInternet.id).waitFor();
    expect(await reloaded.valueOf('entry:point.directValue')).toBe(String(40 + step));
  });
});
