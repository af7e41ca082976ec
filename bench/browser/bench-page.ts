/**
 * Runs inside Chromium. Each figure uses the app's own code (core and renderer/src/data) on a fresh
 * IndexedDB database, and its peer on the same rows in the same page, one after the other.
 */
import PouchDB from 'pouchdb-browser';
import { decodeBundle } from '../../core/bundle/index.ts';
import { DEFAULT_CATALOGUE_ID } from '../../core/catalogue/index.ts';
import { LAKE_AMARA_CITY, LAKE_AMARA_VALUES } from '../../core/demo/lake-amara.ts';
import { nextHlc } from '../../core/revisions/hlc.ts';
import { formatRecordId } from '../../core/revisions/record-id.ts';
import { createRevision } from '../../core/revisions/revision-id.ts';
import type { FieldMap, Revision } from '../../core/revisions/types.ts';
import { APP_DB_NAME, createDb } from '../../renderer/src/data/db.ts';
import { applyBundle, previewImport } from '../../renderer/src/data/sync.ts';

export interface ImportTimes {
  readonly revisions: number;
  readonly added: number;
  readonly decodeMs: number;
  readonly previewMs: number;
  readonly commitMs: number;
  readonly rawDexieMs: number;
  readonly pouchMs: number;
  readonly storedRaw: number;
  readonly storedPouch: number;
}

let databaseCounter = 0;
const freshName = (prefix: string): string => `${prefix}-${Date.now()}-${databaseCounter++}`;

