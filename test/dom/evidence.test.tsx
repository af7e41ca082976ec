import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { decodeBundle } from '../../core/bundle/index.ts';
import { sha256, toHex } from '../../core/crypto/bytes.ts';
import { currentValue } from '../../core/revisions/derive.ts';
import { nextHlc } from '../../core/revisions/hlc.ts';
import { createRevision } from '../../core/revisions/revision-id.ts';
import type { Bridge, OpenFileRequest, OpenedFile, SaveFileRequest } from '../../electron/contract/bridge.ts';
import { createWebBridge, resetBridgeForTests } from '../../renderer/src/bridge/index.ts';
import { setAppStoreForTests } from '../../renderer/src/data/app-store.ts';
import { evidenceValue, parseEvidence } from '../../core/records/index.ts';
import { storeAttachment } from '../../renderer/src/data/attachments.ts';
import { createDb, type CityKpiDb } from '../../renderer/src/data/db.ts';
import { getDeviceIdentity, valueRecordId } from '../../renderer/src/data/index.ts';
import { recordState } from '../../renderer/src/data/queries.ts';
import { trustSigner } from '../../renderer/src/data/signers.ts';
import { createDataStore, type DataStore } from '../../renderer/src/data/store.ts';
import { applyBundle } from '../../renderer/src/data/sync.ts';
import { AssessmentWorkspace } from '../../renderer/src/features/entry/AssessmentWorkspace.tsx';
import { formatFileSize } from '../../renderer/src/features/entry/EvidenceList.tsx';
import { SyncScreen } from '../../renderer/src/features/sync/SyncScreen.tsx';
import { i18n, initI18n } from '../../renderer/src/i18n/index.ts';

vi.setConfig({ testTimeout: 60_000 });
configure({ asyncUtilTimeout: 10_000 });

const INTERNET = 'EC-ICT-ICT-1C';
const INTERNET_NAME = 'Household Internet Access';
const dbs: CityKpiDb[] = [];
let db: CityKpiDb;
let store: DataStore;
let assessmentId: string;
let saved: SaveFileRequest[];
let openRequests: OpenFileRequest[];
let toOpen: OpenedFile[];

/** A 1.5 KiB PDF whose content differs per label. */
function pdf(label: string): Uint8Array {
  const bytes = new Uint8Array(1536).fill(0x20);
  bytes.set(new TextEncoder().encode(`%PDF-1.7\n${label}\n`));
  return bytes;
}

function fakeBridge(): Bridge {
  return {
    ...createWebBridge(),
    async saveFile(request) {
      saved.push(request);
      return { ok: true, value: { name: request.suggestedName } };
    },
    async openFile(request) {
      openRequests.push(request);
      const next = toOpen.shift();
      if (!next) return { ok: true, value: null };
      if (next.bytes.length > request.maxBytes) return { ok: false, code: 'E_TOO_LARGE' };
      return { ok: true, value: next };
    },
  };
}

const testCity = { name: 'Testville', country: 'Nowhere', population: 100_000, households: 40_000, areaKm2: null, gdp: null, currency: '' };

async function useDatabase(name: string): Promise<void> {
  db = createDb(`${name}-${Math.random().toString(36).slice(2)}`);
  dbs.push(db);
  store = createDataStore(db);
  setAppStoreForTests(store);
  await store.setAuthorName('Amina');
}

beforeAll(async () => {
  await initI18n('en');
});

beforeEach(async () => {
  saved = [];
  openRequests = [];
  toOpen = [];
  await useDatabase('evidence');
  ({ assessmentId } = await store.createAssessment({ city: testCity, year: 2025 }));
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
  window.localStorage.clear();
});

async function openKpi(groupName = 'Evidence') {
  render(<AssessmentWorkspace assessmentId={assessmentId} kpiId={INTERNET} />);
  await screen.findByRole('heading', { level: 1 });
  return screen.findByRole('group', { name: groupName });
}

async function storedEvidence() {
  const state = await recordState(db, valueRecordId(assessmentId, INTERNET, '_'));
  return parseEvidence(currentValue(state, 'evidence'));
}

async function attachThroughUi(file: OpenedFile, buttonName = `Attach evidence to ${INTERNET_NAME}`) {
  toOpen.push(file);
  fireEvent.click(screen.getByRole('button', { name: buttonName }));
}

