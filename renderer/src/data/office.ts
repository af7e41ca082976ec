/** Reads for the central office's view: one KPI of every assessment from the kept states, or every value from the revisions. */
import { deriveRecords } from '../../../core/revisions/derive.ts';
import { parseRecordId } from '../../../core/revisions/record-id.ts';
import type { Revision } from '../../../core/revisions/types.ts';
import { Dexie } from 'dexie';
import type { CityKpiDb } from './db.ts';
import type { ValueView } from './types.ts';
import { valueViewOf } from './value-states.ts';

export type ValuesByAssessment = ReadonlyMap<string, ReadonlyMap<string, ValueView>>;

function byAssessment(rows: readonly { readonly assessmentId: string; readonly view: ValueView }[]): ValuesByAssessment {
  const grouped = new Map<string, Map<string, ValueView>>();
  for (const { assessmentId, view } of rows) {
    const views = grouped.get(assessmentId) ?? new Map<string, ValueView>();
    views.set(view.recordId, view);
    grouped.set(assessmentId, views);
  }
  return grouped;
}

const VALUE_PREFIX = 'value:';

/**
 * Value records are nearly all of an office's revisions, so one scan of the table in key order beats the
 * `recordId` index, whose range read fetches each row by a random lookup (about 1.6 s against 2.6 s for
 * 62,000 revisions in Chromium). The kept states are not read here: each field's state repeats its
 * writer's id, author, device and clock, so they are larger than the revisions, and a record written
 * once (most at an office) derives straight from its one revision.
 */
function valueRevisions(db: CityKpiDb): Promise<Revision[]> {
  return db.transaction('r', db.revisions, async () => (await db.revisions.toArray()).filter((revision) => revision.recordId.startsWith(VALUE_PREFIX)));
}

/**
 * The data points of every assessment stored here, by assessment id, each keyed by record id. An
 * explicit transaction keeps the rows out of Dexie's live-query cache, which would deep-clone them all.
 */
export async function listAllValues(db: CityKpiDb): Promise<ValuesByAssessment> {
  return byAssessment(
    deriveRecords(await valueRevisions(db)).flatMap((state) => {
      const ref = parseRecordId(state.recordId);
      return ref?.kind === 'kpiValue' ? [{ assessmentId: ref.assessmentId, view: { recordId: state.recordId, kpiId: ref.kpiId, pointId: ref.pointId, fields: state.fields, heads: state.heads } }] : [];
    }),
  );
}

/**
 * The data points of the given KPIs only, in every assessment: a comparison of one KPI reads one row per
 * assessment. One range of the primary key per KPI: `anyOf` walks a cursor that seeks once per row (4,000
 * requests for two KPIs of 2,000 assessments, against two), and an index read looks each row up apart.
 */
export async function listKpiValues(db: CityKpiDb, kpiIds: readonly string[]): Promise<ValuesByAssessment> {
  const rows = await db.transaction('r', db.valueStates, () => Promise.all([...new Set(kpiIds)].map((kpiId) => db.valueStates.where('[kpiId+recordId]').between([kpiId, Dexie.minKey], [kpiId, Dexie.maxKey]).toArray())));
  return byAssessment(rows.flat().map((row) => ({ assessmentId: row.assessmentId, view: valueViewOf(row) })));
}
