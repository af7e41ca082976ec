/**
 * Accessibility: axe-core finds no serious or critical violation on the home, tree and entry
 * screens (and the exchange screen), in English and in Arabic (right to left).
 */
import { describe } from 'vitest';
import { AppShell } from './pages/app-shell.ts';
import { EntryPage } from './pages/entry-page.ts';
import { HomePage } from './pages/home-page.ts';
import { SyncPage } from './pages/sync-page.ts';
import { WorkspacePage } from './pages/workspace-page.ts';
import { assertAccessible } from './support/axe.ts';
import type { Lng } from './support/locales.ts';
import { test } from './support/sessions.ts';

const householdInternet = { id: 'EC-ICT-ICT-1C', code: 'EC: ICT: ICT: 1C' };

describe.concurrent('accessibility', () => {
  for (const lng of ['en', 'ar'] satisfies Lng[]) {
    test(`home, tree and entry screens have no serious or critical axe violations (${lng})`, async ({ browsers }) => {
      const session = await browsers.launch();
      await session.open('#/');
      const shell = await new AppShell(session.page).ready();
      if (lng !== 'en') await shell.switchLanguage(lng);
      const home = new HomePage(session.page, lng);
      await home.createForm.waitFor();
      await assertAccessible(session.page, `home (${lng}, first run)`);

      await home.openDemo();
      const workspace = new WorkspacePage(session.page, lng);
      await workspace.waitUntilLoaded();
      await assertAccessible(session.page, `tree (${lng})`);

      await workspace.openKpi(householdInternet.code);
      await new EntryPage(session.page, lng).heading(householdInternet.id).waitFor();
      await assertAccessible(session.page, `entry (${lng})`);

      await session.open('#/');
      await home.assessmentLink('Lake Amara').waitFor();
      await assertAccessible(session.page, `home (${lng}, with an assessment)`);

      await new SyncPage(session.page, lng).open();
      await assertAccessible(session.page, `exchange (${lng})`);
    });
  }
});
