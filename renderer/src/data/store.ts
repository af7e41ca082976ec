/**
 * Write-side of the data layer. Every call writes revisions whose parents are the record's current
 * heads and resolves only once the read-write transaction has committed (the UI's "saved").
 *
 * Order of a write, per record and serialised in this window by RecordLocks:
 *   1. in ONE read transaction: the records' states, the records the rules read, the author, the clock;
 *   2. build the revision (crypto.subtle) outside any transaction, and check the record rules;
 *   3. in one rw transaction of Dexie calls only: check no revision of those records was added since
 *      (so the heads are unchanged), add, store the clock.
 * If another window or an import changed the heads meanwhile, build again from 2 on the states step 3 read.
 * A keystroke's save is therefore two transactions; fewer would need the revision id (a SHA-256) inside
 * the write transaction, which IndexedDB commits as soon as it waits on anything but its own requests.
 */
import { DEFAULT_LIMITS } from '../../../core/bundle/limits.ts';
import { DEFAULT_CATALOGUE_ID } from '../../../core/catalogue/index.ts';
import { contextOfStates, recordsReadBy } from '../../../core/records/index.ts';
import { DEMO_ASSESSMENT_ID, DEMO_CITY_ID, demoRevisions } from '../../../core/demo/index.ts';
import { SAMPLE_WORKSHOP } from '../../../core/demo/sample-workshop.ts';
import { currentValue, deriveRecord, type RecordState } from '../../../core/revisions/derive.ts';
import type { ValueField } from '../../../core/revisions/fields.ts';
import { nextHlc } from '../../../core/revisions/hlc.ts';
import { formatRecordId, parseRecordId, type RecordRef } from '../../../core/revisions/record-id.ts';
import { canonicalJsonBytes } from '../../../core/revisions/canonical-json.ts';
import { createRevision } from '../../../core/revisions/revision-id.ts';
import type { FieldMap, FieldValue, Revision } from '../../../core/revisions/types.ts';
import type { CityKpiDb } from './db.ts';
import { migrateCatalogues } from './catalogue-migration.ts';
import { DataError, mapDataErrors, refuseWritesAfterDiskFull, toDataError } from './errors.ts';
import { checkFields, checkWrites, type Writer } from './field-rules.ts';
import { MAX_AUTHOR_NAME_LENGTH, advanceStoredClock, ensureDeviceId, readAuthorName, readClock, readUiLanguage, writeAuthorName, writeUiLanguage } from './meta.ts';
import { isDeleted, recordState, revisionsOfRecord } from './queries.ts';
import { RecordLocks } from './record-locks.ts';
import { guardWorkshopRules } from './workshop-guard.ts';
import { readActiveParticipantId, workshopAuthorFor, writeActiveParticipantId } from './workshop-session.ts';
import type { CityFieldUpdate, NewAssessment } from './types.ts';

export type ValueFieldUpdate = Readonly<Partial<Record<ValueField, FieldValue>>>;
export interface AssessmentFieldUpdate {
  readonly year?: number;
  readonly title?: string | null;
}

export interface DataStore {
  readonly db: CityKpiDb;
  getDeviceId(): Promise<string>;
  /** The name stamped on this laptop's revisions; null until set (the UI then shows a translated default). */
  getAuthorName(): Promise<string | null>;
  setAuthorName(name: string | null): Promise<void>;
  /** The interface language chosen on this laptop, kept with strict durability like every other write. */
  getUiLanguage(): Promise<string | null>;
  setUiLanguage(language: string): Promise<void>;
  createAssessment(input: NewAssessment): Promise<{ readonly assessmentId: string; readonly cityId: string }>;
  /** Writes the fields that differ from the current values; resolves to the revision id, or null if nothing changed. */
  updateCity(cityId: string, fields: CityFieldUpdate): Promise<string | null>;
  updateAssessment(assessmentId: string, fields: AssessmentFieldUpdate): Promise<string | null>;
  saveValueFields(assessmentId: string, kpiId: string, pointId: string, fields: ValueFieldUpdate): Promise<string | null>;
  /** A tombstone (`deleted: true`); for the demo, its city too. Deleting twice changes nothing. */
  deleteAssessment(assessmentId: string): Promise<void>;
  /** Undoes deleteAssessment (a new revision `deleted: false`, and for its city when that was deleted too). */
  restoreAssessment(assessmentId: string): Promise<void>;
  /** Writes the shared demo revisions once, un-deletes a deleted demo, returns DEMO_ASSESSMENT_ID. */
  openDemo(): Promise<string>;
  /** A revision setting `field` to `value` whose parents are all current heads. Resolves to its id. */
  resolveConflict(recordId: string, field: string, value: FieldValue): Promise<string>;
  /**
   * Writes to several records at once, each edit decided from the record's current state (null or {}
   * writes nothing to it). For callers that checked their fields with core's rules themselves.
   */
  writeEdits(edits: ReadonlyMap<string, FieldsFor>, options?: { readonly author?: string }): Promise<readonly Revision[]>;
}