describe('evidence on the entry screen', () => {
  it('attaches a file through the Bridge, lists it with its size, and records it in a revision', async () => {
    const group = await openKpi();
    expect(within(group).getByText('No evidence attached yet.')).toBeTruthy();
    await attachThroughUi({ name: 'survey.pdf', bytes: pdf('survey') });

    const list = await within(group).findByRole('list', { name: `Evidence files for ${INTERNET_NAME}` });
    expect(within(list).getByText('survey.pdf')).toBeTruthy();
    expect(within(list).getByText('1.5 kB')).toBeTruthy();
    expect(openRequests[0]).toEqual({
      filters: [{ name: 'Evidence files', extensions: ['pdf', 'png', 'jpg', 'jpeg', 'csv', 'txt', 'xlsx', 'docx'] }],
      maxBytes: 10 * 1024 * 1024,
    });
    await waitFor(() => expect(document.querySelector('[data-field="evidence"] [data-testid="save-status"]')?.textContent).toBe('Saved'));
    const hash = toHex(await sha256(pdf('survey')));
    expect(await storedEvidence()).toEqual([{ sha256: hash, name: 'survey.pdf', type: 'application/pdf', size: 1536 }]);
    expect((await db.attachments.get(hash))?.bytes).toEqual(pdf('survey'));
  });

  it('shows sizes in the user language', async () => {
    await act(() => i18n.changeLanguage('fr'));
    const group = await openKpi('Justificatifs');
    await attachThroughUi({ name: 'enquête.pdf', bytes: pdf('enquête') }, 'Joindre un justificatif à Accès des ménages à Internet');
    expect(await within(group).findByText('1,5 ko')).toBeTruthy();
    expect(within(group).getByRole('button', { name: 'Retirer enquête.pdf des justificatifs' })).toBeTruthy();
    expect(formatFileSize(10 * 1024 * 1024, 'ru')).toBe('10 МБ');
    // Bytes say their plural: never "25 byte".
    expect(formatFileSize(25, 'en')).toBe('25 bytes');
    expect(formatFileSize(1, 'en')).toBe('1 byte');
    expect(formatFileSize(25, 'fr')).toMatch(/^25\soctets$/);
  });

  it('refuses a file above 10 MiB before reading it, with a translated error, and stores nothing', async () => {
    const group = await openKpi();
    await attachThroughUi({ name: 'huge.pdf', bytes: new Uint8Array(10 * 1024 * 1024 + 1) });
    expect((await within(group).findByRole('alert')).textContent).toBe(
      'This file is larger than 10 MB. Attach a smaller file, for example only the pages that matter.',
    );
    expect(await db.attachments.count()).toBe(0);
    expect(await storedEvidence()).toEqual([]);
  });

  it('refuses a file whose content does not match an accepted type', async () => {
    const group = await openKpi();
    await attachThroughUi({ name: 'photo.pdf', bytes: new TextEncoder().encode('MZ this is a program') });
    expect((await within(group).findByRole('alert')).textContent).toMatch(/^photo\.pdf cannot be attached: only PDF, PNG/);
    expect(await db.attachments.count()).toBe(0);
  });

  it('saves a copy through the Bridge and removes a file with a new revision', async () => {
    const group = await openKpi();
    await attachThroughUi({ name: 'survey.pdf', bytes: pdf('survey') });
    await within(group).findByText('survey.pdf');
    await attachThroughUi({ name: 'notes.txt', bytes: new TextEncoder().encode('Counted by the statistics office') });
    await within(group).findByText('notes.txt');

    fireEvent.click(within(group).getByRole('button', { name: 'Save a copy of survey.pdf' }));
    expect(await within(group).findByText('A copy was saved as survey.pdf.')).toBeTruthy();
    expect(saved).toHaveLength(1);
    expect(saved[0]!.suggestedName).toBe('survey.pdf');
    expect(saved[0]!.bytes).toEqual(pdf('survey'));
    expect(saved[0]!.filters).toEqual([{ name: 'Evidence files', extensions: ['pdf'] }]);

    fireEvent.click(within(group).getByRole('button', { name: 'Remove survey.pdf from the evidence' }));
    await waitFor(() => expect(within(group).queryByText('survey.pdf')).toBeNull());
    expect((await storedEvidence()).map((ref) => ref.name)).toEqual(['notes.txt']);
    fireEvent.click(within(group).getByRole('button', { name: 'Remove notes.txt from the evidence' }));
    expect(await within(group).findByText('No evidence attached yet.')).toBeTruthy();
    await waitFor(async () => expect(await storedEvidence()).toEqual([]));
    const history = await db.revisions.where('recordId').equals(valueRecordId(assessmentId, INTERNET, '_')).toArray();
    expect(history.filter((revision) => 'evidence' in revision.fields)).toHaveLength(4);
  });

  it('marks evidence whose bytes have not been received here, without offering to open it', async () => {
    const missing = { sha256: 'e'.repeat(64), name: 'scan-from-laptop-2.pdf', type: 'application/pdf', size: 2_048 };
    await store.saveValueFields(assessmentId, INTERNET, '_', { evidence: evidenceValue([missing]) });
    const group = await openKpi();
    const item = (await within(group).findByText('scan-from-laptop-2.pdf')).closest('li')!;
    expect(within(item).getByText('Not received yet')).toBeTruthy();
    expect(within(item).queryByRole('button', { name: /Save a copy/ })).toBeNull();
    expect(within(item).getByRole('button', { name: 'Remove scan-from-laptop-2.pdf from the evidence' })).toBeTruthy();
  });
});

