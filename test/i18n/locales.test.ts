/**
 * Every locales/<lng>/<ns>.json against English, the source of truth: same keys, no empty strings,
 * exactly the plural forms each language needs (from Intl.PluralRules, never a hard-coded list), the
 * same {{placeholders}}, and no markup beyond the <Trans> tags English itself uses.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const LANGUAGES = ['en', 'fr', 'es', 'ar', 'zh', 'ru', 'pt'] as const;
const SOURCE_LANGUAGE = 'en';
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
const PLACEHOLDER = /\{\{\s*([^,}\s]+)[^}]*\}\}/g;
const TAG = /<\/?([a-zA-Z0-9]+)[^>]*>/g;
/** Tags a <Trans> component may map to elements; anything else is markup that should not be in a string. */
const ALLOWED_TAG = /^(\d+|strong|em|code|bdi)$/;

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
/** language → namespace → parsed file */
type LocaleFiles = Record<string, Record<string, Json>>;

interface Message {
  readonly base: string;
  readonly category: string | null;
  readonly text: string;
}

function flatten(value: Json, prefix: string, out: Map<string, Json>): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix === '' ? key : `${prefix}.${key}`, out);
  } else {
    out.set(prefix, value);
  }
}

function messagesOf(file: Json, where: string, problems: string[]): Message[] {
  const leaves = new Map<string, Json>();
  flatten(file, '', leaves);
  const messages: Message[] = [];
  for (const [key, value] of leaves) {
    if (typeof value !== 'string') {
      problems.push(`${where}: ${key} is not a string`);
      continue;
    }
    if (value.trim() === '') problems.push(`${where}: ${key} is empty`);
    const plural = PLURAL_SUFFIX.exec(key);
    messages.push(
      plural ? { base: key.slice(0, plural.index), category: plural[1] ?? null, text: value } : { base: key, category: null, text: value },
    );
  }
  return messages;
}

interface KeyInfo {
  categories: Set<string>;
  placeholders: Set<string>;
  tags: Set<string>;
}

function collect(messages: readonly Message[], where: string, problems: string[]): Map<string, KeyInfo> {
  const keys = new Map<string, KeyInfo>();
  for (const message of messages) {
    let info = keys.get(message.base);
    if (!info) {
      info = { categories: new Set(), placeholders: new Set(), tags: new Set() };
      keys.set(message.base, info);
    } else if ((message.category === null) !== (info.categories.size === 0)) {
      problems.push(`${where}: ${message.base} is both a plain key and a plural key`);
    }
    if (message.category !== null) info.categories.add(message.category);
    for (const match of message.text.matchAll(PLACEHOLDER)) info.placeholders.add(match[1] ?? '');
    for (const match of message.text.matchAll(TAG)) {
      const tag = match[1] ?? '';
      if (!ALLOWED_TAG.test(tag)) problems.push(`${where}: ${message.base} contains unexpected markup <${tag}>`);
      info.tags.add(tag);
    }
  }
  return keys;
}

const sorted = (values: Iterable<string>) => [...values].sort().join(', ');

/** All problems found; an empty list means the locales are complete and consistent. */
function checkLocales(files: LocaleFiles): string[] {
  const problems: string[] = [];
  const source = files[SOURCE_LANGUAGE] ?? {};
  if (Object.keys(source).length === 0) problems.push(`no ${SOURCE_LANGUAGE} locale files`);
  for (const language of Object.keys(files)) {
    for (const namespace of Object.keys(files[language] ?? {})) {
      if (!(namespace in source)) problems.push(`${language}/${namespace}.json has no ${SOURCE_LANGUAGE} counterpart`);
    }
  }
  for (const [namespace, sourceFile] of Object.entries(source)) {
    const sourceKeys = collect(messagesOf(sourceFile, `${SOURCE_LANGUAGE}/${namespace}`, problems), `${SOURCE_LANGUAGE}/${namespace}`, []);
    for (const language of Object.keys(files)) {
      const where = `${language}/${namespace}`;
      const file = files[language]?.[namespace];
      if (file === undefined) {
        problems.push(`${where}.json is missing`);
        continue;
      }
      const keys = language === SOURCE_LANGUAGE ? sourceKeys : collect(messagesOf(file, where, problems), where, problems);
      if (language === SOURCE_LANGUAGE) collect(messagesOf(file, where, []), where, problems);
      const required = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      for (const [base, expected] of sourceKeys) {
        const actual = keys.get(base);
        if (!actual) {
          problems.push(`${where}: missing key ${base}`);
          continue;
        }
        const isPlural = expected.categories.size > 0;
        if (isPlural && sorted(actual.categories) !== sorted(required)) {
          problems.push(`${where}: ${base} has plural forms [${sorted(actual.categories)}], ${language} needs [${sorted(required)}]`);
        }
        if (!isPlural && actual.categories.size > 0) problems.push(`${where}: ${base} is plural but not in ${SOURCE_LANGUAGE}`);
        if (sorted(actual.placeholders) !== sorted(expected.placeholders)) {
          problems.push(`${where}: ${base} has placeholders {${sorted(actual.placeholders)}}, ${SOURCE_LANGUAGE} has {${sorted(expected.placeholders)}}`);
        }
        if (sorted(actual.tags) !== sorted(expected.tags)) {
          problems.push(`${where}: ${base} has tags <${sorted(actual.tags)}>, ${SOURCE_LANGUAGE} has <${sorted(expected.tags)}>`);
        }
      }
      for (const base of keys.keys()) {
        if (!sourceKeys.has(base)) problems.push(`${where}: unexpected key ${base} (not in ${SOURCE_LANGUAGE})`);
      }
    }
  }
  return problems;
}

