/**
 * The text and fonts of a PDF, read with poppler's pdftotext and pdffonts (Debian poppler-utils, which
 * .ci/run installs): Chromium's PDFs compress their text streams and encode glyphs through subset fonts,
 * so a byte search would not find the words a reader sees.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';

function scratchPdf(bytes: Uint8Array): string {
  const path = join(inject('scratchDir'), `report-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(path, bytes);
  return path;
}

/** The text in reading order, with runs of white space (line breaks inside table cells) made single spaces. */
export function pdfText(bytes: Uint8Array): string {
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', scratchPdf(bytes), '-'], { encoding: 'utf8' });
  return text.normalize('NFC').replace(/\s+/g, ' ');
}

/** The names of the fonts the PDF embeds, e.g. `ABCDEF+NotoSansSC-Regular`. */
export function pdfFonts(bytes: Uint8Array): string[] {
  const listing = execFileSync('pdffonts', [scratchPdf(bytes)], { encoding: 'utf8' });
  return listing
    .split('\n')
    .slice(2)
    .map((line) => line.split(/\s+/)[0] ?? '')
    .filter((name) => name !== '');
}
