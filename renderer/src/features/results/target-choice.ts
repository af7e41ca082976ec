/** Which target set this laptop scores against: a display preference, so it stays on the laptop. */
import { useCallback, useSyncExternalStore } from 'react';

const STORAGE_KEY = 'citykpi.targetSet';
const listeners = new Set<() => void>();
/** The choice of this session, for when storage is refused. */
let sessionChoice: string | null = null;

function read(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY) ?? sessionChoice;
  } catch {
    return sessionChoice;
  }
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The chosen target set id (null: the first offered), and a way to choose another. */
export function useTargetSetChoice(): readonly [string | null, (targetSetId: string) => void] {
  const chosen = useSyncExternalStore(subscribe, read, read);
  const choose = useCallback((targetSetId: string) => {
    sessionChoice = targetSetId;
    try {
      window.localStorage.setItem(STORAGE_KEY, targetSetId);
    } catch {
      // Storage refused: the choice holds for this session.
    }
    for (const listener of listeners) listener();
  }, []);
  return [chosen, choose] as const;
}
