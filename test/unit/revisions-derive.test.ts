import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deriveRecord, deriveRecords, type RecordState } from '../../core/revisions/derive.ts';
import { nextHlc, receiveHlc } from '../../core/revisions/hlc.ts';
import { createRevision } from '../../core/revisions/revision-id.ts';
import type { FieldMap, FieldValue, Revision } from '../../core/revisions/types.ts';

const RECORD = 'value:assessment-1:EC-ICT-ICT-1C:_';
const START = Date.UTC(2026, 5, 1);
const YEAR_MS = 365 * 24 * 3600 * 1000;
const FIELDS = ['numerator', 'source', 'quality'] as const;

type Op =
  | { readonly kind: 'edit'; readonly device: number; readonly fields: FieldMap }
  | { readonly kind: 'sync'; readonly from: number; readonly to: number };

const DEVICES = 3;
const fieldValue = fc.constantFrom<FieldValue>(1, 2, 'a', 'b', null);
const editOp = fc.record({
  kind: fc.constant('edit' as const),
  device: fc.nat({ max: DEVICES - 1 }),
  fields: fc.dictionary(fc.constantFrom(...FIELDS), fieldValue, { minKeys: 1 }),
});
const syncOp = fc.record({ kind: fc.constant('sync' as const), from: fc.nat({ max: DEVICES - 1 }), to: fc.nat({ max: DEVICES - 1 }) });
const histories = fc.array(fc.oneof({ arbitrary: editOp, weight: 3 }, { arbitrary: syncOp, weight: 1 }), { maxLength: 25 });
const skews = fc.array(fc.integer({ min: -10 * YEAR_MS, max: 10 * YEAR_MS }), { minLength: DEVICES, maxLength: DEVICES });

interface Device {
  readonly id: string;
  readonly revisions: Map<string, Revision>;
  clock: string | null;
}

/** Devices editing one record offline and exchanging everything they have now and then. */
async function simulate(ops: readonly Op[], skewMs: readonly number[] = []): Promise<Revision[]> {
  const devices: Device[] = Array.from({ length: DEVICES }, (_, index) => ({ id: `device-${index}`, revisions: new Map(), clock: null }));
  for (const [step, op] of ops.entries()) {
    if (op.kind === 'sync') {
      const from = devices[op.from]!;
      const to = devices[op.to]!;
      for (const revision of from.revisions.values()) {
        to.revisions.set(revision.id, revision);
        to.clock = receiveHlc(to.clock, revision.hlc, START + step * 1000 + (skewMs[op.to] ?? 0), to.id);
      }
      continue;
    }
    const device = devices[op.device]!;
    device.clock = nextHlc(device.clock, START + step * 1000 + (skewMs[op.device] ?? 0), device.id);
    const revision = await createRevision({
      recordId: RECORD,
      fields: op.fields,
      author: `author of ${device.id}`,
      deviceId: device.id,
      hlc: device.clock,
      parents: deriveRecord(RECORD, device.revisions.values()).heads,
    });
    device.revisions.set(revision.id, revision);
  }
  const all = new Map<string, Revision>();
  for (const device of devices) for (const revision of device.revisions.values()) all.set(revision.id, revision);
  return [...all.values()];
}

/** What a reader sees, without revision ids, clocks or candidate order: the part skew must not change. */
function valuesOf(state: RecordState): Record<string, { conflict: boolean; values: string[] }> {
  return Object.fromEntries(
    Object.entries(state.fields).map(([field, fieldState]) => [
      field,
      fieldState.conflict
        ? { conflict: true, values: fieldState.candidates.map((write) => `${write.deviceId}=${JSON.stringify(write.value)}`).sort() }
        : { conflict: false, values: [JSON.stringify(fieldState.current.value)] },
    ]),
  );
}

async function resolutionOf(revisions: readonly Revision[], fields: FieldMap): Promise<Revision> {
  return createRevision({
    recordId: RECORD,
    fields,
    author: 'resolver',
    deviceId: 'device-office',
    hlc: nextHlc(null, START, 'device-office'),
    parents: deriveRecord(RECORD, revisions).heads,
  });
}

