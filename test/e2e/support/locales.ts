/**
 * The app's own translations, read from locales/, so that tests find controls by the text a user of
 * that language sees without copying strings into the tests.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type Lng = 'en' | 'fr' | 'es' | 'ar' | 'zh' | 'ru' | 'pt';

const localesDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'locales');
const cache = new Map<string, unknown>();

function namespace(lng: Lng, ns: string): unknown {
  const file = join(localesDir, lng, `${ns}.json`);
  if (!cache.has(file)) cache.set(file, JSON.parse(readFileSync(file, 'utf8')));
  return cache.get(file);
}

/** The translation at `ns:dotted.key` in `lng`, with `{{placeholders}}` filled from `values`. */
export function text(lng: Lng, key: string, values: Readonly<Record<string, string | number>> = {}): string {
  const [ns, path] = key.includes(':') ? (key.split(':', 2) as [string, string]) : ['common', key];
  let node: unknown = namespace(lng, ns);
  for (const part of path.split('.')) {
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  }
  if (typeof node !== 'string') throw new Error(`locales/${lng}/${ns}.json has no string at ${path}`);
  return node.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => String(values[name] ?? whole));
}
