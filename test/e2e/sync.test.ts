/**
 * Bundles in real Chromium: a file exported from one browser profile imports into another with equal
 * values; two profiles that edited the same KPI give a third one conflict holding both values, which a
 * person resolves; and an import that fails at any of its write steps leaves the database untouched.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, inject } from 'vitest';
import { EntryPage } from './pages/entry-page.ts';
import { HomePage } from './pages/home-page.ts';
import { SettingsPage } from './pages/settings-page.ts';
import { SyncPage } from './pages/sync-page.ts';
import { WorkspacePage } from './pages/workspace-page.ts';
import { WorkshopPage } from './pages/workshop-page.ts';
import { DEMO_ASSESSMENT_ID } from '../../core/demo/index.ts';
import { SAMPLE_WORKSHOP } from '../../core/demo/sample-workshop.ts';
import { dumpDatabases, IdbFaults } from './support/idb-faults.ts';
import { firstOf } from './support/first-of.ts';
import { text } from './support/locales.ts';
import { test, type Sessions } from './support/sessions.ts';

const householdInternet = { id: 'EC-ICT-ICT-1C', code: 'EC: ICT: ICT: 1C' };
const passphrase = 'rivers-and-bridges-2026';

/** An office key pair made with the CLI, as the central office would: PREFIX.pub to share, PREFIX.key secret. */
function officeKeys(): { pub: string; key: string } {
  const prefix = join(mkdtempSync(join(inject('scratchDir'), 'office-')), 'office');
  execFileSync(process.execPath, ['cli/bin/citykpi.mjs', 'keygen', '--out', prefix], { stdio: 'ignore' });
  return { pub: `${prefix}.pub`, key: `${prefix}.key` };
}

/** The revisions store as canonical text: after a merge, equal text means the same set of edits. */
async function revisionsOf(page: Page): Promise<string> {
  const dump = JSON.parse(await dumpDatabases(page)) as Record<string, Record<string, unknown>>;
  return JSON.stringify(dump['citykpi']?.['revisions']);
}

async function enterHouseholdInternet(page: Page, values: { direct: string; source?: string }): Promise<void> {
  await new WorkspacePage(page).openKpi(householdInternet.code);
  const entry = new EntryPage(page);
  await entry.heading(householdInternet.id).waitFor();
  await entry.commitText('entry:point.directValue', values.direct);
  if (values.source !== undefined) await entry.commitText('entry:point.source', values.source);
}

/**
 * One laptop of the demo's sample workshop: it opens the demo city, a participant of the ICT department
 * (or the facilitator, at the keyboard when the demo opens) types a value, and the laptop exports everything.
 */
async function laptopEditingDemo(browsers: Sessions, author: string, direct: string, participant?: string): Promise<string> {
  const laptop = await browsers.launch();
  await laptop.open('#/');
  const settings = new SettingsPage(laptop.page);
  await settings.open();
  await settings.setAuthorName(author);
  await laptop.open('#/');
  await new HomePage(laptop.page).openDemo();
  if (participant !== undefined) {
    await laptop.open(`#/a/${DEMO_ASSESSMENT_ID}/workshop`);
    await new WorkshopPage(laptop.page).switchTo(participant, 'participant');
    await laptop.open(`#/a/${DEMO_ASSESSMENT_ID}`);
  }
  await enterHouseholdInternet(laptop.page, { direct });
  const sync = new SyncPage(laptop.page);
  await sync.open();
  const file = await sync.exportAll({ kind: 'readable' });
  await laptop.close();
  return file;
}

