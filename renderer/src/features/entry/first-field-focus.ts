/**
 * Choosing a KPI in the tree or with next/previous moves focus to its first field; opening one from an
 * address (a reload, a bookmark) does not. The request is taken once by the entry form that mounts next.
 */
let requested = false;

export function requestFirstFieldFocus(): void {
  requested = true;
}

export function takeFirstFieldFocusRequest(): boolean {
  const taken = requested;
  requested = false;
  return taken;
}

/** The first thing a participant fills in: a number, a text, or a choice. */
export const FIRST_FIELD_SELECTOR = '.entry-point input:not([type="hidden"]), .entry-point textarea, .entry-point button';
