import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { demoRevisions } from '../../core/demo/index.ts';
import { SCHEMA_VERSIONS, createDb } from '../../renderer/src/data/db.ts';
import { listAssessments } from '../../renderer/src/data/queries.ts';

describe('schema migrations', () => {
  it('opens a version 1 database at the latest version with every revision and meta row kept', async () => {
    const name = `migration-${Math.random().toString(36).slice(2)}`;
    const revisions = await demoRevisions();
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_VERSIONS[1]);
    await v1.table('revisions').bulkAdd(revisions);
    await v1.table('meta').bulkAdd([
      { key: 'deviceId', value: 'device-from-v1' },
      { key: 'clock', value: '001736931600000-0040-device-from-v1' },
    ]);
    v1.close();

    const db = createDb(name);
    await db.open();
    expect(db.verno).toBe(Math.max(...Object.keys(SCHEMA_VERSIONS).map(Number)));
    expect(await db.revisions.count()).toBe(revisions.length);
    expect(await db.revisions.where('recordId').startsWith('value:').count()).toBe(revisions.length - 2);
    expect(await db.meta.get('deviceId')).toEqual({ key: 'deviceId', value: 'device-from-v1' });
    expect((await listAssessments(db)).map((view) => view.demo)).toEqual([true]);
    for (const table of [db.imports, db.held, db.delivered, db.receipts, db.signers, db.identity]) expect(await table.count()).toBe(0);
    await db.delivered.add({ revisionId: revisions[0]!.id, receiptId: 'r1' });
    expect(await db.delivered.where('receiptId').equals('r1').count()).toBe(1);
    db.close();
  });

  it('declares every version it has ever shipped, each with the full schema', () => {
    const versions = Object.keys(SCHEMA_VERSIONS).map(Number);
    expect(versions).toEqual(versions.map((_, index) => index + 1));
    for (const [version, stores] of Object.entries(SCHEMA_VERSIONS)) {
      expect(stores.revisions, `v${version}`).toBe('id, recordId, hlc');
      expect(stores.meta, `v${version}`).toBe('key');
    }
  });
});
