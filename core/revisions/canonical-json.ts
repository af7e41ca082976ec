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

function isPlainObject(value: object): value is Record<string, unknown> {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function encodeString(value: string, path: string): string {
  if (LONE_SURROGATE.test(value)) throw new CanonicalJsonError('string is not well-formed UTF-16', path);
  return JSON.stringify(value);
}

function encode(value: unknown, path: string, open: Set<object>): string {
  switch (typeof value) {
    case 'string':
      return encodeString(value, path);
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError(`non-finite number ${String(value)}`, path);
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      break;
    default:
      throw new CanonicalJsonError(`unsupported ${typeof value}`, path);
  }
  if (value === null) return 'null';
  if (open.has(value)) throw new CanonicalJsonError('circular reference', path);
  open.add(value);
  let text: string;
  if (Array.isArray(value)) {
    const items: string[] = [];
    for (let index = 0; index < value.length; index += 1) {
      if (!(index in value)) throw new CanonicalJsonError('sparse array', `${path}[${index}]`);
      items.push(encode(value[index], `${path}[${index}]`, open));
    }
    text = `[${items.join(',')}]`;
  } else if (isPlainObject(value)) {
    if (Object.getOwnPropertySymbols(value).length > 0) throw new CanonicalJsonError('symbol key', path);
    const members = Object.keys(value)
      .sort()
      .map((key) => `${encodeString(key, path)}:${encode(value[key], `${path}.${key}`, open)}`);
    text = `{${members.join(',')}}`;
  } else {
    throw new CanonicalJsonError('not a plain object', path);
  }
  open.delete(value);
  return text;
}

export function canonicalJson(value: unknown): string {
  return encode(value, '$', new Set());
}

export function canonicalJsonBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(canonicalJson(value));
}
