/**
 * `<city>-<year>-<laptop name>-<date>.citykpi`: what a facilitator recognises in a Downloads folder or
 * on a USB stick. City names keep their own script (file systems take Unicode); separators and
 * anything a file system could mind become dashes.
 */
import { currentValue, deriveRecords } from '../../../../core/revisions/derive.ts';
import { parseRecordId } from '../../../../core/revisions/record-id.ts';
import type { Revision } from '../../../../core/revisions/types.ts';

const MAX_PART = 40;

export function slug(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .toLocaleLowerCase()
    .slice(0, MAX_PART);
}

/** The city and year of every assessment the revisions touch, sorted; the names as the revisions leave them. */
export function assessmentsIn(revisions: readonly Revision[]): { readonly city: string; readonly year: number | null }[] {
  const states = deriveRecords(revisions);
  const cityNames = new Map<string, string>();
  for (const state of states) {
    const ref = parseRecordId(state.recordId);
    const name = currentValue(state, 'name');
    if (ref?.kind === 'city' && typeof name === 'string') cityNames.set(ref.cityId, name);
  }
  const found: { city: string; year: number | null }[] = [];
  for (const state of states) {
    if (parseRecordId(state.recordId)?.kind !== 'assessment') continue;
    const cityId = currentValue(state, 'cityId');
    const year = currentValue(state, 'year');
    found.push({ city: typeof cityId === 'string' ? (cityNames.get(cityId) ?? '') : '', year: typeof year === 'number' ? year : null });
  }
  return found.sort((a, b) => a.city.localeCompare(b.city) || (a.year ?? 0) - (b.year ?? 0));
}

function stamp(now: Date): string {
  const two = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}-${two(now.getHours())}${two(now.getMinutes())}`;
}

/** Several assessments: the first one names the file and `+N` says how many more it holds. */
export function exportFileStem(revisions: readonly Revision[], laptopName: string, now = new Date()): string {
  const assessments = assessmentsIn(revisions);
  const first = assessments[0];
  const parts = [
    first ? slug(first.city) : '',
    `${first?.year ?? ''}${assessments.length > 1 ? `+${assessments.length - 1}` : ''}`,
    slug(laptopName),
    stamp(now),
  ];
  return parts.filter((part) => part !== '').join('-');
}
