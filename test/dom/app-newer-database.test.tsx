/** A database made by a newer CityKPI: the window explains it in the user's language instead of going blank. */
import { Dexie } from 'dexie';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { App } from '../../renderer/src/app/App.tsx';
import { setAppStoreForTests } from '../../renderer/src/data/app-store.ts';
import { createDb } from '../../renderer/src/data/db.ts';
import { CURRENT_SCHEMA_VERSION, SCHEMA_HISTORY } from '../../renderer/src/data/schema-history.ts';
import { createDataStore } from '../../renderer/src/data/store.ts';
import { i18n, initI18n } from '../../renderer/src/i18n/index.ts';
import en from '../../locales/en/common.json' with { type: 'json' };
import fr from '../../locales/fr/common.json' with { type: 'json' };

vi.setConfig({ testTimeout: 30_000 });

async function newerDatabase(): Promise<string> {
  const name = `newer-${Math.random().toString(36).slice(2)}`;
  const future = new Dexie(name);
  for (const step of SCHEMA_HISTORY) future.version(step.version).stores(step.stores);
  future.version(CURRENT_SCHEMA_VERSION + 1).stores({ laterTable: 'id' });
  await future.open();
  future.close();
  return name;
}

beforeAll(async () => {
  await initI18n('en');
});

afterEach(() => {
  cleanup();
  setAppStoreForTests(undefined);
});

describe('a database from a newer CityKPI', () => {
  it.each([
    ['en', en],
    ['fr', fr],
  ] as const)('is explained in %s, with no retry that could not help', async (lng, messages) => {
    const db = createDb(await newerDatabase());
    setAppStoreForTests(createDataStore(db));
    await act(() => i18n.changeLanguage(lng));
    window.location.hash = '#/';
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(<App />);

    // The storage guard may say it could not check the data a moment before the screen's own read fails: wait for the fatal alert.
    const heading = await screen.findByRole('heading', { level: 1, name: messages.fatal.title }, { timeout: 10_000 });
    const alert = heading.closest<HTMLElement>('[role="alert"]')!;
    expect(alert).toBeTruthy();
    expect(alert.textContent).toContain(messages.errors.data.E_DB_NEWER);
    expect(within(alert).queryByRole('button')).toBeNull();
    // The header still works: the user can switch language or open the exchange screen.
    expect(screen.getByRole('banner')).toBeTruthy();
    vi.restoreAllMocks();
    db.close();
  });
});
