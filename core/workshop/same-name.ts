/**
 * Names and departments are typed by people: "Water " and "water" are the same, "Água" and "Agua" are
 * not. One collator for every comparison: `localeCompare` with options builds a new one per call, which
 * an import of 100,000 revisions, each checked against the workshop's participants, paid seconds for.
 */
const ACCENT_SENSITIVE = new Intl.Collator(undefined, { sensitivity: 'accent' });

export function sameName(a: string, b: string): boolean {
  return ACCENT_SENSITIVE.compare(a.trim(), b.trim()) === 0;
}
