import { afterEach, describe, expect, it, vi } from 'vitest';
import { Dexie } from 'dexie';
import { decodeBundle, type BundleSigner } from '../../core/bundle/index.ts';
import { deviceIdentityFromSeed } from '../../core/crypto/device-identity.ts';
import { generateOfficeKeyPair } from '../../core/crypto/office-keys.ts';
import { DEMO_ASSESSMENT_ID } from '../../core/demo/index.ts';
import type { BackupRequest, BridgeResult } from '../../electron/contract/bridge.ts';
import { writeFullBackup, type BackupDependencies } from '../../renderer/src/data/backup.ts';
import { createDb, type CityKpiDb } from '../../renderer/src/data/db.ts';
import { checkStoredData, readSentinel, recordSentinel, watchConnection } from '../../renderer/src/data/storage-health.ts';
import { createDataStore } from '../../renderer/src/data/store.ts';

const opened: CityKpiDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

function freshDb(name = `backup-${Math.random().toString(36).slice(2)}`): CityKpiDb {
  const db = createDb(name);
  opened.push(db);
  return db;
}

async function signer(): Promise<BundleSigner> {
  const identity = await deviceIdentityFromSeed(new Uint8Array(32).fill(7));
  return { id: 'laptop-7', name: 'Laptop 7', publicKey: identity.publicKey, privateKey: identity.privateKey };
}

/** A shell that keeps what it was given and answers `result`. */
function shell(result: () => Promise<BridgeResult<{ readonly name: string }>> = async () => ({ ok: true, value: { name: 'auto-1.bak' } })) {
  const written: BackupRequest[] = [];
  const writeBackup = vi.fn(async (request: BackupRequest) => {
    written.push(request);
    return result();
  });
  return { written, writeBackup };
}

function dependencies(writeBackup: BackupDependencies['writeBackup'], recipients: readonly string[] = []): BackupDependencies {
  return { signer, recipients: () => recipients, writeBackup, appVersion: '0.1.0' };
}

async function dbWithEdits(): Promise<CityKpiDb> {
  const db = freshDb();
  // The backup's signer is this installation: its revisions carry the signer's device id.
  await db.meta.put({ key: 'deviceId', value: 'laptop-7' });
  const store = createDataStore(db);
  await store.openDemo();
  await store.saveValueFields(DEMO_ASSESSMENT_ID, 'EC-ICT-ICT-1C', '_', { numerator: 130_000, source: 'Census 2025' });
  return db;
}

const sortedIds = async (db: CityKpiDb) => (await db.revisions.toCollection().primaryKeys()).sort();

describe('writeFullBackup', () => {
  it('hands the shell a signed bundle of every revision, labelled auto', async () => {
    const db = await dbWithEdits();
    const { written, writeBackup } = shell();
    const outcome = await writeFullBackup(db, dependencies(writeBackup));

    const ids = await sortedIds(db);
    expect(outcome).toEqual({ kind: 'written', name: 'auto-1.bak', revisionCount: ids.length, encrypted: false });
    expect(written).toHaveLength(1);
    expect(written[0]!.label).toBe('auto');
    const decoded = await decodeBundle(written[0]!.bytes);
    expect(decoded.envelope).toEqual({ kind: 'none' });
    expect(decoded.revisions.map((revision) => revision.id)).toEqual(ids);
    expect(decoded.revisions).toEqual(await db.revisions.orderBy('id').toArray());
    expect(decoded.signer).toMatchObject({ deviceId: 'laptop-7', deviceName: 'Laptop 7', publicKey: (await signer()).publicKey });
    expect(decoded.manifest.since).toBeNull();
  });

  it('encrypts to the office keys when some are configured', async () => {
    const db = await dbWithEdits();
    const office = await generateOfficeKeyPair();
    const { written, writeBackup } = shell();
    expect(await writeFullBackup(db, dependencies(writeBackup, [office.publicText]))).toMatchObject({ kind: 'written', encrypted: true });
    const bytes = written[0]!.bytes;
    await expect(decodeBundle(bytes)).rejects.toMatchObject({ code: 'E_NOT_FOR_THIS_RECIPIENT' });
    const decoded = await decodeBundle(bytes, { identities: [office.secretText] });
    expect(decoded.revisions.map((revision) => revision.id)).toEqual(await sortedIds(db));
  });

  it('writes nothing for an empty database, so an emptied one can never rotate a real backup away', async () => {
    const { writeBackup } = shell();
    expect(await writeFullBackup(freshDb(), dependencies(writeBackup))).toEqual({ kind: 'empty' });
    expect(writeBackup).not.toHaveBeenCalled();
  });

  it('encodes and writes outside any Dexie transaction', async () => {
    const db = await dbWithEdits();
    const transactions: unknown[] = [];
    const { writeBackup } = shell(async () => {
      transactions.push(Dexie.currentTransaction);
      return { ok: true, value: { name: 'auto-2.bak' } };
    });
    await writeFullBackup(db, dependencies(writeBackup));
    expect(transactions).toEqual([null]);
  });

  it('reports E_UNAVAILABLE (web mode) as unavailable, not as a failure', async () => {
    const db = await dbWithEdits();
    const { writeBackup } = shell(async () => ({ ok: false, code: 'E_UNAVAILABLE' }));
    expect(await writeFullBackup(db, dependencies(writeBackup))).toEqual({ kind: 'unavailable' });
  });

  it('turns every failure into a code and leaves the data untouched', async () => {
    const db = await dbWithEdits();
    const before = await sortedIds(db);
    const refused = shell(async () => ({ ok: false, code: 'E_IO' }));
    expect(await writeFullBackup(db, dependencies(refused.writeBackup))).toEqual({ kind: 'failed', code: 'E_IO' });
    const tooLarge = shell(async () => ({ ok: false, code: 'E_TOO_LARGE' }));
    expect(await writeFullBackup(db, dependencies(tooLarge.writeBackup))).toEqual({ kind: 'failed', code: 'E_TOO_LARGE' });
    const crashed = shell(async () => {
      throw new Error('IPC channel closed');
    });
    expect(await writeFullBackup(db, dependencies(crashed.writeBackup))).toMatchObject({ kind: 'failed', code: 'E_IO' });
    const noKey = shell();
    const lockedKey = { ...dependencies(noKey.writeBackup), signer: () => Promise.reject(new Error('key store locked')) };
    expect(await writeFullBackup(db, lockedKey)).toMatchObject({ kind: 'failed', code: 'E_SIGNER' });
    expect(noKey.writeBackup).not.toHaveBeenCalled();
    expect(await sortedIds(db)).toEqual(before);
  });

  it('reports a database that cannot be read as E_DB', async () => {
    const db = await dbWithEdits();
    db.close({ disableAutoOpen: true });
    const { writeBackup } = shell();
    expect(await writeFullBackup(db, dependencies(writeBackup))).toMatchObject({ kind: 'failed', code: 'E_DB' });
    expect(writeBackup).not.toHaveBeenCalled();
  });
});

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> & { readonly items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value) };
}

