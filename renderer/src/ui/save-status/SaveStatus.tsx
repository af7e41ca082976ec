import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataError, type DataErrorCode } from '../../data/index.ts';

export type SaveState = 'idle' | 'saving' | 'saved' | 'error';

/**
 * Tracks the saves a screen starts. "Saved" appears only once every pending write has resolved, so
 * the status never claims more than the database has acknowledged.
 */
export interface SaveTracker {
  readonly state: SaveState;
  /** Why the last failed save failed, when the data layer said so. */
  readonly errorCode: DataErrorCode | null;
  readonly track: (save: Promise<unknown>) => Promise<boolean>;
}

export function useSaveTracker(): SaveTracker {
  const [state, setState] = useState<SaveState>('idle');
  const [errorCode, setErrorCode] = useState<DataErrorCode | null>(null);
  const pending = useRef(0);
  const failed = useRef(false);
  const track = useCallback(async (save: Promise<unknown>) => {
    pending.current += 1;
    setState('saving');
    let ok = true;
    try {
      await save;
    } catch (error) {
      ok = false;
      failed.current = true;
      setErrorCode(error instanceof DataError ? error.code : null);
    }
    pending.current -= 1;
    if (pending.current === 0) {
      setState(failed.current ? 'error' : 'saved');
      failed.current = false;
    }
    return ok;
  }, []);
  return { state, errorCode, track };
}

/** A live region: screen readers hear "Saving…", then "All changes saved" or the failure. */
export function SaveStatus({ state, errorCode = null }: { readonly state: SaveState; readonly errorCode?: DataErrorCode | null }) {
  const { t } = useTranslation('common');
  const text = state === 'idle' ? '' : state === 'error' && errorCode ? t(`errors.data.${errorCode}`) : t(`save.${state}`);
  return (
    <output className="save-status" data-state={state}>
      {text}
    </output>
  );
}
