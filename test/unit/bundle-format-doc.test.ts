/**
 * docs/bundle-format.md §10 is a worked example a third party can build a bundle from. This test reads its
 * labelled blocks, rebuilds the bundle with an encoder that shares no code with core/ (support/reference-bundle.ts),
 * and holds every intermediate value, `encodeBundle` and `decodeBundle` to the document: when the document
 * and the code drift apart, one of these fails.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBundle, encodeBundle } from '../../core/bundle/index.ts';
import { deviceIdentityFromSeed } from '../../core/crypto/device-identity.ts';
import { CATALOGUES, DIRECTIONS, pointsOf } from '../../core/catalogue/index.ts';
import { FIELD_TABLES } from '../../core/records/index.ts';
import { DATA_ORIGINS, QUALITY_LEVELS, VALUE_STATUSES } from '../../core/revisions/fields.ts';
import { createRevision } from '../../core/revisions/revision-id.ts';
import {
  ASSIGNMENT_FIELDS,
  PARTICIPANT_FIELDS,
  QUESTION_FIELDS,
  QUESTION_OUTCOMES,
  REVIEW_FIELDS,
  SUBMISSION_STATES,
  VERDICTS,
  WORKSHOP_FIELDS,
  WORKSHOP_ROLES,
} from '../../core/workshop/fields.ts';
import { type ExampleInput, type ExampleRevision, buildExample, canonical } from './support/reference-bundle.ts';
import { ERROR_LINE, runCli } from './support/run-cli.ts';
import { refusalOf } from '../fixtures/bundles/helpers.ts';

const DOC = readFileSync(new URL('../../docs/bundle-format.md', import.meta.url), 'utf8');

/** The fenced blocks whose info string is `<language> example/<label>`, by label. */
function exampleBlocks(markdown: string): Map<string, string> {
  const blocks = new Map<string, string>();
  for (const match of markdown.matchAll(/^```\w+ example\/([\w.-]+)\n([\s\S]*?)\n```$/gm)) {
    const [, label, body] = match;
    if (blocks.has(label!)) throw new Error(`two blocks are labelled example/${label}`);
    blocks.set(label!, body!);
  }
  return blocks;
}

const blocks = exampleBlocks(DOC);
const block = (label: string): string => {
  const body = blocks.get(label);
  if (body === undefined) throw new Error(`docs/bundle-format.md has no block labelled example/${label}`);
  return body;
};
const input = JSON.parse(block('input')) as ExampleInput;
const documentedBytes = Buffer.from(block('bundle').replace(/\s/g, ''), 'hex');
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function withRevision(index: number, change: (revision: ExampleRevision) => ExampleRevision): ExampleInput {
  return { ...input, revisions: input.revisions.map((revision, at) => (at === index ? change(revision) : revision)) };
}


