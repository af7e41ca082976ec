/**
 * Screenshots the e2e suite keeps for people to look at (RTL, CJK rendering): test-results/e2e/,
 * which is gitignored and left in place after the run.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

const artifactsDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'test-results', 'e2e');

/** Saves a full-page PNG named `<name>.png` and returns its path. */
export async function keepScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(artifactsDir, { recursive: true });
  const path = join(artifactsDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
