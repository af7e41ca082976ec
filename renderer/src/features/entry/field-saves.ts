import { useState, useSyncExternalStore } from 'react';
import { DataError, type DataErrorCode } from '../../data/index.ts';

/** What a successful write did: a plain save, or a conflict resolved by choosing or typing a value. */
export type SaveOutcome = 'saved' | 'resolved';

export type FieldSave =
  | { readonly kind: 'saving' }
  | { readonly kind: 'saved'; readonly outcome: SaveOutcome; readonly count: number }
  /** The database refused or failed the write: nothing was stored. */
  | { readonly kind: 'failed'; readonly code: DataErrorCode | null }
  /** The text typed cannot be stored as it is (not a number, out of range): it stays in the field. */
  | { readonly kind: 'refused' };

/**
 * The save state of each field of one data point, shown next to the field. "Saved" only once the data
 * layer's promise resolved, i.e. after the revision committed. A store outside React state: a change
 * re-renders the one status beside its field (useFieldSave), not the whole form, so a keystroke's save
 * does not wait behind a render of every field.
 */
export interface FieldSaves {
  stateOf(field: string): FieldSave | undefined;
  subscribe(listener: () => void): () => void;
  track(field: string, write: Promise<unknown>, outcome: SaveOutcome): Promise<boolean>;
  refused(field: string, isRefused: boolean): void;
}

function createFieldSaves(): FieldSaves {
  let states: ReadonlyMap<string, FieldSave> = new Map();
  const listeners = new Set<() => void>();
  const set = (field: string, next: (current: FieldSave | undefined) => FieldSave | undefined) => {
    const current = states.get(field);
    const value = next(current);
    if (value === current) return;
    const updated = new Map(states);
    if (value === undefined) updated.delete(field);
    else updated.set(field, value);
    states = updated;
    for (const listener of listeners) listener();
  };
  return {
    stateOf: (field) => states.get(field),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async track(field, write, outcome) {
      set(field, () => ({ kind: 'saving' }));
      try {
        await write;
        set(field, (current) => ({ kind: 'saved', outcome, count: current?.kind === 'saved' ? current.count + 1 : 1 }));
        return true;
      } catch (error) {
        console.error('write failed', error);
        set(field, () => ({ kind: 'failed', code: error instanceof DataError ? error.code : null }));
        return false;
      }
    },
    refused: (field, isRefused) => set(field, (current) => (isRefused ? { kind: 'refused' } : current?.kind === 'refused' ? undefined : current)),
  };
}

/** One store per data point form, kept for the form's life. */
export function useFieldSaves(): FieldSaves {
  const [saves] = useState(createFieldSaves);
  return saves;
}

/** The save state of one field, re-rendering only its reader. */
export function useFieldSave(saves: FieldSaves, field: string): FieldSave | undefined {
  return useSyncExternalStore(saves.subscribe, () => saves.stateOf(field));
}
