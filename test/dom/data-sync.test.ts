import { afterEach, describe, expect, it } from 'vitest';
import { SAMPLE_WORKSHOP } from '../../core/demo/sample-workshop.ts';
import { switchParticipant } from '../../renderer/src/data/workshop.ts';
import type { DBCore, DBCoreMutateRequest } from 'dexie';
import { decodeBundle, encodeBundle, encodeReceipt, decodeReceipt } from '../../core/bundle/index.ts';
import { deviceIdentityFromSeed, type DeviceIdentity } from '../../core/crypto/device-identity.ts';
import { DEMO_ASSESSMENT_ID } from '../../core/demo/index.ts';
import { createDb, type CityKpiDb } from '../../renderer/src/data/db.ts';
import { DataError } from '../../renderer/src/data/errors.ts';
import { valueRecordId } from '../../renderer/src/data/index.ts';
import { listValues } from '../../renderer/src/data/queries.ts';
import { trustSigner } from '../../renderer/src/data/signers.ts';
import { createDataStore, type DataStore } from '../../renderer/src/data/store.ts';
import {
  applyBundle,
  collectExport,
  exportStatus,
  heldBundleBytes,
  listHeld,
  markDelivered,
  previewImport,
  rejectHeld,
  type OpenedBundle,
} from '../../renderer/src/data/sync.ts';

interface Machine {
  readonly db: CityKpiDb;
  readonly store: DataStore;
  readonly identity: DeviceIdentity;
  readonly name: string;
}

const machines: CityKpiDb[] = [];
afterEach(() => {
  for (const db of machines.splice(0)) db.close();
});

let seedCounter = 0;
async function machine(name: string, failOn?: { table: string; active: () => boolean }): Promise<Machine> {
  const db = createDb(`sync-${name}-${Math.random().toString(36).slice(2)}`);
  if (failOn) {
    db.use({
      stack: 'dbcore',
      name: 'inject-failure',
      create: (down: DBCore): DBCore => ({
        ...down,
        table: (tableName) => {
          const table = down.table(tableName);
          return {
            ...table,
            mutate: (request: DBCoreMutateRequest) =>
              failOn.active() && tableName === failOn.table ? Promise.reject(new Error(`injected failure writing ${tableName}`)) : table.mutate(request),
          };
        },
      }),
    });
  }
  machines.push(db);
  seedCounter += 1;
  const identity = await deviceIdentityFromSeed(new Uint8Array(32).fill(seedCounter));
  return { db, store: createDataStore(db), identity, name };
}

async function exportFrom(source: Machine, sinceReceipt = false, bundleId?: string): Promise<OpenedBundle> {
  const snapshot = await collectExport(source.db, { sinceReceipt });
  const bytes = await encodeBundle({
    ...(bundleId === undefined ? {} : { bundleId }),
    revisions: snapshot.revisions,
    attestations: snapshot.attestations,
    device: { id: await source.store.getDeviceId(), name: source.name, publicKey: source.identity.publicKey, privateKey: source.identity.privateKey },
    encryption: { kind: 'none' },
    since: snapshot.since,
  });
  return { bytes, decoded: await decodeBundle(bytes) };
}

async function trust(target: Machine, signer: Machine): Promise<void> {
  await trustSigner(target.db, { publicKey: signer.identity.publicKey, label: signer.name, source: 'keyFile' });
}

const HIA = valueRecordId(DEMO_ASSESSMENT_ID, 'EC-ICT-ICT-1C', '_');

