/**
 * The unit of storage and of sync. Every edit is one immutable revision; current values are derived.
 * Bundles carry exactly these objects, so any change here is a bundle-format change.
 */

export type FieldValue = string | number | boolean | null;
export type FieldMap = Readonly<Record<string, FieldValue>>;

export interface Revision {
  /** Lower-case hex SHA-256 of the canonical JSON of every other property (see revision-id.ts). */
  readonly id: string;
  /** The record this revision changes, see record-id.ts. */
  readonly recordId: string;
  /** Only the fields this revision sets. */
  readonly fields: FieldMap;
  /** Who made the change (a participant or facilitator name or id). */
  readonly author: string;
  /** The installation that made it. */
  readonly deviceId: string;
  /** Hybrid logical clock, see hlc.ts: for display order only, never to pick a winner. */
  readonly hlc: string;
  /** Ids of the record's head revisions this one was based on, sorted. */
  readonly parents: readonly string[];
}

export type UnsignedRevision = Omit<Revision, 'id'>;
