/**
 * Moves assessments of the first catalogue version to the current one (core/catalogue/migrations.ts plans it).
 * The migration's revisions are the same bytes on every laptop: a fixed author and device, a clock just after
 * their parents', and the planned heads as parents. Two laptops that migrate the same assessment (the demo,
 * whose shared revisions name the first version, above all) therefore write identical revisions, and their
 * union is one migration, not a second edit. It runs at every start and after the demo is opened; with nothing
 * left to migrate it reads only the assessment records. Each assessment moves whole or not at all: if another
 * edit changed one of its records meanwhile, it is left for the next start.
 */
import { planCatalogueMigrations, type MigrationChange } from '../../../core/catalogue/migrations.ts';
import { deriveRecord } from '../../../core/revisions/derive.ts';
import { formatHlc, parseHlc } from '../../../core/revisions/hlc.ts';
import { valueRecordPrefix } from '../../../core/revisions/record-id.ts';
import { createRevision } from '../../../core/revisions/revision-id.ts';
import type { Revision } from '../../../core/revisions/types.ts';
import type { CityKpiDb } from './db.ts';
import { revisionsOfRecord } from './queries.ts';

export const MIGRATION_AUTHOR = 'CityKPI catalogue update';
export const MIGRATION_DEVICE = 'citykpi-catalogue-update';

function sameHeads(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, index) => id === b[index]);
}

/** One millisecond after the latest parent: after what it changes in display order, and equal everywhere. */
function clockAfter(parents: readonly string[], byId: ReadonlyMap<string, Revision>): string {
  const latest = Math.max(0, ...parents.map((id) => parseHlc(byId.get(id)?.hlc ?? '')?.wallMs ?? 0));
  return formatHlc({ wallMs: latest + 1, counter: 0, deviceId: MIGRATION_DEVICE });
}

function revisionFor(change: MigrationChange, byId: ReadonlyMap<string, Revision>): Promise<Revision> {
  return createRevision({
    recordId: change.recordId,
    fields: change.fields,
    author: MIGRATION_AUTHOR,
    deviceId: MIGRATION_DEVICE,
    hlc: clockAfter(change.heads, byId),
    parents: change.heads,
  });
}

/** Resolves to the number of assessments migrated. */
export async function migrateCatalogues(db: CityKpiDb): Promise<number> {
  const assessments = await db.revisions.where('recordId').startsWith('assessment:').toArray();
  const candidates = planCatalogueMigrations(assessments);
  let migrated = 0;
  for (const { assessmentId } of candidates) {
    const revisions = [...assessments, ...(await db.revisions.where('recordId').startsWith(valueRecordPrefix(assessmentId)).toArray())];
    const plan = planCatalogueMigrations(revisions).find((migration) => migration.assessmentId === assessmentId);
    if (!plan) continue;
    const byId = new Map(revisions.map((revision) => [revision.id, revision]));
    const written = await Promise.all(plan.changes.map((change) => revisionFor(change, byId)));
    const committed = await db.transaction('rw', db.revisions, async () => {
      for (const change of plan.changes) {
        if (!sameHeads(deriveRecord(change.recordId, await revisionsOfRecord(db, change.recordId)).heads, change.heads)) return false;
      }
      await db.revisions.bulkPut(written);
      return true;
    });
    if (committed) migrated += 1;
  }
  return migrated;
}