describe('docs/bundle-format.md §10, the worked example', () => {
  it('is self-consistent: the evidence names the attachment by its hash, and the edit names its parent', () => {
    const attachment = Buffer.from(input.attachments[0]!, 'hex');
    const evidence = JSON.parse(input.revisions[2]!.fields.evidence as string) as { sha256: string; size: number }[];
    expect(evidence).toEqual([expect.objectContaining({ sha256: sha256(attachment), size: attachment.length })]);
    expect(input.revisions[3]!.parents).toEqual([buildExample(input).ids[2]]);
  });

  it('is rebuilt from the document alone, value by value, by an encoder independent of core/', () => {
    const built = buildExample(input);
    expect(built.publicKey).toBe(block('public-key'));
    expect(built.deviceId).toBe(block('device-id'));
    expect(built.hashed[0]).toBe(block('hashed-1'));
    expect(built.hashed[3]).toBe(block('hashed-4'));
    expect(built.ids.join('\n')).toBe(block('revision-ids'));
    expect(built.revisionsPart).toBe(`${block('revisions.ndjson')}\n`);
    expect(built.attestationStatement).toBe(block('attestation-statement'));
    expect(built.attestationSignature).toBe(block('attestation-signature'));
    expect(built.provenancePart).toBe(`${block('provenance.ndjson')}\n`);
    expect(built.manifest).toBe(block('manifest'));
    expect(built.signature).toBe(block('signature'));
    expect(built.bytes.toString('hex')).toBe(documentedBytes.toString('hex'));
    expect(sha256(documentedBytes)).toBe(block('bundle-sha256'));
  });

  it('shows the framing at the offsets where the bytes are', () => {
    const rows = block('framing').split('\n');
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) {
      const [offset, bytes] = row.trim().split(/\s+/);
      if (bytes === '…') continue;
      expect(documentedBytes.subarray(Number(offset), Number(offset) + bytes!.length / 2).toString('hex'), row).toBe(bytes);
    }
  });

  it('is what encodeBundle writes from the same input, and decodeBundle accepts it', async () => {
    const identity = await deviceIdentityFromSeed(Buffer.from(input.seed, 'hex'));
    const deviceId = block('device-id');
    const revisions = await Promise.all(
      input.revisions.map((revision) =>
        createRevision({
          recordId: revision.recordId,
          fields: revision.fields,
          author: revision.author,
          deviceId,
          hlc: `${String(revision.wallMs).padStart(15, '0')}-${revision.counter.toString(16).padStart(4, '0')}-${deviceId}`,
          parents: revision.parents,
        }),
      ),
    );
    const encoded = await encodeBundle({
      revisions,
      attachments: input.attachments.map((hex) => Buffer.from(hex, 'hex')),
      device: { id: deviceId, name: input.deviceName, publicKey: identity.publicKey, privateKey: identity.privateKey },
      encryption: { kind: 'none' },
      bundleId: input.bundleId,
      createdAt: input.createdAt,
      appVersion: input.appVersion,
    });
    expect(Buffer.from(encoded).toString('hex')).toBe(documentedBytes.toString('hex'));

    const decoded = await decodeBundle(documentedBytes);
    expect(decoded.revisions.map((revision) => revision.id)).toEqual(block('revision-ids').split('\n').sort());
    expect(decoded.manifest.formatMinor).toBe(1);
    expect([...decoded.attachments.keys()]).toEqual([sha256(Buffer.from(input.attachments[0]!, 'hex'))]);
    expect([...decoded.origins.values()].every((origin) => origin.proof === 'signer' && origin.deviceId === deviceId)).toBe(true);
    expect(decoded.fileSha256).toBe(block('bundle-sha256'));
  });

  it('decodes a line that is valid JSON but not canonical to the same revision, as §2.4 says', async () => {
    const idFirst = buildExample(input, { lineOf: (content, id) => JSON.stringify({ id, ...(content as object) }) });
    expect(idFirst.revisionsPart).not.toBe(`${block('revisions.ndjson')}\n`);
    const decoded = await decodeBundle(idFirst.bytes);
    expect(decoded.revisions.map((revision) => canonical(revision as never))).toEqual(block('revisions.ndjson').split('\n'));
  });

  it('refuses a string where a number belongs as an invalid record, naming record, field and reason', async () => {
    for (const [index, field] of [
      [0, 'population'],
      [4, 'directValue'],
    ] as const) {
      const text = withRevision(index, (revision) => ({ ...revision, fields: { ...revision.fields, [field]: String(revision.fields[field]) } }));
      const error = await refusalOf(buildExample(text).bytes);
      expect(error.code).toBe('E_INVALID_RECORD');
      expect(error.details).toMatchObject({ recordId: input.revisions[index]!.recordId, field, reason: 'notANumber' });
    }
  });

  it('citykpi values refuses it too, instead of listing the value as missing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'citykpi-format-doc-'));
    const text = withRevision(2, (revision) => ({ ...revision, fields: { ...revision.fields, numerator: '41000' } }));
    writeFileSync(join(dir, 'text.citykpi'), buildExample(text).bytes);
    const result = await runCli(dir, ['values', 'text.citykpi', '--allow-unknown']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(ERROR_LINE);
    expect(result.stderr).toContain('E_INVALID_RECORD');
    expect(result.stderr).toContain('numerator: notANumber');
  });

  it('refuses unsorted or repeated parents by name, and an integer beyond 2^53', async () => {
    const parent = input.revisions[3]!.parents[0]!;
    for (const parents of [[parent, '0'.repeat(64)], [parent, parent]]) {
      const error = await refusalOf(buildExample(withRevision(3, (revision) => ({ ...revision, parents }))).bytes);
      expect(error.code).toBe('E_SCHEMA');
      expect(error.message).toContain('parents');
    }
    const huge = withRevision(0, (revision) => ({ ...revision, fields: { ...revision.fields, population: 2 ** 53 } }));
    const error = await refusalOf(buildExample(huge).bytes);
    expect(error.code).toBe('E_SCHEMA');
    expect(error.message).toContain('2^53');
  });
});

