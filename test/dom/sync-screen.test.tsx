import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { bundleKindOf, decodeBundle, decodeReceipt, encodeBundle, encodeReceipt } from '../../core/bundle/index.ts';
import { attest } from '../../core/bundle/provenance.ts';
import { deviceIdentityFromSeed, formatKeyFile, generateOfficeKeyPair, type DeviceIdentity } from '../../core/crypto/index.ts';
import type { Bridge, OpenedFile, SaveFileRequest } from '../../electron/contract/bridge.ts';
import { createWebBridge, resetBridgeForTests } from '../../renderer/src/bridge/index.ts';
import { setAppStoreForTests } from '../../renderer/src/data/app-store.ts';
import { getDeviceIdentity, trustSigner } from '../../renderer/src/data/index.ts';
import { createDb, type CityKpiDb } from '../../renderer/src/data/db.ts';
import { createDataStore, type DataStore } from '../../renderer/src/data/store.ts';
import { collectExport } from '../../renderer/src/data/sync.ts';
import { clearOfficeRecipients } from '../../renderer/src/features/sync/office-recipients.ts';
import { forgetSessionSecrets } from '../../renderer/src/features/sync/session-keys.ts';
import { SyncScreen } from '../../renderer/src/features/sync/SyncScreen.tsx';
import { i18n, initI18n } from '../../renderer/src/i18n/index.ts';

vi.setConfig({ testTimeout: 60_000 });

const dbs: CityKpiDb[] = [];
let store: DataStore;
let db: CityKpiDb;
/** What the app saved through the Bridge, newest last. */
let saved: SaveFileRequest[];
/** What the next open dialogs return, in order. */
let toOpen: OpenedFile[];

function fakeBridge(): Bridge {
  return {
    ...createWebBridge(),
    async saveFile(request) {
      saved.push(request);
      return { ok: true, value: { name: request.suggestedName } };
    },
    async openFile(request) {
      const next = toOpen.shift();
      if (!next) return { ok: true, value: null };
      if (next.bytes.length > request.maxBytes) return { ok: false, code: 'E_TOO_LARGE' };
      return { ok: true, value: next };
    },
  };
}

beforeAll(async () => {
  await initI18n('en');
});

beforeEach(async () => {
  saved = [];
  toOpen = [];
  db = createDb(`sync-screen-${Math.random().toString(36).slice(2)}`);
  dbs.push(db);
  store = createDataStore(db);
  setAppStoreForTests(store);
  await store.setAuthorName('Field laptop 1');
  (window as { __CITYKPI_TEST_BRIDGE__?: Bridge }).__CITYKPI_TEST_BRIDGE__ = fakeBridge();
  resetBridgeForTests();
  await act(() => i18n.changeLanguage('en'));
});

afterEach(() => {
  cleanup();
  setAppStoreForTests(undefined);
  for (const open of dbs.splice(0)) open.close();
  delete (window as { __CITYKPI_TEST_BRIDGE__?: Bridge }).__CITYKPI_TEST_BRIDGE__;
  resetBridgeForTests();
  clearOfficeRecipients();
  forgetSessionSecrets();
  window.localStorage.clear();
});

const testCity = { name: 'Testville', country: 'Nowhere', population: 100_000, households: 40_000, areaKm2: null, gdp: null, currency: '' };

/** Another laptop with its own database, identity and data, that exports a signed bundle. */
async function otherLaptop(seed: number, edit: (other: DataStore) => Promise<void>, encryption: Parameters<typeof encodeBundle>[0]['encryption'] = { kind: 'none' }) {
  const otherDb = createDb(`other-${seed}-${Math.random().toString(36).slice(2)}`);
  dbs.push(otherDb);
  const other = createDataStore(otherDb);
  await other.setAuthorName('Amina');
  await edit(other);
  const identity: DeviceIdentity = await deviceIdentityFromSeed(new Uint8Array(32).fill(seed));
  const snapshot = await collectExport(otherDb, { sinceReceipt: false });
  const bytes = await encodeBundle({
    revisions: snapshot.revisions,
    attestations: snapshot.attestations,
    device: { id: await other.getDeviceId(), name: 'Field laptop 7', publicKey: identity.publicKey, privateKey: identity.privateKey },
    encryption,
  });
  return { bytes, identity, revisionCount: snapshot.revisions.length };
}

function typeInto(label: string, text: string) {
  const input = screen.getByLabelText(label, { selector: 'input' });
  fireEvent.change(input, { target: { value: text } });
}

