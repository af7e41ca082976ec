/**
 * CityKPI must work without a network: every request a page makes has to stay on the preview origin.
 * The guard aborts anything else and remembers it (and any attempt the page's CSP refused), so the
 * session can fail the test when it closes.
 */
import type { BrowserContext } from 'playwright-core';

export interface NetworkGuard {
  readonly foreignRequests: readonly string[];
  /** Chromium's complaints about the page's policies themselves (an invalid source, an unknown directive). */
  readonly policyProblems: readonly string[];
  /** Requests to the extra origin the session allowed, in order (method and URL). */
  readonly allowedExtraRequests: readonly string[];
  /** Throws with the list of offending URLs if any request left the allowed origin, or with the policy problems. */
  assertClean(): void;
}

const alwaysLocalSchemes = new Set(['data:', 'blob:', 'about:']);
/** Chromium's console message for a fetch or resource load that the page's CSP refused. */
const refusedLoad = /violates the following Content Security Policy directive: "(connect|default|img|font|media|script|style)-src/;
/**
 * Chromium's console message for a policy it could not take as written: "The source list for the
 * Content Security Policy directive 'connect-src' contains an invalid source: … It will be ignored.",
 * "Unrecognized Content-Security-Policy directive …", a directive ignored in a <meta>. Such a policy
 * is not the one the app ships, whatever it happens to allow.
 */
const policyProblem =
  /contains an invalid source|Unrecognized Content-Security-Policy directive|when delivered via a <meta> element|contains an invalid character|contains one or more invalid characters|as a source expression|It will be ignored/;
const cspMessage = /Content[- ]Security[- ]Policy/;
/** A refused load names the policy too, and its URL may contain any word: it is never a policy problem. */
const violation = /violates|Refused to/;

export async function guardNetwork(context: BrowserContext, allowedOrigin: string, extraOrigin?: string): Promise<NetworkGuard> {
  const foreignRequests: string[] = [];
  const policyProblems: string[] = [];
  const allowedExtraRequests: string[] = [];
  const isAllowed = (url: string): boolean => {
    const parsed = new URL(url);
    return alwaysLocalSchemes.has(parsed.protocol) || parsed.origin === allowedOrigin || parsed.origin === extraOrigin;
  };
  context.on('request', (request) => {
    const line = `${request.method()} ${request.url()}`;
    if (!isAllowed(request.url())) foreignRequests.push(line);
    else if (extraOrigin !== undefined && new URL(request.url()).origin === extraOrigin) allowedExtraRequests.push(line);
  });
  // The app's Content-Security-Policy stops such requests before they reach the network (and before
  // Playwright sees them); the attempt is still a bug, and Chromium reports it on the console.
  // The page is under two policies (the served header and the page's meta), so Chromium reports one
  // refused attempt once per policy: reports of the same URL in a row are one attempt.
  let lastRefusedUrl: string | undefined;
  context.on('console', (message) => {
    if (message.type() !== 'error' && message.type() !== 'warning') return;
    if (cspMessage.test(message.text()) && !violation.test(message.text()) && policyProblem.test(message.text())) {
      policyProblems.push(message.text());
      return;
    }
    if (message.type() !== 'error' || !refusedLoad.test(message.text())) return;
    const url = /'([^']+)'/.exec(message.text())?.[1];
    if (url !== undefined && url === lastRefusedUrl) return;
    lastRefusedUrl = url;
    foreignRequests.push(`blocked by the CSP: ${message.text()}`);
  });
  await context.route(
    (url) => !isAllowed(url.href),
    (route) => route.abort('blockedbyclient'),
  );
  return {
    foreignRequests,
    policyProblems,
    allowedExtraRequests,
    assertClean() {
      if (policyProblems.length > 0) {
        throw new Error(`Chromium did not take the page's Content-Security-Policy as written:\n  ${policyProblems.join('\n  ')}`);
      }
      if (foreignRequests.length > 0) {
        throw new Error(
          `The app made ${foreignRequests.length} request(s) outside ${allowedOrigin} (it must work offline):\n  ` +
            foreignRequests.join('\n  '),
        );
      }
    },
  };
}
