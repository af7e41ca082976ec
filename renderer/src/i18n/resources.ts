/**
 * Every locales/<lng>/<ns>.json is bundled by Vite as its own lazy chunk: nothing is fetched from a
 * network, and a language's files are read only when that language is used.
 */
import type { BackendModule, ResourceKey } from 'i18next';

type LocaleModule = { readonly default: ResourceKey };

const localeFiles = import.meta.glob<LocaleModule>('../../../locales/*/*.json');

const FILE_PATTERN = /\/locales\/([^/]+)\/([^/]+)\.json$/;

const loaders = new Map<string, () => Promise<LocaleModule>>();
for (const [path, load] of Object.entries(localeFiles)) {
  const match = FILE_PATTERN.exec(path);
  if (match) loaders.set(`${match[1]}/${match[2]}`, load);
}

/** Namespaces are whatever English ships: English is the source of truth for keys. */
export const NAMESPACES: readonly string[] = [...loaders.keys()]
  .filter((key) => key.startsWith('en/'))
  .map((key) => key.slice('en/'.length))
  .sort();

export const bundledLocaleBackend: BackendModule = {
  type: 'backend',
  init() {},
  read(language, namespace, callback) {
    const load = loaders.get(`${language}/${namespace}`);
    if (!load) {
      callback(new Error(`no bundled locale file ${language}/${namespace}.json`), false);
      return;
    }
    load().then(
      (module) => callback(null, module.default),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

/**
 * Starts reading `language`'s files before i18next asks for them, e.g. while the database is opened to
 * learn the saved language. Reading is idempotent: i18next's later reads get the same modules. Resolves
 * to the number of files read (a failure is i18next's to report when it reads the file itself).
 */
export function preloadLanguage(language: string): Promise<number> {
  const files = [...loaders].filter(([key]) => key.startsWith(`${language}/`)).map(([, load]) => load());
  return Promise.allSettled(files).then((settled) => settled.filter((file) => file.status === 'fulfilled').length);
}
