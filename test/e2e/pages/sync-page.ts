/**
 * The exchange screen (#/sync): export this profile's data to a `.citykpi` file (a browser download in
 * web mode) and import such files (a file chooser in web mode), with the preview in between.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { text, type Lng } from '../support/locales.ts';

export type Protection = { readonly kind: 'passphrase'; readonly passphrase: string } | { readonly kind: 'readable' };

const downloads = mkdtempSync(join(tmpdir(), 'citykpi-e2e-bundles-'));

export class SyncPage {
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

  async open(): Promise<void> {
    await this.page.getByRole('link', { name: this.t('common:nav.sync') }).click();
    await this.page.getByRole('heading', { level: 1, name: this.t('sync:title') }).waitFor();
  }

  /** Exports everything and returns the path of the downloaded file. */
  async exportAll(protection: Protection): Promise<string> {
    await this.page.getByRole('button', { name: this.t('sync:export.open') }).click();
    const dialog = this.page.getByRole('dialog', { name: this.t('sync:export.title') });
    // react-aria draws its own radios and checkboxes: the visible label takes the click, as for a user.
    if (protection.kind === 'passphrase') {
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
    const download = this.page.waitForEvent('download');
    await dialog.getByRole('button', { name: this.t('sync:export.start'), exact: true }).click();
    const file = await download;
    const path = join(downloads, `${Date.now()}-${file.suggestedFilename()}`);
    await file.saveAs(path);
    await dialog.getByRole('status').waitFor();
    await dialog.getByRole('button', { name: this.t('common:action.close') }).click();
    return path;
  }

  /** Chooses a file to import and waits for its preview (unlocking it first when it has a passphrase). */
  async chooseFile(path: string, passphrase?: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.importSection.getByRole('button', { name: this.t('sync:import.choose') }).click();
    await (await chooser).setFiles(path);
    if (passphrase !== undefined) {
      await this.importSection.getByLabel(this.t('sync:import.passphrase')).fill(passphrase);
      await this.importSection.getByRole('button', { name: this.t('sync:import.unlock') }).click();
    }
    await this.importSection.getByRole('heading', { name: this.t('sync:preview.title') }).waitFor();
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
