/**
 * Text from a bundle (device names, authors, sources, notes) is written for people on a terminal.
 * Control characters could move the cursor or rewrite earlier lines, and bidi or invisible characters
 * could make one name read as another. Every such character is shown as a visible escape instead:
 * `\t`, `\r`, `\n`, or `\u{…}`; a backslash is doubled so the escapes stay unambiguous and each value
 * stays on one line.
 */
import { unsafeCharacterPattern } from '../core/text/unsafe-characters.ts';

const UNSAFE_OR_BACKSLASH = new RegExp(`\\\\|${unsafeCharacterPattern().source}`, 'gu');
const SHORT_ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '\t': '\\t', '\r': '\\r', '\n': '\\n' };

export function terminalText(text: string): string {
  return text.replace(UNSAFE_OR_BACKSLASH, (char) => SHORT_ESCAPES[char] ?? `\\u{${char.codePointAt(0)!.toString(16).padStart(4, '0')}}`);
}
