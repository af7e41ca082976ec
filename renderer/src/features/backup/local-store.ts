/** localStorage, or a store that keeps nothing when the browser refuses access (private modes, policies). */
const NOTHING_KEPT: Pick<Storage, 'getItem' | 'setItem'> = {
  getItem: () => null,
  setItem: () => undefined,
};

export function localStore(): Pick<Storage, 'getItem' | 'setItem'> {
  try {
    return window.localStorage ?? NOTHING_KEPT;
  } catch {
    return NOTHING_KEPT;
  }
}
