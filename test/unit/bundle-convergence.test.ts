/**
 * Convergence property: 2–5 simulated laptops edit, resolve, exchange and export bundles at random
 * points; the office imports the bundles in random orders with duplicates. Every order must derive the
 * same values and conflicts, no revision may be lost, and wrong clocks (years off) may change only
 * the display order, never the outcome.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBundle, encodeBundle, mergeRevisionSets, planImport } from '../../core/bundle/index.ts';
import type { DecodedBundle } from '../../core/bundle/decode.ts';
import type { Attestation } from '../../core/bundle/provenance.ts';
import type { BundleSigner } from '../../core/bundle/encode.ts';
import { canonicalJson } from '../../core/revisions/canonical-json.ts';
import { deriveRecord, deriveRecords } from '../../core/revisions/derive.ts';
import { nextHlc } from '../../core/revisions/hlc.ts';
import { createRevision } from '../../core/revisions/revision-id.ts';
import type { FieldValue, Revision } from '../../core/revisions/types.ts';
import { signerFromSeed } from '../fixtures/bundles/helpers.ts';

const RECORDS = ['value:a1:EC-ICT-ICT-1C:_', 'value:a1:EC-ICT-PS-1A:publishedShare'] as const;
const FIELDS = ['directValue', 'note'] as const;
/** Per field, values its record rules accept (the same number of each). */
const VALUES: Readonly<Record<(typeof FIELDS)[number], readonly FieldValue[]>> = {
  directValue: [1, 2, 3.5, 40, 60, null],
  note: ['a', 'b', 'c', '', 'd e', null],
};
const YEAR = 365 * 24 * 3600 * 1000;

type Command =
  | { kind: 'edit'; device: number; record: number; field: number; value: number }
  | { kind: 'resolve'; device: number; record: number }
  | { kind: 'export'; device: number; full: boolean }
  | { kind: 'sync'; from: number; to: number };

const commandArb = (devices: number): fc.Arbitrary<Command> => {
  const device = fc.integer({ min: 0, max: devices - 1 });
  return fc.oneof(
    { weight: 5, arbitrary: fc.record({ kind: fc.constant('edit' as const), device, record: fc.nat(RECORDS.length - 1), field: fc.nat(FIELDS.length - 1), value: fc.nat(VALUES.directValue.length - 1) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('resolve' as const), device, record: fc.nat(RECORDS.length - 1) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('export' as const), device, full: fc.boolean() }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('sync' as const), from: device, to: device }) },
  );
};

const scenarioArb = fc.integer({ min: 2, max: 5 }).chain((devices) =>
  fc.record({
    devices: fc.constant(devices),
    commands: fc.array(commandArb(devices), { minLength: 1, maxLength: 30, size: 'large' }),
    orderSeeds: fc.array(fc.integer(), { minLength: 3, maxLength: 3 }),
    skews: fc.array(fc.oneof(fc.constant(-60 * YEAR), fc.integer({ min: -5 * YEAR, max: 5 * YEAR })), { minLength: devices, maxLength: devices }),
  }),
);

interface Laptop {
  signer: BundleSigner;
  store: Map<string, Revision>;
  clock: string | null;
  exported: Set<string>;
  lastBundle: Uint8Array | null;
  /** Kept from imports, as the data layer keeps them, so relayed revisions can be exported again. */
  attestations: Attestation[];
}

let signers: BundleSigner[] | null = null;
async function deviceSigners(): Promise<BundleSigner[]> {
  signers ??= await Promise.all([1, 2, 3, 4, 5].map((seed) => signerFromSeed(100 + seed)));
  return signers;
}

function addAll(store: Map<string, Revision>, revisions: Iterable<Revision>): void {
  for (const revision of revisions) if (!store.has(revision.id)) store.set(revision.id, revision);
}

function recordRevisions(store: Map<string, Revision>, recordId: string): Revision[] {
  return [...store.values()].filter((revision) => revision.recordId === recordId);
}

