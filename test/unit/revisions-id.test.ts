import { describe, expect, it } from 'vitest';
import { canonicalJsonBytes } from '../../core/revisions/canonical-json.ts';
import { createRevision, sha256Hex, verifyRevisionId } from '../../core/revisions/revision-id.ts';
import type { Revision, UnsignedRevision } from '../../core/revisions/types.ts';

const base: UnsignedRevision = {
  recordId: 'value:a1:EC-ICT-ICT-1C:_',
  fields: { numerator: 455, denominator: 1000, source: 'Census 2024' },
  author: 'Facilitator',
  deviceId: 'device-1',
  hlc: '001764316800000-0000-device-1',
  parents: ['bb', 'aa'],
};

describe('sha256Hex', () => {
  it('matches the published test vector for "abc"', async () => {
    expect(sha256Hex(new TextEncoder().encode('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});

describe('createRevision', () => {
  it('is deterministic and independent of key order and parent order', async () => {
    const first = await createRevision(base);
    const reordered = await createRevision({
      parents: ['aa', 'bb'],
      hlc: base.hlc,
      deviceId: base.deviceId,
      author: base.author,
      fields: { source: 'Census 2024', denominator: 1000, numerator: 455 },
      recordId: base.recordId,
    });
    expect(reordered).toEqual(first);
    expect(first.id).toMatch(/^[0-9a-f]{64}$/);
    expect(first.parents).toEqual(['aa', 'bb']);
  });

  it('removes duplicate parents', async () => {
    expect((await createRevision({ ...base, parents: ['aa', 'aa'] })).parents).toEqual(['aa']);
  });

  const changes: [string, Partial<UnsignedRevision>][] = [
    ['recordId', { recordId: 'value:a1:EC-ICT-ICT-1C:other' }],
    ['a field value', { fields: { ...base.fields, numerator: 456 } }],
    ['a field value type', { fields: { ...base.fields, numerator: '455' } }],
    ['an added field', { fields: { ...base.fields, note: null } }],
    ['author', { author: 'Someone else' }],
    ['deviceId', { deviceId: 'device-2' }],
    ['hlc', { hlc: '001764316800000-0001-device-1' }],
    ['parents', { parents: ['aa'] }],
  ];
  it.each(changes)('changes the id when %s changes', async (_label, change) => {
    const original = await createRevision(base);
    const changed = await createRevision({ ...base, ...change });
    expect(changed.id).not.toBe(original.id);
  });

  it('refuses values that have no canonical form', async () => {
    await expect(createRevision({ ...base, fields: { numerator: Number.NaN } })).rejects.toThrow(/non-finite/);
  });
});

describe('verifyRevisionId', () => {
  it('accepts a created revision', async () => {
    expect(await verifyRevisionId(await createRevision(base))).toBe(true);
  });

  it('refuses any tampered property', async () => {
    const revision = await createRevision(base);
    const tampered: Revision[] = [
      { ...revision, author: 'Mallory' },
      { ...revision, fields: { ...revision.fields, numerator: 1 } },
      { ...revision, id: revision.id.toUpperCase() },
      { ...revision, id: revision.id.slice(1) + '0' },
      { ...revision, parents: ['bb', 'aa'] },
      { ...revision, fields: { numerator: Number.NaN } },
      { ...revision, ...{ extra: 1 } },
    ];
    for (const candidate of tampered) expect(await verifyRevisionId(candidate)).toBe(false);
  });

  it('covers unknown extra properties when the id was computed with them', async () => {
    const { id: _ignored, ...content } = await createRevision(base);
    const withExtra = { ...content, futureField: 'x' };
    const id = sha256Hex(canonicalJsonBytes(withExtra));
    expect(await verifyRevisionId({ ...withExtra, id } as Revision)).toBe(true);
  });
});
