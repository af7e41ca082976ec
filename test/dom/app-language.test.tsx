import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { LanguageSwitcher } from '../../renderer/src/features/settings/LanguageSwitcher.tsx';
import { createDb } from '../../renderer/src/data/db.ts';
import { createDataStore } from '../../renderer/src/data/store.ts';
import { detectLanguage, i18n, initI18n, NAMESPACES, preloadLikelyTranslations, rememberLanguageIn, setLanguage, useFormatNumber } from '../../renderer/src/i18n/index.ts';
import { preloadLanguage } from '../../renderer/src/i18n/resources.ts';

beforeAll(async () => {
  await initI18n('en');
});

afterEach(async () => {
  cleanup();
  window.localStorage.clear();
  await act(() => i18n.changeLanguage('en'));
});

async function chooseLanguage(nativeName: string) {
  const trigger = screen.getByRole('button');
  fireEvent.keyDown(trigger, { key: 'ArrowDown' });
  fireEvent.keyUp(trigger, { key: 'ArrowDown' });
  const listbox = await screen.findByRole('listbox');
  const option = within(listbox).getByRole('option', { name: nativeName });
  fireEvent.click(option);
  await waitFor(() => expect(screen.queryByRole('listbox')).toBeNull());
}

describe('language switcher', () => {
  it('switches to Arabic: <html lang="ar" dir="rtl">, remembered for the next start', async () => {
    render(<LanguageSwitcher />);
    expect(document.documentElement.lang).toBe('en');
    expect(document.documentElement.dir).toBe('ltr');

    await chooseLanguage('العربية');

    await waitFor(() => expect(document.documentElement.lang).toBe('ar'));
    expect(document.documentElement.dir).toBe('rtl');
    expect(window.localStorage.getItem('citykpi.language')).toBe('ar');
    expect(await detectLanguage({ appInfo: async () => ({ shell: 'web', version: '', platform: '', preferredLanguages: ['fr-FR'] }) })).toBe(
      'ar',
    );
    // The switcher's own label follows the language.
    expect(screen.getByRole('button', { name: /اللغة/ })).toBeTruthy();
  });

  it('switches back to a left-to-right language', async () => {
    await act(() => setLanguage('ar'));
    render(<LanguageSwitcher />);
    await chooseLanguage('Français');
    await waitFor(() => expect(document.documentElement.lang).toBe('fr'));
    expect(document.documentElement.dir).toBe('ltr');
  });
});

describe('detectLanguage', () => {
  const info = (preferredLanguages: string[]) => ({
    appInfo: async () => ({ shell: 'electron' as const, version: '1', platform: 'linux', preferredLanguages }),
  });

  it('uses the operating system languages when nothing was saved', async () => {
    expect(await detectLanguage(info(['de-DE', 'zh-Hans-CN', 'en']))).toBe('zh');
    expect(await detectLanguage(info(['pt-BR']))).toBe('pt');
  });

  it('falls back to the browser, then English', async () => {
    const browserFirst = navigator.languages.map((tag) => tag.slice(0, 2));
    const expected = ['en', 'fr', 'es', 'ar', 'zh', 'ru', 'pt'].find((code) => browserFirst.includes(code)) ?? 'en';
    expect(await detectLanguage(info(['de-DE', 'xx']))).toBe(expected);
    expect(await detectLanguage({ appInfo: () => Promise.reject(new Error('no bridge')) })).toBe(expected);
  });

  it('ignores a saved value that is not a supported language', async () => {
    window.localStorage.setItem('citykpi.language', 'klingon');
    expect(await detectLanguage(info(['ru']))).toBe('ru');
  });
});

describe('translations loaded ahead of the saved choice', () => {
  it('guesses this window\'s copy of the choice, else the browser\'s language, else English', () => {
    window.localStorage.setItem('citykpi.language', 'ru');
    expect(preloadLikelyTranslations()).toBe('ru');
    window.localStorage.setItem('citykpi.language', 'klingon');
    const browserFirst = navigator.languages.map((tag) => tag.slice(0, 2));
    expect(preloadLikelyTranslations()).toBe(['en', 'fr', 'es', 'ar', 'zh', 'ru', 'pt'].find((code) => browserFirst.includes(code)) ?? 'en');
  });

  it('reads every file of the language, and none of a language not shipped', async () => {
    expect(await preloadLanguage('zh')).toBe(NAMESPACES.length);
    expect(await preloadLanguage('de')).toBe(0);
  });
});

describe('missing keys', () => {
  it('fail loudly in tests', () => {
    expect(() => i18n.t('common:no.such.key')).toThrow(/Missing translation common:no.such.key/);
  });
});

function FormattedNumber({ value }: { readonly value: number }) {
  const format = useFormatNumber();
  return <output>{format(value)}</output>;
}

describe('useFormatNumber', () => {
  it('formats in the current language and follows a switch', async () => {
    render(<FormattedNumber value={1234.5} />);
    expect(screen.getByRole('status').textContent).toBe('1,234.5');
    await act(() => setLanguage('fr'));
    expect(screen.getByRole('status').textContent).toBe('1\u202f234,5');
    await act(() => setLanguage('ru'));
    expect(screen.getByRole('status').textContent).toBe('1\u00a0234,5');
  });
});

describe('remembered language', () => {
  it('comes back from the database when localStorage lost it (a crash before it reached the disk)', async () => {
    const db = createDb(`language-test-${Math.random().toString(36).slice(2)}`);
    const store = createDataStore(db);
    rememberLanguageIn({ read: () => store.getUiLanguage(), write: (language) => store.setUiLanguage(language) });
    try {
      await act(() => setLanguage('ru'));
      window.localStorage.clear();
      expect(await detectLanguage({ appInfo: async () => ({ shell: 'web', version: '', platform: '', preferredLanguages: ['fr'] }) })).toBe('ru');
    } finally {
      rememberLanguageIn({ read: async () => null, write: async () => undefined });
      db.close();
    }
  });
});
