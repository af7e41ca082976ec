/**
 * The workshop rule (core/workshop/rules.ts) on revisions about to be merged at the office, read from
 * and run inside the ingest's transaction, as the desktop import runs it inside its own: who may
 * change what during a workshop. A bundle with any refused revision is refused whole.
 */
import { WORKSHOP_RECORD_KINDS, parseRecordId, workshopRecordPrefix } from '../../core/revisions/record-id.ts';
import type { Revision } from '../../core/revisions/types.ts';
import { assessmentsJudged, checkWorkshopRevisions, valueRecordsJudged } from '../../core/workshop/rules.ts';
import { InputError } from '../io.ts';
import type { PoolClient } from './database.ts';

async function revisionsWhere(client: PoolClient, condition: string, values: readonly string[]): Promise<Revision[]> {
  const { rows } = await client.query<{ canonical: string }>(`SELECT canonical FROM revisions WHERE ${condition}`, [values]);
  return rows.map((row) => JSON.parse(row.canonical) as Revision);
}

export async function guardWorkshopRules(client: PoolClient, fresh: readonly Revision[]): Promise<void> {
  const assessmentIds = assessmentsJudged(fresh);
  if (assessmentIds.length === 0) return;
  const prefixes = assessmentIds.flatMap((assessmentId) => WORKSHOP_RECORD_KINDS.map((kind) => workshopRecordPrefix(kind, assessmentId)));
  const workshop = await revisionsWhere(client, 'EXISTS (SELECT 1 FROM unnest($1::text[]) AS p (prefix) WHERE starts_with(record_id, p.prefix))', prefixes);
  const inWorkshop = new Set(assessmentsJudged([...workshop, ...fresh.filter((revision) => parseRecordId(revision.recordId)?.kind !== 'kpiValue')]));
  const judged = fresh.filter((revision) => {
    const ref = parseRecordId(revision.recordId);
    return ref !== null && 'assessmentId' in ref && inWorkshop.has(ref.assessmentId);
  });
  if (judged.length === 0) return;
  const valueRecords = valueRecordsJudged(judged);
  const values = valueRecords.length === 0 ? [] : await revisionsWhere(client, 'record_id = ANY ($1::text[])', valueRecords);
  const violations = checkWorkshopRevisions(judged, [...workshop, ...values]);
  const first = violations[0];
  if (first) {
    throw new InputError(
      'E_WORKSHOP_RULE',
      `${violations.length} change(s) break the workshop rules, first ${first.code} by ${JSON.stringify(first.author)} on ${first.recordId}`,
    );
  }
}