/** Opens the export dialog once it knows how much there is to export (Export is disabled until then). */
async function openExport(alreadyRendered = false) {
  if (!alreadyRendered) render(<SyncScreen />);
  fireEvent.click(await screen.findByRole('button', { name: 'Export data…' }));
  const dialog = await screen.findByRole('dialog');
  await within(dialog).findByText(/^Everything \(\d+ changes?\)$/);
  return dialog;
}

describe('export', () => {
  it('exports everything with a passphrase, signed by this device, and names what it saved', async () => {
    await store.createAssessment({ city: testCity, year: 2025 });
    const total = (await collectExport(db, { sinceReceipt: false })).revisions.length;
    const dialog = await openExport();
    await within(dialog).findByText(`Everything (${total} changes)`);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Export' }));
    expect(await within(dialog).findByText('Use at least 10 characters.')).toBeTruthy();
    expect(saved).toHaveLength(0);

    typeInto('Passphrase', 'correct horse battery');
    typeInto('Passphrase again', 'correct horse battery');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Export' }));
    // Named for the city, the year and the laptop, and said where it went; the laptop code follows, to read out.
    await within(dialog).findByText(
      /^Saved \d+ changes as testville-2025-field-laptop-1-\d{4}-\d\d-\d\d-\d{4}\.citykpi in your browser's Downloads folder\.$/,
      {},
      { timeout: 30_000 },
    );
    expect(within(dialog).getByText(/^Laptop code to read out to the office:/).textContent).toContain((await getDeviceIdentity(null)).fingerprint);

    expect(saved).toHaveLength(1);
    const decoded = await decodeBundle(saved[0]!.bytes, { passphrase: 'correct horse battery' });
    expect(decoded.revisions).toHaveLength(total);
    expect(decoded.envelope.kind).toBe('passphrase');
    expect(decoded.signer.deviceName).toBe('Field laptop 1');
  });

  it('writes a readable file only after the user acknowledges that anyone can read it', async () => {
    await store.createAssessment({ city: testCity, year: 2025 });
    const dialog = await openExport();
    fireEvent.click(within(dialog).getByText('Not encrypted'));
    expect(within(dialog).getByText(/Anyone who gets this file/)).toBeTruthy();

    fireEvent.click(within(dialog).getByRole('button', { name: 'Export' }));
    expect(await within(dialog).findByText(/Confirm that the file may be readable/)).toBeTruthy();
    expect(saved).toHaveLength(0);

    fireEvent.click(within(dialog).getByText('I understand that this file can be read by anyone'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Export' }));
    await within(dialog).findByText(/^Saved/, {}, { timeout: 30_000 });
    expect(bundleKindOf(saved[0]!.bytes)).toBe('open');
  });

  it('encrypts to the office and recovery keys once the office key file is imported', async () => {
    await store.createAssessment({ city: testCity, year: 2025 });
    const office = await generateOfficeKeyPair();
    const recovery = await generateOfficeKeyPair();
    const officeSigner = await deviceIdentityFromSeed(new Uint8Array(32).fill(90));
    const publicFile = formatKeyFile(['test office'], [
      { kind: 'recipient', label: 'office', publicText: office.publicText },
      { kind: 'recipient', label: 'recovery', publicText: recovery.publicText },
      { kind: 'signer', label: 'office', publicKey: officeSigner.publicKey },
    ]);
    toOpen.push({ name: 'office.pub', bytes: new TextEncoder().encode(publicFile) });

    render(<SyncScreen />);
    fireEvent.click(await screen.findByRole('button', { name: 'Import an office key file' }));
    expect(await screen.findByText(/Encryption keys: 2 · Trusted signers: 1 · Secret keys for this session: 0/)).toBeTruthy();
    expect((await screen.findAllByText(officeSigner.fingerprint)).length).toBeGreaterThan(0);

    const dialog = await openExport(true);
    const officeChoice = within(dialog).getByRole('radio', { name: 'Encrypted for the office (office, recovery)' }) as HTMLInputElement;
    expect(officeChoice.checked).toBe(true);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Export' }));
    await within(dialog).findByText(/^Saved/, {}, { timeout: 30_000 });

    const bytes = saved[0]!.bytes;
    expect(bundleKindOf(bytes)).toBe('encrypted');
    await expect(decodeBundle(bytes, { identities: [recovery.secretText] })).resolves.toMatchObject({ envelope: { kind: 'recipients' } });
    await expect(decodeBundle(bytes)).rejects.toMatchObject({ code: 'E_NOT_FOR_THIS_RECIPIENT' });
  });

  it('refuses a key file with a broken line, saying which line', async () => {
    toOpen.push({ name: 'broken.pub', bytes: new TextEncoder().encode('citykpi-keys v1\nrecipient office not-a-key\n') });
    render(<SyncScreen />);
    fireEvent.click(await screen.findByRole('button', { name: 'Import an office key file' }));
    expect(await screen.findByText('This key file has an error on line 2. Ask the office for a new copy.')).toBeTruthy();
  });
});

describe('import', () => {
  it('previews a bundle from an unknown device, imports it only on an explicit decision, then saves a receipt', async () => {
    const other = await otherLaptop(11, async (laptop) => {
      await laptop.createAssessment({ city: { ...testCity, name: 'Lyon' }, year: 2025 });
    });
    toOpen.push({ name: 'lyon.citykpi', bytes: other.bytes });
    render(<SyncScreen />);
    fireEvent.click(await screen.findByRole('button', { name: 'Choose a file…' }));

    expect(await screen.findByText('What this file contains', {}, { timeout: 30_000 })).toBeTruthy();
    // Once as the signing device, once as the maker of the edits (with its key).
    expect(screen.getAllByText('Field laptop 7')).toHaveLength(2);
    expect(within(screen.getByRole('region', { name: 'Who made these edits' })).getByText(other.identity.fingerprint)).toBeTruthy();
    expect(screen.getByText(/^From a laptop not known here yet \(laptop code /).textContent).toContain(other.identity.fingerprint);
    expect(screen.getByRole('button', { name: 'The codes match: import' })).toBeTruthy();
    expect(screen.getByText('Lyon')).toBeTruthy();
    expect(screen.getByText(`${other.revisionCount} new of ${other.revisionCount} changes`)).toBeTruthy();
    expect(screen.getByText('0 files')).toBeTruthy();
    expect(await db.revisions.count()).toBe(0);

    fireEvent.click(screen.getByRole('button', { name: 'The codes match: import' }));
    expect(await screen.findByText(`Imported: ${other.revisionCount} new changes (0 already here).`)).toBeTruthy();
    expect(await db.revisions.count()).toBe(other.revisionCount);

    fireEvent.click(screen.getByRole('button', { name: 'Save a receipt for this file' }));
    await screen.findByText(/^Receipt saved as citykpi-field-laptop-7-.*\.citykpi-receipt\.$/);
    const receipt = await decodeReceipt(saved[0]!.bytes);
    expect(receipt.revisionIds).toHaveLength(other.revisionCount);

    // The same file again: recognised, nothing changes.
    fireEvent.click(screen.getByRole('button', { name: 'Import another file' }));
    toOpen.push({ name: 'lyon.citykpi', bytes: other.bytes });
    fireEvent.click(await screen.findByRole('button', { name: 'Choose a file…' }));
    expect(await screen.findByText('This file was already imported. Importing it again would change nothing.', {}, { timeout: 30_000 })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Import' })).toBeNull();
  });

  it('shows the conflicts an import will create', async () => {
    const { assessmentId } = await store.createAssessment({ city: testCity, year: 2025 });
    // The other laptop starts from this one's assessment (as after an earlier exchange), then both edit the same value.
    const shared = await db.revisions.toArray();
    const me = await getDeviceIdentity(null);
    const proof = await attest({ id: await store.getDeviceId(), name: 'Field laptop 1', publicKey: me.publicKey, privateKey: me.privateKey }, shared.map((revision) => revision.id));
    const other = await otherLaptop(12, async (laptop) => {
      await laptop.db.revisions.bulkAdd(shared);
      await laptop.db.attestations.put(proof);
      await laptop.saveValueFields(assessmentId, 'EC-ICT-ICT-1C', '_', { directValue: 61 });
    });
    await store.saveValueFields(assessmentId, 'EC-ICT-ICT-1C', '_', { directValue: 58 });

    toOpen.push({ name: 'other.citykpi', bytes: other.bytes });
    render(<SyncScreen />);
    fireEvent.click(await screen.findByRole('button', { name: 'Choose a file…' }));
    expect(await screen.findByText('1 new conflict', {}, { timeout: 30_000 })).toBeTruthy();
    const item = screen.getByText('Household Internet Access: Direct value').closest('li')!;
    expect(item.textContent).toContain('61');
    expect(item.textContent).toContain('58');
  });

  it('keeps a bundle from an unknown device for later without merging it', async () => {
    const other = await otherLaptop(13, async (laptop) => {
      await laptop.createAssessment({ city: testCity, year: 2024 });
    });
    toOpen.push({ name: 'x.citykpi', bytes: other.bytes });
    render(<SyncScreen />);
    fireEvent.click(await screen.findByRole('button', { name: 'Choose a file…' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Keep it and decide later' }, { timeout: 30_000 }));
    expect(await screen.findByText(/The file is kept without being merged/)).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'Waiting for a decision' })).toBeTruthy();
    expect(await db.revisions.count()).toBe(0);

    fireEvent.click(screen.getByRole('button', { name: 'Review' }));
    fireEvent.click(await screen.findByRole('button', { name: 'The codes match: import' }, { timeout: 30_000 }));
    await screen.findByText(/^Imported:/);
    expect(await db.revisions.count()).toBe(other.revisionCount);
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Waiting for a decision' })).toBeNull());
  });

  it('asks for the passphrase of a protected file and says when it is wrong', async () => {
    const other = await otherLaptop(
      14,
      async (laptop) => {
        await laptop.createAssessment({ city: testCity, year: 2024 });
      },
      { kind: 'passphrase', passphrase: 'open sesame please', workFactor: 10 },
    );
    toOpen.push({ name: 'p.citykpi', bytes: other.bytes });
    render(<SyncScreen />);
    fireEvent.click(await screen.findByRole('button', { name: 'Choose a file…' }));
    await screen.findByText('This file is protected with a passphrase', {}, { timeout: 30_000 });
    typeInto('This file is protected with a passphrase', 'wrong guess');
    fireEvent.click(screen.getByRole('button', { name: 'Open the file' }));
    expect(await screen.findByText('This passphrase does not open the file.', {}, { timeout: 30_000 })).toBeTruthy();

    typeInto('This file is protected with a passphrase', 'open sesame please');
    fireEvent.click(screen.getByRole('button', { name: 'Open the file' }));
    expect(await screen.findByText('What this file contains', {}, { timeout: 30_000 })).toBeTruthy();
  });

  it('refuses a damaged file with a translated reason and changes nothing', async () => {
    const other = await otherLaptop(15, async (laptop) => {
      await laptop.createAssessment({ city: testCity, year: 2024 });
    });
    const damaged = other.bytes.slice(0, other.bytes.length - 10);
    toOpen.push({ name: 'damaged.citykpi', bytes: damaged });
    render(<SyncScreen />);
    fireEvent.click(await screen.findByRole('button', { name: 'Choose a file…' }));
    expect(await screen.findByText(/This file is incomplete/, {}, { timeout: 30_000 })).toBeTruthy();
    expect(await db.revisions.count()).toBe(0);
  });
});

describe('receipts on the field laptop', () => {
  it('refuses a receipt from an untrusted office, then marks revisions delivered once the office key is trusted', async () => {
    await store.createAssessment({ city: testCity, year: 2025 });
    const ours = await collectExport(db, { sinceReceipt: false });
    const officeSigner = await deviceIdentityFromSeed(new Uint8Array(32).fill(91));
    const receipt = await encodeReceipt({
      bundleIds: ['0123456789abcdef0123456789abcdef'],
      revisionIds: ours.revisions.map((revision) => revision.id),
      signer: { id: 'office', name: 'office', publicKey: officeSigner.publicKey, privateKey: officeSigner.privateKey },
    });
    render(<SyncScreen />);
    expect(await screen.findByText(`Not yet confirmed by the office: ${ours.revisions.length} of ${ours.revisions.length} changes.`, { exact: false })).toBeTruthy();

    toOpen.push({ name: 'r.citykpi-receipt', bytes: receipt });
    fireEvent.click(screen.getByRole('button', { name: 'Import a receipt from the office' }));
    expect(await screen.findByText(/signed by a device or office that is not trusted here/)).toBeTruthy();

    await trustSigner({ publicKey: officeSigner.publicKey, label: 'office', source: 'keyFile' });
    toOpen.push({ name: 'r.citykpi-receipt', bytes: receipt });
    fireEvent.click(screen.getByRole('button', { name: 'Import a receipt from the office' }));
    expect(await screen.findByText(`Receipt imported: ${ours.revisions.length} changes are now confirmed.`)).toBeTruthy();
    expect(await screen.findByText(`Not yet confirmed by the office: 0 of ${ours.revisions.length} changes.`, { exact: false })).toBeTruthy();
  });
});

describe('device identity', () => {
  it('shows this laptop’s code, and under Advanced that the browser keeps its key', async () => {
    render(<SyncScreen />);
    const fingerprint = await screen.findByText(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
    expect(fingerprint.textContent).toBe((await getDeviceIdentity(null)).fingerprint);
    expect(screen.getByText('Laptop code')).toBeTruthy();
    const advanced = screen.getByText('Advanced').closest('details')!;
    expect(advanced.textContent).toContain('In this browser: it cannot be copied out');
  });
});
