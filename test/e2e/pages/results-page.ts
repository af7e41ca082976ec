/** The City Snapshot and the printable report of one assessment. */
import type { Locator, Page } from 'playwright-core';
import { text, type Lng } from '../support/locales.ts';

export class ResultsPage {
  constructor(
    readonly page: Page,
    readonly lng: Lng = 'en',
  ) {}

  heading(key: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: new RegExp(text(this.lng, key, { city: '.*', year: '\\d+' })) });
  }

  get wheel(): Locator {
    return this.page.locator('.chart-wheel svg');
  }

  get radars(): Locator {
    return this.page.locator('.chart-radar svg');
  }

  get notVerified(): Locator {
    return this.page.getByText(text(this.lng, 'results:verification.notVerified'), { exact: true });
  }

  /** Waits until the snapshot has drawn its wheel and its three radars. */
  async waitForCharts(): Promise<void> {
    await this.wheel.locator('path').first().waitFor();
    await this.radars.nth(2).locator('path').first().waitFor();
  }
}
