/**
 * Deterministic demo bundles: a seed stands for one field laptop. Every seed carries the shared Lake
 * Amara demo (same revisions, same ids) plus its own edits of some KPI values on top, so two seeds
 * merged give real conflicts. The seed also fixes the laptop's Ed25519 key, device id, clock, bundle
 * id and date, so a seed always produces the same bytes.
 */
import { DEFAULT_CATALOGUE_ID, findKpi, findPoint, getCatalogue } from '../catalogue/index.ts';
import type { DataPointDefinition, NumericRange } from '../catalogue/types.ts';
import { computePointValue, denominatorFor, numericValue, type Denominators, type PointFields } from '../compute/index.ts';
import { deviceIdFromPublicKey, deviceIdentityFromSeed } from '../crypto/device-identity.ts';
import { sha256, toHex, utf8 } from '../crypto/bytes.ts';
import { DEMO_ORIGIN, demoRevisions } from '../demo/index.ts';
import { SAMPLE_WORKSHOP } from '../demo/sample-workshop.ts';
import { LAKE_AMARA_CITY } from '../demo/lake-amara.ts';
import { nextHlc } from '../revisions/hlc.ts';
import { parseRecordId } from '../revisions/record-id.ts';
import { createRevision } from '../revisions/revision-id.ts';
import type { FieldMap, Revision } from '../revisions/types.ts';
import type { BundleSigner } from './encode.ts';

/** KPI values every seed edits, so any two seeds conflict on them. */
const SHARED_EDITS = 3;
/** Further KPI values each seed picks at random. */
const RANDOM_EDITS = 5;
const DEMO_CREATED_AT = '2025-01-16T12:00:00Z';
const MINUTE = 60_000;
/**
 * A laptop's edits follow one another a second apart: even the largest bundle stays on the days before the
 * demo's sample workshop opened, so the workshop rule takes them as the assessment's earlier data.
 */
const EDIT_STEP = 1_000;
const DEMO_CATALOGUE = getCatalogue(DEFAULT_CATALOGUE_ID)!;

export interface DemoBundleInput {
  readonly revisions: Revision[];
  readonly device: BundleSigner;
  readonly bundleId: string;
  readonly createdAt: string;
}

/** splitmix32: tiny, seedable, good enough to pick edits. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    return ((z ^ (z >>> 15)) >>> 0) / 2 ** 32;
  };
}

/** The city profile's denominators, so edited ratios are checked against what the city actually divides by. */
const DEMO_DENOMINATORS: Denominators = { population: LAKE_AMARA_CITY.population, households: LAKE_AMARA_CITY.households };

function decimalsOf(value: number): number {
  const fraction = String(value).split('.')[1];
  return Math.min(fraction?.length ?? 0, 2);
}

/** The tighter of the hard and plausible ranges, or the hard range alone when the demo value itself lies outside the plausible one. */
function realisticRange(point: DataPointDefinition, value: number): NumericRange {
  const hard = point.hardRange ?? {};
  const plausible = point.plausibleRange ?? {};
  const insidePlausible = (plausible.min === undefined || value >= plausible.min) && (plausible.max === undefined || value <= plausible.max);
  if (!insidePlausible) return hard;
  const bound = (a: number | undefined, b: number | undefined, pick: (x: number, y: number) => number) =>
    a === undefined ? b : b === undefined ? a : pick(a, b);
  const min = bound(hard.min, plausible.min, Math.max);
  const max = bound(hard.max, plausible.max, Math.min);
  return { ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };
}

/** The entered numbers that keep the KPI value inside a range: the range itself for direct values, scaled back for ratios. */
function inputRange(point: DataPointDefinition, fields: PointFields, field: 'numerator' | 'directValue', range: NumericRange): NumericRange {
  const { computation } = point;
  if (field === 'directValue' || computation.kind !== 'ratio') return range;
  const denominator = denominatorFor(point, fields, DEMO_DENOMINATORS);
  if (denominator === null || denominator.value <= 0) return {};
  const toInput = (value: number | undefined) => (value === undefined ? undefined : (value * denominator.value) / computation.scale);
  const min = toInput(range.min);
  const max = toInput(range.max);
  return { ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };
}

/**
 * A believable second reading of an entered number: within ±10 % of the demo's own value (never of an earlier
 * edit, so long benchmark runs do not drift), with the demo value's precision (counts stay whole), and with the
 * resulting KPI value inside its range (a percentage never passes 100).
 */
