/**
 * Deterministic demo bundles: a seed stands for one field laptop. Every seed carries the shared Lake
 * Amara demo (same revisions, same ids) plus its own edits of some KPI values on top, so two seeds
 * merged give real conflicts. The seed also fixes the laptop's Ed25519 key, device id, clock, bundle
 * id and date, so a seed always produces the same bytes.
 */
import { deviceIdFromPublicKey, deviceIdentityFromSeed } from '../crypto/device-identity.ts';
import { sha256, toHex, utf8 } from '../crypto/bytes.ts';
import { DEMO_ORIGIN, demoRevisions } from '../demo/index.ts';
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

function changedFields(base: FieldMap, random: () => number, seed: number): FieldMap {
  const factor = 1 + (Math.floor(random() * 200) - 100 + (seed % 7)) / 1000;
  for (const field of ['directValue', 'numerator'] as const) {
    const value = base[field];
    if (typeof value === 'number') return { [field]: Math.round(value * factor * 100) / 100 };
  }
  const choice = base.choice;
  if (typeof choice === 'string') return { choice: ['yes', 'partial', 'no'][seed % 3]! };
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
  const values = base.filter((revision) => parseRecordId(revision.recordId)?.kind === 'kpiValue');
  const heads = new Map(values.map((revision) => [revision.recordId, revision] as const));
  const revisions = [...base];
  let clock: string | null = null;
  let wall = DEMO_ORIGIN.startMs + 2 * 60 * MINUTE + (seed % 1000) * MINUTE;

  const editRecord = async (recordId: string): Promise<void> => {
    const head = heads.get(recordId)!;
    wall += MINUTE;
    clock = nextHlc(clock, wall, deviceId);
    const revision = await createRevision({
      recordId,
      fields: changedFields(head.fields, random, seed),
      author,
      deviceId,
      hlc: clock,
      parents: [head.id],
    });
    heads.set(recordId, { ...revision, fields: { ...head.fields, ...revision.fields } });
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