/** §2.9 as text: what follows a bold record-kind heading, up to the next one. */
function kindSection(heading: string): string {
  const section = DOC.slice(DOC.indexOf('### 2.9 '), DOC.indexOf('## 3. Manifest'));
  const start = section.indexOf(`**${heading}**`);
  if (start < 0) throw new Error(`§2.9 has no ${heading}`);
  const next = section.indexOf('\n**', start + heading.length + 4);
  return section.slice(start, next < 0 ? undefined : next);
}

const ticked = (text: string): string[] => [...text.matchAll(/`([^`]+)`/g)].map((match) => match[1]!);

/** The field names of a kind's table: the backticked names of each row's first cell. */
function tableFields(heading: string): string[] {
  return kindSection(heading)
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .flatMap((line) => ticked(line.split('|')[1]!))
    .sort();
}

/** The row of a table whose first cell names this field. */
function row(heading: string, field: string): string {
  return kindSection(heading).split('\n').find((line) => line.split('|')[1]?.includes(`\`${field}\``)) ?? '';
}

describe('docs/bundle-format.md §2.9, the record kinds, matches the record rules', () => {
  it('lists exactly the fields of the city, assessment and value records', () => {
    expect(tableFields('`city:`')).toEqual(Object.keys(FIELD_TABLES.city).sort());
    expect(tableFields('`assessment:`')).toEqual(Object.keys(FIELD_TABLES.assessment).sort());
    expect(tableFields('`value:`')).toEqual(Object.keys(FIELD_TABLES.kpiValue).sort());
  });

  it('names every field of target sets and targets', () => {
    for (const field of Object.keys(FIELD_TABLES.targetSet)) expect(ticked(kindSection('`targetSet:`'))).toContain(field);
    for (const field of Object.keys(FIELD_TABLES.target)) expect(ticked(kindSection('`target:`'))).toContain(field);
    expect(ticked(kindSection('`target:`'))).toEqual(expect.arrayContaining([...DIRECTIONS]));
  });

  it('gives the closed lists as the rules have them: status, quality levels in order, origins, catalogues, choices', () => {
    expect(ticked(row('`value:`', 'status')).slice(1)).toEqual([...VALUE_STATUSES]);
    expect(ticked(row('`value:`', 'quality')).slice(1)).toEqual([...QUALITY_LEVELS]);
    expect(ticked(row('`value:`', 'origin')).slice(1)).toEqual([...DATA_ORIGINS]);
    expect(ticked(row('`assessment:`', 'catalogueId'))).toEqual(expect.arrayContaining(CATALOGUES.map((catalogue) => catalogue.id)));
    const choices = ticked(row('`value:`', 'choice'));
    for (const catalogue of CATALOGUES) {
      for (const kpi of catalogue.kpis) {
        for (const point of pointsOf(kpi)) {
          if (point.computation.kind !== 'choice') continue;
          expect(choices, `${catalogue.id} ${kpi.id}`).toContain(kpi.id);
          expect(choices).toEqual(expect.arrayContaining([...point.computation.options]));
        }
      }
    }
  });

  it("lists the workshop records' fields and their values", () => {
    const rows = kindSection('Workshop records').split('\n');
    const cells = (kind: string) => {
      const line = rows.find((candidate) => candidate.startsWith(`| \`${kind}:`)) ?? '';
      const cell = line.split('|')[2] ?? '';
      return { fields: ticked(cell.replace(/\([^)]*\)/g, '')), values: ticked(cell.match(/\(([^)]*)\)/g)?.join(' ') ?? '') };
    };
    expect(cells('workshop').fields).toEqual([...WORKSHOP_FIELDS]);
    expect(cells('participant').fields).toEqual([...PARTICIPANT_FIELDS]);
    expect(cells('participant').values).toEqual([...WORKSHOP_ROLES]);
    expect(cells('assignment').fields).toEqual([...ASSIGNMENT_FIELDS]);
    expect([...new Set(cells('review').fields)]).toEqual([...REVIEW_FIELDS]);
    expect(cells('review').values).toEqual(expect.arrayContaining([...SUBMISSION_STATES, ...VERDICTS]));
    expect(cells('question').fields).toEqual([...QUESTION_FIELDS]);
    expect(cells('question').values).toEqual([...QUESTION_OUTCOMES]);
  });
});