describe.concurrent('bundles between browser profiles', () => {
  test('exports from one profile and imports into another with equal values', async ({ browsers, expect }) => {
    const field = await browsers.launch();
    await field.open('#/');
    await new HomePage(field.page).createAssessment({ city: 'Exportville', country: 'Testland', households: '52000', year: '2026' });
    await enterHouseholdInternet(field.page, { direct: '45.5', source: 'Operator subscription register 2025' });
    const sync = new SyncPage(field.page);
    await sync.open();
    const file = await sync.exportAll({ kind: 'passphrase', passphrase });
    const exported = await revisionsOf(field.page);
    await field.close();

    const office = await browsers.launch();
    await office.open('#/');
    const officeSync = new SyncPage(office.page);
    await officeSync.open();
    await officeSync.chooseFile(file, passphrase);
    const facts = await officeSync.previewFacts();
    expect(facts[text('en', 'sync:preview.cities')]).toBe('Exportville');
    expect(facts[text('en', 'sync:preview.conflicts')]).toBe(text('en', 'sync:preview.conflictCount_other', { count: 0 }));
    await officeSync.confirmImport();
    await officeSync.waitUntilImported();
    expect(await revisionsOf(office.page)).toBe(exported);

    await office.open('#/');
    await new HomePage(office.page).assessmentLink('Exportville').click();
    await new WorkspacePage(office.page).openKpi(householdInternet.code);
    const entry = new EntryPage(office.page);
    await entry.heading(householdInternet.id).waitFor();
    expect(await entry.valueOf('entry:point.directValue')).toBe('45.5');
    expect(await entry.valueOf('entry:point.source')).toBe('Operator subscription register 2025');
  });

  test('shows two laptops\' edits of the same KPI as one conflict with both values, which a person resolves', async ({ browsers, expect }) => {
    // The demo is a workshop: each edit is stamped with the workshop member at the keyboard, not the laptop's own name.
    const fromAmina = await laptopEditingDemo(browsers, 'Amina', '41', 'Nadia Haddad');
    const fromBruno = await laptopEditingDemo(browsers, 'Bruno', '57');

    const office = await browsers.launch();
    await office.open('#/');
    const sync = new SyncPage(office.page);
    await sync.open();
    await sync.importFile(fromAmina);
    await sync.startAnotherImport();
    await sync.chooseFile(fromBruno);
    const facts = await sync.previewFacts();
    expect(facts[text('en', 'sync:preview.conflicts')]).toBe(text('en', 'sync:preview.conflictCount_one', { count: 1 }));
    await sync.confirmImport();
    await sync.waitUntilImported();

    // Only the workshop's people write to its assessment: the office resolves as the facilitator.
    await office.open(`#/a/${DEMO_ASSESSMENT_ID}/workshop`);
    await new WorkshopPage(office.page).switchTo(SAMPLE_WORKSHOP.participants[0]!.name, 'facilitator', '2468');
    await office.open('#/');
    await new HomePage(office.page).assessmentLink('Lake Amara').click();
    await new WorkspacePage(office.page).openKpi(householdInternet.code);
    const entry = new EntryPage(office.page);
    await entry.heading(householdInternet.id).waitFor();
    const conflicts = entry.form.getByRole('group', { name: text('en', 'entry:conflict.groupLabel', { field: text('en', 'entry:point.directValue') }) });
    expect(await conflicts.count()).toBe(1);
    const keepAmina = conflicts.getByRole('button', { name: text('en', 'entry:conflict.keep', { value: '41' }) });
    const keepBruno = conflicts.getByRole('button', { name: text('en', 'entry:conflict.keep', { value: '57' }) });
    expect(await keepAmina.count()).toBe(1);
    expect(await keepBruno.count()).toBe(1);
    expect(await conflicts.getByText(/Nadia Haddad/).count()).toBe(1);
    expect(await conflicts.getByText(/Grace Achieng/).count()).toBe(1);
    expect(await entry.form.getByRole('group', { name: /^Conflict/ }).count()).toBe(1);

    await entry.acknowledged(() => keepBruno.click());
    await conflicts.waitFor({ state: 'detached' });
    expect(await entry.valueOf('entry:point.directValue')).toBe('57');

    await office.page.reload();
    const reloaded = new EntryPage(office.page);
    await reloaded.heading(householdInternet.id).waitFor();
    expect(await reloaded.valueOf('entry:point.directValue')).toBe('57');
    expect(await reloaded.form.getByRole('group', { name: text('en', 'entry:conflict.groupLabel', { field: text('en', 'entry:point.directValue') }) }).count()).toBe(0);
  });

  test('an import that fails at any write step changes nothing, says so, and the next attempt imports everything once', async ({ browsers, expect }) => {
    const field = await browsers.launch();
    await field.open('#/');
    await new HomePage(field.page).createAssessment({ city: 'Rollbackton', country: 'Testland', households: '30000', year: '2026' });
    await enterHouseholdInternet(field.page, { direct: '12.5' });
    const fieldSync = new SyncPage(field.page);
    await fieldSync.open();
    const file = await fieldSync.exportAll({ kind: 'readable' });
    const exported = await revisionsOf(field.page);
    await field.close();

    const office = await browsers.launch();
    const faults = await IdbFaults.install(office.context, office.page);
    await office.open('#/');
    const sync = new SyncPage(office.page);
    await sync.open();
    const storageErrors = ['E_DISK_FULL', 'E_DB'].map((code) => text('en', `common:errors.data.${code}`));

    // Fail write step 1, 2, 3… until an attempt has no step left to fail: that one must import it all.
    let step = 1;
    for (; ; step++) {
      await sync.chooseFile(file);
      const before = await dumpDatabases(office.page);
      // Trusting the unknown signer is the import transaction's first write.
      await faults.failAt(step, 'signers.add');
      await sync.confirmImport();
      await firstOf({ failed: sync.importFailure.waitFor(), imported: sync.waitUntilImported() });
      const { fired, writes } = await faults.observed();
      await faults.off();
      if (!fired) {
        expect(writes, 'the successful import went through the same write steps').toHaveLength(step - 1);
        break;
      }
      expect(storageErrors, `write step ${step} (${writes.at(-1)})`).toContain(await sync.importFailure.textContent());
      expect(await dumpDatabases(office.page), `write step ${step} (${writes.at(-1)}) left a partial import`).toBe(before);
    }
    await sync.waitUntilImported();
    // Every revision, the ledger row, the trusted signer and the clock: at least five write steps failed.
    expect(step - 1).toBeGreaterThanOrEqual(5);
    expect(await revisionsOf(office.page)).toBe(exported);

    await sync.startAnotherImport();
    await sync.chooseFile(file);
    await office.page.getByText(text('en', 'sync:import.alreadyImported')).waitFor();
  });

  test('field to office and back: encrypted to the office key, held until trusted, receipt marks the field laptop\'s changes delivered', async ({ browsers, expect }) => {
    const keys = officeKeys();
    const field = await browsers.launch();
    await field.open('#/');
    await new HomePage(field.page).createAssessment({ city: 'Receiptville', country: 'Testland', households: '8000', year: '2026' });
    await enterHouseholdInternet(field.page, { direct: '71' });
    const fieldSync = new SyncPage(field.page);
    await fieldSync.open();
    expect(await fieldSync.importKeyFile(keys.pub)).toContain(text('en', 'sync:keys.importedCounts', { recipients: 2, signers: 1, secrets: 0 }));
    const file = await fieldSync.export({ kind: 'office' });
    // Named for the city, year, laptop and date; the message says where it went and gives the laptop code.
    expect(file).toMatch(/-receiptville-2026-[^/]+-\d{4}-\d\d-\d\d-\d{4}\.citykpi$/);
    expect(fieldSync.lastExportMessage).toContain(text('en', 'sync:export.downloadsFolder'));
    expect(fieldSync.lastExportMessage).toMatch(/[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);

    const office = await browsers.launch();
    await office.open('#/');
    const officeSync = new SyncPage(office.page);
    await officeSync.open();
    await officeSync.importKeyFile(keys.key);
    await officeSync.chooseFile(file);
    expect((await officeSync.previewFacts())[text('en', 'sync:preview.protection')]).toBe(text('en', 'bundle:envelope.recipients'));
    await officeSync.holdForLater();
    expect(await revisionsOf(office.page)).toBe(JSON.stringify([]));
    await officeSync.reviewHeld();
    await officeSync.confirmImport();
    await officeSync.waitUntilImported();
    expect(await revisionsOf(office.page)).toBe(await revisionsOf(field.page));
    const receipt = await officeSync.saveReceipt();

    const report = await fieldSync.importReceipt(receipt);
    const delivered = JSON.parse(await revisionsOf(field.page)) as unknown[];
    expect(report).toBe(text('en', 'sync:receipt.applied_other', { marked: delivered.length }));
    const dialog = await fieldSync.openExportDialog('since');
    await dialog.getByRole('button', { name: text('en', 'sync:export.start'), exact: true }).click();
    await dialog.getByText(text('en', 'sync:export.nothing')).waitFor();
  });
});
