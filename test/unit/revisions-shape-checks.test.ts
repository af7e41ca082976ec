/** The yes/no checks a bundle runs on every revision say yes exactly where the parsers return a value. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isHlc, parseHlc } from '../../core/revisions/hlc.ts';
import { isRecordId, parseRecordId, recordIdParser } from '../../core/revisions/record-id.ts';

const KINDS = ['city', 'assessment', 'value', 'targetSet', 'target', 'workshop', 'participant', 'assignment', 'review', 'question', 'City', 'values', ''];
const part = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9_.-]{1,12}$/),
  fc.constantFrom('', 'a'.repeat(100), 'a'.repeat(101), 'a b', 'a\n', 'é', 'demo-2025', 'EC-ICT-ICT-1C', '_'),
  fc.string({ maxLength: 4 }),
);

describe('isRecordId', () => {
  it('accepts exactly the ids parseRecordId reads', () => {
    const ids = fc.oneof(
      fc.tuple(fc.constantFrom(...KINDS), fc.array(part, { maxLength: 5 })).map(([kind, parts]) => [kind, ...parts].join(':')),
      fc.string({ maxLength: 30 }),
    );
    fc.assert(
      fc.property(ids, (id) => {
        expect(isRecordId(id)).toBe(parseRecordId(id) !== null);
      }),
      { numRuns: 5000 },
    );
  });

  it.each(['city:c1', 'value:a1:EC-ICT-ICT-1C:_', 'assignment:a1:k1', 'assignment:a1:k1:p1', 'question:a1:k1:q1', 'workshop:a1:w1'])('accepts %s', (id) => {
    expect(isRecordId(id)).toBe(true);
  });

  it.each(['city:', 'city:c1:c2', 'value:a1:k1', 'workshop:a1:w1:x', 'question:a1:k1', 'city:c1\n', 'review:a1:k1:p1:x'])('refuses %j', (id) => {
    expect(isRecordId(id)).toBe(false);
  });
});

describe('recordIdParser', () => {
  it('reads each id as parseRecordId does, the second time too', () => {
    const parse = recordIdParser();
    for (const id of ['city:c1', 'nope', 'value:a1:k1:_', 'city:c1', 'nope', 'value:a1:k1:_']) expect(parse(id)).toEqual(parseRecordId(id));
  });
});

describe('isHlc', () => {
  it('accepts exactly the clocks parseHlc reads', () => {
    const clocks = fc.oneof(
      fc
        .tuple(fc.stringMatching(/^[0-9]{14,16}$/), fc.stringMatching(/^[0-9a-fA-F]{3,5}$/), part)
        .map(([wall, counter, device]) => `${wall}-${counter}-${device}`),
      fc.string({ maxLength: 30 }),
    );
    fc.assert(
      fc.property(clocks, (clock) => {
        expect(isHlc(clock)).toBe(parseHlc(clock) !== null);
      }),
      { numRuns: 5000 },
    );
    expect(isHlc('001764316800000-0000-device-1')).toBe(true);
    expect(isHlc('001764316800000-0000-device-1\n')).toBe(false);
  });
});
