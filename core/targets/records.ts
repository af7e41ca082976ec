/**
 * Target sets as revision records, so they are edited, merged, carried in bundles and signed like KPI values:
 *   targetSet:<id>                     name, source, catalogueId, example, note, deleted
 *   target:<id>:<kpiId>:<pointId>      target, direction, source, note (target null: removed from the set)
 */
import { DIRECTIONS, type Direction } from '../catalogue/types.ts';
import { currentValue, deriveRecords, type RecordState } from '../revisions/derive.ts';
import { formatRecordId, parseRecordId } from '../revisions/record-id.ts';
import type { FieldMap, FieldValue, Revision } from '../revisions/types.ts';
import type { Target, TargetSet } from './types.ts';

/** The fields one record must get so that stored state becomes the wanted state. */
export interface RecordChange {
  readonly recordId: string;
  readonly fields: FieldMap;
}

export interface TargetConflict {
  readonly recordId: string;
  readonly field: string;
}

export interface StoredTargetSet {
  readonly set: TargetSet;
  /** Fields with competing edits; a target with a conflict in `target` or `direction` is left out of `set`. */
  readonly conflicts: readonly TargetConflict[];
}

export function targetSetRecordId(targetSetId: string): string {
  return formatRecordId({ kind: 'targetSet', targetSetId });
}

export function targetRecordId(targetSetId: string, kpiId: string, pointId: string): string {
  return formatRecordId({ kind: 'target', targetSetId, kpiId, pointId });
}

function text(value: FieldValue | undefined): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function isDirection(value: FieldValue | undefined): value is Direction {
  return typeof value === 'string' && (DIRECTIONS as readonly string[]).includes(value);
}

function conflictsOf(state: RecordState): TargetConflict[] {
  return Object.entries(state.fields)
    .filter(([, field]) => field.conflict)
    .map(([field]) => ({ recordId: state.recordId, field }));
}

function targetOf(state: RecordState, kpiId: string, pointId: string): Target | null {
  const target = currentValue(state, 'target');
  const direction = currentValue(state, 'direction');
  if (typeof target !== 'number' || !Number.isFinite(target) || !isDirection(direction)) return null;
  const source = text(currentValue(state, 'source'));
  const note = text(currentValue(state, 'note'));
  return { kpiId, pointId, target, direction, ...(source ? { source } : {}), ...(note ? { note } : {}) };
}

function compareTargets(a: Target, b: Target): number {
  return a.kpiId < b.kpiId ? -1 : a.kpiId > b.kpiId ? 1 : a.pointId < b.pointId ? -1 : a.pointId > b.pointId ? 1 : 0;
}

/** Every target set the revisions hold and that is not deleted, sorted by id, targets sorted by KPI and point. */
export function targetSetsFromRevisions(revisions: Iterable<Revision>): StoredTargetSet[] {
  const sets = new Map<string, RecordState>();
  const targets = new Map<string, { state: RecordState; kpiId: string; pointId: string }[]>();
  for (const state of deriveRecords(revisions)) {
    const ref = parseRecordId(state.recordId);
    if (ref?.kind === 'targetSet') sets.set(ref.targetSetId, state);
    if (ref?.kind === 'target') {
      const list = targets.get(ref.targetSetId) ?? [];
      list.push({ state, kpiId: ref.kpiId, pointId: ref.pointId });
      targets.set(ref.targetSetId, list);
    }
  }
  const stored: StoredTargetSet[] = [];
  for (const [id, state] of [...sets].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (currentValue(state, 'deleted') === true) continue;
    const members = targets.get(id) ?? [];
    const note = text(currentValue(state, 'note'));
    stored.push({
      set: {
        id,
        name: text(currentValue(state, 'name')) ?? id,
        source: text(currentValue(state, 'source')) ?? '',
        catalogueId: text(currentValue(state, 'catalogueId')) ?? '',
        example: currentValue(state, 'example') === true,
        ...(note ? { note } : {}),
        targets: members
          .map((member) => targetOf(member.state, member.kpiId, member.pointId))
          .filter((target): target is Target => target !== null)
          .sort(compareTargets),
      },
      conflicts: [state, ...members.map((member) => member.state)].flatMap(conflictsOf),
    });
  }
  return stored;
}

function setFields(set: TargetSet): FieldMap {
  return { name: set.name, source: set.source, catalogueId: set.catalogueId, example: set.example, note: set.note ?? null };
}

function targetFields(target: Target | undefined): FieldMap {
  return {
    target: target?.target ?? null,
    direction: target?.direction ?? null,
    source: target?.source ?? null,
    note: target?.note ?? null,
  };
}

function changedOnly(wanted: FieldMap, stored: FieldMap): FieldMap | null {
  const changed = Object.entries(wanted).filter(([field, value]) => !Object.is(stored[field] ?? null, value));
  return changed.length === 0 ? null : Object.fromEntries(changed);
}

/**
 * The record changes that turn `stored` (null for a new set) into `wanted`: only fields that differ, and a
 * removed target gets `target: null`. The caller writes each change as one revision on the record's heads.
 */
export function targetSetChanges(stored: TargetSet | null, wanted: TargetSet): RecordChange[] {
  if (stored && stored.id !== wanted.id) throw new RangeError('a target set can only be changed into itself');
  const changes: RecordChange[] = [];
  const head = changedOnly(setFields(wanted), stored ? setFields(stored) : {});
  if (head) changes.push({ recordId: targetSetRecordId(wanted.id), fields: head });
  const key = (target: Target) => `${target.kpiId}:${target.pointId}`;
  const before = new Map((stored?.targets ?? []).map((target) => [key(target), target]));
  const after = new Map(wanted.targets.map((target) => [key(target), target]));
  for (const keyed of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const wantedTarget = after.get(keyed);
    const storedTarget = before.get(keyed);
    const ref = (wantedTarget ?? storedTarget)!;
    const fields = changedOnly(targetFields(wantedTarget), storedTarget ? targetFields(storedTarget) : {});
    if (fields) changes.push({ recordId: targetRecordId(wanted.id, ref.kpiId, ref.pointId), fields });
  }
  return changes;
}

export function deleteTargetSetChange(targetSetId: string): RecordChange {
  return { recordId: targetSetRecordId(targetSetId), fields: { deleted: true } };
}
