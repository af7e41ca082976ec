/**
 * File names that arrive from another laptop or a user's disk. A name is kept as the person wrote it
 * (`Rapport: 2024?.pdf` is a fine name to show), minus what can deceive or break: folders, control
 * characters and the bidirectional overrides that make `exe.pdf` read as `fdp.exe`. Only when saving
 * a copy are the characters a file system refuses replaced, so every legitimate name can be saved.
 */

const MAX_NAME_LENGTH = 200;
/** C0 and C1 controls, DEL, and the bidi marks, embeddings, overrides and isolates. */
// oxlint-disable-next-line no-control-regex
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;
/** What Windows refuses in a name (the strictest of the systems a copy may be saved on). */
const RESERVED_CHARACTERS = /[<>:"/\\|?*]/g;
/** Device names Windows reserves whatever the extension. */
const RESERVED_STEMS = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** At most MAX_NAME_LENGTH code points, keeping a short extension. */
function bounded(name: string): string {
  const codePoints = Array.from(name);
  if (codePoints.length <= MAX_NAME_LENGTH) return name;
  const extension = extensionOf(name);
  if (extension.length > 10) return codePoints.slice(0, MAX_NAME_LENGTH).join('');
  return `${codePoints.slice(0, MAX_NAME_LENGTH - extension.length - 1).join('')}.${extension}`;
}

/** A name safe to show and to store: no folders, no control or bidi characters, bounded length. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  return bounded(base.replace(UNSAFE_CHARACTERS, '').trim());
}

/**
 * A name every file system accepts for a saved copy: reserved characters become `_`, trailing dots and
 * spaces go, and a reserved device name gets a leading `_`. Never empty.
 */
export function fileNameForSaving(name: string, fallback = 'evidence'): string {
  const replaced = cleanFileName(name).replace(RESERVED_CHARACTERS, '_').replace(/[. ]+$/u, '');
  if (replaced === '') return fallback;
  const dot = replaced.indexOf('.');
  const stem = dot < 0 ? replaced : replaced.slice(0, dot);
  return RESERVED_STEMS.test(stem) ? `_${replaced}` : replaced;
}
