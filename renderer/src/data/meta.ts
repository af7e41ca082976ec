/** This installation's own facts, kept in the `meta` table. */
import type { CityKpiDb } from './db.ts';

export const DEVICE_ID = 'deviceId';
const AUTHOR_NAME = 'authorName';
const CLOCK = 'clock';
const UI_LANGUAGE = 'uiLanguage';

/** Longest author name we store: it travels in every revision. */
export const MAX_AUTHOR_NAME_LENGTH = 100;

/** The device id, created on first use. A UUID: it names this installation in every revision. */
export function ensureDeviceId(db: CityKpiDb, makeId: () => string): Promise<string> {
  return db.transaction('rw', db.meta, async () => {
    const existing = await db.meta.get(DEVICE_ID);
    if (existing?.value) return existing.value;
    const created = makeId();
    await db.meta.put({ key: DEVICE_ID, value: created });
    return created;
  });
}

export async function readAuthorName(db: CityKpiDb): Promise<string | null> {
  return (await db.meta.get(AUTHOR_NAME))?.value ?? null;
}

export async function writeAuthorName(db: CityKpiDb, name: string | null): Promise<void> {
  await db.meta.put({ key: AUTHOR_NAME, value: name });
}

export async function readClock(db: CityKpiDb): Promise<string | null> {
  return (await db.meta.get(CLOCK))?.value ?? null;
}

/** Stores the clock unless another window already stored a later one. Dexie calls only: safe inside a transaction. */
export async function advanceStoredClock(db: CityKpiDb, clock: string): Promise<void> {
  const stored = await readClock(db);
  if (stored === null || stored < clock) await db.meta.put({ key: CLOCK, value: clock });
}

export async function readUiLanguage(db: CityKpiDb): Promise<string | null> {
  return (await db.meta.get(UI_LANGUAGE))?.value ?? null;
}

export async function writeUiLanguage(db: CityKpiDb, language: string): Promise<void> {
  await db.meta.put({ key: UI_LANGUAGE, value: language });
}
