import { useCallback, useState } from 'react';

export type SaveState = { readonly kind: 'idle' } | { readonly kind: 'saved'; readonly count: number } | { readonly kind: 'failed' };

/**
 * Follows the saves of one screen. "Saved" is only reported once the data layer's promise resolved, i.e.
 * after the revision is committed; a failure replaces it until the next save succeeds.
 */
export function useSaveTracker() {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const track = useCallback(async (save: Promise<unknown>): Promise<boolean> => {
    try {
      await save;
      setState((current) => ({ kind: 'saved', count: current.kind === 'saved' ? current.count + 1 : 1 }));
      return true;
    } catch (error) {
      console.error('save failed', error);
      setState({ kind: 'failed' });
      return false;
    }
  }, []);
  return { state, track };
}
