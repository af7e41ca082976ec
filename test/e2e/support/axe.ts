/**
 * Runs axe-core inside the page (read from node_modules, never fetched) and reports the serious and
 * critical violations in a form that says what to fix and where.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { AxeResults, ImpactValue, Result } from 'axe-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const blockingImpacts: readonly ImpactValue[] = ['serious', 'critical'];

interface AxeViolation {
  readonly id: string;
  readonly impact: ImpactValue;
  readonly help: string;
  readonly targets: readonly string[];
}

declare global {
  interface Window {
    axe?: { run(context?: unknown, options?: unknown): Promise<AxeResults> };
  }
}

function toViolation(result: Result): AxeViolation {
  return {
    id: result.id,
    impact: result.impact ?? 'minor',
    help: result.help,
    // Generated ids (react-aria) say little on their own: show the start of the element's markup too.
    targets: result.nodes.map((node) => `${node.target.join(' ')}  ${node.html.replace(/\s+/g, ' ').slice(0, 160)}`),
  };
}

/** The serious and critical axe violations on the page as it is now. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) {
    // Evaluated over CDP rather than added as a <script>: the app's Content-Security-Policy rightly
    // refuses inline scripts, and the test must not weaken it.
    await page.evaluate(axeSource);
  }
  const results = await page.evaluate(async () => {
    if (!window.axe) throw new Error('axe-core did not load');
    return window.axe.run(document, { resultTypes: ['violations'] });
  });
  return results.violations.filter((v) => blockingImpacts.includes(v.impact ?? 'minor')).map(toViolation);
}

/** One readable block per violation: rule, impact, what it asks for and the offending elements. */
function describeViolations(screen: string, violations: readonly AxeViolation[]): string {
  if (violations.length === 0) return `${screen}: no serious or critical axe violations`;
  const lines = violations.map(
    (v) => `- [${v.impact}] ${v.id}: ${v.help}\n    ${v.targets.slice(0, 5).join('\n    ')}` +
      (v.targets.length > 5 ? `\n    … and ${v.targets.length - 5} more` : ''),
  );
  return `${screen}: ${violations.length} serious/critical axe violation(s)\n${lines.join('\n')}`;
}

/** Fails with the readable list when the page has any serious or critical violation. */
export async function assertAccessible(page: Page, screen: string): Promise<void> {
  const violations = await seriousViolations(page);
  if (violations.length > 0) throw new Error(describeViolations(screen, violations));
}
