// i18n guard run by `npm run lint`: every translation key used in renderer/src exists in locales/en, and no
// visible text is hard-coded in JSX. A small JSX-aware scanner instead of a parser keeps this dependency-free.
import { readdirSync, readFileSync } from 'node:fs';

export const DEFAULT_NAMESPACE = 'common';
const PLURAL_SUFFIX = /_(?:ordinal_)?(?:zero|one|two|few|many|other)$/;
const VISIBLE_TEXT_ATTRIBUTES = new Set([
  'aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'aria-placeholder',
  'title', 'placeholder', 'alt', 'label',
]);
// U4SSC codes such as "EC: ICT: ICT: 1C" are identifiers, the same in every language.
const KPI_CODE = /\b[A-Z]{2}(?:[:-] ?[A-Z]{1,4}){2,3}(?:[:-] ?\d+[A-Z]?)?\b/g;
const HTML_ENTITY = /&(?:[a-z]+|#\d+|#x[\da-f]+);/gi;
const REGEX_AFTER_WORD = new Set(['return', 'typeof', 'case', 'do', 'else', 'in', 'of', 'new', 'delete', 'void', 'throw', 'yield', 'await']);
const JSX_AFTER_WORD = new Set(['return', 'yield', 'default', 'else', 'case', 'do', 'await']);

/** Dotted paths of every string leaf of a locale JSON object. */
export function flattenKeys(json, prefix = '') {
  const keys = new Set();
  for (const [name, value] of Object.entries(json)) {
    const path = prefix === '' ? name : `${prefix}.${name}`;
    if (typeof value === 'string') keys.add(path);
    else if (value !== null && typeof value === 'object') for (const key of flattenKeys(value, path)) keys.add(key);
  }
  return keys;
}

/** A key resolves when present as is, or as i18next v4 plural forms (`key_one`, `key_other`, …). */
export function keyResolves(keys, key) {
  if (keys.has(key)) return true;
  return ['zero', 'one', 'two', 'few', 'many', 'other'].some((category) => keys.has(`${key}_${category}`));
}

/** The keys a `t()` call may name: every leaf, plus the base of each plural family. */
function callableKeys(keys) {
  const callable = new Set(keys);
  for (const key of keys) callable.add(key.replace(PLURAL_SUFFIX, ''));
  return callable;
}

/**
 * Tokenises TS/TSX just enough to find comments and, with `jsx`, JSX elements, their attributes and text
 * children. Offsets index into `source`.
 */
export function scanSource(source, { jsx = true } = {}) {
  const comments = [];
  const elements = [];
  const texts = [];
  const childExpressions = [];
  const length = source.length;
  let index = 0;

  const skipQuoted = () => {
    const quote = source[index];
    index += 1;
    while (index < length && source[index] !== quote && source[index] !== '\n') index += source[index] === '\\' ? 2 : 1;
    index += 1;
  };
  const skipTemplate = () => {
    index += 1;
    while (index < length && source[index] !== '`') {
      if (source[index] === '\\') index += 2;
      else if (source[index] === '$' && source[index + 1] === '{') {
        index += 2;
        scanCode('}');
        index += 1;
      } else index += 1;
    }
    index += 1;
  };
  const skipRegex = () => {
    let inClass = false;
    index += 1;
    while (index < length && source[index] !== '\n') {
      const char = source[index];
      if (char === '\\') index += 1;
      else if (char === '[') inClass = true;
      else if (char === ']') inClass = false;
      else if (char === '/' && !inClass) break;
      index += 1;
    }
    index += 1;
    while (/[a-z]/i.test(source[index] ?? '')) index += 1;
  };
  const skipSpace = () => {
    while (index < length && /\s/.test(source[index])) index += 1;
  };
  const readName = () => {
    const start = index;
    while (index < length && /[\w$.:-]/.test(source[index])) index += 1;
    return source.slice(start, index);
  };
  const regexAllowed = (previous) =>
    previous === '' || REGEX_AFTER_WORD.has(previous) || /^[(,=:[!&|?{};+\-*%<>~^]$/.test(previous);
  const jsxAllowed = (previous) =>
    previous === '' || JSX_AFTER_WORD.has(previous) || /^[(,=:?&|{[!;>]$/.test(previous);

  function scanCode(closer) {
    let depth = 0;
    let previous = '';
    while (index < length) {
      const char = source[index];
      const next = source[index + 1] ?? '';
      if (char === '/' && next === '/') {
        const start = index;
        while (index < length && source[index] !== '\n') index += 1;
        comments.push([start, index]);
      } else if (char === '/' && next === '*') {
        const start = index;
        const end = source.indexOf('*/', index + 2);
        index = end < 0 ? length : end + 2;
        comments.push([start, index]);
      } else if (/\s/.test(char)) index += 1;
      else if (char === '"' || char === "'") {
        skipQuoted();
        previous = 'literal';
      } else if (char === '`') {
        skipTemplate();
        previous = 'literal';
      } else if (/[\w$]/.test(char)) {
        const start = index;
        while (index < length && /[\w$]/.test(source[index])) index += 1;
        previous = source.slice(start, index);
      } else if (char === '/' && regexAllowed(previous)) {
        skipRegex();
        previous = 'literal';
      } else if (jsx && char === '<' && /[A-Za-z>]/.test(next) && jsxAllowed(previous)) {
        scanElement(false);
        previous = 'literal';
      } else {
        if ('([{'.includes(char)) depth += 1;
        if (')]}'.includes(char)) {
          if (depth === 0 && char === closer) return;
          depth -= 1;
        }
        previous = char;
        index += 1;
      }
    }
  }

  function scanExpressionContainer() {
    const start = index + 1;
    index += 1;
    scanCode('}');
    const expression = { text: source.slice(start, index), offset: start };
    index += 1;
    return expression;
  }

  /** `<T extends X>` and `<T,>` open generic arrow functions in TSX, not elements. */
  const opensGeneric = () => /^\s*(?:,|extends\s)/.test(source.slice(index, index + 12));

  function scanElement(insideTrans) {
    const offset = index;
    index += 1;
    const name = readName();
    if (opensGeneric()) return;
    const element = { name, offset, attributes: [] };
    elements.push(element);
    while (index < length) {
      skipSpace();
      const char = source[index];
      if (char === '/' && source[index + 1] === '>') {
        index += 2;
        return;
      }
      if (char === '>') {
        index += 1;
        break;
      }
      if (char === '{') {
        scanExpressionContainer();
        continue;
      }
      const attributeOffset = index;
      const name = readName();
      if (name === '') {
        index += 1;
        continue;
      }
      skipSpace();
      if (source[index] !== '=') {
        element.attributes.push({ name, offset: attributeOffset });
        continue;
      }
      index += 1;
      skipSpace();
      if (source[index] === '"' || source[index] === "'") {
        const start = index + 1;
        const end = source.indexOf(source[index], start);
        index = end < 0 ? length : end + 1;
        element.attributes.push({ name, offset: attributeOffset, literal: source.slice(start, end < 0 ? length : end) });
      } else if (source[index] === '{') {
        element.attributes.push({ name, offset: attributeOffset, expression: scanExpressionContainer().text });
      } else if (source[index] === '<') {
        scanElement(insideTrans);
      }
    }
    scanChildren(insideTrans || element.name === 'Trans');
  }

  function scanChildren(insideTrans) {
    let textStart = index;
    const flushText = () => {
      if (!insideTrans && index > textStart) texts.push({ text: source.slice(textStart, index), offset: textStart });
    };
    while (index < length) {
      const char = source[index];
      if (char !== '<' && char !== '{') {
        index += 1;
        continue;
      }
      flushText();
      if (char === '{') {
        const expression = scanExpressionContainer();
        if (!insideTrans) childExpressions.push(expression);
      } else if (source[index + 1] === '/') {
        const end = source.indexOf('>', index);
        index = end < 0 ? length : end + 1;
        return;
      } else scanElement(insideTrans);
      textStart = index;
    }
    flushText();
  }

  scanCode(null);
  return { comments, elements, texts, childExpressions };
}

function lineStarts(source) {
  const starts = [0];
  for (let index = 0; index < source.length; index += 1) if (source[index] === '\n') starts.push(index + 1);
  return starts;
}

function lineOf(starts, offset) {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if ((starts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}

function blankRanges(source, ranges) {
  let result = source;
  for (const [start, end] of ranges) {
    result = result.slice(0, start) + result.slice(start, end).replace(/[^\n]/g, ' ') + result.slice(end);
  }
  return result;
}

/** Visible text left after removing whitespace, entities and KPI codes; '' when nothing needs translating. */
export function translatableText(text) {
  const visible = text.replace(HTML_ENTITY, ' ').replace(KPI_CODE, ' ').replace(/\s+/g, ' ').trim();
  return /\p{L}/u.test(visible) ? visible : '';
}

/** The text of an expression that is nothing but one string literal (template parts outside `${}`), else null. */
function literalExpressionText(expression) {
  const trimmed = expression.trim();
  const quoted = /^(['"])(.*)\1$/s.exec(trimmed);
  if (quoted) return quoted[2] ?? '';
  if (/^`[^`]*`$/.test(trimmed)) return trimmed.slice(1, -1).replace(/\$\{[^}]*\}/g, ' ');
  return null;
}

/** `useTranslation` calls of a source: which local name holds `t`, and its default namespaces. */
export function translationBindings(source) {
  const bindings = [];
  for (const match of source.matchAll(/\{([^{}]*)\}\s*=\s*useTranslation\(([^)]*)\)/g)) {
    const alias = /(?:^|[,\s])t\s*(?::\s*([\w$]+))?\s*(?:[,=]|$)/.exec(match[1] ?? '');
    if (!alias) continue;
    const argument = (match[2] ?? '').trim();
    const namespaces = [...argument.matchAll(/['"]([^'"]+)['"]/g)].map((literal) => literal[1] ?? '');
    const literalOnly = argument === '' || /^\[?\s*(?:['"][^'"]+['"]\s*,?\s*)*\]?$/.test(argument);
    bindings.push({
      name: alias[1] ?? 't',
      offset: match.index,
      namespaces: literalOnly ? (namespaces.length > 0 ? namespaces : [DEFAULT_NAMESPACE]) : null,
      argument,
    });
  }
  return bindings;
}

/**
 * Every translation key a source names: `{ offset, key, template, namespaces, explicitNamespace }`.
 * `template` is true for template literals with `${}`; `namespaces` are the defaults an unprefixed key
 * resolves against (null when the file computes them).
 */
export function keyUses(source, { jsx = true } = {}) {
  const scan = scanSource(source, { jsx });
  const code = blankRanges(source, scan.comments);
  const bindings = translationBindings(code);
  const names = new Set(['t', ...bindings.map((binding) => binding.name)]);
  const defaultsAt = (name, offset) => {
    const binding = bindings.filter((candidate) => candidate.name === name && candidate.offset < offset).at(-1);
    return binding ? binding.namespaces : [DEFAULT_NAMESPACE];
  };
  const uses = [];
  for (const name of names) {
    const escaped = name.replace(/\$/g, '\\$');
    const receiver = name === 't' ? '(?:[\\w$]+\\.)?' : '';
    const call = new RegExp(`(?<![\\w$.])${receiver}${escaped}\\(\\s*(?:'([^'\\n]*)'|"([^"\\n]*)"|\`([^\`]*)\`)`, 'g');
    for (const match of code.matchAll(call)) {
      const options = /^\s*,\s*\{[^}]*?\bns\s*:\s*['"]([^'"]+)['"]/.exec(code.slice(match.index + match[0].length));
      const template = match[3];
      uses.push({
        offset: match.index,
        key: match[1] ?? match[2] ?? template ?? '',
        template: template !== undefined && template.includes('${'),
        namespaces: options ? [options[1] ?? ''] : defaultsAt(name, match.index),
      });
    }
  }
  for (const element of scan.elements) {
    const keyAttribute = element.attributes.find((attribute) => attribute.name === 'i18nKey');
    if (!keyAttribute) continue;
    const nsAttribute = element.attributes.find((attribute) => attribute.name === 'ns');
    const key = keyAttribute.literal ?? literalExpressionText(keyAttribute.expression ?? '');
    const rawTemplate = /^\s*`([^`]*)`\s*$/.exec(keyAttribute.expression ?? '')?.[1];
    if (key === null) continue;
    uses.push({
      offset: keyAttribute.offset,
      key: rawTemplate ?? key,
      template: rawTemplate !== undefined && rawTemplate.includes('${'),
      namespaces: nsAttribute?.literal ? [nsAttribute.literal] : defaultsAt('t', element.offset),
    });
  }
  return { uses: uses.sort((a, b) => a.offset - b.offset), scan, bindings };
}

function splitNamespace(key) {
  const colon = key.indexOf(':');
  return colon < 0 ? { namespace: null, key } : { namespace: key.slice(0, colon), key: key.slice(colon + 1) };
}

const escapeRegex = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Problem text for one key use against `catalog` (Map namespace -> Set of keys), or null when it resolves. */
export function checkKeyUse(use, catalog) {
  if (!use.template) {
    const { namespace, key } = splitNamespace(use.key);
    if (namespace !== null && !catalog.has(namespace)) return `unknown namespace '${namespace}' in key '${use.key}' (no locales/en/${namespace}.json)`;
    const candidates = namespace !== null ? [namespace] : use.namespaces;
    if (candidates === null) return `key '${use.key}' cannot be checked: useTranslation() namespace is not a literal`;
    if (candidates.some((candidate) => catalog.has(candidate) && keyResolves(catalog.get(candidate), key))) return null;
    const unknown = candidates.find((candidate) => !catalog.has(candidate));
    if (unknown !== undefined) return `unknown namespace '${unknown}' for key '${use.key}'`;
    return `missing key '${key}' in locales/en/${candidates.join('.json or ')}.json`;
  }
  const staticPrefix = use.key.slice(0, use.key.indexOf('${'));
  if (staticPrefix === '') return `dynamic key \`${use.key}\` has no static prefix to check`;
  const colon = use.key.indexOf(':');
  const namespaceIsStatic = colon >= 0 && colon < staticPrefix.length;
  if (colon >= staticPrefix.length) return `dynamic key \`${use.key}\` computes its namespace`;
  const pattern = namespaceIsStatic ? use.key.slice(colon + 1) : use.key;
  const candidates = namespaceIsStatic ? [use.key.slice(0, colon)] : use.namespaces;
  if (candidates === null) return `dynamic key \`${use.key}\` cannot be checked: useTranslation() namespace is not a literal`;
  const matcher = new RegExp(`^${pattern.split(/\$\{[^}]*\}/).map(escapeRegex).join('.+')}$`);
  for (const candidate of candidates) {
    const keys = catalog.get(candidate);
    if (keys && [...callableKeys(keys)].some((key) => matcher.test(key))) return null;
  }
  return `dynamic key \`${use.key}\` matches no key in locales/en/${candidates.join('.json or ')}.json`;
}

/** Hard-coded visible text in JSX: `{ offset, message }`. */
export function hardCodedText(scan) {
  const problems = [];
  for (const { text, offset } of scan.texts) {
    const visible = translatableText(text);
    if (visible) problems.push({ offset: offset + text.search(/\S/), message: `hard-coded text "${visible}" — use t()` });
  }
  for (const { text, offset } of scan.childExpressions) {
    const literal = literalExpressionText(text);
    const visible = literal === null ? '' : translatableText(literal);
    if (visible) problems.push({ offset, message: `hard-coded text "${visible}" — use t()` });
  }
  for (const element of scan.elements) {
    for (const attribute of element.attributes) {
      if (!VISIBLE_TEXT_ATTRIBUTES.has(attribute.name)) continue;
      const literal = attribute.literal ?? literalExpressionText(attribute.expression ?? '');
      const visible = literal === null ? '' : translatableText(literal);
      if (visible) problems.push({ offset: attribute.offset, message: `hard-coded ${attribute.name}="${visible}" — use t()` });
    }
  }
  return problems;
}

/** Problems of one source file as `{ line, message }`, sorted by line. */
export function checkSource(source, catalog, { jsx = true } = {}) {
  const starts = lineStarts(source);
  const { uses, scan } = keyUses(source, { jsx });
  const problems = [];
  for (const use of uses) {
    const message = checkKeyUse(use, catalog);
    if (message) problems.push({ line: lineOf(starts, use.offset), message });
  }
  if (jsx) for (const problem of hardCodedText(scan)) problems.push({ line: lineOf(starts, problem.offset), message: problem.message });
  return problems.sort((a, b) => a.line - b.line);
}

/** Map namespace -> Set of keys from `<root>/locales/en/*.json`. */
export function loadCatalog(root) {
  const catalog = new Map();
  const folder = `${root}locales/en/`;
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.json')).sort()) {
    catalog.set(file.slice(0, -'.json'.length), flattenKeys(JSON.parse(readFileSync(folder + file, 'utf8'))));
  }
  return catalog;
}

/** Every problem under `<root>/renderer/src` as `file:line: message` lines. */
export function checkTree(rootPath) {
  const root = String(rootPath).replace(/\/?$/, '/');
  const catalog = loadCatalog(root);
  const lines = [];
  const folder = 'renderer/src';
  for (const file of readdirSync(root + folder, { recursive: true }).map(String).sort()) {
    if (!/\.tsx?$/.test(file) || file.endsWith('.d.ts')) continue;
    const path = `${folder}/${file}`;
    const problems = checkSource(readFileSync(root + path, 'utf8'), catalog, { jsx: file.endsWith('.tsx') });
    for (const { line, message } of problems) lines.push(`${path}:${line}: ${message}`);
  }
  return lines;
}

if (process.argv[1] && decodeURIComponent(new URL(import.meta.url).pathname) === process.argv[1]) {
  const problems = checkTree(decodeURIComponent(new URL('..', import.meta.url).pathname));
  if (problems.length > 0) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
  console.log('i18n usage: ok');
}
