import { afterEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { BundleError, decodeBundle, encodeBundle } from '../../core/bundle/index.ts';
import { getCatalogue, DEFAULT_CATALOGUE_ID, findKpi, findPoint } from '../../core/catalogue/index.ts';
import { computePointValue } from '../../core/compute/index.ts';
import { sha256, toHex } from '../../core/crypto/bytes.ts';
import { deviceIdentityFromSeed, type DeviceIdentity } from '../../core/crypto/device-identity.ts';
import { DEMO_ASSESSMENT_ID } from '../../core/demo/index.ts';
import { validatePoint } from '../../core/validation/validate-point.ts';
import { currentValue } from '../../core/revisions/derive.ts';
import {
  MAX_ATTACHMENT_BYTES,
  MAX_EVIDENCE_PER_POINT,
  checkAttachment,
  cleanFileName,
  evidenceValue,
  parseEvidence,
  type EvidenceRef,
} from '../../core/records/index.ts';
import { readAttachment, storeAttachment, storedAttachmentHashes } from '../../renderer/src/data/attachments.ts';
import { createDb, type CityKpiDb } from '../../renderer/src/data/db.ts';
import { CURRENT_SCHEMA_VERSION, storesAt } from '../../renderer/src/data/schema-history.ts';
import { DataError } from '../../renderer/src/data/errors.ts';
import { valueRecordId } from '../../renderer/src/data/index.ts';
import { listValues, recordState } from '../../renderer/src/data/queries.ts';
import { trustSigner } from '../../renderer/src/data/signers.ts';
import { createDataStore, type DataStore } from '../../renderer/src/data/store.ts';
import { applyBundle, collectExport, markDelivered, previewImport, type OpenedBundle } from '../../renderer/src/data/sync.ts';
import { decodeReceipt, encodeReceipt } from '../../core/bundle/index.ts';

const INTERNET = 'EC-ICT-ICT-1C';
const opened: CityKpiDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

const utf8 = new TextEncoder();
const pdf = (text: string) => utf8.encode(`%PDF-1.7\n${text}\n%%EOF\n`);
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const png = (size = 64) => Uint8Array.from({ length: size }, (_, index) => PNG_MAGIC[index] ?? index % 251);

interface Laptop {
  readonly db: CityKpiDb;
  readonly store: DataStore;
  readonly identity: DeviceIdentity;
}

let seed = 40;
async function laptop(): Promise<Laptop> {
  const db = createDb(`attachments-${Math.random().toString(36).slice(2)}`);
  opened.push(db);
  const store = createDataStore(db);
  await store.setAuthorName(`Laptop ${seed}`);
  await store.openDemo();
  seed += 1;
  return { db, store, identity: await deviceIdentityFromSeed(new Uint8Array(32).fill(seed)) };
}

async function attach(machine: Laptop, name: string, bytes: Uint8Array, pointId = '_'): Promise<EvidenceRef> {
  const ref = await storeAttachment(machine.db, { name, bytes });
  const state = await recordState(machine.db, valueRecordId(DEMO_ASSESSMENT_ID, INTERNET, pointId));
  const current = parseEvidence(currentValue(state, 'evidence'));
  await machine.store.saveValueFields(DEMO_ASSESSMENT_ID, INTERNET, pointId, { evidence: evidenceValue([...current, ref]) });
  return ref;
}

async function exportFrom(machine: Laptop, sinceReceipt = false): Promise<OpenedBundle> {
  const snapshot = await collectExport(machine.db, { sinceReceipt });
  const bytes = await encodeBundle({
    revisions: snapshot.revisions,
    attestations: snapshot.attestations,
    attachments: snapshot.attachments.values(),
    device: { id: await machine.store.getDeviceId(), name: 'laptop', publicKey: machine.identity.publicKey, privateKey: machine.identity.privateKey },
    encryption: { kind: 'none' },
    since: snapshot.since,
  });
  return { bytes, decoded: await decodeBundle(bytes) };
}

async function trust(target: Laptop, signer: Laptop): Promise<void> {
  await trustSigner(target.db, { publicKey: signer.identity.publicKey, label: 'laptop', source: 'keyFile' });
}

async function evidenceOf(machine: Laptop): Promise<EvidenceRef[]> {
  const state = await recordState(machine.db, valueRecordId(DEMO_ASSESSMENT_ID, INTERNET, '_'));
  return parseEvidence(currentValue(state, 'evidence'));
}

describe('schema version 3', () => {
  it('opens a version 2 database with every row kept and an empty attachments table', async () => {
    const name = `attachments-migration-${Math.random().toString(36).slice(2)}`;
    const v2 = new Dexie(name);
    v2.version(2).stores(storesAt(2));
    await v2.table('meta').add({ key: 'deviceId', value: 'device-from-v2' });
    await v2.table('signers').add({ publicKey: 'key', fingerprint: 'fp', label: 'Office', source: 'keyFile', addedAtMs: 1 });
    await v2.table('receipts').add({ receiptId: 'r1', issuedAt: '2026-01-01T00:00:00Z', signerFingerprint: 'fp', appliedAtMs: 2, revisionCount: 0 });
    v2.close();

    const db = createDb(name);
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(await db.meta.get('deviceId')).toEqual({ key: 'deviceId', value: 'device-from-v2' });
    expect(await db.signers.count()).toBe(1);
    expect(await db.receipts.count()).toBe(1);
    expect(await db.attachments.count()).toBe(0);
    const ref = await storeAttachment(db, { name: 'scan.pdf', bytes: pdf('after migration') });
    expect((await db.attachments.get(ref.sha256))?.name).toBe('scan.pdf');
    expect(await db.attachments.where('addedAtMs').above(0).count()).toBe(1);
  });
});

describe('what can be attached', () => {
  it('refuses files above 10 MiB and accepts one of exactly 10 MiB', () => {
    const exact = new Uint8Array(MAX_ATTACHMENT_BYTES);
    exact.set(pdf(''));
    expect(checkAttachment('report.pdf', exact, 0)).toBeNull();
    const over = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
    over.set(pdf(''));
    expect(checkAttachment('report.pdf', over, 0)).toBe('tooLarge');
  });

  it('accepts pdf, png, jpeg, csv, xlsx, docx and txt only when the content matches the extension', () => {
    const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    expect(checkAttachment('a.pdf', pdf('x'), 0)).toBeNull();
    expect(checkAttachment('a.PNG', png(), 0)).toBeNull();
    expect(checkAttachment('a.jpg', Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0]), 0)).toBeNull();
    expect(checkAttachment('a.jpeg', Uint8Array.from([0xff, 0xd8, 0xff, 0xdb, 0]), 0)).toBeNull();
    expect(checkAttachment('a.xlsx', zip, 0)).toBeNull();
    expect(checkAttachment('a.docx', zip, 0)).toBeNull();
    expect(checkAttachment('a.csv', utf8.encode('year;value\n2024;45,5\n'), 0)).toBeNull();
    expect(checkAttachment('a.txt', utf8.encode('Enquête ménages'), 0)).toBeNull();

    expect(checkAttachment('a.pdf', png(), 0)).toBe('typeNotAllowed');
    expect(checkAttachment('a.png', pdf('x'), 0)).toBe('typeNotAllowed');
    expect(checkAttachment('a.exe', pdf('x'), 0)).toBe('typeNotAllowed');
    expect(checkAttachment('pdf', pdf('x'), 0)).toBe('typeNotAllowed');
    expect(checkAttachment('a.txt', Uint8Array.from([0x61, 0, 0x62]), 0)).toBe('typeNotAllowed');
    expect(checkAttachment('a.txt', new Uint8Array(0), 0)).toBe('empty');
    expect(checkAttachment('a.pdf', pdf('x'), MAX_EVIDENCE_PER_POINT)).toBe('tooMany');
  });

  it('keeps only the file name, without folders or control characters, and bounds its length with the extension kept', () => {
    expect(cleanFileName('C:\\Users\\amina\\scan\u0007 2024.pdf')).toBe('scan 2024.pdf');
    expect(cleanFileName('/home/a/report.csv')).toBe('report.csv');
    const long = cleanFileName(`${'é'.repeat(500)}.pdf`);
    expect(Array.from(long)).toHaveLength(200);
    expect(long.endsWith('.pdf')).toBe(true);
  });

  it('the data layer refuses what the checks refuse, and stores nothing', async () => {
    const machine = await laptop();
    await expect(storeAttachment(machine.db, { name: 'virus.exe', bytes: pdf('x') })).rejects.toMatchObject({ code: 'E_INVALID' });
    await expect(storeAttachment(machine.db, { name: 'big.pdf', bytes: new Uint8Array(MAX_ATTACHMENT_BYTES + 1).fill(0x25) })).rejects.toBeInstanceOf(DataError);
    expect(await machine.db.attachments.count()).toBe(0);
  });
});

