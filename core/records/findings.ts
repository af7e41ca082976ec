/**
 * What the record rules report, and the shape of a rule. A finding names the record, the field and a
 * reason code; the UI translates the code (`records:reasons.<code>`), the CLI prints it as is.
 */
import type { RecordState } from '../revisions/derive.ts';
import type { RecordRef } from '../revisions/record-id.ts';
import type { FieldMap } from '../revisions/types.ts';

export const RECORD_FINDING_REASONS = [
  /** The record id names no known kind of record. */
  'invalidRecordId',
  /** A revision that sets nothing. */
  'noFields',
  /** A field this kind of record does not have. */
  'unknownField',
  /** A value the field does not accept (where no more precise reason is known). */
  'invalidValue',
  'notText',
  'textTooLong',
  /** Anything but a finite number where a number belongs, e.g. the string "12". */
  'notANumber',
  'negative',
  'notAYear',
  /** Not one of the closed list of values (`params.options`, comma-separated). */
  'notAChoice',
  'notAFlag',
  /** Not usable as an id: `A–Z a–z 0–9 _ . -`, 1 to 100 characters. */
  'notAnId',
  'unknownCatalogue',
  /** The KPI or data point is not in the assessment's catalogue. */
  'unknownDataPoint',
  'evidenceMalformed',
  /** A file name with folders, control or bidirectional-override characters. */
  'evidenceName',
  /** A media type outside the allow-list, or one its name's extension does not stand for. */
  'evidenceType',
  'evidenceSize',
  'evidenceTooMany',
  /** The attached bytes are not the size the record declares. */
  'evidenceSizeMismatch',
  /** The attached bytes do not begin the way the declared type does. */
  'evidenceContentMismatch',
] as const;
export type RecordFindingReason = (typeof RECORD_FINDING_REASONS)[number];

export type FindingParams = Readonly<Record<string, string | number>>;

/** One field-level problem a rule found in a revision. */
export interface RuleProblem {
  /** null when the problem is the record itself (e.g. a KPI the catalogue does not have). */
  readonly field: string | null;
  readonly reason: RecordFindingReason;
  readonly params?: FindingParams;
}

export interface RecordFinding extends RuleProblem {
  readonly recordId: string;
  /** null for a write that has no revision id yet. */
  readonly revisionId: string | null;
}

/** What a rule sees of a revision: its content, and its id once it has one. */
export interface RevisionUnderCheck {
  readonly id?: string;
  readonly recordId: string;
  readonly fields: FieldMap;
  readonly author: string;
  readonly deviceId: string;
}

/**
 * Other records as the writer knows them (its store plus what it is writing). Rules must not depend on
 * anything else, so a revision is judged the same by the screens, an import, the CLI and a server.
 */
export interface RuleContext {
  stateOf(recordId: string): RecordState | undefined;
}

export interface RecordRule {
  /** For logs and tests. */
  readonly name: string;
  /**
   * The record ids whose state `check` reads through the context. Callers that read a database
   * asynchronously load these first; rules themselves stay synchronous and pure.
   */
  readonly reads?: (revision: RevisionUnderCheck, ref: RecordRef) => readonly string[];
  readonly check: (revision: RevisionUnderCheck, ref: RecordRef, context: RuleContext) => readonly RuleProblem[];
}
