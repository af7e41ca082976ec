import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isWellFormedString } from '../../core/bundle/strict-json.ts';
import { CanonicalJsonError, canonicalJson } from '../../core/revisions/canonical-json.ts';

describe('canonicalJson', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 'x', null], c: true } })).toBe('{"a":{"c":true,"d":[1,"x",null]},"b":1}');
  });

  it('sorts by UTF-16 code units, not locale', () => {
    expect(canonicalJson({ é: 1, z: 2, Z: 3, '10': 4, '9': 5 })).toBe('{"10":4,"9":5,"Z":3,"z":2,"é":1}');
  });

  it('gives equal text for equal values built in any key order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null))), (record) => {
        const reversed = Object.fromEntries(Object.entries(record).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(record));
        expect(JSON.parse(canonicalJson(record))).toEqual(record);
      }),
    );
  });

  it.each([
    ['NaN', { a: Number.NaN }],
    ['Infinity', [Number.POSITIVE_INFINITY]],
    ['undefined member', { a: undefined }],
    ['undefined', undefined],
    ['a Date', { when: new Date(0) }],
    ['a Map', new Map()],
    ['a class instance', new (class Point { x = 1; })()],
    ['a function', { f: () => 1 }],
    ['a bigint', { n: 1n }],
    ['a lone surrogate', { s: '\uD800' }],
    ['a lone surrogate key', { '\uDC00': 1 }],
    ['a sparse array', new Array<number>(2)],
  ])('rejects %s', (_label, value) => {
    expect(() => canonicalJson(value)).toThrow(CanonicalJsonError);
  });

  it('rejects cycles but accepts a shared non-cyclic object', () => {
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(/circular/);
  });

  it('names where the problem is', () => {
    expect(() => canonicalJson({ fields: { note: Number.NaN } })).toThrow('$.fields.note');
  });

  it('writes an array of strings as it writes each string, refuses a lone surrogate or a hole in one, and ignores its toJSON', () => {
    const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('\\ud800', '\uD83D\uDE00', 'a\u2028b', '"\\'));
    fc.assert(
      fc.property(fc.array(text, { maxLength: 6 }), (strings) => {
        const wellFormed = strings.every(isWellFormedString);
        if (wellFormed) expect(canonicalJson(strings)).toBe(`[${strings.map((item) => canonicalJson(item)).join(',')}]`);
        else expect(() => canonicalJson(strings)).toThrow(CanonicalJsonError);
      }),
      { numRuns: 300 },
    );
    expect(() => canonicalJson({ ids: ['a', '\uDC00'] })).toThrow('$.ids[1]');
    expect(() => canonicalJson(Object.assign(new Array<string>(3), { 0: 'a', 2: 'b' }))).toThrow('sparse array');
    expect(canonicalJson(Object.assign(['a'], { toJSON: () => 'b' }))).toBe('["a"]');
  });

  it('accepts objects without a prototype and well-formed surrogate pairs', () => {
    const bare = Object.create(null) as Record<string, unknown>;
    bare.k = '😀';
    expect(canonicalJson(bare)).toBe('{"k":"😀"}');
  });
});