describe('evidence in conflict, by keyboard, in Arabic', () => {
  it('lists every file of competing lists, names them in the conflict panel, and attaching by keyboard resolves it', async () => {
    const survey = await storeAttachment(db, { name: 'survey.pdf', bytes: pdf('survey') });
    const notes = await storeAttachment(db, { name: 'notes.txt', bytes: new TextEncoder().encode('from the utility') });
    const recordId = valueRecordId(assessmentId, INTERNET, '_');
    const edits = [
      { author: 'Bruno', deviceId: 'laptop-bruno-01', evidence: evidenceValue([survey]), wallMs: Date.UTC(2026, 0, 5, 9) },
      { author: 'Chen', deviceId: 'laptop-chen-02', evidence: evidenceValue([notes]), wallMs: Date.UTC(2026, 0, 5, 10) },
    ];
    for (const edit of edits) {
      await db.revisions.add(
        await createRevision({
          recordId,
          fields: { evidence: edit.evidence },
          author: edit.author,
          deviceId: edit.deviceId,
          hlc: nextHlc(null, edit.wallMs, edit.deviceId),
          parents: [],
        }),
      );
    }
    const group = await openKpi();
    const list = await within(group).findByRole('list', { name: `Evidence files for ${INTERNET_NAME}` });
    expect(within(list).getAllByRole('listitem').map((item) => item.querySelector('.evidence__name')?.textContent).sort()).toEqual(['notes.txt', 'survey.pdf']);
    const panel = screen.getByRole('group', { name: 'Conflict: Evidence' });
    expect(within(panel).getByRole('button', { name: 'Keep survey.pdf' })).toBeTruthy();
    expect(within(panel).getByRole('button', { name: 'Keep notes.txt' })).toBeTruthy();

    toOpen.push({ name: 'chart.png', bytes: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]) });
    const attachButton = screen.getByRole('button', { name: `Attach evidence to ${INTERNET_NAME}` });
    act(() => attachButton.focus());
    fireEvent.keyDown(attachButton, { key: 'Enter' });
    fireEvent.keyUp(attachButton, { key: 'Enter' });
    await waitFor(() => expect(screen.queryByRole('group', { name: 'Conflict: Evidence' })).toBeNull());
    const state = await recordState(db, recordId);
    expect(state.fields.evidence?.conflict).toBe(false);
    expect(parseEvidence(currentValue(state, 'evidence')).map((ref) => ref.name).sort()).toEqual(['chart.png', 'notes.txt', 'survey.pdf']);
    expect(state.heads).toHaveLength(1);
    await waitFor(() => expect(document.querySelector('[data-field="evidence"] [data-testid="save-status"]')?.textContent).toBe('Conflict resolved'));
  });

  it('reads in Arabic with the file name isolated in its own direction', async () => {
    await act(() => i18n.changeLanguage('ar'));
    await store.saveValueFields(assessmentId, INTERNET, '_', {
      evidence: evidenceValue([await storeAttachment(db, { name: 'report-2024.pdf', bytes: pdf('report') })]),
    });
    const group = await openKpi('الأدلة الداعمة');
    const name = await within(group).findByText('report-2024.pdf');
    expect(name.getAttribute('dir')).toBe('auto');
    expect(within(group).getByRole('button', { name: 'إزالة report-2024.pdf من الأدلة' })).toBeTruthy();
    expect(within(group).getByText(formatFileSize(1536, 'ar'))).toBeTruthy();
  });
});

describe('evidence from laptop to office', () => {
  it('attach → export dialog carries the bytes → decode has them under their hash → import → the office lists them', async () => {
    await openKpi();
    await attachThroughUi({ name: 'survey.pdf', bytes: pdf('survey') });
    await screen.findByText('survey.pdf');
    const hash = toHex(await sha256(pdf('survey')));
    cleanup();

    render(<SyncScreen />);
    fireEvent.click(await screen.findByRole('button', { name: 'Export data…' }));
    const dialog = await screen.findByRole('dialog');
    await within(dialog).findByText(/^Everything \(\d+ changes?\)$/);
    fireEvent.click(within(dialog).getByText('Not encrypted'));
    fireEvent.click(within(dialog).getByText('I understand that this file can be read by anyone'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Export' }));
    await within(dialog).findByText(/^Saved/, {}, { timeout: 30_000 });
    cleanup();

    const bundle = saved[0]!.bytes;
    const decoded = await decodeBundle(bundle);
    expect([...decoded.attachments.keys()]).toEqual([hash]);
    expect(decoded.attachments.get(hash)).toEqual(pdf('survey'));
    const laptopKey = (await getDeviceIdentity(null)).publicKey;

    await useDatabase('evidence-office');
    await trustSigner(db, { publicKey: laptopKey, label: 'Laptop', source: 'keyFile' });
    expect(await applyBundle(db, { bytes: bundle, decoded })).toMatchObject({ status: 'imported' });
    expect((await db.attachments.get(hash))?.bytes).toEqual(pdf('survey'));

    const group = await openKpi();
    const item = (await within(group).findByText('survey.pdf')).closest('li')!;
    expect(within(item).getByText('1.5 kB')).toBeTruthy();
    fireEvent.click(await within(item).findByRole('button', { name: 'Save a copy of survey.pdf' }));
    await waitFor(() => expect(saved).toHaveLength(2));
    expect(saved[1]!.bytes).toEqual(pdf('survey'));
  });
});
