/**
 * The hostile corpus carried in by files from unknown origin: a signed bundle whose every text field
 * (city, assessment, values, target sets and targets, and the signer's own name) holds payloads, and a
 * CSV for the spreadsheet import with payloads as sources and notes.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeBundle } from '../../../core/bundle/index.ts';
import { DEFAULT_CATALOGUE_ID, getCatalogue, isMultiPoint, pointsOf, SINGLE_POINT } from '../../../core/catalogue/index.ts';
import { MAX_TEXT_LENGTH } from '../../../core/records/index.ts';
import type { FieldMap, Revision } from '../../../core/revisions/types.ts';
import { edit, signerFromSeed } from '../../fixtures/bundles/helpers.ts';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** What a stored text may be at all: the rest is refused by the record rules wherever it comes from. */
export function storable(value: string): boolean {
  return value.trim().length <= MAX_TEXT_LENGTH && !LONE_SURROGATE.test(value);
}

export const HOSTILE_CITIES = 12;
const YEAR = 2026;

export interface HostileBundle {
  readonly path: string;
  /** Record id → field → payload, exactly as the bundle carries them. */
  readonly fields: ReadonlyMap<string, Readonly<Record<string, string>>>;
  readonly signerName: string;
}

/** Text slots in the order payloads fill them: cities and assessments, target sets, then value records. */
function* textSlots(catalogueId: string): Generator<readonly [string, string]> {
  for (let city = 0; city < HOSTILE_CITIES; city++) {
    for (const field of ['name', 'country', 'region']) yield [`city:hostile-${city}`, field];
    yield [`assessment:hostile-${city}-${YEAR}`, 'title'];
  }
  for (let set = 0; set < 4; set++) for (const field of ['name', 'source', 'note']) yield [`targetSet:hostile-${set}`, field];
  const kpis = getCatalogue(catalogueId)!.kpis;
  for (let city = 0; city < HOSTILE_CITIES; city++) {
    for (const kpi of kpis) {
      for (const point of pointsOf(kpi)) {
        const pointId = isMultiPoint(kpi) ? point.id : SINGLE_POINT;
        for (const field of ['note', 'source', 'department']) yield [`value:hostile-${city}-${YEAR}:${kpi.id}:${pointId}`, field];
      }
    }
  }
}

export async function writeHostileBundle(dir: string, corpus: readonly string[]): Promise<HostileBundle> {
  const payloads = corpus.filter(storable).map((value) => value.trim());
  const signerName = payloads[3]!;
  const device = await signerFromSeed(97, signerName);
  const fields = new Map<string, Record<string, string>>();
  const slots = textSlots(DEFAULT_CATALOGUE_ID);
  for (const payload of payloads) {
    const [recordId, field] = slots.next().value!;
    fields.set(recordId, { ...fields.get(recordId), [field]: payload });
  }
  const revisions: Revision[] = [];
  let wallMs = 1_000;
  for (const [recordId, texts] of fields) {
    const extra: FieldMap = recordId.startsWith('assessment:')
      ? { cityId: recordId.slice('assessment:'.length, -`-${YEAR}`.length), year: YEAR, catalogueId: DEFAULT_CATALOGUE_ID }
      : recordId.startsWith('targetSet:')
        ? { catalogueId: DEFAULT_CATALOGUE_ID }
        : {};
    revisions.push(await edit(device.id, recordId, { ...extra, ...texts }, wallMs++));
  }
  // Every city's assessment exists even when the payloads ran out before its title.
  for (let city = 0; city < HOSTILE_CITIES; city++) {
    const recordId = `assessment:hostile-${city}-${YEAR}`;
    if (!fields.has(recordId)) revisions.push(await edit(device.id, recordId, { cityId: `hostile-${city}`, year: YEAR, catalogueId: DEFAULT_CATALOGUE_ID }, wallMs++));
  }
  const path = join(dir, 'hostile.citykpi');
  writeFileSync(path, await encodeBundle({ revisions, device, encryption: { kind: 'none' } }));
  return { path, fields, signerName };
}

function csvCell(value: string): string {
  return `"${value.replaceAll('"', '""')}"`;
}

/** One row per single-value KPI but `exceptKpi`: value 1, a payload as source and another as note. */
export function writeHostileCsv(dir: string, corpus: readonly string[], exceptKpi: string): { readonly path: string; readonly rows: readonly { kpiId: string; source: string; note: string }[] } {
  const payloads = corpus.filter(storable).map((value) => value.trim()).filter((value) => !/[\r\n]/.test(value));
  const kpis = getCatalogue(DEFAULT_CATALOGUE_ID)!.kpis.filter((kpi) => !isMultiPoint(kpi) && kpi.computation.kind !== 'choice' && kpi.id !== exceptKpi);
  const rows = kpis.slice(0, 40).map((kpi, index) => ({ kpiId: kpi.id, source: payloads[(index * 7) % payloads.length]!, note: payloads[(index * 7 + 3) % payloads.length]! }));
  const lines = ['kpi,data_point,value,source,note', ...rows.map((row) => [row.kpiId, '', '1', row.source, row.note].map(csvCell).join(','))];
  const path = join(dir, 'hostile.csv');
  writeFileSync(path, `${lines.join('\r\n')}\r\n`);
  return { path, rows };
}
