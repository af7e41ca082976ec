import { afterEach, describe, expect, it } from 'vitest';
import { exportValues } from '../../renderer/src/data/exports.ts';
import { LAKE_TOWN } from './support/lake-town.ts';
import { decodeBundle, encodeBundle } from '../../core/bundle/index.ts';
import { attest } from '../../core/bundle/provenance.ts';
import { deviceIdentityFromSeed } from '../../core/crypto/device-identity.ts';
import { nextHlc } from '../../core/revisions/hlc.ts';
import { createRevision } from '../../core/revisions/revision-id.ts';
import { U4SSC_2017 } from '../../core/catalogue/index.ts';
import { MAX_TEXT_LENGTH } from '../../core/records/index.ts';
import { createDb, type CityKpiDb } from '../../renderer/src/data/db.ts';
import { DataError } from '../../renderer/src/data/errors.ts';
import { valueRecordId } from '../../renderer/src/data/index.ts';
import { trustSigner } from '../../renderer/src/data/signers.ts';
import { createDataStore, type DataStore } from '../../renderer/src/data/store.ts';
import { applyBundle, collectExport, previewImport } from '../../renderer/src/data/sync.ts';
import { listValues } from '../../renderer/src/data/queries.ts';
import { WorkshopRuleError } from '../../renderer/src/data/workshop-guard.ts';
import {
  acceptKpi,
  assign,
  createWorkshop,
  saveSharedFields,
  loadWorkshop,
  recordVerdict,
  reopenKpi,
  returnKpi,
  submitKpi,
  switchParticipant,
} from '../../renderer/src/data/workshop.ts';

const KPI = 'EC-ICT-ICT-1C';
const OTHER = 'EC-ICT-ICT-2C';
const dbs: CityKpiDb[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

async function laptop(): Promise<DataStore> {
  const db = createDb(`workshop-${Math.random().toString(36).slice(2)}`);
  dbs.push(db);
  return createDataStore(db);
}

/** An assessment with Fatima (facilitator, PIN 2468), Amina (Water), Li (Energy), Victor (verifier, PIN 1357); KPI to Water. */
async function workshopLaptop() {
  const store = await laptop();
  const { assessmentId } = await store.createAssessment(LAKE_TOWN);
  const { participantIds } = await createWorkshop(store, {
    assessmentId,
    title: 'Data week',
    startDate: '2026-03-02',
    endDate: '2026-03-04',
    place: 'Town hall',
    participants: [
      { name: 'Fatima', department: 'Planning', role: 'facilitator' },
      { name: 'Amina', department: 'Water', role: 'participant' },
      { name: 'Li', department: 'Energy', role: 'participant' },
      { name: 'Victor', department: '', role: 'verifier' },
    ],
  });
  const [fatima, amina, li, victor] = participantIds as [string, string, string, string];
  await assign(store, assessmentId, [{ kpiId: KPI }], { department: 'Water', participantId: null });
  await assign(store, assessmentId, [{ kpiId: OTHER }], { department: 'Energy', participantId: null });
  return { store, assessmentId, fatima, amina, li, victor };
}

async function revisionCount(store: DataStore): Promise<number> {
  return store.db.revisions.count();
}

describe('workshop on a shared laptop', () => {
  it('attributes each value to the participant at the keyboard and refuses an unassigned KPI with nothing written', async () => {
    const { store, assessmentId, amina } = await workshopLaptop();
    expect(await switchParticipant(store, assessmentId, amina)).toBe('switched');
    await store.saveValueFields(assessmentId, KPI, '_', { numerator: 12 });
    const [revision] = await store.db.revisions.where('recordId').equals(valueRecordId(assessmentId, KPI, '_')).toArray();
    expect(revision?.author).toBe('Amina');
    const before = await revisionCount(store);
    await expect(store.saveValueFields(assessmentId, OTHER, '_', { numerator: 1 })).rejects.toMatchObject({ code: 'E_FORBIDDEN' });
    expect(await revisionCount(store)).toBe(before);
  });

  it('refuses a reason too long to store with the finding that names the field and the limit, and writes nothing', async () => {
    const { store, assessmentId, fatima } = await workshopLaptop();
    await switchParticipant(store, assessmentId, fatima, '2468');
    const before = await revisionCount(store);
    const refused = await returnKpi(store, assessmentId, KPI, 'x'.repeat(MAX_TEXT_LENGTH + 1)).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DataError);
    expect((refused as DataError).findings).toEqual([
      { recordId: `review:${assessmentId}:${KPI}`, revisionId: null, field: 'returnReason', reason: 'textTooLong', params: { max: MAX_TEXT_LENGTH } },
    ]);
    expect(await revisionCount(store)).toBe(before);
  });

  it('asks the facilitator and the verifier for their PIN, set on first use, and keeps only a hash', async () => {
    const { store, assessmentId, fatima, victor } = await workshopLaptop();
    expect(await switchParticipant(store, assessmentId, victor)).toBe('pinRequired');
    expect(await switchParticipant(store, assessmentId, victor, '12')).toBe('pinInvalid');
    expect(await switchParticipant(store, assessmentId, victor, '1357')).toBe('switched');
    expect(await switchParticipant(store, assessmentId, fatima, '2468')).toBe('switched');
    expect(await switchParticipant(store, assessmentId, victor, '9999')).toBe('wrongPin');
    expect((await loadWorkshop(store, assessmentId)).active?.name).toBe('Fatima');
    const stored = JSON.stringify(await store.db.meta.toArray());
    expect(stored).not.toContain('1357');
    expect(stored).toMatch(/pbkdf2-sha256\$600000\$/);
  });

  it('runs submission, return with a reason, acceptance, verification, the lock and a reopen with a reason', async () => {
    const { store, assessmentId, fatima, amina, victor } = await workshopLaptop();
    await switchParticipant(store, assessmentId, amina);
    await store.saveValueFields(assessmentId, KPI, '_', { numerator: 12 });
    await submitKpi(store, assessmentId, KPI);
    await expect(acceptKpi(store, assessmentId, KPI)).rejects.toBeInstanceOf(WorkshopRuleError);
    await switchParticipant(store, assessmentId, fatima, '2468');
    await expect(returnKpi(store, assessmentId, KPI, '  ')).rejects.toMatchObject({ code: 'E_INVALID' });
    await returnKpi(store, assessmentId, KPI, 'Which year is this?');
    expect((await loadWorkshop(store, assessmentId)).state.reviews.get(KPI)).toMatchObject({ submission: 'returned', returnReason: 'Which year is this?' });
    await acceptKpi(store, assessmentId, KPI);
    await switchParticipant(store, assessmentId, victor, '1357');
    await recordVerdict(store, assessmentId, KPI, undefined, { reported: 'yes', verified: 'yes' });
    const exported = await exportValues(store.db, [assessmentId]);
    expect(exported.find((row) => row.kpiId === KPI)?.verified).toBe('yes');
    await switchParticipant(store, assessmentId, amina);
    await expect(store.saveValueFields(assessmentId, KPI, '_', { numerator: 13 })).rejects.toMatchObject({ code: 'E_FORBIDDEN' });
    await switchParticipant(store, assessmentId, fatima, '2468');
    await expect(store.saveValueFields(assessmentId, KPI, '_', { numerator: 13 })).rejects.toMatchObject({ code: 'E_FORBIDDEN' });
    await reopenKpi(store, assessmentId, KPI, 'The city sent a corrected figure');
    await switchParticipant(store, assessmentId, amina);
    await store.saveValueFields(assessmentId, KPI, '_', { numerator: 13 });
    expect((await loadWorkshop(store, assessmentId)).state.reviews.get(KPI)).toMatchObject({ verified: null, reopenReason: 'The city sent a corrected figure' });
  });
});

