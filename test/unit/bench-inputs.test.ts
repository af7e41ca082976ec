import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compare, percentile, single } from '../../bench/figures.ts';
import { evidenceFiles, laptopHistory, officeFleet } from '../../bench/inputs.ts';
import { initialJsFigure } from '../../bench/node-figures.ts';
import { resultsTable } from '../../bench/report.ts';
import { decodeBundle, encodeBundle } from '../../core/bundle/index.ts';
import { sha256, toHex } from '../../core/crypto/bytes.ts';
import { LAKE_AMARA_VALUES } from '../../core/demo/lake-amara.ts';
import { verifyRevisionId } from '../../core/revisions/revision-id.ts';

describe('benchmark inputs', () => {
  it('gives a laptop history of exactly the asked size, the same on every run', async () => {
    const first = await laptopHistory(600);
    const second = await laptopHistory(600);
    expect(first.revisions).toHaveLength(600);
    expect(second.revisions.map((revision) => revision.id)).toEqual(first.revisions.map((revision) => revision.id));
    for (const revision of first.revisions) expect(await verifyRevisionId(revision)).toBe(true);
  });

  it('cuts evidence into files of the asked sizes with fixed content', async () => {
    const files = evidenceFiles(2_500_000, 1_000_000);
    expect(files.map((file) => file.length)).toEqual([1_000_000, 1_000_000, 500_000]);
    expect(new TextDecoder().decode(files[0]!.subarray(0, 8))).toBe('%PDF-1.7');
    expect(toHex(await sha256(files[2]!))).toBe(toHex(await sha256(evidenceFiles(2_500_000, 1_000_000)[2]!)));
    expect(toHex(await sha256(files[0]!))).not.toBe(toHex(await sha256(files[1]!)));
  });

  it('builds an office fleet whose bundles are each signed by the device their revisions name', async () => {
    const fleet = await officeFleet(2, 3);
    expect(fleet.map(({ cityIndex, deviceIndex }) => `${cityIndex}/${deviceIndex}`)).toEqual(['0/0', '0/1', '0/2', '1/0', '1/1', '1/2']);
    const cityIds = new Set<unknown>();
    for (const { input, deviceIndex } of fleet) {
      expect(input.revisions).toHaveLength(deviceIndex === 0 ? 2 + LAKE_AMARA_VALUES.length : 20);
      for (const revision of input.revisions) expect(revision.deviceId).toBe(input.device.id);
      const decoded = await decodeBundle(await encodeBundle({ ...input, encryption: { kind: 'none' } }));
      expect(decoded.revisions).toHaveLength(input.revisions.length);
      for (const id of decoded.manifest.scope.cityIds) cityIds.add(id);
    }
    expect(cityIds).toEqual(new Set(['bench-city-0000', 'bench-city-0001']));
    expect(new Set(fleet.map(({ input }) => input.bundleId)).size).toBe(fleet.length);
  });
});

describe('benchmark figures', () => {
  it('compares against a peer and judges the goal on the ratio or on the value', () => {
    const slower = compare('verify', { value: 90, unit: 'ms' }, { name: 'floor', value: 30 }, { kind: 'max', value: 3, on: 'ratio' });
    expect(slower.ratio).toBe(3);
    expect(slower.met).toBe(true);
    expect(compare('verify', { value: 91, unit: 'ms' }, { name: 'floor', value: 30 }, { kind: 'max', value: 3, on: 'ratio' }).met).toBe(false);
    expect(single('ready', 501, 'ms', { kind: 'max', value: 500, on: 'value' }).met).toBe(false);
  });

  it('takes nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, index) => 100 - index);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile([7], 95)).toBe(7);
  });

  it('counts only the scripts the page loads at start as initial JavaScript', () => {
    const dist = mkdtempSync(join(tmpdir(), 'bench-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<script type="module" crossorigin src="./assets/index-a.js"></script><link rel="modulepreload" crossorigin href="./assets/data-b.js">');
    writeFileSync(join(dist, 'assets', 'index-a.js'), 'a'.repeat(10_000));
    writeFileSync(join(dist, 'assets', 'data-b.js'), 'b'.repeat(10_000));
    writeFileSync(join(dist, 'assets', 'charts-c.js'), crypto.getRandomValues(new Uint8Array(50_000)));
    const figure = initialJsFigure(dist);
    expect(figure.value).toBeGreaterThan(0);
    expect(figure.value).toBeLessThan(1);
    expect(figure.note).toBe('2 of 3 chunks load at start');
  });

  it('writes a table with each figure, its peer, ratio and goal', () => {
    const table = resultsTable({ date: '2026-01-01T00:00:00Z', mode: 'quick', seconds: 3, machine: { cpus: 2 } }, [
      compare('export', { value: 1500, unit: 'ms' }, { name: 'age alone', value: 1000 }, { kind: 'max', value: 1.5, on: 'ratio' }),
    ]);
    expect(table).toContain('| export | 1,500 ms | age alone: 1,000 ms | 1.50× | ≤ 1.5× ✔ met |');
    expect(table.startsWith('<!-- bench:results:start -->')).toBe(true);
  });
});
