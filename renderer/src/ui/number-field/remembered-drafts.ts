/**
 * Text a participant typed that could not be stored (`45%` in a count, a year of 202), kept in memory
 * while the app runs, by field. Coming back to the field shows it again with its error instead of the
 * old stored value, until it is corrected or cancelled with Escape.
 */
export interface RememberedDraft {
  readonly text: string;
  readonly problem: unknown;
}

const drafts = new Map<string, RememberedDraft>();

export function rememberedDraft(key: string): RememberedDraft | undefined {
  return drafts.get(key);
}

export function rememberDraft(key: string, draft: RememberedDraft): void {
  drafts.set(key, draft);
}

export function forgetDraft(key: string): void {
  drafts.delete(key);
}