/** A value as Amina's own laptop would write it, outside the office's history. */
function aminasLaptopValue(assessmentId: string, kpiId: string, numerator: number) {
  return createRevision({
    recordId: valueRecordId(assessmentId, kpiId, '_'),
    fields: { numerator },
    author: 'Amina',
    deviceId: 'laptop-amina',
    hlc: nextHlc(null, Date.now() + numerator, 'laptop-amina'),
    parents: [],
  });
}

describe('importing into a workshop', () => {
  it('refuses a bundle carrying a forged revision for an unassigned KPI, names it, and writes nothing', async () => {
    const office = await workshopLaptop();
    const identity = await deviceIdentityFromSeed(new Uint8Array(32).fill(7));
    const snapshot = await collectExport(office.store.db, { sinceReceipt: false });
    const forged = await aminasLaptopValue(office.assessmentId, OTHER, 99);
    const honest = await aminasLaptopValue(office.assessmentId, KPI, 7);
    // Amina's laptop got the workshop from the office's package, with the office's attestation of its revisions.
    const officeKey = await deviceIdentityFromSeed(new Uint8Array(32).fill(6));
    const officeDevice = { id: await office.store.getDeviceId(), name: 'Office', publicKey: officeKey.publicKey, privateKey: officeKey.privateKey };
    const bytes = await encodeBundle({
      revisions: [...snapshot.revisions, forged, honest],
      attestations: [await attest(officeDevice, snapshot.revisions.map((revision) => revision.id))],
      device: { id: 'laptop-amina', name: 'Amina laptop', publicKey: identity.publicKey, privateKey: identity.privateKey },
      encryption: { kind: 'none' },
      since: null,
    });
    const opened = { bytes, decoded: await decodeBundle(bytes) };
    await trustSigner(office.store.db, { publicKey: identity.publicKey, label: 'Amina laptop', source: 'keyFile' });

    const preview = await previewImport(office.store.db, opened);
    expect(preview.refused).toEqual([{ revisionId: forged.id, recordId: valueRecordId(office.assessmentId, OTHER, '_'), author: 'Amina', code: 'notAssigned' }]);
    const before = await revisionCount(office.store);
    const failure = await applyBundle(office.store.db, opened).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(WorkshopRuleError);
    expect(failure).toBeInstanceOf(DataError);
    expect((failure as WorkshopRuleError).violations.map((violation) => violation.revisionId)).toEqual([forged.id]);
    expect(await revisionCount(office.store)).toBe(before);
    expect(await office.store.db.ledger.count()).toBe(0);
  });

  it('accepts a whole workshop arriving on a fresh laptop', async () => {
    const facilitator = await workshopLaptop();
    await switchParticipant(facilitator.store, facilitator.assessmentId, facilitator.amina);
    await facilitator.store.saveValueFields(facilitator.assessmentId, KPI, '_', { numerator: 4 });
    const identity = await deviceIdentityFromSeed(new Uint8Array(32).fill(8));
    const snapshot = await collectExport(facilitator.store.db, { sinceReceipt: false });
    const bytes = await encodeBundle({
      revisions: snapshot.revisions,
      device: { id: await facilitator.store.getDeviceId(), name: 'Facilitator', publicKey: identity.publicKey, privateKey: identity.privateKey },
      encryption: { kind: 'none' },
      since: null,
    });
    const fresh = await laptop();
    await trustSigner(fresh.db, { publicKey: identity.publicKey, label: 'Facilitator', source: 'keyFile' });
    const opened = { bytes, decoded: await decodeBundle(bytes) };
    expect((await previewImport(fresh.db, opened)).refused).toEqual([]);
    expect(await applyBundle(fresh.db, opened)).toMatchObject({ status: 'imported' });
  });
});

