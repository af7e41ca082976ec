/**
 * The entry form of one KPI. Every change is saved when the field is committed; `commit*` methods wait
 * until the screen acknowledges that save ("Saved" appears again), which is the promise the app makes.
 */
import type { Locator, Page } from 'playwright-core';
import { text, type Lng } from '../support/locales.ts';

declare global {
  interface Window {
    __e2eSaveAcks?: number;
  }
}

export class EntryPage {
  constructor(
    readonly page: Page,
    readonly lng: Lng = 'en',
  ) {}

  get form(): Locator {
    return this.page.getByRole('region', { name: text(this.lng, 'entry:workspace.entryRegion') }).getByRole('article');
  }

  heading(kpiId: string): Locator {
    return this.form.getByRole('heading', { name: text(this.lng, `catalogue:kpi.${kpiId}.name`), exact: true });
  }

  /** A field by its label; numerator and denominator labels go on to say what to count (`Numerator: Households…`). */
  textbox(key: string): Locator {
    const label = text(this.lng, key).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return this.form.getByRole('textbox', { name: new RegExp(`^${label}(\\s?[:：].*)?$`) });
  }

  /** The button of a single-choice list (status, quality, origin), named by its label and current value. */
  select(key: string): Locator {
    return this.form.getByRole('button', { name: text(this.lng, key) });
  }

  get computedValue(): Locator {
    return this.form.getByRole('status', { name: text(this.lng, 'entry:point.computed') });
  }

  /** The value that counts (computed or direct), marked "used". */
  get usedValue(): Locator {
    return this.form.locator('.entry-result__row[data-used]');
  }

  /** The value set aside, when a direct value replaces the computed one. */
  get setAsideMarker(): Locator {
    return this.form.getByText(text(this.lng, 'entry:result.setAside'), { exact: true });
  }

  get saveFailure(): Locator {
    return this.form.getByRole('alert').filter({ hasText: text(this.lng, 'entry:save.notSaved', { reason: '' }).trim() });
  }

  /** The status of the KPI as the form shows it (`Reported`, `Reported with errors`…). */
  get kpiStatus(): Locator {
    return this.form.getByTestId('kpi-status');
  }

  /** Counts "Saved" acknowledgements (next to any field) from now on: each one re-mounts the status text. */
  async saveAcks(): Promise<number> {
    return this.page.evaluate(() => {
      if (window.__e2eSaveAcks === undefined) {
        window.__e2eSaveAcks = 0;
        new MutationObserver((mutations) => {
          for (const mutation of mutations) {
            const inStatus = (mutation.target as Element).closest?.('[data-testid="save-status"]');
            const saved = inStatus?.getAttribute('data-state') === 'saved';
            if (saved && mutation.addedNodes.length > 0) window.__e2eSaveAcks = (window.__e2eSaveAcks ?? 0) + 1;
          }
        }).observe(document.body, { childList: true, subtree: true });
      }
      return window.__e2eSaveAcks;
    });
  }

  /** Resolves once the screen has said "Saved" more often than `count` times. */
  async savedMoreThan(count: number): Promise<void> {
    await this.page.waitForFunction((seen) => (window.__e2eSaveAcks ?? 0) > seen, count, { timeout: 10_000 });
  }

  /** Runs a change and waits until the screen says it was saved; fails if it says the save failed. */
  async acknowledged(change: () => Promise<void>): Promise<void> {
    const before = await this.saveAcks();
    await change();
    await this.savedMoreThan(before);
    if (await this.saveFailure.isVisible()) throw new Error('the entry screen reported a failed save');
  }

  /** Types into a field and leaves it, without waiting for the outcome. */
  async type(key: string, value: string): Promise<void> {
    await this.textbox(key).fill(value);
    await this.textbox(key).press('Tab');
  }

  /** Types into a field and leaves it (Tab), which commits the change. */
  async commitText(key: string, value: string): Promise<void> {
    await this.acknowledged(() => this.type(key, value));
  }

  async commitOption(key: string, optionKey: string): Promise<void> {
    await this.acknowledged(async () => {
      await this.select(key).click();
      await this.page.getByRole('option', { name: text(this.lng, optionKey), exact: true }).click();
    });
  }

  async valueOf(key: string): Promise<string> {
    return this.textbox(key).inputValue();
  }
}
