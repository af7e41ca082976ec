/**
 * Backups that outgrow one file: 5,000 evidence files in one backup, and a backup split into a bundle
 * set that restores whole into an empty database, one file after another.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeBundle, type BundleSigner } from '../../core/bundle/index.ts';
import { sha256, toHex } from '../../core/crypto/bytes.ts';
import type { BackupRequest } from '../../electron/contract/bridge.ts';
import { writeFullBackup } from '../../renderer/src/data/backup.ts';
import { createDb, type CityKpiDb } from '../../renderer/src/data/db.ts';
import { applyBundle } from '../../renderer/src/data/sync.ts';
import { manyAttachments, signerFromSeed } from '../fixtures/bundles/helpers.ts';

// fake-indexeddb stores and reads thousands of rows slowly on a shared CPU.
vi.setConfig({ testTimeout: 60_000 });

const opened: CityKpiDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

function freshDb(): CityKpiDb {
  const db = createDb(`evidence-${Math.random().toString(36).slice(2)}`);
  opened.push(db);
  return db;
}

async function laptopWithEvidence(device: BundleSigner, count: number, bytesEach: number): Promise<{ db: CityKpiDb; hashes: string[] }> {
  const db = freshDb();
  await db.meta.put({ key: 'deviceId', value: device.id });
  const { revisions, files } = await manyAttachments(device.id, count, bytesEach);
  const rows = await Promise.all(
    files.map(async (bytes, index) => ({ sha256: toHex(await sha256(bytes)), bytes, size: bytes.length, type: 'text/plain', name: `survey-${index}.txt`, addedAtMs: 1 })),
  );
  await db.revisions.bulkAdd(revisions);
  await db.attachments.bulkAdd(rows);
  return { db, hashes: rows.map((row) => row.sha256).sort() };
}

async function backUp(db: CityKpiDb, device: BundleSigner, volumeBytes?: number): Promise<BackupRequest[]> {
  const written: BackupRequest[] = [];
  const outcome = await writeFullBackup(db, {
    signer: async () => device,
    recipients: () => [],
    writeBackup: async (request) => {
      written.push(request);
      return { ok: true, value: { name: `auto-${written.length}.citykpi` } };
    },
    ...(volumeBytes ? { volumeBytes } : {}),
  });
  expect(outcome).toMatchObject({ kind: 'written', name: 'auto-1.citykpi' });
  return written;
}

async function restore(requests: readonly BackupRequest[]): Promise<CityKpiDb> {
  const db = freshDb();
  for (const { bytes } of requests) {
    expect(await applyBundle(db, { bytes, decoded: await decodeBundle(bytes) }, { approveSigner: true })).toMatchObject({ status: 'imported' });
  }
  return db;
}

describe('backups with many evidence files', () => {
  it('backs up 5,000 attachments in one file and restores every one', async () => {
    const device = await signerFromSeed(71);
    const { db, hashes } = await laptopWithEvidence(device, 5_000, 0);
    const written = await backUp(db, device);
    expect(written).toHaveLength(1);
    expect(written[0]!.volume).toBeUndefined();
    const restored = await restore(written);
    expect((await restored.attachments.toCollection().primaryKeys()).sort()).toEqual(hashes);
    expect(await restored.revisions.count()).toBe(await db.revisions.count());
    // Each row holds its own bytes, not a view of the whole backup file it came from.
    const row = await restored.attachments.get(hashes[0]!);
    expect(row!.bytes.buffer.byteLength).toBe(row!.size);
  });

  it('splits a backup past the size cap into a set whose files restore it whole, in order', async () => {
    // The cap stands in for the real one (128 MiB of evidence per file): same code path, kilobytes of data.
    const device = await signerFromSeed(72);
    const { db, hashes } = await laptopWithEvidence(device, 120, 1_000);
    const written = await backUp(db, device, 16 * 1024);
    expect(written.length).toBeGreaterThan(5);
    const setId = written[0]!.volume!.setId;
    expect(written.map((request) => request.volume)).toEqual(written.map((_, index) => ({ setId, index: index + 1, count: written.length })));
    const firstOnly = await restore(written.slice(0, 1));
    expect(await firstOnly.revisions.count()).toBe(await db.revisions.count());
    const restored = await restore(written);
    expect((await restored.attachments.toCollection().primaryKeys()).sort()).toEqual(hashes);
  });
});