export interface DataStoreOptions {
  readonly now?: () => number;
  readonly makeId?: () => string;
}

/** What to write to one record, decided from its current state; null or {} writes nothing. */
export type FieldsFor = (state: RecordState) => FieldMap | null;

/** What one edit is decided from (store.ts readSnapshot). */
interface Snapshot {
  readonly states: ReadonlyMap<string, RecordState>;
  /** How many revisions each state was derived from: the write checks nothing was added since. */
  readonly revisionCounts: ReadonlyMap<string, number>;
  /** The name set on this laptop, null when none. */
  readonly authorName: string | null;
  /** The name stamped on the revisions: an override, the participant at the keyboard, or the author name. */
  readonly author: string;
  readonly storedClock: string | null;
}

interface WriteOptions {
  readonly author?: string;
  /** More records to read in the same snapshot, for `before`. */
  readonly alsoRead?: readonly string[];
  /** Runs on each snapshot before anything is built; throws to refuse the edit. */
  readonly before?: (snapshot: Snapshot, deviceId: string) => void;
}

/** Records another writer changed between an edit's snapshot and its write, as the write found them. */
interface Moved {
  readonly moved: readonly { readonly state: RecordState; readonly revisionCount: number }[];
  readonly storedClock: string | null;
}

/** Edits re-read their heads this many times when other writers keep changing the record. */
const MAX_ATTEMPTS = 5;

function sameValue(a: FieldValue | undefined, b: FieldValue | undefined): boolean {
  return Object.is(a ?? null, b ?? null) || (a === 0 && b === 0);
}

/**
 * Only the fields whose value actually changes. Re-sending an unchanged field would compete with
 * another laptop's concurrent edit of it and create a conflict nobody made. A field in conflict is
 * always written: choosing a value resolves it.
 */
export function changedFields(fields: FieldMap): FieldsFor {
  return (state) => {
    const changed = Object.entries(fields).filter(([field, value]) => {
      const fieldState = state.fields[field];
      return !fieldState || fieldState.conflict || !sameValue(fieldState.current.value, value);
    });
    return Object.fromEntries(changed);
  };
}

/** A revision a bundle could not carry must not be stored: it would block every later export. */
function checkExportable(revision: Revision): Revision {
  if (canonicalJsonBytes(revision).length > DEFAULT_LIMITS.maxLineBytes) throw new DataError('E_INVALID', 'this change is too large to store');
  return revision;
}

/** Un-deletes a record whose deletion is in effect or in conflict; a record never deleted gets no revision. */
const undelete: FieldsFor = (state) => (state.fields.deleted && currentValue(state, 'deleted') !== false ? { deleted: false } : null);

function restoreEdits(assessmentRecordId: string, cityId: FieldValue | undefined): Map<string, FieldsFor> {
  const edits = new Map<string, FieldsFor>([[assessmentRecordId, undelete]]);
  const cityRef = typeof cityId === 'string' ? parseRecordId(`city:${cityId}`) : null;
  if (cityRef) edits.set(formatRecordId(cityRef), undelete);
  return edits;
}

function recordRef(recordId: string): RecordRef {
  const ref = parseRecordId(recordId);
  if (!ref) throw new DataError('E_INVALID', `invalid record id ${JSON.stringify(recordId)}`);
  return ref;
}

function formatChecked(ref: RecordRef): string {
  try {
    return formatRecordId(ref);
  } catch (error) {
    throw new DataError('E_INVALID', error instanceof Error ? error.message : 'invalid id', { cause: error });
  }
}

