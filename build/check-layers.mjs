// Layering rules that a linter config cannot express per folder: run by `npm run lint`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const importPattern = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

const rules = [
  {
    folder: 'core',
    forbidden: /^(react|react-dom|react-.*|dexie.*|electron|node:.*|fs|path|os|crypto)$|\/(renderer|electron|cli)\//,
    why: 'core/ is pure TypeScript: no React, Dexie, DOM, Electron or Node.',
  },
  {
    folder: 'renderer/src',
    forbidden: /^(electron|node:.*)$|electron\/(main|preload)/,
    why: 'the renderer reaches the desktop only through the Bridge.',
  },
  {
    folder: 'renderer',
    except: `renderer${sep}src${sep}data${sep}`,
    forbidden: /^dexie(-.*)?$/,
    why: 'Dexie lives only in renderer/src/data/.',
  },
  {
    folder: 'electron/preload',
    forbidden: /^(node:.*|zod|fs|path)$/,
    why: 'a sandboxed preload can only use electron and the pure contract.',
  },
];

function* sourceFiles(dir) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|tsx|mts|cts)$/.test(name)) yield path;
  }
}

const problems = [];
for (const rule of rules) {
  let files;
  try { files = [...sourceFiles(join(root, rule.folder))]; } catch { continue; }
  for (const file of files) {
    const rel = relative(root, file);
    if (rule.except && rel.startsWith(rule.except)) continue;
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(importPattern)) {
      const spec = match[1] ?? match[2];
      if (spec && rule.forbidden.test(spec)) problems.push(`${rel}: imports '${spec}': ${rule.why}`);
    }
  }
}

if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log('layers: ok');
