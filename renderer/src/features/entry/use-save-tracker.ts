import { useCallback, useState } from 'react';

/** What a successful write did: a plain save, or a conflict resolved by choosing or typing a value. */
export type SaveOutcome = 'saved' | 'resolved';

export type SaveState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'done'; readonly outcome: SaveOutcome; readonly count: number }
  | { readonly kind: 'failed'; readonly outcome: SaveOutcome };

/**
 * Follows the writes of one screen. Success is only reported once the data layer's promise resolved, i.e.
 * after the revision is committed; a failure replaces it until the next write succeeds.
 */
export function useSaveTracker() {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const track = useCallback(async (write: Promise<unknown>, outcome: SaveOutcome = 'saved'): Promise<boolean> => {
    try {
      await write;
      setState((current) => ({ kind: 'done', outcome, count: current.kind === 'done' ? current.count + 1 : 1 }));
      return true;
    } catch (error) {
      console.error('write failed', error);
      setState({ kind: 'failed', outcome });
      return false;
    }
  }, []);
  return { state, track };
}
