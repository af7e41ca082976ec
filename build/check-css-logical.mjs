// RTL guard run by `npm run lint`: the UI mirrors in Arabic, so physical left/right CSS is a bug.
// Checks renderer/**/*.css and inline `style={{…}}` objects in renderer/**/*.tsx.
import { readdirSync, readFileSync } from 'node:fs';

const sideToLogical = { left: 'start', right: 'end' };

const physicalProperties = new Map([
  ['margin-left', 'margin-inline-start'],
  ['margin-right', 'margin-inline-end'],
  ['padding-left', 'padding-inline-start'],
  ['padding-right', 'padding-inline-end'],
  ['left', 'inset-inline-start'],
  ['right', 'inset-inline-end'],
  ['border-top-left-radius', 'border-start-start-radius'],
  ['border-top-right-radius', 'border-start-end-radius'],
  ['border-bottom-left-radius', 'border-end-start-radius'],
  ['border-bottom-right-radius', 'border-end-end-radius'],
  ['scroll-margin-left', 'scroll-margin-inline-start'],
  ['scroll-margin-right', 'scroll-margin-inline-end'],
  ['scroll-padding-left', 'scroll-padding-inline-start'],
  ['scroll-padding-right', 'scroll-padding-inline-end'],
]);

const borderSide = /^border-(left|right)(-(?:width|style|color))?$/;
const sideValued = new Map([
  ['text-align', (side) => `text-align: ${sideToLogical[side]}`],
  ['float', (side) => `float: inline-${sideToLogical[side]}`],
  ['clear', (side) => `clear: inline-${sideToLogical[side]}`],
]);
// Four-value shorthands list top, right, bottom, left: unequal right and left do not mirror.
const boxShorthands = new Map([
  ['margin', 'margin-block + margin-inline'],
  ['padding', 'padding-block + padding-inline'],
  ['inset', 'inset-block + inset-inline'],
  ['border-width', 'border-block-width + border-inline-width'],
  ['border-style', 'border-block-style + border-inline-style'],
  ['border-color', 'border-block-color + border-inline-color'],
]);

const zeroLength = /^[-+]?0*\.?0+(?:[a-z%]+)?$/i;

