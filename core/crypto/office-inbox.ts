/**
 * The office's bundle inbox address, as an office key file carries it (`inbox office https://…`). Only
 * https is accepted, except plain http to this machine's loopback address (a test or a local office
 * server). The origin is what a desktop shell's Content-Security-Policy allows the page to connect to,
 * so the host must be one a CSP source can name: a CSP host is letters, digits, hyphens and dots, and
 * Chromium ignores a source with an IPv6 literal such as [::1] (use localhost, or a name, instead).
 */
const MAX_INBOX_URL_LENGTH = 2048;
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1']);
const CSP_HOST = /^[a-z0-9-]+(\.[a-z0-9-]+)*$/;

/** The canonical URL of a valid inbox address (no credentials, query or fragment), or null. */
export function normaliseInboxUrl(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_INBOX_URL_LENGTH) return null;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    return null;
  }
  const secure = parsed.protocol === 'https:' || (parsed.protocol === 'http:' && LOOPBACK_HOSTS.has(parsed.hostname));
  if (!secure || !CSP_HOST.test(parsed.hostname) || parsed.username !== '' || parsed.password !== '' || parsed.search !== '' || parsed.hash !== '') return null;
  return parsed.href.replace(/\/+$/, '');
}

/** `https://host[:port]` of a valid inbox address, or null. */
export function inboxOriginOf(value: unknown): string | null {
  const url = normaliseInboxUrl(value);
  return url === null ? null : new URL(url).origin;
}

/** Where a laptop posts its bundle. */
export function inboxUploadUrl(inboxUrl: string): string {
  return `${inboxUrl}/v1/bundles`;
}
