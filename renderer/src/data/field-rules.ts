/**
 * The data layer's side of core's record rules (core/records): the same rules an import and the CLI
 * apply, so every revision written here is one a bundle may carry. A refused write is a DataError
 * E_INVALID that carries the findings, and nothing is stored.
 */
import { checkRevision, checkRevisions, findingSummary, type RecordFinding, type RevisionUnderCheck, type RuleContext } from '../../../core/records/index.ts';
import type { FieldMap } from '../../../core/revisions/types.ts';
import { DataError } from './errors.ts';

export function refuseFindings(findings: readonly RecordFinding[]): void {
  if (findings.length > 0) throw new DataError('E_INVALID', findingSummary(findings[0]!), { findings });
}

/** Who is writing, as the rules see it. */
export interface Writer {
  readonly author: string;
  readonly deviceId: string;
}

const ANONYMOUS: Writer = { author: '', deviceId: '' };

/**
 * Checks the fields a caller asked to write to a record, before anything is read or built. Rules about
 * who writes see the real author again when the revision is built (checkWrites).
 */
export function checkFields(recordId: string, fields: FieldMap, writer: Writer = ANONYMOUS, context?: RuleContext): FieldMap {
  refuseFindings(checkRevision({ recordId, fields, ...writer }, context ? { context } : {}));
  return { ...fields };
}

/** Checks revisions about to be written (every write path ends here). */
export function checkWrites(revisions: readonly RevisionUnderCheck[], context: RuleContext): void {
  refuseFindings(checkRevisions(revisions, { context }));
}