export function createDataStore(db: CityKpiDb, options: DataStoreOptions = {}): DataStore {
  const now = options.now ?? (() => Date.now());
  const makeId = options.makeId ?? (() => crypto.randomUUID());
  const locks = new RecordLocks();
  let deviceId: Promise<string> | undefined;
  let clock: string | null = null;

  const getDeviceId = (): Promise<string> => {
    deviceId ??= ensureDeviceId(db, makeId).catch((error: unknown) => {
      deviceId = undefined;
      throw error;
    });
    return deviceId;
  };

  /** The next clock: after this window's last one and after the stored one (other windows, imports, restarts). */
  const tick = (stored: string | null, device: string): string => {
    clock = nextHlc(clock === null || (stored !== null && stored > clock) ? stored : clock, now(), device);
    return clock;
  };

  const readStates = (recordIds: readonly string[]): Promise<RecordState[]> =>
    db.transaction('r', db.revisions, () => Promise.all(recordIds.map((recordId) => recordState(db, recordId))));

  const writer = async (): Promise<Writer> => ({ author: (await readAuthorName(db)) ?? '', deviceId: await getDeviceId() });

  /**
   * Everything an edit is decided from, read in ONE read transaction (its requests run together):
   * the records' states, the records the rules read, who writes and the stored clock.
   */
  const readSnapshot = (recordIds: readonly string[], alsoRead: readonly string[], authorOverride: string | undefined): Promise<Snapshot> =>
    db.transaction('r', db.revisions, db.meta, async () => {
      const wanted = [...new Set([...recordIds, ...alsoRead])];
      const [histories, authorName, workshopAuthor, storedClock] = await Promise.all([
        Promise.all(wanted.map((recordId) => revisionsOfRecord(db, recordId))),
        readAuthorName(db),
        authorOverride === undefined ? workshopAuthorFor(db, recordIds) : Promise.resolve(null),
        readClock(db),
      ]);
      return {
        states: new Map(wanted.map((recordId, index) => [recordId, deriveRecord(recordId, histories[index]!)])),
        revisionCounts: new Map(wanted.map((recordId, index) => [recordId, histories[index]!.length])),
        authorName,
        author: authorOverride ?? workshopAuthor ?? authorName ?? '',
        storedClock,
      };
    });

  /** The record rules on the revisions about to be written, with the other records they read. */
  const checkBuilt = async (revisions: readonly Revision[], states: ReadonlyMap<string, RecordState>): Promise<void> => {
    const more = recordsReadBy(revisions).filter((recordId) => !states.has(recordId));
    checkWrites(revisions, contextOfStates([...states.values(), ...(more.length === 0 ? [] : await readStates(more))]));
  };

  /**
   * The heart of every edit: see the module comment. Returns the revisions written, in edit order.
   * `before` sees the snapshot first (checks that need the writer or other records, as saveValueFields' own).
   */
  const writeRecords = (edits: ReadonlyMap<string, FieldsFor>, options: WriteOptions = {}): Promise<Revision[]> => {
    const recordIds = [...edits.keys()];
    return locks.run(recordIds, async () => {
      refuseWritesAfterDiskFull();
      const device = await getDeviceId();
      let snapshot = await readSnapshot(recordIds, options.alsoRead ?? [], options.author);
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
        options.before?.(snapshot, device);
        const planned: { recordId: string; heads: readonly string[]; fields: FieldMap }[] = [];
        for (const recordId of recordIds) {
          const state = snapshot.states.get(recordId)!;
          const fields = edits.get(recordId)!(state);
          if (fields && Object.keys(fields).length > 0) planned.push({ recordId, heads: state.heads, fields });
        }
        if (planned.length === 0) return [];
        const revisions: Revision[] = [];
        for (const { recordId, heads, fields } of planned) {
          revisions.push(checkExportable(await createRevision({ recordId, fields, author: snapshot.author, deviceId: device, hlc: tick(snapshot.storedClock, device), parents: heads })));
        }
        await checkBuilt(revisions, snapshot.states);
        // A full disk aborts the transaction: its requests only say "aborted", the transaction says why,
        // possibly after Dexie has already rejected.
        let finished: Promise<DOMException | null> = Promise.resolve(null);
        const outcome = await db.transaction('rw', db.revisions, db.meta, async (transaction): Promise<Moved | null> => {
          const idb = transaction.idbtrans;
          finished = new Promise((resolve) => {
            idb.addEventListener('abort', () => resolve(idb.error));
            idb.addEventListener('complete', () => resolve(null));
          });
          // Revisions are only ever added: as many as in the snapshot means the same revisions, so the
          // same heads, and counting the index is cheaper than reading and deriving a long history.
          const moved: { state: RecordState; revisionCount: number }[] = [];
          for (const { recordId } of planned) {
            if ((await db.revisions.where('recordId').equals(recordId).count()) === snapshot.revisionCounts.get(recordId)) continue;
            const history = await revisionsOfRecord(db, recordId);
            moved.push({ state: deriveRecord(recordId, history), revisionCount: history.length });
          }
          if (moved.length > 0) return { moved, storedClock: await readClock(db) };
          await guardWorkshopRules(db, revisions);
          await db.revisions.bulkAdd(revisions);
          await advanceStoredClock(db, revisions[revisions.length - 1]!.hlc);
          return null;
        }).catch(async (error: unknown) => {
          const abortedBy = await Promise.race([finished, new Promise<null>((resolve) => setTimeout(() => resolve(null), 1_000))]);
          throw abortedBy ? toDataError(abortedBy) : error;
        });
        if (outcome === null) return revisions;
        // The states just read replace the stale ones: the retry goes straight to building, ahead of
        // the other writer's next edit, which starts with a snapshot (no writer starves the other).
        snapshot = {
          ...snapshot,
          states: new Map([...snapshot.states, ...outcome.moved.map(({ state }): [string, RecordState] => [state.recordId, state])]),
          revisionCounts: new Map([...snapshot.revisionCounts, ...outcome.moved.map(({ state, revisionCount }): [string, number] => [state.recordId, revisionCount])]),
          storedClock: outcome.storedClock,
        };
      }
      throw new DataError('E_DB', 'the record kept changing while saving; try again');
    });
  };

  const writeOne = async (recordId: string, fieldsFor: FieldsFor, options?: WriteOptions): Promise<string | null> => {
    const [revision] = await writeRecords(new Map([[recordId, fieldsFor]]), options);
    return revision?.id ?? null;
  };

  const liveAssessment = async (assessmentId: string): Promise<RecordState> => {
    const state = await recordState(db, formatChecked({ kind: 'assessment', assessmentId }));
    if (state.heads.length === 0 || isDeleted(state)) throw new DataError('E_NOT_FOUND', `no assessment ${assessmentId}`);
    return state;
  };

  return {
    db,
    getDeviceId: () => mapDataErrors(getDeviceId),

    getAuthorName: () => mapDataErrors(() => readAuthorName(db)),

    setAuthorName: (name) =>
      mapDataErrors(async () => {
        const trimmed = name?.trim() ?? '';
        if (trimmed.length > MAX_AUTHOR_NAME_LENGTH) throw new DataError('E_INVALID', 'author name too long');
        await writeAuthorName(db, trimmed === '' ? null : trimmed);
      }),

    getUiLanguage: () => mapDataErrors(() => readUiLanguage(db)),

    setUiLanguage: (language) => mapDataErrors(() => writeUiLanguage(db, language)),

    createAssessment: ({ city, year }) =>
      mapDataErrors(async () => {
        const cityId = makeId();
        const assessmentId = makeId();
        const cityRecordId = formatChecked({ kind: 'city', cityId });
        const assessmentRecordId = formatChecked({ kind: 'assessment', assessmentId });
        const who = await writer();
        const cityFields = checkFields(cityRecordId, { ...city }, who);
        const assessmentFields = checkFields(assessmentRecordId, { cityId, year, catalogueId: DEFAULT_CATALOGUE_ID, demo: false }, who);
        await writeRecords(
          new Map<string, FieldsFor>([
            [cityRecordId, () => cityFields],
            [assessmentRecordId, () => assessmentFields],
          ]),
        );
        return { assessmentId, cityId };
      }),

    updateCity: (cityId, fields) =>
      mapDataErrors(async () => {
        const recordId = formatChecked({ kind: 'city', cityId });
        const checked = checkFields(recordId, { ...fields }, await writer());
        if ('deleted' in checked) throw new DataError('E_INVALID', 'use deleteAssessment to delete');
        if ((await recordState(db, recordId)).heads.length === 0) throw new DataError('E_NOT_FOUND', `no city ${cityId}`);
        return writeOne(recordId, changedFields(checked));
      }),

    updateAssessment: (assessmentId, fields) =>
      mapDataErrors(async () => {
        const recordId = formatChecked({ kind: 'assessment', assessmentId });
        const checked = checkFields(recordId, { ...fields }, await writer());
        await liveAssessment(assessmentId);
        return writeOne(recordId, changedFields(checked));
      }),

    saveValueFields: (assessmentId, kpiId, pointId, fields) =>
      mapDataErrors(async () => {
        const recordId = formatChecked({ kind: 'kpiValue', assessmentId, kpiId, pointId });
        const assessmentRecordId = formatChecked({ kind: 'assessment', assessmentId });
        let checked: FieldMap = {};
        // The assessment and the writer come from the edit's own snapshot: one read transaction per save.
        return writeOne(recordId, (state) => changedFields(checked)(state), {
          alsoRead: [assessmentRecordId],
          before: ({ states, authorName }, device) => {
            const assessment = states.get(assessmentRecordId)!;
            if (assessment.heads.length === 0 || isDeleted(assessment)) throw new DataError('E_NOT_FOUND', `no assessment ${assessmentId}`);
            checked = checkFields(recordId, { ...fields } as FieldMap, { author: authorName ?? '', deviceId: device }, contextOfStates([assessment]));
          },
        });
      }),

    deleteAssessment: (assessmentId) =>
      mapDataErrors(async () => {
        const assessmentRecordId = formatChecked({ kind: 'assessment', assessmentId });
        const state = await recordState(db, assessmentRecordId);
        if (state.heads.length === 0) throw new DataError('E_NOT_FOUND', `no assessment ${assessmentId}`);
        const cityId = currentValue(state, 'cityId');
        const edits = new Map<string, FieldsFor>([[assessmentRecordId, changedFields({ deleted: true })]]);
        if (currentValue(state, 'demo') === true && typeof cityId === 'string') {
          edits.set(formatChecked({ kind: 'city', cityId }), changedFields({ deleted: true }));
        }
        await writeRecords(edits);
      }),

    restoreAssessment: (assessmentId) =>
      mapDataErrors(async () => {
        const assessmentRecordId = formatChecked({ kind: 'assessment', assessmentId });
        const state = await recordState(db, assessmentRecordId);
        if (state.heads.length === 0) throw new DataError('E_NOT_FOUND', `no assessment ${assessmentId}`);
        await writeRecords(restoreEdits(assessmentRecordId, currentValue(state, 'cityId')));
      }),

    openDemo: () =>
      mapDataErrors(async () => {
        const base = await demoRevisions();
        const assessmentRecordId = formatRecordId({ kind: 'assessment', assessmentId: DEMO_ASSESSMENT_ID });
        const cityRecordId = formatRecordId({ kind: 'city', cityId: DEMO_CITY_ID });
        await locks.run([assessmentRecordId, cityRecordId], () =>
          db.transaction('rw', db.revisions, async () => {
            const stored = await db.revisions.bulkGet(base.map((revision) => revision.id));
            const missing = base.filter((_, index) => stored[index] === undefined);
            if (missing.length > 0) await db.revisions.bulkAdd(missing);
          }),
        );
        await writeRecords(restoreEdits(assessmentRecordId, DEMO_CITY_ID));
        // The demo's shared revisions name the first catalogue version; move it on like any stored assessment.
        await migrateCatalogues(db);
        // Only the sample workshop's people may edit the demo: its facilitator is at the keyboard until someone switches.
        if ((await readActiveParticipantId(db, DEMO_ASSESSMENT_ID)) === null) await writeActiveParticipantId(db, DEMO_ASSESSMENT_ID, SAMPLE_WORKSHOP.participants[0]!.id);
        return DEMO_ASSESSMENT_ID;
      }),

    resolveConflict: (recordId, field, value) =>
      mapDataErrors(async () => {
        recordRef(recordId);
        const checked = checkFields(recordId, { [field]: value }, await writer());
        const id = await writeOne(recordId, () => checked);
        return id!;
      }),

    writeEdits: (edits, writeOptions) => mapDataErrors(() => writeRecords(edits, writeOptions?.author === undefined ? {} : { author: writeOptions.author })),
  };
}