describe('export and import', () => {
  it('carries every revision to a trusting office, and a second import changes nothing', async () => {
    const laptop = await machine('laptop');
    const office = await machine('office');
    await laptop.store.openDemo();
    await laptop.store.saveValueFields(DEMO_ASSESSMENT_ID, 'EC-ICT-ICT-1C', '_', { numerator: 130_000 });
    await trust(office, laptop);
    const opened = await exportFrom(laptop);

    const preview = await previewImport(office.db, opened);
    expect(preview).toMatchObject({ signerKnown: true, alreadyImported: false, newConflicts: [] });
    expect(preview.newRevisionCount).toBe(await laptop.db.revisions.count());
    expect(preview.cities).toEqual([{ cityId: 'demo-city-lake-amara', name: 'Lake Amara' }]);

    const result = await applyBundle(office.db, opened);
    expect(result).toEqual({ status: 'imported', addedCount: preview.newRevisionCount, knownCount: 0 });
    expect(await listValues(office.db, DEMO_ASSESSMENT_ID)).toEqual(await listValues(laptop.db, DEMO_ASSESSMENT_ID));

    const count = await office.db.revisions.count();
    expect(await applyBundle(office.db, opened)).toEqual({ status: 'already-imported' });
    expect((await previewImport(office.db, opened)).alreadyImported).toBe(true);
    expect(await office.db.revisions.count()).toBe(count);
    expect(await office.db.ledger.count()).toBe(1);
  });

  it('keys the import ledger by the file content: a bundle that reuses another bundle id is still imported', async () => {
    const laptop = await machine('laptop');
    const office = await machine('office');
    await laptop.store.openDemo();
    await trust(office, laptop);
    const sameId = 'a1a2a3a4a5a6a7a8a9aaabacadaeaf00';
    expect((await applyBundle(office.db, await exportFrom(laptop, false, sameId))).status).toBe('imported');
    await laptop.store.saveValueFields(DEMO_ASSESSMENT_ID, 'EC-ICT-ICT-1C', '_', { numerator: 131_000 });
    const second = await exportFrom(laptop, false, sameId);
    expect((await previewImport(office.db, second)).alreadyImported).toBe(false);
    expect(await applyBundle(office.db, second)).toMatchObject({ status: 'imported', addedCount: 1 });
    expect((await office.db.ledger.toArray()).map((row) => row.bundleId)).toEqual([sameId, sameId]);
  });

  it('keeps the attestations of imported bundles, so a relayed export proves who made each edit', async () => {
    const laptop = await machine('laptop');
    const office = await machine('office');
    const other = await machine('other laptop');
    await laptop.store.openDemo();
    const editId = (await laptop.store.saveValueFields(DEMO_ASSESSMENT_ID, 'EC-ICT-ICT-1C', '_', { numerator: 132_000 }))!;
    await trust(office, laptop);
    await applyBundle(office.db, await exportFrom(laptop));
    expect(await office.db.attestations.count()).toBe(1);
    await trust(other, office);
    const relayed = await exportFrom(office);
    expect(relayed.decoded.origins.get(editId)).toMatchObject({ proof: 'attestation', fingerprint: laptop.identity.fingerprint });
    await applyBundle(other.db, relayed);
    const again = await exportFrom(other);
    expect(again.decoded.origins.get(editId)).toMatchObject({ proof: 'attestation', fingerprint: laptop.identity.fingerprint, deviceName: 'laptop' });
  });

  it('holds a bundle from an unknown signer untouched until someone approves it', async () => {
    const laptop = await machine('stranger');
    const office = await machine('office');
    await laptop.store.openDemo();
    const opened = await exportFrom(laptop);
    expect((await previewImport(office.db, opened)).signerKnown).toBe(false);

    expect(await applyBundle(office.db, opened)).toEqual({ status: 'held' });
    expect(await office.db.revisions.count()).toBe(0);
    const [held] = await listHeld(office.db);
    expect(held).toMatchObject({ fileSha256: opened.decoded.fileSha256, signerFingerprint: laptop.identity.fingerprint, signerDeviceName: 'stranger' });
    expect(held).not.toHaveProperty('bytes');
    expect(await heldBundleBytes(office.db, opened.decoded.fileSha256)).toEqual(opened.bytes);

    const reopened: OpenedBundle = { bytes: opened.bytes, decoded: await decodeBundle(await heldBundleBytes(office.db, opened.decoded.fileSha256)) };
    expect(await applyBundle(office.db, reopened, { approveSigner: true })).toMatchObject({ status: 'imported' });
    expect(await listHeld(office.db)).toEqual([]);
    expect(await office.db.signers.get(held!.signerKey)).toMatchObject({ source: 'approved', fingerprint: laptop.identity.fingerprint });
    expect(await office.db.revisions.count()).toBe(await laptop.db.revisions.count());
  });

  it('can drop a held bundle', async () => {
    const laptop = await machine('stranger');
    const office = await machine('office');
    await laptop.store.openDemo();
    const opened = await exportFrom(laptop);
    await applyBundle(office.db, opened);
    await rejectHeld(office.db, opened.decoded.fileSha256);
    expect(await listHeld(office.db)).toEqual([]);
    await expect(heldBundleBytes(office.db, opened.decoded.fileSha256)).rejects.toMatchObject({ code: 'E_NOT_FOUND' });
  });

  it('previews the conflict two laptops create, in either import order, and the office resolves it', async () => {
    const laptopA = await machine('A');
    const laptopB = await machine('B');
    const office = await machine('office');
    for (const laptop of [laptopA, laptopB]) {
      await laptop.store.openDemo();
      await trust(office, laptop);
    }
    await laptopA.store.saveValueFields(DEMO_ASSESSMENT_ID, 'EC-ICT-ICT-1C', '_', { numerator: 111 });
    await laptopB.store.saveValueFields(DEMO_ASSESSMENT_ID, 'EC-ICT-ICT-1C', '_', { numerator: 222, source: 'B survey' });
    const fromA = await exportFrom(laptopA);
    const fromB = await exportFrom(laptopB);

    await applyBundle(office.db, fromA);
    const preview = await previewImport(office.db, fromB);
    expect(preview.newRevisionCount).toBe(1);
    expect(preview.newConflicts).toHaveLength(1);
    expect(preview.newConflicts[0]).toMatchObject({ recordId: HIA, field: 'numerator' });
    expect(preview.newConflicts[0]!.candidates.map((write) => write.value).sort()).toEqual([111, 222]);
    await applyBundle(office.db, fromB);

    const otherOrder = await machine('office-2');
    await trust(otherOrder, laptopA);
    await trust(otherOrder, laptopB);
    await applyBundle(otherOrder.db, fromB);
    await applyBundle(otherOrder.db, fromA);
    await applyBundle(otherOrder.db, fromB);
    expect(await listValues(otherOrder.db, DEMO_ASSESSMENT_ID)).toEqual(await listValues(office.db, DEMO_ASSESSMENT_ID));

    const conflicted = (await listValues(office.db, DEMO_ASSESSMENT_ID)).get(HIA)!;
    expect(conflicted.fields.numerator?.conflict).toBe(true);
    expect(conflicted.fields.source).toMatchObject({ conflict: false, current: { value: 'B survey' } });
    // The demo is a workshop assessment: only its people write to it, so the office resolves as the facilitator.
    expect(await switchParticipant(office.store, DEMO_ASSESSMENT_ID, SAMPLE_WORKSHOP.participants[0]!.id, '2468')).toBe('switched');
    await office.store.resolveConflict(HIA, 'numerator', 222);
    expect((await listValues(office.db, DEMO_ASSESSMENT_ID)).get(HIA)?.fields.numerator).toMatchObject({ conflict: false, current: { value: 222 } });
  });
});