function readLocales(): LocaleFiles {
  const root = join(import.meta.dirname, '../../locales');
  const files: LocaleFiles = {};
  for (const language of LANGUAGES) {
    const perNamespace: Record<string, Json> = {};
    let names: string[] = [];
    try {
      names = readdirSync(join(root, language)).filter((name) => name.endsWith('.json'));
    } catch {
      // A missing language folder shows up below as missing files.
    }
    for (const name of names) perNamespace[name.replace(/\.json$/, '')] = JSON.parse(readFileSync(join(root, language, name), 'utf8')) as Json;
    files[language] = perNamespace;
  }
  return files;
}

describe('checkLocales (on synthetic data)', () => {
  const en = { common: { title: 'Cities', saved: 'Saved {{name}}', city_one: '{{count}} city', city_other: '{{count}} cities' } };
  const frOk = {
    common: { title: 'Villes', saved: '{{name}} enregistré', city_one: '{{count}} ville', city_many: '{{count}} de villes', city_other: '{{count}} villes' },
  };

  it('accepts complete, consistent locales', () => {
    expect(checkLocales({ en, fr: frOk })).toEqual([]);
  });

  it('reports a missing key', () => {
    const { title: _dropped, ...rest } = frOk.common;
    expect(checkLocales({ en, fr: { common: rest } })).toContain('fr/common: missing key title');
  });

  it('reports a missing namespace file', () => {
    expect(checkLocales({ en, fr: {} })).toContain('fr/common.json is missing');
  });

  it('reports an extra key and an empty string', () => {
    const problems = checkLocales({ en, fr: { common: { ...frOk.common, title: ' ', extra: 'x' } } });
    expect(problems).toContain('fr/common: title is empty');
    expect(problems).toContain('fr/common: unexpected key extra (not in en)');
  });

  it('reports plural forms that differ from Intl.PluralRules', () => {
    const { city_many: _many, ...withoutMany } = frOk.common;
    expect(checkLocales({ en, fr: { common: withoutMany } })).toContain(
      'fr/common: city has plural forms [one, other], fr needs [many, one, other]',
    );
    const ar = { common: { title: 'مدن', saved: '{{name}}', city_one: '{{count}}', city_other: '{{count}}' } };
    expect(checkLocales({ en, ar }).some((problem) => problem.startsWith('ar/common: city has plural forms [one, other], ar needs'))).toBe(true);
  });

  it('reports placeholders that differ from English', () => {
    expect(checkLocales({ en, fr: { common: { ...frOk.common, saved: '{{nom}} enregistré' } } })).toContain(
      'fr/common: saved has placeholders {nom}, en has {name}',
    );
  });

  it('reports unexpected HTML', () => {
    const problems = checkLocales({ en, fr: { common: { ...frOk.common, title: '<b>Villes</b>' } } });
    expect(problems).toContain('fr/common: title contains unexpected markup <b>');
  });
});

describe('locales/', () => {
  const files = readLocales();

  it('has English files', () => {
    expect(Object.keys(files.en ?? {}).length).toBeGreaterThan(0);
  });

  it.each(LANGUAGES)('%s is complete and consistent with English', (language) => {
    const problems = checkLocales({ en: files.en ?? {}, [language]: files[language] ?? {} }).filter((problem) =>
      problem.startsWith(`${language}/`) || !problem.includes('/'),
    );
    expect(problems).toEqual([]);
  });
});
