/**
 * `citykpi demo` bundles: seed-dependent edits look like real second readings, two seeds conflict, and the
 * limits leave room for a demo of the largest allowed size.
 */
import { describe, expect, it } from 'vitest';
import { demoBundleInput } from '../../core/bundle/demo-bundle.ts';
import { DEFAULT_LIMITS, mergeRevisionSets } from '../../core/bundle/index.ts';
import { pointValues } from '../../core/values/index.ts';
import { DEFAULT_CATALOGUE_ID, findKpi, findPoint, getCatalogue } from '../../core/catalogue/index.ts';
import type { NumericRange } from '../../core/catalogue/types.ts';
import { computePointValue, numericValue, type PointFields } from '../../core/compute/index.ts';
import { DEMO_ORIGIN, demoRevisions } from '../../core/demo/index.ts';
import { LAKE_AMARA_CITY } from '../../core/demo/lake-amara.ts';
import { canonicalJson } from '../../core/revisions/canonical-json.ts';
import { formatHlc } from '../../core/revisions/hlc.ts';
import { parseRecordId } from '../../core/revisions/record-id.ts';
import type { FieldMap, Revision } from '../../core/revisions/types.ts';
import { MAX_FILE_BYTES } from '../../electron/contract/limits.ts';

const catalogue = getCatalogue(DEFAULT_CATALOGUE_ID)!;
const denominators = { population: LAKE_AMARA_CITY.population, households: LAKE_AMARA_CITY.households };
const SEEDS = [0, 1, 2, 3, 7, 42, 999, 123_456, 2 ** 32 - 1];

function pointOf(recordId: string) {
  const ref = parseRecordId(recordId);
  if (ref?.kind !== 'kpiValue') throw new Error(`not a value record: ${recordId}`);
  const kpi = findKpi(catalogue, ref.kpiId)!;
  return findPoint(kpi, ref.pointId)!;
}

function within(value: number, range: NumericRange | undefined): boolean {
  return (range?.min === undefined || value >= range.min) && (range?.max === undefined || value <= range.max);
}

function decimals(value: number): number {
  return String(value).split('.')[1]?.length ?? 0;
}

const lineBytes = (revision: Revision) => new TextEncoder().encode(`${canonicalJson(revision)}\n`).length;

describe('demo bundle edits', () => {
  it('stay realistic for every seed: whole counts stay whole, within ±10 %, and the KPI value inside its ranges', async () => {
    const base = new Map((await demoRevisions(DEMO_ORIGIN)).map((revision) => [revision.recordId, revision.fields] as const));
    let numbersChecked = 0;
    for (const seed of SEEDS) {
      const { revisions } = await demoBundleInput({ seed, revisions: 300 });
      for (const revision of revisions.filter((candidate) => candidate.deviceId !== DEMO_ORIGIN.deviceId)) {
        const demo = base.get(revision.recordId)!;
        const point = pointOf(revision.recordId);
        const [[field, edited]] = Object.entries(revision.fields) as [[string, FieldMap[string]]];
        const context = `seed ${seed} ${revision.recordId} ${field}=${String(edited)}`;
        if (field === 'numerator' || field === 'directValue') {
          const original = demo[field] as number;
          expect(typeof edited, context).toBe('number');
          const number = edited as number;
          if (Number.isInteger(original)) expect(Number.isInteger(number), context).toBe(true);
          expect(decimals(number), context).toBeLessThanOrEqual(Math.max(decimals(original), 0));
          expect(Math.abs(number - original), context).toBeLessThanOrEqual(Math.abs(original) * 0.1 + 1);
          const before = numericValue(computePointValue(point, demo as PointFields, denominators));
          const after = numericValue(computePointValue(point, { ...demo, [field]: number } as PointFields, denominators));
          expect(after, context).not.toBeNull();
          expect(within(after!, point.hardRange), context).toBe(true);
          if (before !== null && within(before, point.plausibleRange)) expect(within(after!, point.plausibleRange), context).toBe(true);
          numbersChecked++;
        } else if (field === 'choice') {
          expect(point.computation.kind === 'choice' && point.computation.options.includes(edited as never), context).toBe(true);
        } else {
          expect(field, context).toBe('note');
        }
      }
    }
    expect(numbersChecked).toBeGreaterThan(SEEDS.length * 100);
  });

  it('two seeds merged give real conflicts on values every seed edits', async () => {
    for (const [one, two] of [[1, 2], [3, 4], [7, 2 ** 32 - 1]] as const) {
      const merged = mergeRevisionSets((await demoBundleInput({ seed: one })).revisions, (await demoBundleInput({ seed: two })).revisions);
      const conflicted = pointValues(merged).filter((row) => row.conflicts.length > 0);
      expect(conflicted.length, `seeds ${one} and ${two}`).toBeGreaterThanOrEqual(3);
      for (const row of conflicted) for (const conflict of row.conflicts) expect(new Set(conflict.values.map((write) => write.deviceId)).size).toBe(2);
    }
  });
});