function editedNumber(point: DataPointDefinition, fields: PointFields, field: 'numerator' | 'directValue', base: number, factor: number): number {
  const decimals = decimalsOf(base);
  const scale = 10 ** decimals;
  const baseValue = field === 'directValue' ? base : numericValue(computePointValue(point, fields, DEMO_DENOMINATORS));
  const bounds = baseValue === null ? {} : inputRange(point, fields, field, realisticRange(point, baseValue));
  // Bounds are rounded inwards to the demo value's precision, so the rounded edit cannot leave the range.
  const low = bounds.min === undefined ? -Infinity : Math.ceil(bounds.min * scale) / scale;
  const high = bounds.max === undefined ? Infinity : Math.floor(bounds.max * scale) / scale;
  if (!(base >= low && base <= high)) return base;
  const edited = Math.round(base * factor * scale) / scale;
  return Math.min(Math.max(edited, low), high);
}

function changedFields(recordId: string, base: FieldMap, random: () => number, seed: number): FieldMap {
  const factor = 1 + (Math.floor(random() * 201) - 100) / 1000;
  const ref = parseRecordId(recordId);
  const kpi = ref?.kind === 'kpiValue' ? findKpi(DEMO_CATALOGUE, ref.kpiId) : undefined;
  const point = ref?.kind === 'kpiValue' && kpi ? findPoint(kpi, ref.pointId) : undefined;
  if (point) {
    for (const field of ['directValue', 'numerator'] as const) {
      const value = base[field];
      if (typeof value === 'number') return { [field]: editedNumber(point, base as PointFields, field, value, factor) };
    }
    if (point.computation.kind === 'choice' && typeof base.choice === 'string') {
      const { options } = point.computation;
      return { choice: options[seed % options.length]! };
    }
  }
  return { note: `Checked again on demo laptop ${seed}.` };
}

export async function demoBundleInput(options: { readonly seed: number; readonly revisions?: number }): Promise<DemoBundleInput> {
  const { seed } = options;
  const random = prng(seed);
  const keySeed = new Uint8Array(32);
  for (let i = 0; i < keySeed.length; i++) keySeed[i] = Math.floor(random() * 256);
  const identity = await deviceIdentityFromSeed(keySeed);
  const deviceId = await deviceIdFromPublicKey(identity.publicKey);
  const device: BundleSigner = { id: deviceId, name: `Demo laptop ${seed}`, publicKey: identity.publicKey, privateKey: identity.privateKey };
  const author = `Demo facilitator ${seed}`;

  const base = await demoRevisions(DEMO_ORIGIN);
  // Values the sample workshop's verifier verified are locked: no laptop edits them.
  const locked = new Set(SAMPLE_WORKSHOP.verified);
  const values = base.filter((revision) => {
    const ref = parseRecordId(revision.recordId);
    return ref?.kind === 'kpiValue' && !locked.has(ref.kpiId);
  });
  const demoFields = new Map(values.map((revision) => [revision.recordId, revision.fields] as const));
  const heads = new Map(values.map((revision) => [revision.recordId, revision.id] as const));
  const revisions = [...base];
  let clock: string | null = null;
  let wall = DEMO_ORIGIN.startMs + 2 * 60 * MINUTE + (seed % 1000) * MINUTE;

  const editRecord = async (recordId: string): Promise<void> => {
    wall += EDIT_STEP;
    clock = nextHlc(clock, wall, deviceId);
    const revision = await createRevision({
      recordId,
      fields: changedFields(recordId, demoFields.get(recordId)!, random, seed),
      author,
      deviceId,
      hlc: clock,
      parents: [heads.get(recordId)!],
    });
    heads.set(recordId, revision.id);
    revisions.push(revision);
  };

  const chosen = new Set(values.slice(0, SHARED_EDITS).map((revision) => revision.recordId));
  while (chosen.size < Math.min(values.length, SHARED_EDITS + RANDOM_EDITS)) {
    chosen.add(values[Math.floor(random() * values.length)]!.recordId);
  }
  for (const recordId of chosen) await editRecord(recordId);
  const target = options.revisions ?? 0;
  while (revisions.length < target) await editRecord(values[Math.floor(random() * values.length)]!.recordId);

  const bundleId = toHex(await sha256(utf8.encode(`citykpi-demo-bundle:${seed}:${revisions.length}`))).slice(0, 32);
  return { revisions, device, bundleId, createdAt: DEMO_CREATED_AT };
}
