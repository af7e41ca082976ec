/**
 * Current values are a pure function of the *set* of a record's revisions, so every laptop and the
 * central office derive the same state whatever order revisions arrived in.
 *
 * Per field: the candidate writes are the revisions that set the field and that no other revision
 * setting the same field descends from. One candidate (or several with equal values) is the current
 * value; several different values are a conflict, kept whole until someone resolves it.
 */
import type { FieldValue, Revision } from './types.ts';

export interface FieldWrite {
  readonly value: FieldValue;
  readonly revisionId: string;
  readonly author: string;
  readonly deviceId: string;
  readonly hlc: string;
}

export type FieldState =
  | { readonly conflict: false; readonly current: FieldWrite }
  | { readonly conflict: true; readonly candidates: readonly FieldWrite[] };

export interface RecordState {
  readonly recordId: string;
  /** Revisions that no other revision of the record is based on: the parents of the next edit. */
  readonly heads: readonly string[];
  readonly fields: Readonly<Record<string, FieldState>>;
}

/** Newest first by clock, then by id: a display order only, never a winner. */
export function compareWritesNewestFirst(a: FieldWrite, b: FieldWrite): number {
  if (a.hlc !== b.hlc) return a.hlc < b.hlc ? 1 : -1;
  return a.revisionId < b.revisionId ? 1 : a.revisionId > b.revisionId ? -1 : 0;
}

/**
 * The writers of a field that no other writer of it descends from. One walk down from all writers'
 * parents marks every superseded revision: linear in the history, so long offline histories stay cheap.
 */
function latestWriters(writers: readonly Revision[], byId: ReadonlyMap<string, Revision>): Revision[] {
  const superseded = new Set<string>();
  const stack = writers.flatMap((writer) => writer.parents);
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (superseded.has(id)) continue;
    superseded.add(id);
    for (const parent of byId.get(id)?.parents ?? []) stack.push(parent);
  }
  return writers.filter((writer) => !superseded.has(writer.id));
}

function writeOf(revision: Revision, value: FieldValue): FieldWrite {
  return { value, revisionId: revision.id, author: revision.author, deviceId: revision.deviceId, hlc: revision.hlc };
}

function sameValue(a: FieldValue, b: FieldValue): boolean {
  return Object.is(a, b) || (a === 0 && b === 0);
}

export function deriveRecord(recordId: string, revisions: Iterable<Revision>): RecordState {
  const byId = new Map<string, Revision>();
  for (const revision of revisions) if (revision.recordId === recordId) byId.set(revision.id, revision);

  const referenced = new Set<string>();
  for (const revision of byId.values()) for (const parent of revision.parents) referenced.add(parent);
  const heads = [...byId.keys()].filter((id) => !referenced.has(id)).sort();

  const writersByField = new Map<string, Revision[]>();
  for (const revision of byId.values()) {
    for (const field of Object.keys(revision.fields)) {
      const writers = writersByField.get(field) ?? [];
      writers.push(revision);
      writersByField.set(field, writers);
    }
  }

  const fields: Record<string, FieldState> = {};
  for (const [field, writers] of [...writersByField].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const candidates = latestWriters(writers, byId).map((revision) => writeOf(revision, revision.fields[field] ?? null)).sort(compareWritesNewestFirst);
    const first = candidates[0]!;
    fields[field] = candidates.every((write) => sameValue(write.value, first.value))
      ? { conflict: false, current: first }
      : { conflict: true, candidates };
  }
  return { recordId, heads, fields };
}

/**
 * A record written once, as most values at a central office are: its one revision is the head and sets
 * every field. The same state as `deriveRecord` gives, without building its indexes.
 */
function deriveSingle(revision: Revision): RecordState {
  const fields: Record<string, FieldState> = {};
  for (const field of Object.keys(revision.fields).sort()) fields[field] = { conflict: false, current: writeOf(revision, revision.fields[field] ?? null) };
  return { recordId: revision.recordId, heads: [revision.id], fields };
}

/** Groups revisions by record and derives each; records are returned sorted by id. */
export function deriveRecords(revisions: Iterable<Revision>): RecordState[] {
  const byRecord = new Map<string, Revision[]>();
  for (const revision of revisions) {
    const list = byRecord.get(revision.recordId);
    if (list) list.push(revision);
    else byRecord.set(revision.recordId, [revision]);
  }
  return [...byRecord.keys()].sort().map((recordId) => {
    const list = byRecord.get(recordId)!;
    // A revision naming itself as parent cannot hash to its own id; the general path decides such a forgery.
    const only = list.length === 1 && !list[0]!.parents.includes(list[0]!.id) ? list[0]! : undefined;
    return only ? deriveSingle(only) : deriveRecord(recordId, list);
  });
}

/** The current value of a field, or undefined when unset or in conflict. */
export function currentValue(state: RecordState | undefined, field: string): FieldValue | undefined {
  const fieldState = state?.fields[field];
  return fieldState && !fieldState.conflict ? fieldState.current.value : undefined;
}
