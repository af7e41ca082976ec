/**
 * Characters that must never reach a person unescaped from untrusted text: C0 and C1 controls (a
 * terminal obeys ESC and CSI sequences), and the bidi, invisible and formatting characters that can
 * make one name read as another (right-to-left override, zero-width joiners, isolates, BOM).
 */
const UNSAFE_RANGES = String.raw`\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb`;

/** A fresh global pattern (callers may use it with `replace`). */
export function unsafeCharacterPattern(flags = 'gu'): RegExp {
  return new RegExp(`[${UNSAFE_RANGES}]`, flags);
}

export function hasUnsafeCharacter(text: string): boolean {
  return unsafeCharacterPattern('u').test(text);
}
