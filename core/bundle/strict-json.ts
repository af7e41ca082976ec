/**
 * A strict JSON reader for untrusted bundle content. Unlike JSON.parse it refuses duplicate keys,
 * `__proto__` keys, ill-formed strings, unsafe integers and deep nesting, and it stops at the first
 * over-long string instead of building it.
 */
import { mayEscapeLoneSurrogate } from '../revisions/canonical-json.ts';
import { BundleError } from './errors.ts';

export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

export interface StrictJsonLimits {
  readonly maxStringLength: number;
  readonly maxDepth: number;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

export function isWellFormedString(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Decodes UTF-8 refusing invalid sequences and a byte-order mark (never silently inserts U+FFFD).
 * `where` may be given as a function, for a caller decoding many lines that names one only on failure.
 */
export function decodeUtf8Strict(bytes: Uint8Array, where: string | (() => string)): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    throw new BundleError('E_MALFORMED_UTF8', `${placeOf(where)}: starts with a byte-order mark`);
  }
  try {
    return strictUtf8.decode(bytes);
  } catch {
    throw new BundleError('E_MALFORMED_UTF8', `${placeOf(where)}: invalid UTF-8`);
  }
}

function placeOf(where: string | (() => string)): string {
  return typeof where === 'string' ? where : where();
}

export function parseStrictJson(text: string, limits: StrictJsonLimits, where: string): JsonValue {
  let pos = 0;

  const fail = (message: string): never => {
    throw new BundleError('E_SCHEMA', `${where}: ${message} at offset ${pos}`);
  };
  const skipSpace = (): void => {
    while (pos < text.length) {
      const c = text.charCodeAt(pos);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) pos++;
      else break;
    }
  };

  const readString = (): string => {
    pos++; // opening quote
    let out = '';
    let chunkStart = pos;
    for (;;) {
      if (pos >= text.length) fail('unterminated string');
      const c = text.charCodeAt(pos);
      if (c === 0x22) {
        out += text.slice(chunkStart, pos);
        pos++;
        break;
      }
      if (c < 0x20) fail('control character in string');
      if (c === 0x5c) {
        out += text.slice(chunkStart, pos);
        const escape = text[pos + 1];
        pos += 2;
        switch (escape) {
          case '"': out += '"'; break;
          case '\\': out += '\\'; break;
          case '/': out += '/'; break;
          case 'b': out += '\b'; break;
          case 'f': out += '\f'; break;
          case 'n': out += '\n'; break;
          case 'r': out += '\r'; break;
          case 't': out += '\t'; break;
          case 'u': {
            const hex = text.slice(pos, pos + 4);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('bad \\u escape');
            out += String.fromCharCode(parseInt(hex, 16));
            pos += 4;
            break;
          }
          default:
            fail('bad escape');
        }
        chunkStart = pos;
      } else {
        pos++;
      }
      if (pos - chunkStart + out.length > limits.maxStringLength) {
        throw new BundleError('E_TOO_LARGE', `${where}: a string is longer than ${limits.maxStringLength} characters`);
      }
    }
    if (out.length > limits.maxStringLength) {
      throw new BundleError('E_TOO_LARGE', `${where}: a string is longer than ${limits.maxStringLength} characters`);
    }
    if (!isWellFormedString(out)) throw new BundleError('E_MALFORMED_UTF8', `${where}: a string contains a lone surrogate`);
    return out;
  };

  const readValue = (depth: number): JsonValue => {
    skipSpace();
    const c = text[pos];
    if (c === '{' || c === '[') {
      if (depth >= limits.maxDepth) throw new BundleError('E_TOO_LARGE', `${where}: nested deeper than ${limits.maxDepth}`);
      return c === '{' ? readObject(depth + 1) : readArray(depth + 1);
    }
    if (c === '"') return readString();
    if (text.startsWith('true', pos)) return (pos += 4), true;
    if (text.startsWith('false', pos)) return (pos += 5), false;
    if (text.startsWith('null', pos)) return (pos += 4), null;
    NUMBER.lastIndex = pos;
    const match = NUMBER.exec(text);
    if (!match) return fail('unexpected character');
    pos += match[0].length;
    const value = Number(match[0]);
    if (!Number.isFinite(value)) fail('number out of range');
    if (Number.isInteger(value) && !Number.isSafeInteger(value)) fail('integer beyond 2^53');
    // Canonical JSON writes -0 as 0, so both spellings must read as the value that was hashed.
    return value === 0 ? 0 : value;
  };

  const readArray = (depth: number): JsonValue[] => {
    pos++;
    const out: JsonValue[] = [];
    skipSpace();
    if (text[pos] === ']') return pos++, out;
    for (;;) {
      out.push(readValue(depth));
      skipSpace();
      if (text[pos] === ',') pos++;
      else if (text[pos] === ']') return pos++, out;
      else fail('expected , or ]');
    }
  };

  const readObject = (depth: number): Record<string, JsonValue> => {
    pos++;
    const out: Record<string, JsonValue> = {};
    const seen = new Set<string>();
    skipSpace();
    if (text[pos] === '}') return pos++, out;
    for (;;) {
      skipSpace();
      if (text[pos] !== '"') fail('expected a key');
      const key = readString();
      if (key === '__proto__') fail('forbidden key __proto__');
      if (seen.has(key)) fail(`duplicate key ${JSON.stringify(key)}`);
      seen.add(key);
      skipSpace();
      if (text[pos] !== ':') fail('expected :');
      pos++;
      out[key] = readValue(depth);
      skipSpace();
      if (text[pos] === ',') pos++;
      else if (text[pos] === '}') return pos++, out;
      else fail('expected , or }');
    }
  };

  const value = readValue(0);
  skipSpace();
  if (pos !== text.length) fail('trailing characters');
  return value;
}


/**
 * Every string within the limit, every integer exactly representable and containers nested no deeper
 * than the limit, as the strict reader requires; with `sortedKeys`, also every object's keys in
 * canonical order.
 */
export function withinLimits(value: unknown, limits: StrictJsonLimits, sortedKeys: boolean, depth = 0): boolean {
  if (typeof value === 'string') return value.length <= limits.maxStringLength;
  if (typeof value === 'number') return !Number.isInteger(value) || Number.isSafeInteger(value);
  if (value === null || typeof value !== 'object') return true;
  if (depth >= limits.maxDepth) return false;
  if (Array.isArray(value)) return value.every((item) => withinLimits(item, limits, sortedKeys, depth + 1));
  let previous: string | null = null;
  for (const [key, item] of Object.entries(value)) {
    if (sortedKeys && previous !== null && !(previous < key)) return false;
    if (key.length > limits.maxStringLength || !withinLimits(item, limits, sortedKeys, depth + 1)) return false;
    previous = key;
  }
  return true;
}

/**
 * The value of a text that is already canonical JSON, read with the engine's native parser; null for
 * any other text, which then goes through the strict reader so that its problem is named. A text that
 * JSON.stringify writes back unchanged has no whitespace, no duplicate keys and canonical numbers and
 * strings, in the text's key order; with its keys sorted and no lone surrogate it is canonical JSON,
 * checked without serialising it again (which cost a third of reading a bundle's revisions). What is
 * left is what the strict reader also refuses: `__proto__` keys and values beyond the limits.
 */
export function readCanonicalJson(text: string, limits: StrictJsonLimits): unknown {
  if (text.includes('"__proto__"') || mayEscapeLoneSurrogate(text)) return null;
  try {
    const value: unknown = JSON.parse(text);
    return JSON.stringify(value) === text && withinLimits(value, limits, true) ? value : null;
  } catch {
    return null;
  }
}