describe('receipts', () => {
  it('marks confirmed revisions delivered, only from a trusted office, once', async () => {
    const laptop = await machine('laptop');
    const office = await machine('office');
    await laptop.store.openDemo();
    await trust(office, laptop);
    const opened = await exportFrom(laptop);
    await applyBundle(office.db, opened);
    const receiptBytes = await encodeReceipt({
      bundleIds: [opened.decoded.manifest.bundleId],
      revisionIds: opened.decoded.revisions.map((revision) => revision.id),
      signer: { id: await office.store.getDeviceId(), name: 'office', publicKey: office.identity.publicKey, privateKey: office.identity.privateKey },
    });
    const receipt = await decodeReceipt(receiptBytes);

    const refused = await markDelivered(laptop.db, receipt).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DataError);
    expect((refused as DataError).code).toBe('E_UNKNOWN_SIGNER');
    expect(await laptop.db.delivered.count()).toBe(0);

    await trust(laptop, office);
    expect(await markDelivered(laptop.db, receipt)).toEqual({ status: 'applied', markedCount: opened.decoded.revisions.length });
    expect(await markDelivered(laptop.db, receipt)).toEqual({ status: 'already-applied' });
    expect(await exportStatus(laptop.db)).toMatchObject({ undeliveredCount: 0, lastReceipt: { receiptId: receipt.receiptId } });

    const nothingNew = await collectExport(laptop.db, { sinceReceipt: true });
    expect(nothingNew).toEqual({ revisions: [], since: receipt.receiptId, attachments: new Map(), attestations: [] });

    const editId = await laptop.store.saveValueFields(DEMO_ASSESSMENT_ID, 'EN-EN-AQ-1C', 'pm10', { directValue: 29.9 });
    const incremental = await collectExport(laptop.db, { sinceReceipt: true });
    expect(incremental.since).toBe(receipt.receiptId);
    // The assessment record comes with both its revisions: the demo's own and the catalogue migration's.
    expect(incremental.revisions.map((revision) => revision.recordId).sort()).toEqual(
      [`assessment:${DEMO_ASSESSMENT_ID}`, `assessment:${DEMO_ASSESSMENT_ID}`, 'city:demo-city-lake-amara', valueRecordId(DEMO_ASSESSMENT_ID, 'EN-EN-AQ-1C', 'pm10')].sort(),
    );
    expect(incremental.revisions.some((revision) => revision.id === editId)).toBe(true);
    expect((await collectExport(laptop.db, { sinceReceipt: false })).revisions).toHaveLength(await laptop.db.revisions.count());
  });
});

