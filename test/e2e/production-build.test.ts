/** The production build served to Chromium: the test bridge hook compiled out, heavy code left for later. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const assets = new URL('../../dist/renderer/assets/', import.meta.url).pathname;

describe('the production renderer build', () => {
  it('does not honour, or even name, the test bridge hook', () => {
    const scripts = readdirSync(assets).filter((name) => name.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    const naming = scripts.filter((name) => readFileSync(join(assets, name), 'utf8').includes('__CITYKPI_TEST_BRIDGE__'));
    expect(naming).toEqual([]);
  });

  it('loads the passphrase strength estimator on demand, not with the first screen', () => {
    const html = readFileSync(new URL('../../dist/renderer/index.html', import.meta.url), 'utf8');
    const entry = /<script[^>]+src="\.\/assets\/([^"]+\.js)"/.exec(html)?.[1];
    expect(entry).toBeDefined();
    expect(readFileSync(join(assets, entry!), 'utf8')).not.toContain('adjacencyGraphs');
    expect(readdirSync(assets).some((name) => name.endsWith('.js') && readFileSync(join(assets, name), 'utf8').includes('adjacencyGraphs'))).toBe(true);
  });
});
