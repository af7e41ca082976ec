import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, configure, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { Bridge, KeyStoreStatus } from '../../electron/contract/bridge.ts';
import { createWebBridge, resetBridgeForTests } from '../../renderer/src/bridge/index.ts';
import { setAppStoreForTests } from '../../renderer/src/data/app-store.ts';
import { createDb, type CityKpiDb } from '../../renderer/src/data/db.ts';
import { getBundleSigner } from '../../renderer/src/data/index.ts';
import { createDataStore } from '../../renderer/src/data/store.ts';
import { checkDeviceKey, DeviceKeyGate } from '../../renderer/src/features/device-key/DeviceKeyGate.tsx';
import { i18n, initI18n } from '../../renderer/src/i18n/index.ts';

type BridgeWindow = Window & { __CITYKPI_TEST_BRIDGE__?: Bridge };

const PASSPHRASE = 'seven quiet harbours at dawn';
let databaseName: string;
const opened: CityKpiDb[] = [];

/** A start of CityKPI: a new connection to the same database, and a bridge that says what key store it found. */
function start(keyStore: KeyStoreStatus) {
  const db = createDb(databaseName);
  opened.push(db);
  setAppStoreForTests(createDataStore(db));
  (window as BridgeWindow).__CITYKPI_TEST_BRIDGE__ = { ...createWebBridge(), keyStore: async () => keyStore };
  resetBridgeForTests();
  render(
    <DeviceKeyGate>
      <p>the application</p>
    </DeviceKeyGate>,
  );
  return db;
}

function restart(keyStore: KeyStoreStatus) {
  cleanup();
  for (const db of opened.splice(0)) db.close();
  return start(keyStore);
}

function type(label: string, text: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value: text } });
}

// The passphrase is stretched with the production work factor (600,000 PBKDF2 rounds) three times per test.
vi.setConfig({ testTimeout: 30_000 });
configure({ asyncUtilTimeout: 10_000 });

const noKeyring: KeyStoreStatus = { kind: 'none', backend: 'basic_text' };

beforeAll(async () => {
  await initI18n('en');
});

beforeEach(() => {
  databaseName = `gate-${Math.random().toString(36).slice(2)}`;
});

afterEach(async () => {
  cleanup();
  for (const db of opened.splice(0)) db.close();
  setAppStoreForTests(undefined);
  delete (window as BridgeWindow).__CITYKPI_TEST_BRIDGE__;
  resetBridgeForTests();
  await act(() => i18n.changeLanguage('en'));
});

describe('the device key gate on a computer without a keyring', () => {
  it('explains, has the passphrase chosen twice, then opens the app; the next start asks for it and refuses a wrong one', async () => {
    const db = start(noKeyring);
    const heading = await screen.findByRole('heading', { level: 1, name: "Protect this laptop's signing key" });
    expect(heading).toBeTruthy();
    expect(screen.queryByText('the application')).toBeNull();
    expect(screen.getByText(/found: basic_text/)).toBeTruthy();
    // Keyboard users start in the first field.
    expect(document.activeElement).toBe(screen.getByLabelText('Passphrase'));

    type('Passphrase', 'short');
    fireEvent.click(screen.getByRole('button', { name: 'Seal the key and continue' }));
    expect(await screen.findByText('Use at least 10 characters.')).toBeTruthy();
    expect(screen.getByLabelText('Passphrase').getAttribute('aria-invalid')).toBe('true');

    type('Passphrase', PASSPHRASE);
    type('Passphrase again', `${PASSPHRASE}!`);
    fireEvent.submit(heading.closest('form')!);
    expect(await screen.findByText('The two passphrases differ.')).toBeTruthy();
    expect(await db.identity.count()).toBe(0);

    type('Passphrase again', PASSPHRASE);
    fireEvent.submit(heading.closest('form')!);
    await screen.findByText('the application', undefined, { timeout: 10_000 });
    expect((await db.identity.get('device'))?.kind).toBe('passphrase');
    const signer = await getBundleSigner(null);

    restart(noKeyring);
    const unlock = await screen.findByRole('heading', { level: 1, name: "Unlock this laptop's signing key" });
    expect(document.activeElement).toBe(screen.getByLabelText('Passphrase'));
    type('Passphrase', 'seven quiet harbours at dusk');
    fireEvent.submit(unlock.closest('form')!);
    const wrong = 'This passphrase does not open the key. Check the keyboard language and Caps Lock, then try again.';
    expect(await screen.findByText(wrong, undefined, { timeout: 10_000 })).toBeTruthy();
    const field = screen.getByLabelText('Passphrase');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect((field as HTMLInputElement).value).toBe('');
    await waitFor(() => expect(document.activeElement).toBe(field));
    expect(screen.queryByText('the application')).toBeNull();

    type('Passphrase', PASSPHRASE);
    fireEvent.submit(unlock.closest('form')!);
    await screen.findByText('the application', undefined, { timeout: 10_000 });
    expect((await getBundleSigner(null)).publicKey).toEqual(signer.publicKey);
  });

  it('lets the facilitator go on without the key: the app opens and signing says the key is locked', async () => {
    start(noKeyring);
    await screen.findByRole('heading', { level: 1, name: "Protect this laptop's signing key" });
    type('Passphrase', PASSPHRASE);
    type('Passphrase again', PASSPHRASE);
    fireEvent.click(screen.getByRole('button', { name: 'Seal the key and continue' }));
    await screen.findByText('the application', undefined, { timeout: 10_000 });

    restart(noKeyring);
    fireEvent.click(await screen.findByRole('button', { name: 'Continue without signing' }));
    expect(await screen.findByText('the application')).toBeTruthy();
    await expect(getBundleSigner(null)).rejects.toMatchObject({ code: 'E_KEY_LOCKED' });
  });

  it('speaks Arabic', async () => {
    await act(() => i18n.changeLanguage('ar'));
    start(noKeyring);
    expect(await screen.findByRole('heading', { level: 1, name: 'احمِ مفتاح التوقيع لهذا الحاسوب' })).toBeTruthy();
    expect(screen.getByLabelText('عبارة المرور')).toBeTruthy();
  });

  it('renders what the start checked before the first render, without a "loading" step', async () => {
    start({ kind: 'os', backend: 'gnome_libsecret' });
    const open = await checkDeviceKey();
    expect(open).toEqual({ kind: 'open' });
    cleanup();
    render(<DeviceKeyGate checked={open}><p>the application</p></DeviceKeyGate>);
    expect(screen.getByText('the application')).toBeTruthy();

    restart(noKeyring);
    const first = await checkDeviceKey();
    expect(first).toEqual({ kind: 'choose-passphrase', backend: 'basic_text' });
    cleanup();
    render(<DeviceKeyGate checked={first}><p>the application</p></DeviceKeyGate>);
    expect(await screen.findByRole('heading', { level: 1, name: "Protect this laptop's signing key" })).toBeTruthy();
    expect(screen.queryByText('the application')).toBeNull();
  });

  it('opens the app at once where a key store exists or in a browser', async () => {
    start({ kind: 'os', backend: 'gnome_libsecret' });
    expect(await screen.findByText('the application')).toBeTruthy();
    restart({ kind: 'browser', backend: 'indexeddb' });
    expect(await screen.findByText('the application')).toBeTruthy();
  });
});
