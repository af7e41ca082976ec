/** The layer allow-list refuses each crossing docs/architecture.md forbids, and the repository keeps to it. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module of the build scripts, without type declarations
import { checkLayers } from '../../build/layers.mjs';

const repository = fileURLToPath(new URL('../..', import.meta.url));
let root = '';

function tree(files: Readonly<Record<string, string>>): string {
  root = mkdtempSync(join(tmpdir(), 'citykpi-layers-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

afterEach(() => {
  if (root !== '') rmSync(root, { recursive: true, force: true });
  root = '';
});

const check = (files: Readonly<Record<string, string>>): string[] => checkLayers(tree(files)) as string[];

describe('layer rules', () => {
  it('hold for the repository', () => {
    expect(checkLayers(repository)).toEqual([]);
  });

  it('accept what each layer may use', () => {
    expect(
      check({
        'core/a.ts': "import { z } from 'zod';\nimport { b } from './b.ts';",
        'core/b.ts': 'export const b = 1;',
        'electron/preload/index.ts': "import { contextBridge } from 'electron';\nimport type { Bridge } from '../contract/bridge.ts';",
        'electron/main/main.ts': "import { app } from 'electron';\nimport { readFile } from 'node:fs/promises';\nimport { b } from '../../core/b.ts';",
        'renderer/src/data/db.ts': "import Dexie from 'dexie';\nimport { b } from '../../../core/b.ts';",
        'renderer/src/app/App.tsx': "import { useState } from 'react';\nimport './app.css';\nconst lazy = import('../data/db.ts');",
        'cli/main.ts': "import { Pool } from 'pg';\nimport { parseArgs } from 'node:util';\nimport { b } from '../core/b.ts';",
      }),
    ).toEqual([]);
  });

  it.each([
    ['core/a.ts', "import { readFileSync } from 'node:fs';", 'core/ is pure'],
    ['core/a.ts', "import { useState } from 'react';", 'core/ is pure'],
    ['core/a.ts', "import { store } from '../renderer/src/data/store.ts';", 'core/ is pure'],
    ['core/a.ts', "export { run } from '../cli/main.ts';", 'core/ is pure'],
    ['electron/preload/index.ts', "import { t } from '../../renderer/src/i18n/index.ts';", 'sandboxed preload'],
    ['electron/preload/index.ts', "import { z } from 'zod';", 'sandboxed preload'],
    ['electron/main/main.ts', "import { App } from '../../renderer/src/app/App.tsx';", 'never the renderer'],
    ['renderer/src/app/App.tsx', "import Dexie from 'dexie';", 'Dexie only through renderer/src/data/'],
    ['renderer/src/app/App.tsx', "import { ipcRenderer } from 'electron';", 'only through the Bridge'],
    ['renderer/src/app/App.tsx', "const main = await import('../../../electron/main/main.ts');", 'only through the Bridge'],
    ['renderer/src/app/App.tsx', "import { join } from 'node:path';", 'only through the Bridge'],
    ['cli/main.ts', "import { store } from '../renderer/src/data/store.ts';", 'the CLI is core under Node'],
  ])('refuse %s importing %s', (file, source, why) => {
    const problems = check({ [file]: source });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(file);
    expect(problems[0]).toContain(why);
  });

  it('name a source file that belongs to no layer', () => {
    expect(check({ 'electron/updater/index.ts': 'export const x = 1;' })).toEqual([
      'electron/updater/index.ts: belongs to no layer; add its folder to build/layers.mjs',
    ]);
  });
});
