import { describe } from 'vitest';
import { AppShell } from './pages/app-shell.ts';
import { assertAccessible } from './support/axe.ts';
import { test } from './support/sessions.ts';
import { text } from './support/locales.ts';

describe('smoke', () => {
  test('loads the home screen offline, in English, with landmarks and no serious accessibility issue', async ({ browsers, expect }) => {
    const session = await browsers.launch();
    await session.open('#/');
    const shell = new AppShell(session.page);

    await expect(session.page.title()).resolves.toBe(text('en', 'common:app.name'));
    await shell.heading('common:home.title').waitFor();
    expect(await shell.main.count()).toBe(1);
    expect(await shell.header.count()).toBe(1);
    expect(await shell.documentLanguage()).toEqual({ lang: 'en', dir: 'ltr' });
    await assertAccessible(session.page, 'home');
  });
});
