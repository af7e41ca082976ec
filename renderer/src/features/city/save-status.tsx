import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

export type SaveState = 'idle' | 'saving' | 'saved' | 'error';

/**
 * Tracks the saves a screen starts. "Saved" appears only once every pending write has resolved, so
 * the status never claims more than the database has acknowledged.
 */
export function useSaveTracker(): { readonly state: SaveState; readonly track: (save: Promise<unknown>) => Promise<boolean> } {
  const [state, setState] = useState<SaveState>('idle');
  const pending = useRef(0);
  const failed = useRef(false);
  const track = useCallback(async (save: Promise<unknown>) => {
    pending.current += 1;
    setState('saving');
    let ok = true;
    try {
      await save;
    } catch {
      ok = false;
      failed.current = true;
    }
    pending.current -= 1;
    if (pending.current === 0) {
      setState(failed.current ? 'error' : 'saved');
      failed.current = false;
    }
    return ok;
  }, []);
  return { state, track };
}

/** A live region: screen readers hear "Saving…", then "All changes saved" or the failure. */
export function SaveStatus({ state }: { readonly state: SaveState }) {
  const { t } = useTranslation('common');
  return (
    <output className="save-status" data-state={state}>
      {state === 'idle' ? '' : t(`save.${state}`)}
    </output>
  );
}
