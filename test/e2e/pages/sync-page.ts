/**
 * The exchange screen (#/sync): export this profile's data to a `.citykpi` file (a browser download in
 * web mode) and import such files (a file chooser in web mode), with the preview in between.
 */
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { inject } from 'vitest';
import { text, type Lng } from '../support/locales.ts';

export type Protection =
  | { readonly kind: 'office' }
  | { readonly kind: 'passphrase'; readonly passphrase: string }
  | { readonly kind: 'readable' };


/** A label whose end carries a count or a list (`Everything (12 changes)`), matched by its fixed start. */
function startingWith(label: string): RegExp {
  const fixed = label.split('(')[0]!.trim();
  return new RegExp(`^${fixed.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
}

export class SyncPage {
  private readonly downloads = mkdtempSync(join(inject('scratchDir'), 'downloads-'));
  /** What the export dialog said once the file was saved (where it went, the laptop code). */
  lastExportMessage = '';

  constructor(
    readonly page: Page,
    readonly lng: Lng = 'en',
  ) {}

  private t(key: string, values?: Readonly<Record<string, string | number>>): string {
    return text(this.lng, key, values);
  }

  get importSection(): Locator {
    return this.page.getByRole('region', { name: this.t('sync:import.title') });
  }

  /** Whatever the import panel currently reports as a failure (a translated sentence). */
  get importFailure(): Locator {
    return this.importSection.locator('.notice-danger');
  }

  get keysSection(): Locator {
    return this.page.getByRole('region', { name: this.t('sync:keys.title') });
  }

  get receiptsSection(): Locator {
    return this.page.getByRole('region', { name: this.t('sync:receipt.title') });
  }

  get heldList(): Locator {
    return this.importSection.getByRole('region', { name: this.t('sync:held.title') });
  }

  private async download(start: () => Promise<void>): Promise<string> {
    const download = this.page.waitForEvent('download');
    await start();
    const file = await download;
    const path = join(this.downloads, `${Date.now()}-${file.suggestedFilename()}`);
    await file.saveAs(path);
    return path;
  }

  private async upload(button: Locator, path: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await button.click();
    await (await chooser).setFiles(path);
  }

  async open(): Promise<void> {
    await this.page.getByRole('link', { name: this.t('common:nav.sync') }).click();
    await this.page.getByRole('heading', { level: 1, name: this.t('sync:title') }).waitFor();
  }

  /** Exports everything (or only what no receipt covers) and returns the path of the downloaded file. */
  async export(protection: Protection, scope: 'full' | 'since' = 'full'): Promise<string> {
    const dialog = await this.openExportDialog(scope);
    // react-aria draws its own radios and checkboxes: the visible label takes the click, as for a user.
    if (protection.kind === 'office') {
      await dialog.getByText(startingWith(this.t('sync:export.toOffice', { keys: '' }))).click();
    } else if (protection.kind === 'passphrase') {
      await dialog.getByText(this.t('sync:export.withPassphrase'), { exact: true }).click();
      await dialog.getByLabel(this.t('sync:export.passphrase'), { exact: true }).fill(protection.passphrase);
      await dialog.getByLabel(this.t('sync:export.passphraseAgain'), { exact: true }).fill(protection.passphrase);
    } else {
      await dialog.getByText(this.t('sync:export.readable'), { exact: true }).click();
      await dialog.getByText(this.t('sync:export.readableAccept'), { exact: true }).click();
      if (!(await dialog.getByRole('checkbox', { name: this.t('sync:export.readableAccept') }).isChecked())) {
        throw new Error('the "readable file" warning was not accepted');
      }
    }
    const path = await this.download(() => dialog.getByRole('button', { name: this.t('sync:export.start'), exact: true }).click());
    await dialog.getByRole('status').waitFor();
    this.lastExportMessage = (await dialog.getByRole('status').textContent()) ?? '';
    await dialog.getByRole('button', { name: this.t('common:action.close') }).click();
    return path;
  }

  exportAll(protection: Protection): Promise<string> {
    return this.export(protection, 'full');
  }

  /** Opens the export dialog with a scope chosen; the caller picks the protection. */
  async openExportDialog(scope: 'full' | 'since'): Promise<Locator> {
    await this.page.getByRole('button', { name: this.t('sync:export.open') }).click();
    const dialog = this.page.getByRole('dialog', { name: this.t('sync:export.title') });
    const scopeKey = scope === 'full' ? 'sync:export.scopeFull_other' : 'sync:export.scopeSince_other';
    await dialog.getByText(startingWith(this.t(scopeKey, { count: 0 }))).click();
    return dialog;
  }

  /** Imports an office key file (public or secret) and returns what the panel reports. */
  async importKeyFile(path: string): Promise<string> {
    await this.upload(this.keysSection.getByRole('button', { name: this.t('sync:keys.import') }), path);
    const outcome = this.keysSection.getByText(this.t('sync:keys.imported'));
    await outcome.waitFor();
    return (await outcome.textContent()) ?? '';
  }

  /** On the office: saves the receipt of the file just imported. */
  async saveReceipt(): Promise<string> {
    return this.download(() => this.importSection.getByRole('button', { name: this.t('sync:receipt.save') }).click());
  }

  /** On the field laptop: imports the office's receipt and returns the panel's report. */
  async importReceipt(path: string): Promise<string> {
    await this.upload(this.receiptsSection.getByRole('button', { name: this.t('sync:receipt.import') }), path);
    const report = this.receiptsSection.locator('[aria-live] p');
    await report.waitFor();
    return (await report.textContent()) ?? '';
  }

  async holdForLater(): Promise<void> {
    await this.importSection.getByRole('button', { name: this.t('sync:import.holdForLater') }).click();
    await this.importSection.getByText(this.t('sync:import.held')).waitFor();
  }

  async reviewHeld(): Promise<void> {
    await this.heldList.getByRole('button', { name: this.t('sync:held.review') }).click();
    await this.importSection.getByRole('heading', { name: this.t('sync:preview.title') }).waitFor();
  }

  /** Chooses a file to import and waits for its preview (unlocking it first when it has a passphrase). */
  async chooseFile(path: string, passphrase?: string): Promise<void> {
    await this.upload(this.importSection.getByRole('button', { name: this.t('sync:import.choose') }), path);
    if (passphrase !== undefined) {
      await this.importSection.getByLabel(this.t('sync:import.passphrase')).fill(passphrase);
      await this.importSection.getByRole('button', { name: this.t('sync:import.unlock') }).click();
    }
    await this.importSection.getByRole('heading', { name: this.t('sync:preview.title') }).waitFor();
  }

  /** Chooses a file the import refuses before any preview, and returns the reason the panel gives. */
  async chooseRefusedFile(path: string): Promise<string> {
    await this.upload(this.importSection.getByRole('button', { name: this.t('sync:import.choose') }), path);
    await this.importFailure.waitFor();
    return (await this.importFailure.textContent()) ?? '';
  }

  /** The preview's facts as label → text. */
  async previewFacts(): Promise<Record<string, string>> {
    return this.importSection.locator('dl').first().evaluate((list) => {
      const facts: Record<string, string> = {};
      for (const term of list.querySelectorAll('dt')) {
        const definition = term.nextElementSibling;
        if (definition?.tagName === 'DD') facts[term.textContent ?? ''] = (definition.textContent ?? '').trim();
      }
      return facts;
    });
  }

  /** Confirms the previewed import, trusting the signer when it is not known yet. */
  async confirmImport(): Promise<void> {
    const trust = this.importSection.getByRole('button', { name: this.t('sync:import.trustAndImport') });
    const plain = this.importSection.getByRole('button', { name: this.t('sync:import.confirm'), exact: true });
    await (await trust.isVisible() ? trust : plain).click();
  }

  async waitUntilImported(): Promise<void> {
    await this.importSection.getByRole('button', { name: this.t('sync:import.another') }).waitFor();
  }

  /** Picks, previews, confirms and waits for the result. */
  async importFile(path: string, passphrase?: string): Promise<void> {
    await this.chooseFile(path, passphrase);
    await this.confirmImport();
    await this.waitUntilImported();
  }

  async startAnotherImport(): Promise<void> {
    await this.importSection.getByRole('button', { name: this.t('sync:import.another') }).click();
  }
}