describe('deriveRecord', () => {
  it('keeps the last write of a linear history', async () => {
    const revisions = await simulate([
      { kind: 'edit', device: 0, fields: { numerator: 1, source: 'a' } },
      { kind: 'edit', device: 0, fields: { numerator: 2 } },
    ]);
    const state = deriveRecord(RECORD, revisions);
    expect(state.heads).toHaveLength(1);
    expect(valuesOf(state)).toEqual({ numerator: { conflict: false, values: ['2'] }, source: { conflict: false, values: ['"a"'] } });
  });

  it('keeps both values of two concurrent different writes, with their provenance', async () => {
    const revisions = await simulate([
      { kind: 'edit', device: 0, fields: { numerator: 1 } },
      { kind: 'sync', from: 0, to: 1 },
      { kind: 'edit', device: 0, fields: { numerator: 2 } },
      { kind: 'edit', device: 1, fields: { numerator: 'a', source: 'b' } },
    ]);
    const state = deriveRecord(RECORD, revisions);
    expect(state.heads).toHaveLength(2);
    const numerator = state.fields.numerator!;
    expect(numerator.conflict).toBe(true);
    if (!numerator.conflict) return;
    expect(numerator.candidates.map((write) => [write.deviceId, write.value, write.author]).sort()).toEqual([
      ['device-0', 2, 'author of device-0'],
      ['device-1', 'a', 'author of device-1'],
    ]);
    // A field only one side wrote is not in conflict.
    expect(state.fields.source).toMatchObject({ conflict: false });
  });

  it('does not call equal concurrent writes a conflict', async () => {
    const revisions = await simulate([
      { kind: 'edit', device: 0, fields: { numerator: 1 } },
      { kind: 'edit', device: 1, fields: { numerator: 1 } },
    ]);
    expect(deriveRecord(RECORD, revisions).fields.numerator).toMatchObject({ conflict: false, current: { value: 1 } });
  });

  it('ignores revisions of other records', async () => {
    const own = await simulate([{ kind: 'edit', device: 0, fields: { numerator: 1 } }]);
    const other = await createRevision({ ...own[0]!, recordId: 'value:assessment-1:EC-ICT-ICT-2C:_', fields: { numerator: 9 } });
    expect(deriveRecord(RECORD, [...own, other])).toEqual(deriveRecord(RECORD, own));
  });

  it('gives the same state for any permutation and duplication of the revision set', async () => {
    await fc.assert(
      fc.asyncProperty(histories, fc.gen(), async (ops, g) => {
        const revisions = await simulate(ops);
        const permuted = g(fc.shuffledSubarray, revisions, { minLength: revisions.length, maxLength: revisions.length });
        const duplicates = revisions.length === 0 ? [] : g(fc.array, fc.constantFrom(...revisions), { maxLength: 10 });
        expect(deriveRecord(RECORD, [...duplicates, ...permuted, ...duplicates])).toEqual(deriveRecord(RECORD, revisions));
      }),
      { numRuns: 200 },
    );
  });

  it('keeps every value of concurrent different writes to one field', async () => {
    await fc.assert(
      fc.asyncProperty(histories, fc.uniqueArray(fc.string({ minLength: 1, maxLength: 4 }), { minLength: 2, maxLength: DEVICES }), async (prefix, values) => {
        // Every device learns the whole shared history, then each writes its own value without syncing.
        const syncAll = Array.from({ length: DEVICES }, (_, to) => ({ kind: 'sync' as const, from: 0, to }));
        const gather = Array.from({ length: DEVICES }, (_, from) => ({ kind: 'sync' as const, from, to: 0 }));
        const writes = values.map((value, device) => ({ kind: 'edit' as const, device, fields: { note: value } }));
        const revisions = await simulate([...prefix, ...gather, ...syncAll, ...writes]);
        const note = deriveRecord(RECORD, revisions).fields.note!;
        expect(note.conflict).toBe(true);
        if (note.conflict) expect(note.candidates.map((write) => write.value).sort()).toEqual([...values].sort());
      }),
      { numRuns: 200 },
    );
  });

  it('clears every conflict with a resolution whose parents are all heads', async () => {
    await fc.assert(
      fc.asyncProperty(histories, async (ops) => {
        const revisions = await simulate(ops);
        const before = deriveRecord(RECORD, revisions);
        const conflicted = Object.keys(before.fields).filter((field) => before.fields[field]!.conflict);
        const chosen = Object.fromEntries(conflicted.map((field) => [field, 'chosen']));
        const resolution = await resolutionOf(revisions, chosen);
        const after = deriveRecord(RECORD, [...revisions, resolution]);
        expect(after.heads).toEqual([resolution.id]);
        for (const [field, state] of Object.entries(after.fields)) {
          expect(state.conflict).toBe(false);
          if (!state.conflict && conflicted.includes(field)) expect(state.current.value).toBe('chosen');
        }
      }),
      { numRuns: 200 },
    );
  });

  it('keeps a conflict when the resolution is based on only some of the heads', async () => {
    const revisions = await simulate([
      { kind: 'edit', device: 0, fields: { numerator: 1 } },
      { kind: 'edit', device: 1, fields: { numerator: 2 } },
    ]);
    const partial = await createRevision({
      recordId: RECORD,
      fields: { numerator: 3 },
      author: 'resolver',
      deviceId: 'device-office',
      hlc: nextHlc(null, START, 'device-office'),
      parents: [revisions[0]!.id],
    });
    expect(deriveRecord(RECORD, [...revisions, partial]).fields.numerator?.conflict).toBe(true);
  });

  it('changes nothing but display order when device clocks are skewed by years', async () => {
    await fc.assert(
      fc.asyncProperty(histories, skews, async (ops, skewMs) => {
        const honest = deriveRecord(RECORD, await simulate(ops));
        const skewed = deriveRecord(RECORD, await simulate(ops, skewMs));
        expect(valuesOf(skewed)).toEqual(valuesOf(honest));
        expect(skewed.heads.length).toBe(honest.heads.length);
      }),
      { numRuns: 200 },
    );
  });
});