describe('storage sentinel', () => {
  it('finds a healthy database healthy, before and after the sentinel is recorded', async () => {
    const db = await dbWithEdits();
    const storage = memoryStorage();
    expect(await checkStoredData(db, storage)).toMatchObject({ status: 'ok' });
    const sentinel = await recordSentinel(db, storage);
    expect(sentinel.revisionCount).toBe(await db.revisions.count());
    expect(await checkStoredData(db, storage)).toMatchObject({ status: 'ok', facts: { databaseId: sentinel.databaseId } });
  });

  it('reports data as missing when the browser recreated the database empty', async () => {
    const name = `wiped-${Math.random().toString(36).slice(2)}`;
    const storage = memoryStorage();
    const db = freshDb(name);
    await createDataStore(db).openDemo();
    const sentinel = await recordSentinel(db, storage);
    await db.delete();

    const reopened = freshDb(name);
    const check = await checkStoredData(reopened, storage);
    expect(check).toEqual({ status: 'missing', expected: sentinel, facts: { databaseId: null, revisionCount: 0 } });
  });

  it('keeps the larger count another window recorded, unless the user accepts the data as it is', async () => {
    const db = await dbWithEdits();
    const storage = memoryStorage();
    const recorded = await recordSentinel(db, storage);
    const key = [...storage.items.keys()][0]!;
    storage.setItem(key, JSON.stringify({ ...recorded, revisionCount: recorded.revisionCount + 5 }));
    expect((await recordSentinel(db, storage)).revisionCount).toBe(recorded.revisionCount + 5);
    expect(await checkStoredData(db, storage)).toMatchObject({ status: 'missing' });
    expect((await recordSentinel(db, storage, { replace: true })).revisionCount).toBe(recorded.revisionCount);
    expect(await checkStoredData(db, storage)).toMatchObject({ status: 'ok' });
  });

  it('reads a malformed sentinel as none', async () => {
    const db = await dbWithEdits();
    const storage = memoryStorage();
    storage.setItem(`citykpi.storageSentinel.${db.name}`, '{not json');
    expect(readSentinel(db, storage)).toBeNull();
    storage.setItem(`citykpi.storageSentinel.${db.name}`, JSON.stringify({ databaseId: 'x', revisionCount: -1, recordedAtMs: 0 }));
    expect(readSentinel(db, storage)).toBeNull();
    expect(await checkStoredData(db, storage)).toMatchObject({ status: 'ok' });
  });
});

function openRaw(name: string, version: number): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, version);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

describe('database connection', () => {
  it('reports versionchange when another window upgrades the database', async () => {
    const db = await dbWithEdits();
    const problems: string[] = [];
    const unwatch = watchConnection(db, (problem) => problems.push(problem));
    const newer = await openRaw(db.name, 1000);
    expect(problems).toEqual(['versionchange']);
    newer.close();
    unwatch();
  });

  it('reports blocked when an older window keeps the database open', async () => {
    const name = `blocked-${Math.random().toString(36).slice(2)}`;
    const older = await openRaw(name, 10);
    const db = freshDb(name);
    const problems: string[] = [];
    watchConnection(db, (problem) => problems.push(problem));
    const opening = db.open();
    await vi.waitFor(() => expect(problems).toEqual(['blocked']));
    older.close();
    await opening;
  });
});
