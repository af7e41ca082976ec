/**
 * The office's enrolled devices (citykpi trust) and the rule every office command applies: a bundle
 * from a device that is not enrolled is refused, and with --allow-unknown it is never signed as the office's.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { encodeBundle } from '../../core/bundle/index.ts';
import { parseKeyFile } from '../../core/crypto/key-file.ts';
import { fingerprintOf } from '../../core/crypto/fingerprint.ts';
import { toBase64Url } from '../../core/crypto/bytes.ts';
import { unsafeCharacterPattern } from '../../core/text/unsafe-characters.ts';
import { repack, resign, unpack } from '../fixtures/bundles/forge.ts';
import { edit, signerFromSeed } from '../fixtures/bundles/helpers.ts';
import { type CliResult, ERROR_LINE, runCli, spawnCli } from './support/run-cli.ts';

// Each test runs the CLI several times, some as child processes: slow on a shared two-core machine.
vi.setConfig({ testTimeout: 240_000 });

let dir: string;
const cli = (...args: string[]): Promise<CliResult> => runCli(dir, args);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'citykpi-trust-'));
  for (const args of [['keygen', '--out', 'office'], ['demo', '--out', 'laptop1.citykpi', '--seed', '1'], ['demo', '--out', 'laptop2.citykpi', '--seed', '2'], ['demo', '--out', 'spoofed.citykpi', '--seed', '9']]) {
    const result = await cli(...args);
    expect(result.code, result.stderr).toBe(0);
  }
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('citykpi trust and the office rule, as processes', () => {
  it('merge and values refuse a bundle from a device that is not enrolled, and enrolling it lets it in', async () => {
    const [merge, values] = await Promise.all([
      spawnCli(dir, ['merge', 'laptop1.citykpi', 'laptop2.citykpi', 'spoofed.citykpi', '--out', 'all.citykpi', '--identity', 'office.key']),
      spawnCli(dir, ['values', 'spoofed.citykpi']),
    ]);
    for (const result of [merge, values]) {
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(ERROR_LINE);
      expect(result.stderr).toMatch(/^citykpi: E_UNKNOWN_SIGNER: laptop1\.citykpi: |^citykpi: E_UNKNOWN_SIGNER: spoofed\.citykpi: /);
    }
    expect(() => readFileSync(join(dir, 'all.citykpi'))).toThrow();

    const added = await spawnCli(dir, ['trust', 'add', 'laptop1.citykpi', '--name', 'Laptop 1']);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toMatch(/^enrolled: [0-9A-Z]{4}(-[0-9A-Z]{4}){4}  \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ  Laptop 1/);
    expect((await cli('trust', 'add', 'laptop2.citykpi')).code).toBe(0);
    expect((await cli('values', 'laptop1.citykpi')).code).toBe(0);
    const stillRefused = await cli('merge', 'laptop1.citykpi', 'laptop2.citykpi', 'spoofed.citykpi', '--out', 'all.citykpi', '--identity', 'office.key');
    expect(stillRefused.stderr).toMatch(/^citykpi: E_UNKNOWN_SIGNER: spoofed\.citykpi: .*not enrolled/);
    const merged = await cli('merge', 'laptop1.citykpi', 'laptop2.citykpi', '--out', 'all.citykpi', '--identity', 'office.key');
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stdout).toContain('signed by Central office');
  });

  it('with --allow-unknown, the office key never signs a merge that holds an unknown device', async () => {
    const merged = await cli('merge', 'laptop1.citykpi', 'spoofed.citykpi', '--out', 'mixed.citykpi', '--identity', 'office.key', '--allow-unknown');
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stderr).toContain('not enrolled');
    const office = await parseKeyFile(readFileSync(join(dir, 'office.pub'), 'utf8'));
    const inspected = JSON.parse((await cli('inspect', 'mixed.citykpi', '--identity', 'office.key', '--json')).stdout) as { signer: { publicKey: string } };
    expect(inspected.signer.publicKey).not.toBe(toBase64Url(office.signers[0]!.publicKey));
    // A laptop that trusts only office.pub is asked before importing it.
    const laptopView = await cli('verify', 'mixed.citykpi', '--identity', 'office.key', '--trust', 'office.pub');
    expect(laptopView.stderr).toMatch(/^citykpi: E_UNKNOWN_SIGNER: /);
    expect((await cli('values', 'spoofed.citykpi', '--allow-unknown')).code).toBe(0);
  });

  it('lists, renames and removes enrolled devices in the trust file', async () => {
    const spoofed = await signerFromSeed(0x42);
    const fingerprint = await fingerprintOf(spoofed.publicKey);
    const mismatch = await cli('trust', 'add', '--key', toBase64Url(spoofed.publicKey), '--name', 'Guest', '--fingerprint', 'AAAA-AAAA-AAAA-AAAA-AAAA', '--trust-file', 'x.trust');
    expect(mismatch.stderr).toMatch(/^citykpi: E_FINGERPRINT_MISMATCH: /);
    const add = await cli('trust', 'add', '--key', toBase64Url(spoofed.publicKey), '--name', 'Guest', '--fingerprint', fingerprint.toLowerCase(), '--trust-file', 'x.trust');
    expect(add.code, add.stderr).toBe(0);
    expect((await cli('trust', 'add', '--key', toBase64Url(spoofed.publicKey), '--name', 'Guest laptop', '--trust-file', 'x.trust')).stdout).toMatch(/^renamed: /);
    const list = JSON.parse((await cli('trust', 'list', '--json', '--trust-file', 'x.trust')).stdout) as { fingerprint: string; name: string }[];
    expect(list).toEqual([expect.objectContaining({ fingerprint, name: 'Guest laptop' })]);
    expect(readFileSync(join(dir, 'x.trust'), 'utf8')).toMatch(/^citykpi-trust v1\n/);
    const hostileName = await cli('trust', 'add', '--key', toBase64Url(spoofed.publicKey), '--name', 'Lap\u202etop', '--trust-file', 'x.trust');
    expect(hostileName.stderr).toMatch(/^citykpi: E_TRUST_FILE: .*bidi/);
    expect((await cli('trust', 'remove', fingerprint.replace(/-/g, ''), '--trust-file', 'x.trust')).code).toBe(0);
    expect((await cli('trust', 'list', '--trust-file', 'x.trust')).stdout).toContain('no device enrolled');
    expect((await cli('trust', 'remove', fingerprint, '--trust-file', 'x.trust')).stderr).toMatch(/^citykpi: E_NOT_ENROLLED: /);
    expect((await cli('values', 'laptop1.citykpi', '--trust-file', 'missing.trust')).stderr).toMatch(/^citykpi: E_IO: /);
    writeFileSync(join(dir, 'bad.trust'), 'citykpi-trust v1\ndevice nonsense 2025-01-01T00:00:00Z Someone\n');
    expect((await cli('trust', 'list', '--trust-file', 'bad.trust')).stderr).toMatch(/^citykpi: E_TRUST_FILE: bad\.trust: line 2: /);
    for (const args of [['trust'], ['trust', 'frobnicate'], ['trust', 'add'], ['trust', 'add', '--key', toBase64Url(spoofed.publicKey)]]) {
      expect((await cli(...args)).code, args.join(' ')).toBe(2);
    }
  });

  it('refuses merge --out onto one of its inputs (E_EXISTS) and leaves the input as it was', async () => {
    const before = readFileSync(join(dir, 'laptop1.citykpi'));
    const onto = await cli('merge', 'laptop1.citykpi', 'laptop2.citykpi', '--out', './laptop1.citykpi', '--force');
    expect(onto.code).toBe(1);
    expect(onto.stderr).toMatch(/^citykpi: E_EXISTS: .*one of the inputs/);
    expect(readFileSync(join(dir, 'laptop1.citykpi'))).toEqual(before);
    expect((await cli('merge', 'laptop1.citykpi', '--out', 'all.citykpi')).stderr).toMatch(/^citykpi: E_EXISTS: .*--force/);
  });

  it('shows control and bidi characters from a bundle as visible escapes in inspect, verify and values', async () => {
    const device = { ...(await signerFromSeed(0x51)), name: 'Laptop\u001b[2J\u202eevil' };
    const author = 'Ann\u001b]0;pwned\u0007\u2066x';
    const revisions = [
      await edit(device.id, 'city:esc', { name: 'Esc\u001b[31mCity', country: 'XX', population: 10 }, 1_000, [], author),
      await edit(device.id, 'assessment:esc-2025', { cityId: 'esc', year: 2025, catalogueId: 'u4ssc-2017' }, 1_100, [], author),
      await edit(device.id, 'value:esc-2025:EC-ICT-ICT-1C:_', { numerator: 5, source: 'a\u009bb\u200fc' }, 1_200, [], author),
    ];
    writeFileSync(join(dir, 'escape.citykpi'), await encodeBundle({ revisions, device, encryption: { kind: 'none' } }));
    const outputs = [
      await cli('inspect', 'escape.citykpi'),
      await cli('verify', 'escape.citykpi'),
      await cli('values', 'escape.citykpi', '--allow-unknown'),
      await cli('values', 'escape.citykpi', '--allow-unknown', '--fields'),
    ];
    for (const output of outputs) {
      expect(output.code, output.stderr).toBe(0);
      expect(output.stdout.replace(/[\t\n]/g, '')).not.toMatch(unsafeCharacterPattern('u'));
    }
    expect(outputs[0]!.stdout).toContain('Laptop\\u{001b}[2J\\u{202e}evil');
    expect(outputs[2]!.stdout).toContain('Esc\\u{001b}[31mCity');
    expect(outputs[2]!.stdout).toContain('a\\u{009b}b\\u{200f}c');
  });

  it('provenance: a forged device bundle is refused, and an office merge shows who made each edit', async () => {
    const laptop = await signerFromSeed(0x61, 'Field laptop');
    const office = await signerFromSeed(0x62, 'Central office');
    const claimsOffice = await edit(office.id, 'city:esc', { name: 'Rewritten by "the office"' }, 5_000, [], 'Central office');
    const forged = unpack(await encodeBundle({ revisions: [claimsOffice], device: { ...laptop, id: office.id }, encryption: { kind: 'none' } }));
    const stripped = { ...forged, parts: forged.parts.slice(0, 1), manifest: { ...forged.manifest, device: { ...(forged.manifest.device as object), id: laptop.id }, parts: (forged.manifest.parts as unknown[]).slice(0, 1) } };
    writeFileSync(join(dir, 'forged.citykpi'), repack(await resign(stripped, laptop)));
    const refused = await spawnCli(dir, ['verify', 'forged.citykpi']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(ERROR_LINE);
    expect(refused.stderr).toMatch(/^citykpi: E_FOREIGN_REVISION: forged\.citykpi: /);

    const inspected = (await cli('inspect', 'all.citykpi', '--identity', 'office.key')).stdout;
    for (const seed of [1, 2]) expect(inspected).toMatch(new RegExp(`\n  [0-9A-Z-]{24}  Demo laptop ${seed} \\(dev-[0-9a-f]+\\)  8 revisions, attested, relayed\n`));
    expect(inspected).toMatch(/CityKPI demo \(citykpi-demo\)  \d+ revisions, made on every laptop alike/);
    const values = (await cli('values', 'all.citykpi', '--identity', 'office.key')).stdout;
    const fingerprints = await Promise.all(['laptop1', 'laptop2'].map(async (name) => (JSON.parse((await cli('inspect', `${name}.citykpi`, '--json')).stdout) as { signer: { fingerprint: string } }).signer.fingerprint));
    for (const fingerprint of fingerprints) expect(values).toContain(`(key ${fingerprint})`);

    // The office merge relays laptop 2's edits: removing laptop 2 from the trust file refuses them too.
    expect((await cli('trust', 'remove', fingerprints[1]!)).code).toBe(0);
    const relayed = await cli('values', 'all.citykpi', '--identity', 'office.key');
    expect(relayed.stderr).toMatch(new RegExp(`^citykpi: E_UNKNOWN_SIGNER: all\\.citykpi: revision [0-9a-f]{64} was made by device ${fingerprints[1]}`));
    expect((await cli('trust', 'add', 'laptop2.citykpi')).code).toBe(0);
  });
});

