/** What the production build served to Chromium must not contain: the test bridge hook is compiled out. */
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
});