describe('bundle limits', () => {
  it('fit together: parts within the file, the file within what the desktop bridge reads', () => {
    expect(DEFAULT_LIMITS.maxPartBytes).toBeLessThanOrEqual(DEFAULT_LIMITS.maxTotalPartBytes);
    expect(DEFAULT_LIMITS.maxTotalPartBytes).toBeLessThanOrEqual(DEFAULT_LIMITS.maxFileBytes);
    expect(DEFAULT_LIMITS.maxFileBytes).toBeLessThanOrEqual(MAX_FILE_BYTES);
    expect(DEFAULT_LIMITS.maxLineBytes).toBeLessThanOrEqual(DEFAULT_LIMITS.maxPartBytes);
  });

  it('hold a demo of the largest allowed revision count: the worst-case demo edit times the limit fits one part', async () => {
    const seed = 2 ** 32 - 1;
    const { revisions, device } = await demoBundleInput({ seed, revisions: 2_000 });
    const roots = revisions.filter((revision) => revision.deviceId === DEMO_ORIGIN.deviceId);
    const edits = revisions.filter((revision) => revision.deviceId !== DEMO_ORIGIN.deviceId);

    // The longest edit a demo laptop can write: longest record id, longest author, latest clock, and the longest
    // field an edit sets (a note, or a number 10 % above the largest demo value with two decimals and a sign).
    const largest = Math.max(...roots.flatMap((revision) => [revision.fields.numerator, revision.fields.directValue]).filter((value) => typeof value === 'number').map(Math.abs));
    const longestNumber = -(Math.ceil(largest * 1.1) + 0.99);
    const candidates: FieldMap[] = [{ note: `Checked again on demo laptop ${seed}.` }, { directValue: longestNumber }, { numerator: longestNumber }];
    const longestRecordId = roots.map((revision) => revision.recordId).reduce((a, b) => (b.length > a.length ? b : a));
    const worst = Math.max(
      ...candidates.map((fields) =>
        lineBytes({
          id: 'f'.repeat(64),
          recordId: longestRecordId,
          fields,
          author: `Demo facilitator ${seed}`,
          deviceId: device.id,
          hlc: formatHlc({ wallMs: 10 ** 15 - 1, counter: 0xffff, deviceId: device.id }),
          parents: ['f'.repeat(64)],
        }),
      ),
    );
    expect(Math.max(...edits.map(lineBytes))).toBeLessThanOrEqual(worst);

    const rootBytes = roots.reduce((sum, revision) => sum + lineBytes(revision), 0);
    const worstCase = rootBytes + (DEFAULT_LIMITS.maxRevisions - roots.length) * worst;
    expect(worstCase).toBeLessThanOrEqual(DEFAULT_LIMITS.maxPartBytes);
    expect(worstCase + DEFAULT_LIMITS.maxManifestBytes).toBeLessThanOrEqual(DEFAULT_LIMITS.maxFileBytes);
  });
});
