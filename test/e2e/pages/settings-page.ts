/** The settings screen: who is typing on this laptop. */
import type { Page } from 'playwright-core';
import { text, type Lng } from '../support/locales.ts';

export class SettingsPage {
  constructor(
    readonly page: Page,
    readonly lng: Lng = 'en',
  ) {}

  async open(): Promise<void> {
    await this.page.getByRole('link', { name: text(this.lng, 'common:nav.settings') }).click();
    await this.page.getByRole('heading', { level: 1, name: text(this.lng, 'common:settings.title') }).waitFor();
  }

  /** Sets the author name recorded with every change, and waits until it is stored. */
  async setAuthorName(name: string): Promise<void> {
    const section = this.page.getByRole('region', { name: text(this.lng, 'common:settings.author.label') });
    const field = section.getByRole('textbox', { name: text(this.lng, 'common:settings.author.label') });
    await field.fill(name);
    await field.press('Tab');
    await section.getByRole('status').filter({ hasText: text(this.lng, 'common:save.saved') }).waitFor();
  }
}
