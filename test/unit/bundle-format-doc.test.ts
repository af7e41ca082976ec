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
import { createRevision } from '../../core/revisions/revision-id.ts';
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