describe('receipts only from the office', () => {
  it('refuses a receipt from a trusted peer laptop, and one that confirms none of the revisions held here, marking nothing', async () => {
    const laptop = await machine('laptop');
    const peer = await machine('peer laptop');
    await laptop.store.openDemo();
    const ids = (await laptop.db.revisions.toArray()).map((revision) => revision.id);
    // Laptop-to-laptop exchange: the peer is trusted for its bundles (approved on import), not as the office.
    await trustSigner(laptop.db, { publicKey: peer.identity.publicKey, label: peer.name, source: 'approved' });
    const receiptFrom = async (signer: Machine, revisionIds: readonly string[]) =>
      decodeReceipt(
        await encodeReceipt({
          bundleIds: ['c'.repeat(32)],
          revisionIds,
          signer: { id: await signer.store.getDeviceId(), name: signer.name, publicKey: signer.identity.publicKey, privateKey: signer.identity.privateKey },
        }),
      );
    const fromPeer = await markDelivered(laptop.db, await receiptFrom(peer, ids)).catch((error: unknown) => error);
    expect(fromPeer).toBeInstanceOf(DataError);
    expect((fromPeer as DataError).code).toBe('E_RECEIPT_NOT_OFFICE');

    const office = await machine('office');
    await trust(laptop, office);
    const forAnotherLaptop = await markDelivered(laptop.db, await receiptFrom(office, ['d'.repeat(64)])).catch((error: unknown) => error);
    expect((forAnotherLaptop as DataError).code).toBe('E_RECEIPT_NOT_OURS');
    expect(await laptop.db.delivered.count()).toBe(0);
    expect(await laptop.db.receipts.count()).toBe(0);
    expect(await markDelivered(laptop.db, await receiptFrom(office, ids))).toEqual({ status: 'applied', markedCount: ids.length });
  });
});

describe('import atomicity (fake-indexeddb; the real-Chromium run is in e2e)', () => {
  it.each(['revisions', 'ledger', 'attestations', 'held', 'meta'])('leaves the database unchanged when writing %s fails', async (table) => {
    let failing = false;
    const laptop = await machine('laptop');
    const office = await machine('office', { table, active: () => failing });
    await laptop.store.openDemo();
    await laptop.store.saveValueFields(DEMO_ASSESSMENT_ID, 'EC-ICT-ICT-1C', '_', { numerator: 1 });
    await office.store.getDeviceId();
    await trust(office, laptop);
    const opened = await exportFrom(laptop);
    const before = {
      revisions: await office.db.revisions.count(),
      imports: await office.db.ledger.count(),
      meta: await office.db.meta.toArray(),
    };

    failing = true;
    await expect(applyBundle(office.db, opened)).rejects.toThrow(/injected failure/);
    failing = false;

    expect(await office.db.revisions.count()).toBe(before.revisions);
    expect(await office.db.ledger.count()).toBe(before.imports);
    expect(await office.db.meta.toArray()).toEqual(before.meta);
    expect(await applyBundle(office.db, opened)).toMatchObject({ status: 'imported' });
  });
});
