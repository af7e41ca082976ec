/**
 * The Content-Security-Policy of the app's page. Nothing may be loaded from anywhere but the app's own
 * origin; the page may connect to one more origin only, the office inbox the user configured (by
 * importing the office key file), for "Send to office". The shell sends the exact policy as a header.
 */

function policy(connectSources: readonly string[], options: { readonly header: boolean }): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src ${["'self'", ...connectSources].join(' ')}`,
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    // frame-ancestors is ignored in a <meta>, so only the header carries it.
    ...(options.header ? ["frame-ancestors 'none'"] : []),
  ].join('; ');
}

/**
 * The header for the app's page: with no inbox configured the page connects to nothing but itself;
 * with one, to exactly that origin (`officeInboxOrigin` in policies.ts has already validated it).
 */
export function contentSecurityPolicy(inboxOrigin: string | null): string {
  return policy(inboxOrigin === null ? [] : [inboxOrigin], { header: true });
}

export const PRODUCTION_CSP = contentSecurityPolicy(null);

/**
 * The <meta> the built page carries, for servers that send no header. A page's policies all apply at
 * once, so this one must not forbid what the header allows: its connect-src is the outer bound every
 * valid inbox address lies in (https anywhere, plain http on loopback only; core/crypto/office-inbox.ts
 * accepts no IPv6 literal, which no CSP source can name). The header narrows it.
 */
export const PAGE_META_CSP = policy(['https:', 'http://127.0.0.1:*', 'http://localhost:*'], { header: false });
