/** The frame around every screen: header, language switcher, main landmark. */
import type { Locator, Page } from 'playwright-core';
import { text, type Lng } from '../support/locales.ts';

const nativeNames: Readonly<Record<Lng, string>> = {
  en: 'English',
  fr: 'Français',
  es: 'Español',
  ar: 'العربية',
  zh: '中文',
  ru: 'Русский',
  pt: 'Português',
};

export class AppShell {
  constructor(
    readonly page: Page,
    /** The language the UI is shown in now; the page objects look labels up in it. */
    public lng: Lng = 'en',
  ) {}

  get main(): Locator {
    return this.page.getByRole('main');
  }

  get header(): Locator {
    return this.page.getByRole('banner');
  }

  get appName(): Locator {
    return this.header.getByRole('link', { name: text(this.lng, 'common:app.name'), exact: true });
  }

  get languagePicker(): Locator {
    return this.page.getByRole('button', { name: text(this.lng, 'common:settings.language.label') });
  }

  heading(key: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: text(this.lng, key) });
  }

  /** Switches the UI language with the header's language picker, as a user would. */
  async switchLanguage(target: Lng): Promise<void> {
    await this.languagePicker.click();
    await this.page.getByRole('option', { name: nativeNames[target] }).click();
    await this.page.locator(`html[lang="${target}"]`).waitFor();
    this.lng = target;
  }

  /** Resolves once the app has rendered its shell, i.e. after translations loaded and <html lang> was set. */
  async ready(): Promise<this> {
    await this.main.waitFor();
    return this;
  }

  async documentLanguage(): Promise<{ lang: string; dir: string }> {
    return this.page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
  }
}