describe('deriveRecord on a long offline history', () => {
  it('10,000 edits on one laptop and one on another give exactly the one real conflict', async () => {
    const base = await createRevision({ recordId: RECORD, fields: { numerator: 0 }, author: 'a', deviceId: 'laptop-a', hlc: nextHlc(null, START, 'laptop-a'), parents: [] });
    const history: Revision[] = [base];
    let head = base;
    for (let edit = 1; edit <= 10_000; edit += 1) {
      head = await createRevision({ recordId: RECORD, fields: { numerator: edit, source: `edit ${edit % 7}` }, author: 'a', deviceId: 'laptop-a', hlc: nextHlc(head.hlc, START + edit, 'laptop-a'), parents: [head.id] });
      history.push(head);
    }
    const other = await createRevision({ recordId: RECORD, fields: { numerator: -1 }, author: 'b', deviceId: 'laptop-b', hlc: nextHlc(null, START, 'laptop-b'), parents: [base.id] });

    const state = deriveRecord(RECORD, [...history, other]);
    const numerator = state.fields['numerator'];
    expect(numerator?.conflict).toBe(true);
    expect(numerator?.conflict && numerator.candidates.map((write) => write.value).sort()).toEqual([-1, 10_000]);
    expect(state.fields['source']).toMatchObject({ conflict: false, current: { value: `edit ${10_000 % 7}` } });
    expect(state.heads).toEqual([head.id, other.id].sort());
  });
});

describe('deriveRecords', () => {
  it('gives every record the state deriveRecord gives it, records written once included, sorted by record id', async () => {
    const writtenOnce = fc.array(
      fc.record({
        record: fc.constantFrom('value:a:K1:_', 'value:a:K2:_', 'value:b:K1:_', 'city:c-1'),
        fields: fc.dictionary(fc.constantFrom('numerator', 'source', 'quality', 'zeta', 'Alpha'), fieldValue),
        device: fc.nat({ max: DEVICES - 1 }),
        parents: fc.constantFrom<readonly string[]>([], ['0'.repeat(64)]),
      }),
      { maxLength: 8 },
    );
    await fc.assert(
      fc.asyncProperty(histories, writtenOnce, async (ops, singles) => {
        const others = await Promise.all(
          singles.map(({ record, fields, device, parents }, index) =>
            createRevision({ recordId: record, fields, author: `author ${device}`, deviceId: `device-${device}`, hlc: nextHlc(null, START + index, `device-${device}`), parents: [...parents] }),
          ),
        );
        const revisions = [...(await simulate(ops)), ...others];
        const recordIds = [...new Set(revisions.map((revision) => revision.recordId))].sort();
        expect(deriveRecords(revisions)).toEqual(recordIds.map((recordId) => deriveRecord(recordId, revisions)));
      }),
      { numRuns: 150 },
    );
  });
});
