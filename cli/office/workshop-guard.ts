/**
 * The workshop rule on revisions about to be merged at the office, read from and run inside the
 * ingest's transaction with the same core code the desktop import runs inside its own: who may change
 * what during a workshop. A bundle with any refused revision is refused whole.
 */
import type { Revision } from '../../core/revisions/types.ts';
import { judgeWorkshopRevisions } from '../../core/workshop/judge.ts';
import { InputError } from '../io.ts';
import type { PoolClient } from './database.ts';

async function revisionsWhere(client: PoolClient, condition: string, values: readonly string[]): Promise<Revision[]> {
  const { rows } = await client.query<{ canonical: string }>(`SELECT canonical FROM revisions WHERE ${condition}`, [values]);
  return rows.map((row) => JSON.parse(row.canonical) as Revision);
}

export async function guardWorkshopRules(client: PoolClient, fresh: readonly Revision[]): Promise<void> {
  const violations = await judgeWorkshopRevisions(fresh, {
    withRecordPrefixes: (prefixes) =>
      revisionsWhere(client, 'EXISTS (SELECT 1 FROM unnest($1::text[]) AS p (prefix) WHERE starts_with(record_id, p.prefix))', prefixes),
    ofRecords: (recordIds) => revisionsWhere(client, 'record_id = ANY ($1::text[])', recordIds),
  });
  const first = violations[0];
  if (first) {
    throw new InputError(
      'E_WORKSHOP_RULE',
      `${violations.length} change(s) break the workshop rules, first ${first.code} by ${JSON.stringify(first.author)} on ${first.recordId}`,
    );
  }
}
