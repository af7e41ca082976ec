/**
 * Pure security policies of the shell. No `electron`, no `node:*`: unit-tested in plain Node.
 * URLs are always judged after parsing with `new URL`, never with string prefixes.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'citykpi';
/** Never change: the origin keys the renderer's IndexedDB, so a new origin would hide every saved revision. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

const MAX_URL_LENGTH = 8192;
const MAX_EXTERNAL_URL_LENGTH = 2048;

function parseUrl(value: unknown, maxLength: number): URL | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > maxLength) return null;
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/** True for `app://citykpi/...` (and the bare origin), with no credentials and no port. */
export function isAppUrl(url: unknown): boolean {
  const parsed = parseUrl(url, MAX_URL_LENGTH);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** Links the user clicks may open in the system browser: https only, no embedded credentials. */
export function isSafeExternalUrl(url: unknown): boolean {
  const parsed = parseUrl(url, MAX_EXTERNAL_URL_LENGTH);
  return (
    parsed !== null &&
    parsed.protocol === 'https:' &&
    parsed.hostname !== '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

const RENDERER_REQUEST_PROTOCOLS = new Set(['data:', 'blob:', 'devtools:']);

/**
 * The app works offline: the renderer may load its own files, inline data and blobs, and reach the
 * network at one origin only, the office inbox the user configured (null: none).
 */
export function isAllowedRendererRequest(url: unknown, inboxOrigin: string | null = null): boolean {
  if (isAppUrl(url)) return true;
  const parsed = parseUrl(url, Number.POSITIVE_INFINITY);
  if (parsed === null) return false;
  return RENDERER_REQUEST_PROTOCOLS.has(parsed.protocol) || (inboxOrigin !== null && parsed.origin === inboxOrigin);
}

/** The origin of a valid office inbox address (https, or http on loopback), or null. */
export { inboxOriginOf as officeInboxOrigin } from '../../core/crypto/office-inbox.ts';

const SUSPICIOUS_RAW_PATH = /\\|%(?:2e|2f|5c|00)/i;
const RESERVED_FILE_NAME_CHARACTERS = /[/\\:*?"<>|]/;

function hasControlCharacter(value: string): boolean {
  for (let index = 0; index < value.length; index += 1) {
    const code = value.charCodeAt(index);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/**
 * One path segment that is safe on every OS: not empty, not `.` or `..`, no separators, no drive colon,
 * no characters Windows reserves, no control characters.
 */
export function isSafePathSegment(segment: string): boolean {
  return (
    segment !== '' &&
    segment !== '.' &&
    segment !== '..' &&
    !RESERVED_FILE_NAME_CHARACTERS.test(segment) &&
    !hasControlCharacter(segment)
  );
}

/**
 * Maps an `app://citykpi/<path>` request to a file under `root`, or null when the request must be refused:
 * other scheme or host, `.`/`..` segments (raw or percent-encoded), backslashes, drive letters, empty
 * segments or control characters. `/` maps to `index.html`. The result joins `root` with `/`, which
 * Node accepts on every platform; callers still check containment with the platform's path module.
 */
export function resolveAppPath(root: string, requestUrl: string): string | null {
  if (root.length === 0 || !isAppUrl(requestUrl)) return null;
  const rawPath = rawPathOf(requestUrl);
  if (rawPath === null || SUSPICIOUS_RAW_PATH.test(rawPath) || hasControlCharacter(rawPath)) return null;

  const relative = rawPath === '/' || rawPath === '' ? 'index.html' : rawPath.slice(1);
  const segments = relative.split('/');
  const decoded: string[] = [];
  for (const segment of segments) {
    let value: string;
    try {
      value = decodeURIComponent(segment);
    } catch {
      return null;
    }
    if (!isSafePathSegment(value)) return null;
    decoded.push(value);
  }
  return `${root.replace(/[\\/]+$/, '')}/${decoded.join('/')}`;
}

/** The path exactly as written in the URL string, before any normalisation by the URL parser. */
function rawPathOf(requestUrl: string): string | null {
  const prefix = `${APP_SCHEME}://${APP_HOST}`;
  if (requestUrl.slice(0, prefix.length).toLowerCase() !== prefix) return null;
  const rest = requestUrl.slice(prefix.length);
  const end = rest.search(/[?#]/);
  const path = end === -1 ? rest : rest.slice(0, end);
  return path === '' || path.startsWith('/') ? path : null;
}

/**
 * Permissions the app's own page may use. Everything else (notifications, media, geolocation, HID,
 * USB, serial, MIDI, clipboard reading, ...) is denied, and so is everything asked by any other origin.
 * Copying to the clipboard is allowed so a fingerprint or code can be copied with a button.
 */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export function isPermissionAllowed(permission: string, requestingUrl: unknown): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isAppUrl(requestingUrl);
}
