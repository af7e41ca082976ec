/**
 * Deterministic JSON: object keys sorted by UTF-16 code units, no whitespace. Revision ids and
 * signatures hash these bytes, so two laptops must serialise the same value identically; anything
 * whose serialisation JSON.stringify would silently change (NaN, undefined, Dates, class instances,
 * lone surrogates) is refused instead.
 */

export class CanonicalJsonError extends TypeError {
  constructor(
    message: string,
    /** Where in the value the problem is, e.g. `$.fields.note`. */
    readonly path: string,
  ) {
    super(`${message} at ${path}`);
    this.name = 'CanonicalJsonError';
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const ANY_SURROGATE = /[\uD800-\uDFFF]/;

function isPlainObject(value: object): value is Record<string, unknown> {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * The keys and indexes leading to the value being written. Kept as a stack and turned into text only
 * for an error: building a path string for every value made revision ids cost twice as much.
 */
type Path = (string | number)[];

function pathText(path: Path): string {
  return path.reduce<string>((text, step) => (typeof step === 'number' ? `${text}[${step}]` : `${text}.${step}`), '$');
}

function encodeString(value: string, path: Path): string {
  if (ANY_SURROGATE.test(value) && LONE_SURROGATE.test(value)) throw new CanonicalJsonError('string is not well-formed UTF-16', pathText(path));
  return JSON.stringify(value);
}

/** How JSON.stringify writes a lone surrogate, which canonical JSON refuses. */
const LONE_SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/;

/**
 * Whether JSON text may hold an escaped lone surrogate (an escaped backslash before "ud8…" also counts).
 * The plain search first: a pattern run once on a long text runs in V8's regexp interpreter, which took
 * 0.1 s over the 6.7 MB of an attestation's ids.
 */
export function mayEscapeLoneSurrogate(text: string): boolean {
  return text.includes('\\u') && LONE_SURROGATE_ESCAPE.test(text);
}

/**
 * An array of strings only, as JSON.stringify writes it in one call, or null when it may hold a lone
 * surrogate: an attestation lists up to 100,000 revision ids, and writing them one by one cost a tenth of an export.
 */
function stringArrayJson(value: readonly unknown[]): string | null {
  if ('toJSON' in value) return null;
  // Brackets and commas, then each string and its quotes: a text of that length has no escape at all.
  let unescaped = Math.max(value.length + 1, 2);
  for (let index = 0; index < value.length; index += 1) {
    const item = value[index];
    if (typeof item !== 'string') return null;
    unescaped += item.length + 2;
  }
  const text = JSON.stringify(value);
  return text.length !== unescaped && mayEscapeLoneSurrogate(text) ? null : text;
}

function encodeArray(value: readonly unknown[], path: Path, open: Set<object>): string {
  const strings = stringArrayJson(value);
  if (strings !== null) return strings;
  let text = '[';
  for (let index = 0; index < value.length; index += 1) {
    path.push(index);
    if (!(index in value)) throw new CanonicalJsonError('sparse array', pathText(path));
    text += (index === 0 ? '' : ',') + encode(value[index], path, open);
    path.pop();
  }
  return `${text}]`;
}

function encodeObject(value: Record<string, unknown>, path: Path, open: Set<object>): string {
  if (Object.getOwnPropertySymbols(value).length > 0) throw new CanonicalJsonError('symbol key', pathText(path));
  const keys = Object.keys(value).sort();
  let text = '{';
  for (let index = 0; index < keys.length; index += 1) {
    const key = keys[index]!;
    const name = encodeString(key, path);
    path.push(key);
    text += `${index === 0 ? '' : ','}${name}:${encode(value[key], path, open)}`;
    path.pop();
  }
  return `${text}}`;
}

function encode(value: unknown, path: Path, open: Set<object>): string {
  switch (typeof value) {
    case 'string':
      return encodeString(value, path);
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError(`non-finite number ${String(value)}`, pathText(path));
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      break;
    default:
      throw new CanonicalJsonError(`unsupported ${typeof value}`, pathText(path));
  }
  if (value === null) return 'null';
  if (open.has(value)) throw new CanonicalJsonError('circular reference', pathText(path));
  open.add(value);
  let text: string;
  if (Array.isArray(value)) text = encodeArray(value, path, open);
  else if (isPlainObject(value)) text = encodeObject(value, path, open);
  else throw new CanonicalJsonError('not a plain object', pathText(path));
  open.delete(value);
  return text;
}

export function canonicalJson(value: unknown): string {
  return encode(value, [], new Set());
}

const utf8 = new TextEncoder();

export function canonicalJsonBytes(value: unknown): Uint8Array {
  return utf8.encode(canonicalJson(value));
}
