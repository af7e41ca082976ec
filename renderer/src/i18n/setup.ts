/**
 * One i18next instance for the whole renderer: bundled locales, the seven supported languages, the
 * document's lang/dir kept in step with the current language.
 */
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Bridge } from '../../../electron/contract/bridge.ts';
import { DEFAULT_LANGUAGE, isLanguage, matchLanguage, SUPPORTED_LANGUAGES, type Language } from './languages.ts';
import { bundledLocaleBackend, NAMESPACES, preloadLanguage } from './resources.ts';

export const i18n: I18n = i18next.createInstance();

const SAVED_LANGUAGE_KEY = 'citykpi.language';

/** In development and tests a missing key is a bug to see at once, not a raw key on screen. */
const failOnMissingKey = import.meta.env.DEV || import.meta.env.MODE === 'test';

function readSavedLanguage(): Language | null {
  try {
    const saved = window.localStorage.getItem(SAVED_LANGUAGE_KEY);
    return isLanguage(saved) ? saved : null;
  } catch {
    return null;
  }
}

function saveLanguage(language: Language): void {
  try {
    window.localStorage.setItem(SAVED_LANGUAGE_KEY, language);
  } catch {
    // Storage may be full or disabled: the choice still applies for this session.
  }
}

/** Durable storage for the choice: localStorage alone may not reach the disk before a crash. */
export interface LanguageMemory {
  read(): Promise<string | null>;
  write(language: Language): Promise<void>;
}

let memory: LanguageMemory | null = null;

export function rememberLanguageIn(store: LanguageMemory): void {
  memory = store;
}

async function readRememberedLanguage(): Promise<Language | null> {
  const remembered = memory ? await memory.read().catch(() => null) : null;
  return isLanguage(remembered) ? remembered : readSavedLanguage();
}

/**
 * Starts loading the translations detectLanguage will most likely choose (this window's copy of the
 * choice, else the browser's languages), and English, which i18next loads as the fallback. Returns the
 * language guessed.
 */
export function preloadLikelyTranslations(): Language {
  const likely = readSavedLanguage() ?? matchLanguage(navigator.languages) ?? DEFAULT_LANGUAGE;
  void preloadLanguage(likely);
  if (likely !== DEFAULT_LANGUAGE) void preloadLanguage(DEFAULT_LANGUAGE);
  return likely;
}

/** The user's saved choice, else the operating system's languages, else the browser's, else English. */
export async function detectLanguage(bridge: Pick<Bridge, 'appInfo'>): Promise<Language> {
  const saved = await readRememberedLanguage();
  if (saved) return saved;
  try {
    const fromSystem = matchLanguage((await bridge.appInfo()).preferredLanguages);
    if (fromSystem) return fromSystem;
  } catch {
    // No app info: fall through to what the browser says.
  }
  return matchLanguage(navigator.languages) ?? DEFAULT_LANGUAGE;
}

function reflectOnDocument(language: string): void {
  const root = document.documentElement;
  root.lang = language;
  root.dir = i18n.dir(language);
  if (i18n.exists('common:app.name')) document.title = i18n.t('common:app.name');
}

let initialised: Promise<I18n> | undefined;

/** Loads every namespace of `language` (and English as fallback); resolves before the first render. */
export function initI18n(language: Language): Promise<I18n> {
  if (initialised) return initialised.then(async (instance) => {
    await instance.changeLanguage(language);
    return instance;
  });
  i18n.on('languageChanged', reflectOnDocument);
  initialised = i18n
    .use(bundledLocaleBackend)
    .use(initReactI18next)
    .init({
      lng: language,
      supportedLngs: [...SUPPORTED_LANGUAGES],
      nonExplicitSupportedLngs: true,
      load: 'languageOnly',
      fallbackLng: DEFAULT_LANGUAGE,
      ns: [...NAMESPACES],
      defaultNS: 'common',
      fallbackNS: false,
      interpolation: { escapeValue: false },
      returnNull: false,
      saveMissing: failOnMissingKey,
      missingKeyHandler: failOnMissingKey
        ? (languages, namespace, key) => {
            throw new Error(`Missing translation ${namespace}:${key} (${languages.join(', ')})`);
          }
        : false,
      react: { useSuspense: false },
    })
    .then(() => i18n);
  return initialised;
}

/** Switches the whole UI at run time and remembers the choice for the next start. */
export async function setLanguage(language: Language): Promise<void> {
  saveLanguage(language);
  // The switch still applies for this session if the durable write fails.
  await memory?.write(language).catch(() => undefined);
  await i18n.changeLanguage(language);
}

export function currentLanguage(): Language {
  const resolved = i18n.resolvedLanguage ?? i18n.language;
  return isLanguage(resolved) ? resolved : DEFAULT_LANGUAGE;
}
