/**
 * A bundle from an approved signer that carries an assessment whose city id is `bad id!`: the import
 * refuses it whole and names the record, the field and the reason, in English and in Arabic, and the
 * app stays usable (the window used to go blank on every start after such an import).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, inject } from 'vitest';
import { encodeBundle } from '../../core/bundle/index.ts';
import { edit, sampleRevisions, signerFromSeed } from '../fixtures/bundles/helpers.ts';
import { AppShell } from './pages/app-shell.ts';
import { SyncPage } from './pages/sync-page.ts';
import { text } from './support/locales.ts';
import { test } from './support/sessions.ts';

/** Two readable bundles of one field laptop: a valid one, then one with an invalid city id. */
async function bundles(): Promise<{ good: string; bad: string }> {
  const dir = mkdtempSync(join(inject('scratchDir'), 'invalid-records-'));
  const device = await signerFromSeed(71, 'Field laptop');
  const sample = await sampleRevisions(device.id);
  const bad = await edit(device.id, 'assessment:other-2025', { cityId: 'bad id!', year: 2025, catalogueId: 'u4ssc-2017' }, 9_000);
  const paths = { good: join(dir, 'good.citykpi'), bad: join(dir, 'bad.citykpi') };
  writeFileSync(paths.good, await encodeBundle({ revisions: sample, device, encryption: { kind: 'none' } }));
  writeFileSync(paths.bad, await encodeBundle({ revisions: [...sample, bad], device, encryption: { kind: 'none' } }));
  return paths;
}

describe('invalid records in a bundle', () => {
  test('are refused whole with record, field and reason named in English and Arabic; the app stays usable', async ({ browsers, expect }) => {
    const files = await bundles();
    const session = await browsers.launch();
    await session.open('#/');
    const shell = await new AppShell(session.page).ready();

    const sync = new SyncPage(session.page);
    await sync.open();
    await sync.importFile(files.good);
    await sync.startAnotherImport();
    const english = await sync.chooseRefusedFile(files.bad);
    expect(english).toContain(text('en', 'records:reasons.notAnId'));
    expect(english).toContain('cityId');

    // Still usable: the start page lists what the approved bundle brought, and nothing of the refused one.
    await session.page.getByRole('link', { name: text('en', 'common:app.name') }).click();
    await shell.heading('common:home.title').waitFor();
    await session.page.getByRole('link', { name: 'Démoville ✓', exact: true }).waitFor();
    expect(await session.page.getByRole('row').count()).toBe(2);

    await shell.switchLanguage('ar');
    const arabicSync = new SyncPage(session.page, 'ar');
    await arabicSync.open();
    const arabic = await arabicSync.chooseRefusedFile(files.bad);
    expect(arabic).toContain(text('ar', 'records:reasons.notAnId'));
    expect(arabic).toContain('cityId');
    expect(await shell.documentLanguage()).toEqual({ lang: 'ar', dir: 'rtl' });
  });
});