describe('the evidence field', () => {
  it('is canonical JSON sorted by hash, and null when empty', () => {
    const b: EvidenceRef = { sha256: 'b'.repeat(64), name: 'b.pdf', type: 'application/pdf', size: 2 };
    const a: EvidenceRef = { sha256: 'a'.repeat(64), name: 'a.png', type: 'image/png', size: 1 };
    const value = evidenceValue([b, a, b]);
    expect(value).toBe(`[{"name":"a.png","sha256":"${'a'.repeat(64)}","size":1,"type":"image/png"},{"name":"b.pdf","sha256":"${'b'.repeat(64)}","size":2,"type":"application/pdf"}]`);
    expect(parseEvidence(value)).toEqual([a, b]);
    expect(evidenceValue([])).toBeNull();
    expect(parseEvidence('not json')).toEqual([]);
    expect(parseEvidence(`[{"sha256":"short"}, ${JSON.stringify(a)}]`)).toEqual([a]);
  });

  it('only a canonical value can be saved', async () => {
    const machine = await laptop();
    const ref = await storeAttachment(machine.db, { name: 'a.pdf', bytes: pdf('a') });
    const save = (evidence: string) => machine.store.saveValueFields(DEMO_ASSESSMENT_ID, INTERNET, '_', { evidence });
    await expect(save(JSON.stringify([{ size: ref.size, sha256: ref.sha256, name: ref.name, type: ref.type }]))).rejects.toMatchObject({ code: 'E_INVALID' });
    await expect(save('[]')).rejects.toMatchObject({ code: 'E_INVALID' });
    expect(await save(evidenceValue([ref])!)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is ignored by computation and validation', () => {
    const catalogue = getCatalogue(DEFAULT_CATALOGUE_ID)!;
    const kpi = findKpi(catalogue, INTERNET)!;
    const point = findPoint(kpi, '_')!;
    const fields = { numerator: 18_200, dataYear: 2024, status: 'reported' };
    const withEvidence = { ...fields, evidence: evidenceValue([{ sha256: 'c'.repeat(64), name: 'c.pdf', type: 'application/pdf', size: 3 }]) };
    const denominators = { population: 100_000, households: 40_000 };
    expect(computePointValue(point, withEvidence, denominators)).toEqual(computePointValue(point, fields, denominators));
    expect(validatePoint(kpi, point, withEvidence, denominators, { assessmentYear: 2025 })).toEqual(
      validatePoint(kpi, point, fields, denominators, { assessmentYear: 2025 }),
    );
  });
});

describe('attaching and removing', () => {
  it('stores the bytes once per content and records each change as a revision', async () => {
    const machine = await laptop();
    const first = await attach(machine, 'survey.pdf', pdf('household survey'));
    expect(first).toEqual({ sha256: toHex(await sha256(pdf('household survey'))), name: 'survey.pdf', type: 'application/pdf', size: pdf('household survey').length });
    const second = await attach(machine, 'chart.png', png());
    expect(await storeAttachment(machine.db, { name: 'copy-of-survey.pdf', bytes: pdf('household survey') })).toMatchObject({ sha256: first.sha256 });
    expect(await machine.db.attachments.count()).toBe(2);
    expect((await machine.db.attachments.get(first.sha256))?.name).toBe('survey.pdf');
    expect(await readAttachment(machine.db, second.sha256)).toEqual(png());
    expect((await evidenceOf(machine)).map((ref) => ref.name).sort()).toEqual(['chart.png', 'survey.pdf']);

    await machine.store.saveValueFields(DEMO_ASSESSMENT_ID, INTERNET, '_', { evidence: evidenceValue([second]) });
    expect(await evidenceOf(machine)).toEqual([second]);
    await machine.store.saveValueFields(DEMO_ASSESSMENT_ID, INTERNET, '_', { evidence: null });
    expect(await evidenceOf(machine)).toEqual([]);
    const history = await machine.db.revisions.where('recordId').equals(valueRecordId(DEMO_ASSESSMENT_ID, INTERNET, '_')).toArray();
    expect(history.filter((revision) => 'evidence' in revision.fields)).toHaveLength(4);
    // Removing a file from the list keeps its bytes: older revisions still name it.
    expect(await machine.db.attachments.count()).toBe(2);
    await expect(readAttachment(machine.db, 'f'.repeat(64))).rejects.toMatchObject({ code: 'E_NOT_FOUND' });
  });
});

describe('export and import', () => {
  it('exports the bytes the exported revisions name, and a fresh laptop stores them under their hash', async () => {
    const field = await laptop();
    const survey = await attach(field, 'survey.pdf', pdf('household survey'));
    const chart = await attach(field, 'chart.png', png());
    await field.store.saveValueFields(DEMO_ASSESSMENT_ID, INTERNET, '_', { evidence: evidenceValue([chart]) });
    await storeAttachment(field.db, { name: 'unused.txt', bytes: utf8.encode('never attached') });

    const snapshot = await collectExport(field.db, { sinceReceipt: false });
    // The survey was removed later, but an exported revision still names it.
    expect([...snapshot.attachments.keys()].sort()).toEqual([survey.sha256, chart.sha256].sort());
    const bundle = await exportFrom(field);
    expect(bundle.decoded.manifest.counts.attachments).toBe(2);
    expect(bundle.decoded.attachments.get(survey.sha256)).toEqual(pdf('household survey'));
    expect(bundle.decoded.attachments.get(chart.sha256)).toEqual(png());

    const office = await laptop();
    await trust(office, field);
    expect((await previewImport(office.db, bundle)).attachmentCount).toBe(2);
    expect(await applyBundle(office.db, bundle)).toMatchObject({ status: 'imported' });
    expect(await readAttachment(office.db, chart.sha256)).toEqual(png());
    expect(await office.db.attachments.get(survey.sha256)).toMatchObject({ name: 'survey.pdf', type: 'application/pdf', size: survey.size });
    expect(await office.db.attachments.count()).toBe(2);
    expect(await evidenceOf(office)).toEqual([chart]);

    // Content-addressed: importing the same bytes again (another bundle) changes nothing.
    await attach(field, 'survey-again.pdf', pdf('household survey'));
    expect(await applyBundle(office.db, await exportFrom(field))).toMatchObject({ status: 'imported' });
    expect(await office.db.attachments.count()).toBe(2);
  });

  it('a since-receipt export carries only the attachments of the revisions it carries', async () => {
    const field = await laptop();
    const office = await laptop();
    await trust(office, field);
    await trust(field, office);
    const old = await attach(field, 'old.pdf', pdf('old'));
    const first = await exportFrom(field);
    await applyBundle(office.db, first);
    const receipt = await encodeReceipt({
      bundleIds: [first.decoded.manifest.bundleId],
      revisionIds: first.decoded.revisions.map((revision) => revision.id),
      signer: { id: await office.store.getDeviceId(), name: 'office', publicKey: office.identity.publicKey, privateKey: office.identity.privateKey },
    });
    await markDelivered(field.db, await decodeReceipt(receipt));

    await field.store.saveValueFields(DEMO_ASSESSMENT_ID, INTERNET, '_', { note: 'nothing attached' });
    expect((await collectExport(field.db, { sinceReceipt: true })).attachments.size).toBe(0);
    const fresh = await attach(field, 'new.pdf', pdf('new'));
    const incremental = await collectExport(field.db, { sinceReceipt: true });
    // The new evidence value lists both files, so both travel.
    expect([...incremental.attachments.keys()].sort()).toEqual([old.sha256, fresh.sha256].sort());
  });

  it('imports a revision whose attachment did not come with it, and shows it as not received', async () => {
    const field = await laptop();
    const ref = await attach(field, 'survey.pdf', pdf('household survey'));
    const snapshot = await collectExport(field.db, { sinceReceipt: false });
    const bytes = await encodeBundle({
      revisions: snapshot.revisions,
    attestations: snapshot.attestations,
      device: { id: await field.store.getDeviceId(), name: 'laptop', publicKey: field.identity.publicKey, privateKey: field.identity.privateKey },
      encryption: { kind: 'none' },
    });
    const office = await laptop();
    await trust(office, field);
    expect(await applyBundle(office.db, { bytes, decoded: await decodeBundle(bytes) })).toMatchObject({ status: 'imported' });
    expect(await evidenceOf(office)).toEqual([ref]);
    expect(await storedAttachmentHashes(office.db, [ref.sha256])).toEqual(new Set());

    // A later bundle that carries the bytes completes it.
    expect(await applyBundle(office.db, await exportFrom(field))).toMatchObject({ status: 'imported', addedCount: 0 });
    expect(await storedAttachmentHashes(office.db, [ref.sha256])).toEqual(new Set([ref.sha256]));
  });

  it('decodeBundle refuses an attachment whose bytes were changed (E_HASH_MISMATCH)', async () => {
    const field = await laptop();
    const marker = pdf('UNIQUE-EVIDENCE-MARKER');
    await attach(field, 'marker.pdf', marker);
    const { bytes } = await exportFrom(field);
    const text = new TextDecoder('latin1').decode(bytes);
    const at = text.indexOf('UNIQUE-EVIDENCE-MARKER');
    expect(at).toBeGreaterThan(0);
    const tampered = bytes.slice();
    tampered[at] = tampered[at]! ^ 0x01;
    const error = await decodeBundle(tampered).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BundleError);
    expect((error as BundleError).code).toBe('E_HASH_MISMATCH');
  });

  it('concurrent evidence edits on two laptops conflict and are resolved like any field', async () => {
    const a = await laptop();
    const b = await laptop();
    await trust(a, b);
    await trust(b, a);
    const shared = await attach(a, 'shared.pdf', pdf('shared'));
    await applyBundle(b.db, await exportFrom(a));
    const fromA = await attach(a, 'a.pdf', pdf('from a'));
    const fromB = await attach(b, 'b.png', png());
    await applyBundle(a.db, await exportFrom(b));

    const recordId = valueRecordId(DEMO_ASSESSMENT_ID, INTERNET, '_');
    const view = (await listValues(a.db, DEMO_ASSESSMENT_ID)).get(recordId)!;
    const evidence = view.fields.evidence;
    if (!evidence?.conflict) throw new Error('expected an evidence conflict');
    expect(await storedAttachmentHashes(a.db, [shared.sha256, fromA.sha256, fromB.sha256])).toEqual(new Set([shared.sha256, fromA.sha256, fromB.sha256]));
    const union = evidenceValue(evidence.candidates.flatMap((candidate) => parseEvidence(candidate.value)))!;
    await a.store.resolveConflict(recordId, 'evidence', union);
    const after = await recordState(a.db, recordId);
    expect(after.fields.evidence?.conflict).toBe(false);
    expect(parseEvidence(currentValue(after, 'evidence')).map((ref) => ref.name).sort()).toEqual(['a.pdf', 'b.png', 'shared.pdf']);
  });
});

