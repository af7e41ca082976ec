import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../core/bundle/limits.ts';
import { decodeRevisionsPart, encodeRevisionLines, encodeRevisionsPart, isPlainRevision, revisionSchemas } from '../../core/bundle/revisions-part.ts';
import { createRevision } from '../../core/revisions/revision-id.ts';
import type { FieldMap, Revision } from '../../core/revisions/types.ts';

const part = (lines: readonly string[]): Uint8Array => new TextEncoder().encode(lines.join(''));
const decode = (lines: readonly string[], limits = DEFAULT_LIMITS) => decodeRevisionsPart(part(lines), limits, false);

function revision(fields: FieldMap, parents: string[] = []): Promise<Revision> {
  return createRevision({
    recordId: 'value:a1:EC-ICT-ICT-1C:_',
    fields,
    author: 'Amina',
    deviceId: 'device-1',
    hlc: '001764316800000-0000-device-1',
    parents,
  });
}

/** The line of `revision` with its JSON written differently but meaning the same. */
function respaced(line: string): string {
  return `{ ${line.slice(1, -2)} }\n`;
}

describe('revision lines', () => {
  it('refuses a revision that appears twice, next to itself or after the order broke, and reads unsorted ones for the bundle to refuse', async () => {
    const [a, b, c] = (await Promise.all([1, 2, 3].map((note) => revision({ note })))).sort((x, y) => (x.id < y.id ? -1 : 1));
    const lines = ([a, b, c] as Revision[]).map((made) => encodeRevisionLines([made])[0]!);
    const [lineA, lineB, lineC] = lines as [string, string, string];
    for (const [order, line] of [[[lineA, lineB, lineB], 3], [[lineB, lineA, lineC, lineB], 4], [[lineC, lineA, lineC], 3]] as const) {
      await expect(decode(order)).rejects.toMatchObject({ code: 'E_SCHEMA', message: expect.stringContaining(`line ${line}: revision`) });
    }
    expect(await decode([lineB, lineA, lineC])).toEqual([b, a, c]);
    expect(() => encodeRevisionsPart([a!, b!, a!], DEFAULT_LIMITS, false)).toThrow(expect.objectContaining({ code: 'E_SCHEMA', message: expect.stringContaining('appears twice') }));
  });

  it('reads canonical and non-canonical spellings of the same revisions to the same values', async () => {
    const fieldValue = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null));
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.stringMatching(/^[a-z][A-Za-z0-9]{0,8}$/), fieldValue, { maxKeys: 6 }), async (fields) => {
        const made = await revision(fields);
        const [line] = encodeRevisionLines([made]);
        const outcome = (lines: string[]) => decode(lines).then((revisions) => ({ revisions }), (error: { code: string }) => ({ code: error.code }));
        const canonical = await outcome([line!]);
        expect(await outcome([respaced(line!)])).toEqual(canonical);
        if ('revisions' in canonical) {
          expect(canonical.revisions).toEqual([made]);
          expect(new TextDecoder().decode(encodeRevisionsPart([made], DEFAULT_LIMITS, false))).toBe(line);
        } else expect(() => encodeRevisionsPart([made], DEFAULT_LIMITS, false)).toThrow(expect.objectContaining({ code: canonical.code }));
      }),
      { numRuns: 200 },
    );
  });

  it('checks the id on the bytes of a line with text beyond ASCII before and after the id, and refuses one changed byte there', async () => {
    const made = await createRevision({
      recordId: 'value:a1:EC-ICT-ICT-1C:_',
      fields: { note: 'أرقام مؤقتة · 临时数字', source: 'Instituto de Estatística' },
      author: 'Fátima Zahrá',
      deviceId: 'device-1',
      hlc: '001764316800000-0000-device-1',
      parents: [],
    });
    const bytes = encodeRevisionsPart([made], DEFAULT_LIMITS, false);
    expect(await decodeRevisionsPart(bytes, DEFAULT_LIMITS, false)).toEqual([made]);
    const changed = new TextEncoder().encode(new TextDecoder().decode(bytes).replace('Zahrá', 'Zahrà'));
    expect(changed.length).toBe(bytes.length);
    await expect(decodeRevisionsPart(changed, DEFAULT_LIMITS, false)).rejects.toMatchObject({ code: 'E_HASH_MISMATCH' });
  });

  it('reads a zero written as -0 as the zero that was hashed, whichever way the line is spelled', async () => {
    const made = await revision({ a: -0 });
    expect(Object.is(made.fields.a, 0)).toBe(true);
    const [line] = encodeRevisionLines([made]);
    const spelledMinus = respaced(line!).replace('"a":0', '"a":-0');
    for (const read of [await decode([line!]), await decode([spelledMinus])]) {
      expect(read).toEqual([made]);
      expect(Object.is(read[0]!.fields.a, 0)).toBe(true);
    }
  });

  it('checks the id of a revision that has a field named id holding that same id', async () => {
    const base = await revision({ note: 'x' });
    const tricky = await revision({ id: base.id, note: 'y' });
    const [line] = encodeRevisionLines([tricky]);
    expect(await decode([line!])).toEqual([tricky]);
    const forged = line!.replace('"note":"y"', '"note":"z"');
    await expect(decode([forged])).rejects.toMatchObject({ code: 'E_HASH_MISMATCH' });
  });

  it('refuses in canonical lines what the strict reader refuses', async () => {
    const [plain] = encodeRevisionLines([await revision({ note: 'x' })]);
    const withField = (json: string) => plain!.replace('"fields":{"note":"x"}', `"fields":{${json}}`);
    await expect(decode([withField('"__proto__":1')])).rejects.toMatchObject({ code: 'E_SCHEMA' });
    await expect(decode([withField('"big":9007199254740992')])).rejects.toMatchObject({ code: 'E_SCHEMA' });
    await expect(decode([withField('"a":1,"a":1')])).rejects.toMatchObject({ code: 'E_SCHEMA' });
    await expect(decode([withField(`"note":"${'x'.repeat(DEFAULT_LIMITS.maxStringLength + 1)}"`)])).rejects.toMatchObject({ code: 'E_TOO_LARGE' });
    await expect(decode([withField('"note":"\\ud800"')])).rejects.toMatchObject({ code: 'E_MALFORMED_UTF8' });
  });

  it('accepts in its fast check only revisions the schema accepts', async () => {
    const valid = await revision({ note: 'x', value: 1.5 }, ['b'.repeat(64)]);
    const hex = fc.stringMatching(/^[0-9a-f]{62,65}$/);
    const text = fc.oneof(fc.string({ maxLength: 3 }), fc.string({ minLength: 199, maxLength: 202 }));
    const anyValue = fc.oneof(text, hex, fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.array(hex, { maxLength: 3 }), fc.object({ maxDepth: 1 }));
    const fieldName = fc.oneof(fc.constantFrom('note', '_x', '1a', 'a-b', 'a'.repeat(64), 'a'.repeat(65), ''), fc.string({ maxLength: 3 }));
    const fieldMaps = fc.oneof(
      fc.dictionary(fieldName, anyValue, { maxKeys: 3 }),
      fc.dictionary(fc.constantFrom('note', 'value'), anyValue, { minKeys: 1, maxKeys: 2 }),
      fc.integer({ min: 63, max: 66 }).map((count) => Object.fromEntries(Array.from({ length: count }, (_, index) => [`f${index}`, index]))),
    );
    const variant = fc.record(
      {
        drop: fc.constantFrom(null, 'id', 'recordId', 'fields', 'author', 'deviceId', 'hlc', 'parents'),
        replace: fc.constantFrom('id', 'recordId', 'fields', 'author', 'deviceId', 'hlc', 'parents', 'extra'),
        with: fc.oneof(anyValue, fieldMaps, fc.constantFrom('value:a1:EC-ICT-ICT-1C:_', 'nope', '001764316800000-0000-device-1', '', ['b'.repeat(64), 'a'.repeat(64)])),
        loose: fc.boolean(),
      },
      { requiredKeys: ['drop', 'replace', 'with', 'loose'] },
    );
    fc.assert(
      fc.property(variant, ({ drop, replace, with: value, loose }) => {
        const candidate: Record<string, unknown> = { ...valid, [replace]: value };
        if (drop !== null) delete candidate[drop];
        if (isPlainRevision(candidate, loose)) expect((loose ? revisionSchemas.loose : revisionSchemas.strict).safeParse(candidate).success).toBe(true);
      }),
      { numRuns: 2000 },
    );
    const nearMisses: Record<string, unknown>[] = [
      ...[Number.NaN, Number.POSITIVE_INFINITY, undefined, {}, []].map((note) => ({ ...valid, fields: { note } })),
      ...['_x', '1a', 'a'.repeat(65)].map((name) => ({ ...valid, fields: { [name]: 1 } })),
      { ...valid, fields: Object.fromEntries(Array.from({ length: 65 }, (_, index) => [`f${index}`, index])) },
      ...(['recordId', 'author', 'deviceId', 'hlc'] as const).map((key) => ({ ...valid, [key]: 'x'.repeat(201) })),
      { ...valid, deviceId: '' },
      { ...valid, id: 'A'.repeat(64) },
      { ...valid, parents: ['b'.repeat(64), 'a'.repeat(64)] },
      { ...valid, parents: ['b'.repeat(63)] },
    ];
    for (const candidate of nearMisses) expect(isPlainRevision(candidate, true)).toBe(revisionSchemas.loose.safeParse(candidate).success);
    expect(isPlainRevision(valid, false)).toBe(true);
    expect(isPlainRevision({ ...valid, extra: 1 }, true)).toBe(true);
    expect(isPlainRevision({ ...valid, extra: 1 }, false)).toBe(false);
  });
});