async function fetchBytes(path: string): Promise<Uint8Array> {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

async function realImport(bytes: Uint8Array, identity: string, maxRevisions: number) {
  const db = createDb(freshName('bench-import'));
  try {
    let start = performance.now();
    const decoded = await decodeBundle(bytes, { identities: [identity], limits: { maxRevisions } });
    const decodeMs = performance.now() - start;
    const opened = { bytes, decoded };
    start = performance.now();
    await previewImport(db, opened);
    const previewMs = performance.now() - start;
    start = performance.now();
    const result = await applyBundle(db, opened, { approveSigner: true });
    const commitMs = performance.now() - start;
    if (result.status !== 'imported') throw new Error(`import ended as ${result.status}`);
    return { decoded, decodeMs, previewMs, commitMs, added: result.addedCount };
  } finally {
    db.close();
    await indexedDB.deleteDatabase(db.name);
  }
}

/** The same revisions in the same table, one strict bulkPut: what IndexedDB allows at best through Dexie. */
async function rawDexie(revisions: readonly Revision[]): Promise<{ ms: number; stored: number }> {
  const db = createDb(freshName('bench-raw'));
  try {
    await db.open();
    const start = performance.now();
    await db.transaction('rw', db.revisions, () => db.revisions.bulkPut(revisions as Revision[]));
    const ms = performance.now() - start;
    return { ms, stored: await db.revisions.count() };
  } finally {
    db.close();
    await indexedDB.deleteDatabase(db.name);
  }
}

/** The same documents through PouchDB's IndexedDB adapter, as an offline-first team would store them. */
async function pouch(revisions: readonly Revision[]): Promise<{ ms: number; stored: number }> {
  const db = new PouchDB(freshName('bench-pouch'));
  try {
    const docs = revisions.map((revision) => ({ _id: revision.id, ...revision }));
    const start = performance.now();
    const results = await db.bulkDocs(docs);
    const ms = performance.now() - start;
    if (results.some((result) => 'error' in result && result.error)) throw new Error('PouchDB refused a document');
    return { ms, stored: (await db.info()).doc_count };
  } finally {
    await db.destroy();
  }
}

async function importFigure(path: string, identity: string, maxRevisions: number): Promise<ImportTimes> {
  const bytes = await fetchBytes(path);
  const real = await realImport(bytes, identity, maxRevisions);
  const revisions = real.decoded.revisions;
  const raw = await rawDexie(revisions);
  const peer = await pouch(revisions);
  return {
    revisions: revisions.length,
    added: real.added,
    decodeMs: real.decodeMs,
    previewMs: real.previewMs,
    commitMs: real.commitMs,
    rawDexieMs: raw.ms,
    pouchMs: peer.ms,
    storedRaw: raw.stored,
    storedPouch: peer.stored,
  };
}

/** Values kept by each stored assessment but the first, which has the whole demo. */
const VALUES_PER_OTHER_ASSESSMENT = 20;

/**
 * Fills the app's own database with `count` assessments of as many cities, as a busy facilitator
 * laptop would hold after a few years; the first one carries every demo value.
 */
async function seedAssessments(count: number): Promise<{ assessmentId: string; kpiId: string; revisions: number }> {
  const revisions: Revision[] = [];
  let clock: string | null = null;
  const deviceId = 'dev-bench00000000000000000000';
  for (let index = 0; index < count; index++) {
    const cityId = `bench-city-${index}`;
    const assessmentId = `bench-assessment-${index}`;
    const values = index === 0 ? LAKE_AMARA_VALUES : LAKE_AMARA_VALUES.slice(0, VALUES_PER_OTHER_ASSESSMENT);
    const records: [string, FieldMap][] = [
      [formatRecordId({ kind: 'city', cityId }), { ...LAKE_AMARA_CITY, name: `Bench city ${index}` }],
      [formatRecordId({ kind: 'assessment', assessmentId }), { cityId, year: 2025, catalogueId: DEFAULT_CATALOGUE_ID, title: `Bench ${index}` }],
      ...values.map(({ kpiId, pointId, fields }): [string, FieldMap] => [formatRecordId({ kind: 'kpiValue', assessmentId, kpiId, pointId }), fields as FieldMap]),
    ];
    for (const [recordId, fields] of records) {
      clock = nextHlc(clock, Date.UTC(2024, 0, 1) + index * 3_600_000, deviceId);
      revisions.push(await createRevision({ recordId, fields, author: 'Bench', deviceId, hlc: clock, parents: [] }));
    }
  }
  const db = createDb(APP_DB_NAME);
  try {
    await db.transaction('rw', db.revisions, () => db.revisions.bulkPut(revisions));
  } finally {
    db.close();
  }
  const firstNumeric = LAKE_AMARA_VALUES.find(({ fields }) => typeof fields.numerator === 'number' || typeof fields.directValue === 'number');
  return { assessmentId: 'bench-assessment-0', kpiId: firstNumeric!.kpiId, revisions: revisions.length };
}

const COUNTRIES = ['Republic of Veloria', 'Amara Federation', 'Kingdom of Tessaly', 'Lowland Union'];
/** Values per assessment in the office figure: the first KPIs of the demo. */
const OFFICE_VALUES = 30;

/** A central office after years of workshops: `cities` cities, each assessed every year for `years` years. */
async function seedOffice(cities: number, years: number): Promise<{ assessments: number; revisions: number }> {
  await deleteDatabase(APP_DB_NAME);
  const revisions: Revision[] = [];
  let clock: string | null = null;
  const deviceId = 'dev-office0000000000000000000';
  const stamp = (recordId: string, fields: FieldMap, wallMs: number) => {
    clock = nextHlc(clock, wallMs, deviceId);
    return createRevision({ recordId, fields, author: 'Bench office', deviceId, hlc: clock, parents: [] });
  };
  for (let city = 0; city < cities; city++) {
    const cityId = `office-city-${city}`;
    revisions.push(await stamp(formatRecordId({ kind: 'city', cityId }), { ...LAKE_AMARA_CITY, name: `City ${city}`, country: COUNTRIES[city % COUNTRIES.length]! }, Date.UTC(2015, 0, 1)));
    for (let year = 0; year < years; year++) {
      const assessmentId = `office-${city}-${2015 + year}`;
      const wallMs = Date.UTC(2015 + year, 5, 1) + city * 60_000;
      revisions.push(await stamp(formatRecordId({ kind: 'assessment', assessmentId }), { cityId, year: 2015 + year, catalogueId: DEFAULT_CATALOGUE_ID, title: `City ${city} ${2015 + year}` }, wallMs));
      for (const { kpiId, pointId, fields } of LAKE_AMARA_VALUES.slice(0, OFFICE_VALUES)) {
        const drift = 1 + (((city * 31 + year * 7) % 21) - 10) / 100;
        const scaled: FieldMap = typeof fields.numerator === 'number' ? { ...fields, numerator: Math.round(fields.numerator * drift) } : fields as FieldMap;
        revisions.push(await stamp(formatRecordId({ kind: 'kpiValue', assessmentId, kpiId, pointId }), scaled, wallMs));
      }
    }
  }
  const db = createDb(APP_DB_NAME);
  try {
    await db.transaction('rw', db.revisions, () => db.revisions.bulkPut(revisions));
  } finally {
    db.close();
  }
  return { assessments: cities * years, revisions: revisions.length };
}

function request<T>(made: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    made.onsuccess = () => resolve(made.result);
    made.onerror = () => reject(made.error ?? new Error('IndexedDB request failed'));
  });
}

/** The floor of any view over every stored revision: one raw `getAll` of the app's revisions table. */
async function readAllRevisions(): Promise<{ revisions: number; ms: number }> {
  const db = await request(indexedDB.open(APP_DB_NAME));
  try {
    const start = performance.now();
    const rows = await request(db.transaction('revisions', 'readonly').objectStore('revisions').getAll());
    return { revisions: rows.length, ms: performance.now() - start };
  } finally {
    db.close();
  }
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error(`cannot delete ${name}`));
    request.onblocked = () => reject(new Error(`${name} is still open elsewhere`));
  });
}

declare global {
  interface Window {
    citykpiBench: { importFigure: typeof importFigure; seedAssessments: typeof seedAssessments; seedOffice: typeof seedOffice; readAllRevisions: typeof readAllRevisions };
  }
}

window.citykpiBench = { importFigure, seedAssessments, seedOffice, readAllRevisions };