describe('the demo city’s sample workshop', () => {
  it('comes with the demo: people, assignments and review under way, the facilitator at the keyboard, and opening it again changes nothing', async () => {
    const store = await laptop();
    const assessmentId = await store.openDemo();
    const { state, active } = await loadWorkshop(store, assessmentId);
    expect(state.workshops).toHaveLength(1);
    expect(state.participants.map((person) => person.role).sort()).toEqual(['facilitator', 'participant', 'participant', 'participant', 'participant', 'verifier']);
    expect(state.assignments.size).toBe(U4SSC_2017.kpis.length);
    expect([...state.assignments.values()].every((assignment) => assignment.department)).toBe(true);
    expect([...state.reviews.values()].map((review) => review.submission).sort()).toEqual(['accepted', 'accepted', 'accepted', 'accepted', 'returned', 'submitted', 'submitted', 'submitted']);
    expect(active?.role).toBe('facilitator');
    // The facilitator edits an open value; a verified one stays locked.
    await store.saveValueFields(assessmentId, 'SC-EH-H-1C', '_', { note: 'Checked with the register.' });
    await expect(store.saveValueFields(assessmentId, 'SC-EH-H-2C', '_', { note: 'Changed after verification.' })).rejects.toBeInstanceOf(WorkshopRuleError);
    const count = await revisionCount(store);
    await store.openDemo();
    expect(await revisionCount(store)).toBe(count);
    expect((await loadWorkshop(store, assessmentId)).active?.role).toBe('facilitator');
  });
});

describe('metadata shared by a KPI’s data points', () => {
  it('is typed once for all five air pollution points, and a point can still differ', async () => {
    const store = await laptop();
    const { assessmentId } = await store.createAssessment(LAKE_TOWN);
    const airPollution = U4SSC_2017.kpis.find((kpi) => kpi.id === 'EN-EN-AQ-1C')!;
    expect(airPollution.dataPoints.length).toBe(5);
    await saveSharedFields(store, assessmentId, airPollution.id, { source: 'Air monitoring network 2025', quality: 'measured', dataYear: 2025 });
    const [first, second] = airPollution.dataPoints;
    await store.saveValueFields(assessmentId, airPollution.id, second!.id, { source: 'Regional model' });
    const values = await listValues(store.db, assessmentId);
    expect(airPollution.dataPoints.map((point) => values.get(valueRecordId(assessmentId, airPollution.id, point.id))?.fields.quality)).toEqual(
      airPollution.dataPoints.map(() => expect.objectContaining({ conflict: false, current: expect.objectContaining({ value: 'measured' }) })),
    );
    expect(values.get(valueRecordId(assessmentId, airPollution.id, first!.id))?.fields.source).toMatchObject({ current: { value: 'Air monitoring network 2025' } });
    expect(values.get(valueRecordId(assessmentId, airPollution.id, second!.id))?.fields.source).toMatchObject({ current: { value: 'Regional model' } });
    await expect(saveSharedFields(store, assessmentId, airPollution.id, { numerator: 3 } as never)).rejects.toMatchObject({ code: 'E_INVALID' });
  });
});