/** Splits a CSS value on top-level whitespace (or on `separator`), keeping parentheses together. */
function splitTopLevel(value, separator = /\s/) {
  const parts = [];
  let depth = 0;
  let current = '';
  for (const char of value) {
    if (char === '(') depth += 1;
    if (char === ')') depth -= 1;
    if (depth === 0 && separator.test(char)) {
      if (current !== '') parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  if (current !== '') parts.push(current);
  return parts;
}

/** The horizontal component of every translate in a value that is not provably zero. */
function horizontalTranslations(property, value) {
  const found = [];
  if (property === 'translate') {
    const [x] = splitTopLevel(value);
    if (x !== undefined && !zeroLength.test(x) && x !== 'none') found.push(`translate: ${value}`);
    return found;
  }
  for (const match of value.matchAll(/\b(translateX|translate3d|translate)\(([^()]*(?:\([^()]*\)[^()]*)*)\)/gi)) {
    const [x] = splitTopLevel(match[2] ?? '', /,/);
    if (x !== undefined && !zeroLength.test(x.trim())) found.push(match[0]);
  }
  return found;
}

/**
 * Findings for one declaration, as `{ property, advice }`. `property` is kebab-case, `value` as written
 * (quotes around string values are ignored).
 */
export function checkDeclaration(property, rawValue) {
  const name = property.trim().toLowerCase();
  const value = rawValue.trim().replace(/^['"`]|['"`]$/g, '').replace(/\s*!important$/i, '').trim();
  if (name.startsWith('--')) return [];
  const findings = [];
  const logical = physicalProperties.get(name);
  if (logical) findings.push({ property: name, advice: logical });
  const border = borderSide.exec(name);
  if (border) findings.push({ property: name, advice: `border-inline-${sideToLogical[border[1]]}${border[2] ?? ''}` });
  const sideValue = sideValued.get(name);
  const side = value.toLowerCase();
  if (sideValue && (side === 'left' || side === 'right')) {
    findings.push({ property: `${name}: ${side}`, advice: sideValue(side) });
  }
  if (name === 'direction') {
    findings.push({ property: `direction: ${value}`, advice: 'the dir attribute set from the language (i18n), or dir="ltr" on codes in markup' });
  }
  const shorthand = boxShorthands.get(name);
  if (shorthand) {
    const parts = splitTopLevel(value);
    if (parts.length === 4 && parts[1] !== parts[3]) findings.push({ property: `${name}: ${value}`, advice: shorthand });
  }
  if (name === 'transform' || name === 'translate') {
    for (const translation of horizontalTranslations(name, value)) {
      findings.push({ property: translation, advice: 'inset-inline-* / margin-inline-*, or a value that flips with direction' });
    }
  }
  return findings;
}

function lineAt(text, offset) {
  let line = 1;
  for (let index = 0; index < offset; index += 1) if (text.charCodeAt(index) === 10) line += 1;
  return line;
}

/** Replaces comments with spaces of the same length, keeping newlines, so offsets stay valid. */
function blankCssComments(css) {
  return css.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '));
}

/** Findings in a stylesheet: `{ line, property, advice }`. Selectors and at-rule preludes are skipped. */
export function checkCss(css) {
  const text = blankCssComments(css);
  const findings = [];
  let start = 0;
  let parens = 0;
  let quote = null;
  let blockDepth = 0;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quote) {
      if (char === '\\') index += 1;
      else if (char === quote) quote = null;
      continue;
    }
    if (char === '"' || char === "'") quote = char;
    else if (char === '(') parens += 1;
    else if (char === ')') parens -= 1;
    else if (parens === 0 && (char === '{' || char === '}' || char === ';')) {
      if (char !== '{' && blockDepth > 0) findings.push(...declarationFindings(text, start, index));
      if (char === '{') blockDepth += 1;
      if (char === '}') blockDepth -= 1;
      start = index + 1;
    }
  }
  return findings;
}

function declarationFindings(text, start, end) {
  const segment = text.slice(start, end);
  const colon = segment.indexOf(':');
  if (colon < 0) return [];
  const property = segment.slice(0, colon).trim();
  if (!/^-?[a-z][a-z-]*$/i.test(property)) return [];
  const line = lineAt(text, start + segment.search(/\S/));
  return checkDeclaration(property, segment.slice(colon + 1)).map((finding) => ({ line, ...finding }));
}

const camelToKebab = (name) => name.replace(/[A-Z]/g, (upper) => `-${upper.toLowerCase()}`);

/** Index of the quote closing the string literal that opens at `open`. */
function stringEnd(text, open) {
  let index = open + 1;
  while (index < text.length && text[index] !== text[open]) index += text[index] === '\\' ? 2 : 1;
  return index;
}

/** Index just past the bracket matching the one at `open`, skipping strings, templates and comments. */
function matchingBracket(text, open) {
  let depth = 0;
  for (let index = open; index < text.length; index += 1) {
    const char = text[index];
    if (char === '"' || char === "'" || char === '`') {
      index = stringEnd(text, index);
    } else if (char === '/' && text[index + 1] === '/') {
      while (index < text.length && text[index] !== '\n') index += 1;
    } else if (char === '/' && text[index + 1] === '*') {
      index = text.indexOf('*/', index + 2);
      if (index < 0) return text.length;
      index += 1;
    } else if (char === '{' || char === '(' || char === '[') depth += 1;
    else if (char === '}' || char === ')' || char === ']') {
      depth -= 1;
      if (depth === 0) return index + 1;
    }
  }
  return text.length;
}

/** Top-level `key: value` entries of an object literal body, with their offsets in the body. */
function objectEntries(body) {
  const entries = [];
  let start = 0;
  for (let index = 0; index <= body.length; index += 1) {
    const char = body[index];
    if (char === '"' || char === "'" || char === '`') {
      index = stringEnd(body, index);
    } else if (char === '{' || char === '(' || char === '[') {
      index = matchingBracket(body, index) - 1;
    } else if (char === ',' || index === body.length) {
      const entry = body.slice(start, index);
      const match = /^\s*(?:(['"])([^'"]+)\1|([A-Za-z_$][\w$]*))\s*:([\s\S]*)$/.exec(entry);
      if (match) entries.push({ key: match[2] ?? match[3] ?? '', value: match[4] ?? '', offset: start + entry.search(/\S/) });
      start = index + 1;
    }
  }
  return entries;
}

/** Findings in inline `style={{ … }}` objects of a TSX source: `{ line, property, advice }`. */
export function checkInlineStyles(tsx) {
  const findings = [];
  for (const match of tsx.matchAll(/\bstyle\s*=\s*\{\s*\{/g)) {
    const open = match.index + match[0].length - 1;
    const close = matchingBracket(tsx, open);
    const body = tsx.slice(open + 1, close - 1);
    for (const entry of objectEntries(body)) {
      const property = entry.key.startsWith('--') ? entry.key : camelToKebab(entry.key);
      const line = lineAt(tsx, open + 1 + entry.offset);
      for (const finding of checkDeclaration(property, entry.value)) findings.push({ line, ...finding });
    }
  }
  return findings;
}

/** Every finding under `root` (a directory URL or path), as `file:line: property — use advice` lines. */
export function checkTree(root, folder = 'renderer') {
  const base = String(root).replace(/^file:\/\//, '').replace(/\/?$/, '/');
  const lines = [];
  for (const file of readdirSync(base + folder, { recursive: true }).map(String).sort()) {
    if (file.split('/').includes('node_modules')) continue;
    const path = `${folder}/${file}`;
    const check = file.endsWith('.css') ? checkCss : file.endsWith('.tsx') ? checkInlineStyles : null;
    if (!check) continue;
    for (const finding of check(readFileSync(base + path, 'utf8'))) {
      lines.push(`${path}:${finding.line}: ${finding.property} — use ${finding.advice}`);
    }
  }
  return lines;
}

if (process.argv[1] && decodeURIComponent(new URL(import.meta.url).pathname) === process.argv[1]) {
  const problems = checkTree(decodeURIComponent(new URL('..', import.meta.url).pathname));
  if (problems.length > 0) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
  console.log('css logical properties: ok');
}
