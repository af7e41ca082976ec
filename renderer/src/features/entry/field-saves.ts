import { startTransition, useCallback, useState } from 'react';
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
 * layer's promise resolved, i.e. after the revision committed.
 */
export function useFieldSaves() {
  const [states, setStates] = useState<ReadonlyMap<string, FieldSave>>(new Map());
  const set = useCallback((field: string, next: (current: FieldSave | undefined) => FieldSave | undefined) => {
    setStates((current) => {
      const updated = new Map(current);
      const value = next(current.get(field));
      if (value === undefined) updated.delete(field);
      else updated.set(field, value);
      return updated;
    });
  }, []);

  const track = useCallback(
    async (field: string, write: Promise<unknown>, outcome: SaveOutcome): Promise<boolean> => {
      // A transition: the form re-renders for "saving" between other work, after the save has reached the database.
      startTransition(() => set(field, () => ({ kind: 'saving' })));
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
    [set],
  );

  const refused = useCallback(
    (field: string, isRefused: boolean) => set(field, (current) => (isRefused ? { kind: 'refused' } : current?.kind === 'refused' ? undefined : current)),
    [set],
  );

  return { stateOf: (field: string) => states.get(field), track, refused };
}