/** Runs the laptops; returns every bundle exported and every revision ever created. */
async function simulate(devices: number, commands: readonly Command[], skews: readonly number[]) {
  const all = await deviceSigners();
  const laptops: Laptop[] = all.slice(0, devices).map((signer) => ({ signer, store: new Map(), clock: null, exported: new Set(), lastBundle: null, attestations: [] }));
  const bundles: Uint8Array[] = [];
  const created: Revision[] = [];
  let wall = Date.UTC(2025, 5, 1);

  const write = async (laptop: Laptop, index: number, recordId: string, fields: Record<string, FieldValue>) => {
    wall += 1000;
    laptop.clock = nextHlc(laptop.clock, wall + skews[index]!, laptop.signer.id);
    const parents = deriveRecord(recordId, recordRevisions(laptop.store, recordId)).heads;
    const revision = await createRevision({ recordId, fields, author: `p${index}`, deviceId: laptop.signer.id, hlc: laptop.clock, parents });
    laptop.store.set(revision.id, revision);
    created.push(revision);
  };
  const exportFrom = async (laptop: Laptop, full: boolean) => {
    const revisions = [...laptop.store.values()].filter((revision) => full || !laptop.exported.has(revision.id));
    const bytes = await encodeBundle({
      revisions,
      device: laptop.signer,
      encryption: { kind: 'none' },
      createdAt: '2025-06-01T00:00:00Z',
      attestations: laptop.attestations,
    });
    for (const revision of revisions) laptop.exported.add(revision.id);
    laptop.lastBundle = bytes;
    bundles.push(bytes);
  };

  for (const command of commands) {
    if (command.kind === 'edit') {
      const laptop = laptops[command.device]!;
      await write(laptop, command.device, RECORDS[command.record]!, { [FIELDS[command.field]!]: VALUES[FIELDS[command.field]!][command.value]! });
    } else if (command.kind === 'resolve') {
      const laptop = laptops[command.device]!;
      const recordId = RECORDS[command.record]!;
      const state = deriveRecord(recordId, recordRevisions(laptop.store, recordId));
      const fields: Record<string, FieldValue> = {};
      // Pick by value, never by clock, so a skewed clock cannot change the choice.
      for (const [field, fieldState] of Object.entries(state.fields)) {
        if (fieldState.conflict) fields[field] = fieldState.candidates.map((write) => write.value).sort((a, b) => (canonicalJson(a) < canonicalJson(b) ? -1 : 1))[0]!;
      }
      if (Object.keys(fields).length > 0) await write(laptop, command.device, recordId, fields);
    } else if (command.kind === 'export') {
      await exportFrom(laptops[command.device]!, command.full);
    } else if (command.from !== command.to) {
      // Laptop-to-laptop hand-over: a full export of one, imported by the other.
      await exportFrom(laptops[command.from]!, true);
      const received = await decodeBundle(laptops[command.from]!.lastBundle!);
      addAll(laptops[command.to]!.store, received.revisions);
      laptops[command.to]!.attestations.push(...received.attestations);
    }
  }
  for (const laptop of laptops) await exportFrom(laptop, false);
  return { bundles, created };
}

function shuffledWithDuplicates<T>(items: readonly T[], seed: number): T[] {
  let state = seed >>> 0 || 1;
  const random = () => ((state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32);
  const list = [...items, ...items.filter(() => random() < 0.3)];
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list;
}

function importAll(decoded: readonly DecodedBundle[]): Map<string, Revision> {
  const db = new Map<string, Revision>();
  for (const bundle of decoded) {
    const byRecord = new Map<string, Revision[]>();
    for (const revision of db.values()) byRecord.set(revision.recordId, [...(byRecord.get(revision.recordId) ?? []), revision]);
    const plan = planImport((id) => db.has(id), byRecord, bundle);
    for (const revision of plan.newRevisions) db.set(revision.id, revision);
  }
  return db;
}

/** Values and conflicts without ids or clocks: what must not depend on clock skew. */
function outcome(revisions: Iterable<Revision>): string {
  return canonicalJson(
    deriveRecords(revisions).map((record) => ({
      recordId: record.recordId,
      heads: record.heads.length,
      fields: Object.fromEntries(
        Object.entries(record.fields).map(([field, state]) => [
          field,
          state.conflict
            ? { conflict: state.candidates.map((write) => canonicalJson(write.value)).sort() }
            : { value: state.current.value },
        ]),
      ),
    })),
  );
}

describe('merge convergence', () => {
  it('derives identical values and conflicts for every import order, with duplicates, and loses nothing', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async ({ devices, commands, orderSeeds, skews }) => {
        const { bundles, created } = await simulate(devices, commands, skews);
        const decoded = await Promise.all(bundles.map((bytes) => decodeBundle(bytes)));
        const results = orderSeeds.map((seed) => importAll(shuffledWithDuplicates(decoded, seed)));
        const reference = canonicalJson(deriveRecords(results[0]!.values()));
        for (const db of results) {
          expect(canonicalJson(deriveRecords(db.values()))).toBe(reference);
          for (const revision of created) expect(db.has(revision.id)).toBe(true);
          expect(db.size).toBe(new Set(created.map((revision) => revision.id)).size);
        }
        // The union operator itself: commutative, associative, idempotent.
        const sets = decoded.map((bundle) => bundle.revisions);
        const ids = (revisions: readonly Revision[]) => revisions.map((revision) => revision.id).join();
        expect(ids(mergeRevisionSets(...sets))).toBe(ids(mergeRevisionSets(...[...sets].reverse())));
        expect(ids(mergeRevisionSets(mergeRevisionSets(...sets), ...sets))).toBe(ids(mergeRevisionSets(...sets)));
      }),
      { numRuns: 200, seed: 4_242 },
    );
  }, 60_000);

  it('gives the same outcome when laptop clocks are years off', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async ({ devices, commands, orderSeeds, skews }) => {
        const right = await simulate(devices, commands, skews.map(() => 0));
        const skewed = await simulate(devices, commands, skews);
        const importRun = async (bundles: Uint8Array[]) =>
          importAll(shuffledWithDuplicates(await Promise.all(bundles.map((bytes) => decodeBundle(bytes))), orderSeeds[0]!));
        expect(outcome((await importRun(skewed.bundles)).values())).toBe(outcome((await importRun(right.bundles)).values()));
        expect(skewed.created.length).toBe(right.created.length);
      }),
      { numRuns: 200, seed: 777 },
    );
  }, 60_000);
});
