/**
 * `citykpi ingest` and `citykpi quarantine` against a real PostgreSQL: the database ends up holding
 * exactly what `citykpi values` reads from the same files, unknown signers wait for a decision, a
 * damaged file is refused with the code `citykpi verify` gives it, and ingesting again changes nothing.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main.ts';
import { decodeReceipt } from '../../core/bundle/index.ts';
import { parseKeyFile } from '../../core/crypto/key-file.ts';
import { encodeBundle } from '../../core/bundle/index.ts';
import { formatHlc } from '../../core/revisions/hlc.ts';
import { formatRecordId, type RecordRef } from '../../core/revisions/record-id.ts';
import { createRevision } from '../../core/revisions/revision-id.ts';
import type { FieldMap, Revision } from '../../core/revisions/types.ts';
import { signerFromSeed } from '../fixtures/bundles/helpers.ts';
import { cli, errorCode, freshDatabase, query, scratch, spawnCli } from './support/office.ts';

let url: string;
const work = scratch();
const files = ['laptop1.citykpi', 'laptop2.citykpi', 'laptop3.citykpi'];

beforeAll(async () => {
  url = await freshDatabase();
  expect((await cli(work.dir, 'db', 'migrate', '--postgres', url)).code).toBe(0);
  expect((await cli(work.dir, 'keygen', '--out', 'office')).code).toBe(0);
  for (const [index, file] of files.entries()) {
    expect((await cli(work.dir, 'demo', '--out', file, '--seed', String(index + 1), '--to', 'office.pub')).code).toBe(0);
  }
  expect((await cli(work.dir, 'merge', ...files, '--out', 'all.citykpi', '--identity', 'office.key', '--allow-unknown')).code).toBe(0);
  expect((await cli(work.dir, 'trust', 'add', 'laptop3.citykpi', '--identity', 'office.key')).code).toBe(0);
  const damaged = readFileSync(join(work.dir, files[0]!));
  damaged[damaged.length - 100]! ^= 0x01;
  writeFileSync(join(work.dir, 'damaged.citykpi'), damaged);
});
afterAll(() => work.remove());

async function counts(): Promise<{ bundles: number; revisions: number; attachments: number }> {
  const [row] = await query<{ bundles: number; revisions: number; attachments: number }>(
    url,
    'SELECT (SELECT count(*)::int FROM bundles) AS bundles, (SELECT count(*)::int FROM revisions) AS revisions, (SELECT count(*)::int FROM attachments) AS attachments',
  );
  return row!;
}

async function heldIds(): Promise<string[]> {
  const list = await cli(work.dir, 'quarantine', 'list', '--postgres', url, '--json');
  expect(list.code).toBe(0);
  return (JSON.parse(list.stdout) as { id: string }[]).map((row) => row.id);
}

describe('citykpi ingest', () => {
  it('merges bundles from enrolled devices and holds the others until an analyst accepts or rejects them', async () => {
    const ingest = await spawnCli(work.dir, ['ingest', '--postgres', url, '--identity', 'office.key', ...files]);
    expect(ingest).toMatchObject({ code: 0, stderr: '' });
    expect(ingest.stdout.trim().split('\n')).toHaveLength(3);
    expect(ingest.stdout).toMatch(/laptop1\.citykpi: signer [0-9A-Z-]+ is not enrolled; held in quarantine as [0-9a-f]{12}/);
    expect(ingest.stdout).toMatch(/laptop3\.citykpi: merged, \d+ of \d+ revisions new/);
    expect((await counts()).bundles).toBe(1);

    const held = await heldIds();
    expect(held).toHaveLength(2);
    const [first, second] = held as [string, string];
    const accepted = await cli(work.dir, 'quarantine', 'accept', first.slice(0, 12), '--postgres', url, '--identity', 'office.key');
    expect(accepted).toMatchObject({ code: 0, stderr: '' });
    expect(accepted.stdout).toMatch(/accepted; signer .* enrolled, bundle merged, \d+ of \d+ revisions new/);
    expect((await cli(work.dir, 'quarantine', 'reject', second.slice(0, 12), '--postgres', url)).code).toBe(0);
    expect(await heldIds()).toEqual([]);
    expect((await counts()).bundles).toBe(2);
    expect(await query(url, "SELECT count(*)::int AS n FROM quarantine WHERE decision = 'rejected' AND bytes IS NULL")).toEqual([{ n: 1 }]);

    const unknownId = await cli(work.dir, 'quarantine', 'accept', 'ffffffffffff', '--postgres', url, '--identity', 'office.key');
    expect(errorCode(unknownId.stderr)).toBe('E_NOT_FOUND');
  });

  it('merges the rest with --allow-unknown, refuses a damaged file with the code verify gives, and writes receipts', async () => {
    const verify = await cli(work.dir, 'verify', 'damaged.citykpi', '--identity', 'office.key');
    expect(errorCode(verify.stderr)).toBe('E_DECRYPT_FAILED');
    const ingest = await cli(work.dir, 'ingest', '--postgres', url, '--identity', 'office.key', '--allow-unknown', '--receipts', '.', 'damaged.citykpi', ...files);
    expect(ingest.code).toBe(1);
    expect(errorCode(ingest.stderr)).toBe('E_DECRYPT_FAILED');
    expect(ingest.stderr).toMatch(/^citykpi: E_DECRYPT_FAILED: 1 of 4 bundles refused, the others were ingested; first: damaged\.citykpi: [^\n]+\n$/);
    expect(ingest.stdout).toMatch(/damaged\.citykpi: .* \(refused, E_DECRYPT_FAILED\)\n/);
    expect(ingest.stdout).toContain('laptop1.citykpi: already ingested, nothing changed');
    expect(ingest.stdout).toMatch(/laptop2\.citykpi: merged, \d+ of \d+ revisions new/);
    expect((await counts()).bundles).toBe(3);

    const office = await parseKeyFile(readFileSync(join(work.dir, 'office.pub'), 'utf8'));
    const receipts = readdirSync(work.dir).filter((name) => name.endsWith('.citykpi-receipt'));
    expect(receipts).toHaveLength(3);
    for (const name of receipts) {
      const receipt = await decodeReceipt(new Uint8Array(readFileSync(join(work.dir, name))), {
        trustedSigners: (key) => (office.signers.some((signer) => Buffer.from(signer.publicKey).equals(Buffer.from(key))) ? 'trusted' : 'unknown'),
      });
      expect(receipt.signer.known).toBe(true);
      expect(receipt.bundleIds).toEqual([name.replace('.citykpi-receipt', '')]);
    }
  });

  it('holds exactly the rows and values `citykpi values` reads from the same files', async () => {
    for (const format of [[], ['--json'], ['--csv'], ['--fields', '--json']]) {
      const fromFile = await cli(work.dir, 'values', 'all.citykpi', '--identity', 'office.key', '--allow-unknown', ...format);
      const fromDatabase = await cli(work.dir, 'values', '--postgres', url, ...format);
      expect(fromFile.code).toBe(0);
      expect(fromDatabase).toEqual(fromFile);
    }
    const rows = JSON.parse((await cli(work.dir, 'values', 'all.citykpi', '--identity', 'office.key', '--allow-unknown', '--json')).stdout) as { conflicts: unknown[] }[];
    expect(rows.some((row) => row.conflicts.length > 0)).toBe(true);
  });

  it('keeps the makers an office merge proves by attestation, so its relayed edits are shown as made by their laptops', async () => {
    const relayed = await freshDatabase();
    expect((await cli(work.dir, 'db', 'migrate', '--postgres', relayed)).code).toBe(0);
    expect((await cli(work.dir, 'ingest', '--postgres', relayed, '--identity', 'office.key', '--allow-unknown', 'all.citykpi')).code).toBe(0);
    const fromFile = await cli(work.dir, 'values', 'all.citykpi', '--identity', 'office.key', '--allow-unknown');
    expect(await cli(work.dir, 'values', '--postgres', relayed)).toEqual(fromFile);
    expect(fromFile.stdout).toMatch(/\(key [0-9A-Z-]+\)/);
    const proofs = await query<{ proof: string }>(relayed, 'SELECT DISTINCT proof FROM revision_origins ORDER BY proof');
    expect(proofs.map((row) => row.proof)).toEqual(['attestation', 'keyless']);
  });

  it('holds a bundle from an enrolled relay that carries edits attested by a device not enrolled, as merge and values refuse it', async () => {
    const relayDb = await freshDatabase();
    expect((await cli(work.dir, 'db', 'migrate', '--postgres', relayDb)).code).toBe(0);
    // A regional office (enrolled at the central office by file) relays laptop 1's edits, which it enrolled itself.
    expect((await cli(work.dir, 'keygen', '--out', 'regional')).code).toBe(0);
    expect((await cli(work.dir, 'trust', 'add', 'laptop1.citykpi', '--identity', 'office.key', '--trust-file', 'regional.trust')).code).toBe(0);
    const relayedMerge = await cli(work.dir, 'merge', 'laptop1.citykpi', '--out', 'regional.citykpi', '--identity', 'regional.key', '--identity', 'office.key', '--trust-file', 'regional.trust', '--to', 'office.pub');
    expect(relayedMerge.code, relayedMerge.stderr).toBe(0);
    expect((await cli(work.dir, 'trust', 'add', 'regional.citykpi', '--identity', 'office.key', '--trust-file', 'central.trust')).code).toBe(0);
    const laptop1 = (JSON.parse((await cli(work.dir, 'inspect', 'laptop1.citykpi', '--identity', 'office.key', '--json')).stdout) as { signer: { fingerprint: string } }).signer.fingerprint;
    const fromFile = await cli(work.dir, 'values', 'regional.citykpi', '--identity', 'office.key', '--trust-file', 'central.trust');
    expect(errorCode(fromFile.stderr)).toBe('E_UNKNOWN_SIGNER');
    expect(fromFile.stderr).toContain(laptop1);

    const ingest = await cli(work.dir, 'ingest', '--postgres', relayDb, '--identity', 'office.key', '--trust-file', 'central.trust', 'regional.citykpi');
    expect(ingest).toMatchObject({ code: 0, stderr: '' });
    expect(ingest.stdout).toMatch(new RegExp(`regional\\.citykpi: relays edits made by ${laptop1}, not enrolled; held in quarantine as [0-9a-f]{12}\n`));
    const revisionsIn = async () => (await query<{ n: number }>(relayDb, 'SELECT count(*)::int AS n FROM revisions'))[0]!.n;
    expect(await revisionsIn()).toBe(0);
    expect(await query(relayDb, 'SELECT count(*)::int AS n FROM signers')).toEqual([{ n: 0 }]);

    const listed = await cli(work.dir, 'quarantine', 'list', '--postgres', relayDb);
    expect(listed.stdout).toMatch(new RegExp(`\trelays edits by makers not enrolled: ${laptop1} "Demo laptop 1"\n$`));
    const [held] = JSON.parse((await cli(work.dir, 'quarantine', 'list', '--postgres', relayDb, '--json')).stdout) as { id: string; unenrolledMakers: { fingerprint: string }[] }[];
    expect(held!.unenrolledMakers.map((maker) => maker.fingerprint)).toEqual([laptop1]);

    const accepted = await cli(work.dir, 'quarantine', 'accept', held!.id.slice(0, 12), '--postgres', relayDb, '--identity', 'office.key', '--trust-file', 'central.trust');
    expect(accepted).toMatchObject({ code: 0, stderr: '' });
    expect(accepted.stdout).toContain(`and makers ${laptop1} enrolled, bundle merged`);
    expect(await revisionsIn()).toBeGreaterThan(0);
    expect(await query(relayDb, 'SELECT fingerprint FROM signers ORDER BY fingerprint')).toContainEqual({ fingerprint: laptop1 });
    expect(await query(relayDb, 'SELECT count(*)::int AS n FROM quarantine WHERE decision IS NULL')).toEqual([{ n: 0 }]);
    // Laptop 1 is enrolled now: its own bundle goes straight in.
    expect((await cli(work.dir, 'ingest', '--postgres', relayDb, '--identity', 'office.key', '--trust-file', 'central.trust', 'laptop1.citykpi')).stdout).toMatch(/laptop1\.citykpi: merged/);
  });

  it('scores and exports from the database exactly as from the same files', async () => {
    writeFileSync(join(work.dir, 'targets.csv'), 'kpi,data_point,target,direction,source\nEC-ICT-ICT-1C,,100,higher,office\nEN-EN-AQ-1C,pm25,5,lower,WHO 2021\n');
    const fromFile = await cli(work.dir, 'score', 'all.citykpi', '--identity', 'office.key', '--allow-unknown', '--targets', 'targets.csv', '--json');
    expect(fromFile.code).toBe(0);
    expect(await cli(work.dir, 'score', '--postgres', url, '--targets', 'targets.csv', '--json')).toEqual(fromFile);
    for (const format of ['csv', 'sdmx-csv', 'dhis2-json']) {
      expect((await cli(work.dir, 'export', 'all.citykpi', '--identity', 'office.key', '--allow-unknown', '--format', format, '--out', `file.${format}`)).code).toBe(0);
      expect((await cli(work.dir, 'export', '--postgres', url, '--format', format, '--out', `db.${format}`)).code).toBe(0);
      expect(readFileSync(join(work.dir, `db.${format}`), 'utf8')).toBe(readFileSync(join(work.dir, `file.${format}`), 'utf8'));
    }
    const both = await cli(work.dir, 'score', 'all.citykpi', '--postgres', url, '--targets', 'targets.csv');
    expect([both.code, errorCode(both.stderr)]).toEqual([2, 'E_USAGE']);
  });

  it('derives the same current values and conflicts in SQL, for analysts\' own tools', async () => {
    const expected = JSON.parse((await cli(work.dir, 'values', 'all.citykpi', '--identity', 'office.key', '--allow-unknown', '--fields', '--json')).stdout) as Record<string, unknown>[];
    const viewRows = await query<Record<string, unknown>>(
      url,
      `SELECT city_id AS "cityId", year, assessment_id AS "assessmentId", kpi_id AS "kpiId", point_id AS "pointId", field, conflict, value, candidates
       FROM kpi_value_fields ORDER BY city_id, year, assessment_id, kpi_id, point_id, field`,
    );
    expect(viewRows).toEqual(expected);
    const conflicted = expected.filter((row) => row.conflict === true);
    expect(conflicted.length).toBeGreaterThan(0);
    const conflictRows = await query<{ n: number }>(url, "SELECT count(*)::int AS n FROM conflicts WHERE record_id LIKE 'value:%'");
    expect(conflictRows[0]!.n).toBe(conflicted.reduce((sum, row) => sum + (row.candidates as unknown[]).length, 0));
    const makers = await query<{ device_id: string; maker_device_id: string | null; proof: string | null }>(
      url,
      "SELECT DISTINCT device_id, maker_device_id, proof FROM conflicts WHERE record_id LIKE 'value:%' ORDER BY device_id",
    );
    expect(makers.length).toBeGreaterThan(1);
    for (const maker of makers) expect(maker).toEqual({ device_id: maker.device_id, maker_device_id: maker.device_id, proof: 'signer' });
  });

  it('computes the KPI values in SQL exactly as `citykpi values` does', async () => {
    const expected = (JSON.parse((await cli(work.dir, 'values', 'all.citykpi', '--identity', 'office.key', '--allow-unknown', '--json')).stdout) as Record<string, unknown>[]).map(
      ({ cityId, year, assessmentId, kpiCode, kpiId, pointId, value, valueKind, unit }) => ({ cityId, year, assessmentId, kpiCode, kpiId, pointId, value, valueKind, unit }),
    );
    const viewRows = await query<Record<string, unknown>>(
      url,
      `SELECT city_id AS "cityId", year, assessment_id AS "assessmentId", kpi_code AS "kpiCode", kpi_id AS "kpiId", point_id AS "pointId",
              value, value_kind AS "valueKind", unit
       FROM kpi_values ORDER BY city_id, year, assessment_id, kpi_id, point_id`,
    );
    expect(viewRows).toEqual(expected);
    expect([...new Set(expected.map((row) => row.valueKind))]).toEqual(expect.arrayContaining(['computed', 'direct', 'choice', 'conflict', 'missing']));
  });

  it('refuses a bundle whose new revisions break the workshop rules, as the desktop import does', async () => {
    const assessmentId = 'workshop-assessment';
    // The bundle's revisions claim the device that signs it, as every laptop's own edits do.
    const device = await signerFromSeed(40);
    let wall = Date.UTC(2026, 2, 1);
    const write = (ref: RecordRef, fields: FieldMap, author: string) =>
      createRevision({ recordId: formatRecordId(ref), fields, author, deviceId: device.id, hlc: formatHlc({ wallMs: (wall += 1000), counter: 0, deviceId: device.id }), parents: [] });
    const setup = [
      await write({ kind: 'workshop', assessmentId, workshopId: 'w1' }, { title: 'Data week', place: 'Town hall' }, 'Fatima'),
      await write({ kind: 'participant', assessmentId, participantId: 'p-fatima' }, { workshopId: 'w1', name: 'Fatima', department: 'Planning', role: 'facilitator' }, 'Fatima'),
      await write({ kind: 'participant', assessmentId, participantId: 'p-amina' }, { workshopId: 'w1', name: 'Amina', department: 'Water', role: 'participant' }, 'Fatima'),
      await write({ kind: 'assignment', assessmentId, kpiId: 'EC-ICT-ICT-1C' }, { department: 'Water' }, 'Fatima'),
    ];
    const foreign = await write({ kind: 'kpiValue', assessmentId, kpiId: 'EC-ICT-ICT-2C', pointId: '_' }, { numerator: 4 }, 'Amina');
    const bundle = (revisions: readonly Revision[]) => encodeBundle({ revisions: [...revisions].sort((a, b) => (a.id < b.id ? -1 : 1)), device, encryption: { kind: 'none' } });
    writeFileSync(join(work.dir, 'workshop-foreign.citykpi'), await bundle([...setup, foreign]));
    writeFileSync(join(work.dir, 'workshop.citykpi'), await bundle(setup));
    const before = await counts();
    const refused = await cli(work.dir, 'ingest', '--postgres', url, '--allow-unknown', 'workshop-foreign.citykpi');
    expect([refused.code, errorCode(refused.stderr)]).toEqual([1, 'E_WORKSHOP_RULE']);
    expect(refused.stdout).toContain('notAssigned by "Amina"');
    expect(await counts()).toEqual(before);
    expect((await cli(work.dir, 'ingest', '--postgres', url, '--allow-unknown', 'workshop.citykpi')).code).toBe(0);
    expect((await counts()).revisions).toBe(before.revisions + setup.length);
  });

  it('changes nothing when the same files come again, and keeps revisions append-only', async () => {
    const before = await counts();
    const again = await cli(work.dir, 'ingest', '--postgres', url, '--identity', 'office.key', '--allow-unknown', ...files);
    expect(again.code).toBe(0);
    expect(again.stdout.match(/already ingested/g)).toHaveLength(3);
    expect(await counts()).toEqual(before);
    await expect(query(url, 'DELETE FROM revisions')).rejects.toThrow(/append-only/);
    await expect(query(url, "UPDATE revisions SET author = 'someone else'")).rejects.toThrow(/append-only/);
    await expect(query(url, 'UPDATE bundles SET receipt = NULL')).rejects.toThrow(/append-only/);
  });

  it('draws a progress bar on standard error only when it is a terminal', async () => {
    const run = async (errIsTerminal: boolean) => {
      let stderr = '';
      const code = await main(['ingest', '--postgres', url, '--identity', 'office.key', '--allow-unknown', ...files], {
        out: () => undefined,
        err: (text) => void (stderr += text),
        cwd: work.dir,
        errIsTerminal,
      });
      return { code, stderr };
    };
    const terminal = await run(true);
    expect(terminal.code).toBe(0);
    expect(terminal.stderr).toContain('\r');
    expect(terminal.stderr).toMatch(/\] 2\/3 laptop3\.citykpi/);
    expect(await run(false)).toEqual({ code: 0, stderr: '' });
  });
});
