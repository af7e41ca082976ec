// The layer rules of docs/architecture.md as an allow-list: every source file belongs to one layer, and a
// layer names the folders it may import from and the packages it may use. Anything not allowed is a problem,
// so a new kind of import needs a decision here rather than slipping past a list of forbidden ones.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const RENDERER_PACKAGES = [
  'react', 'react-dom', 'react-aria-components', 'react-i18next', 'i18next', 'echarts', '@zxcvbn-ts/core', '@zxcvbn-ts/language-common',
];

/** Most specific first: a file belongs to the first layer whose folder holds it. */
export const LAYERS = [
  {
    folder: 'core/',
    why: 'core/ is pure TypeScript: no React, Dexie, DOM, Electron or Node, and nothing from the layers built on it',
    folders: ['core/'],
    packages: ['zod', 'age-encryption', '@noble/hashes', '@internationalized/number', 'exceljs', 'papaparse'],
  },
  {
    folder: 'electron/contract/',
    why: 'the contract is shared by the preload, the main process and the renderer, so it stays pure',
    folders: ['electron/contract/', 'core/'],
    packages: ['zod'],
  },
  {
    folder: 'electron/preload/',
    why: 'a sandboxed preload can only use electron and the pure contract',
    folders: ['electron/preload/', 'electron/contract/'],
    packages: ['electron'],
  },
  {
    folder: 'electron/main/',
    why: 'the main process uses Electron, Node, the contract and core, never the renderer or the CLI',
    folders: ['electron/main/', 'electron/contract/', 'core/'],
    packages: ['electron', 'zod', 'node:*'],
  },
  {
    folder: 'renderer/src/data/',
    why: 'the data layer reads and writes IndexedDB through Dexie and hands core what it needs',
    folders: ['renderer/src/', 'core/', 'electron/contract/'],
    packages: [...RENDERER_PACKAGES, 'dexie', 'dexie-react-hooks'],
  },
  {
    folder: 'renderer/src/',
    why: 'the renderer reaches the desktop only through the Bridge, and Dexie only through renderer/src/data/',
    folders: ['renderer/src/', 'core/', 'electron/contract/', 'locales/'],
    packages: RENDERER_PACKAGES,
  },
  {
    folder: 'cli/',
    why: 'the CLI is core under Node, with PostgreSQL for the office server',
    folders: ['cli/', 'core/'],
    packages: ['node:*', 'pg', 'zod'],
  },
];

/** Build configuration beside the layers, run by Vite rather than shipped. */
export const OUTSIDE_LAYERS = ['electron/vite.config.ts', 'renderer/vite.config.ts'];

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g;

function* sourceFiles(dir) {
  let names;
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|tsx|mts|cts)$/.test(name)) yield path;
  }
}

function packageName(specifier) {
  if (specifier.startsWith('node:')) return 'node:*';
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function allowed(layer, specifier, file, root) {
  if (specifier.startsWith('.')) {
    const target = relative(root, resolve(dirname(file), specifier)).split(sep).join('/');
    return layer.folders.some((folder) => target.startsWith(folder));
  }
  // CSS and fonts are assets of the page, not code that could cross a layer.
  if (/\.(css|woff2?)$/.test(specifier)) return layer.folder.startsWith('renderer/');
  return layer.packages.includes(packageName(specifier));
}

/** One line per import a layer does not allow, and per source file outside every layer. */
export function checkLayers(root) {
  const problems = [];
  for (const top of ['core', 'electron', 'renderer', 'cli']) {
    for (const file of sourceFiles(join(root, top))) {
      const rel = relative(root, file).split(sep).join('/');
      if (OUTSIDE_LAYERS.includes(rel)) continue;
      const layer = LAYERS.find((candidate) => rel.startsWith(candidate.folder));
      if (!layer) {
        problems.push(`${rel}: belongs to no layer; add its folder to build/layers.mjs`);
        continue;
      }
      for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
        const specifier = match[1] ?? match[2] ?? match[3];
        if (specifier && !allowed(layer, specifier, file, root)) problems.push(`${rel}: imports '${specifier}': ${layer.why}.`);
      }
    }
  }
  return problems;
}
