/**
 * Workshop mode's data side: the wizard's workshop, participants, assignments, who is at the
 * keyboard, submission, review and verification. Every change is a revision, judged by core's
 * workshop rule in the write transaction (see workshop-guard.ts).
 */
import { getCatalogue, DEFAULT_CATALOGUE_ID, pointsOf } from '../../../core/catalogue/index.ts';
import { hashPin, normalisePin, verifyPin } from '../../../core/crypto/pin.ts';
import { deriveRecords } from '../../../core/revisions/derive.ts';
import { formatRecordId, valueRecordPrefix, type RecordRef, type WorkshopRecordKind } from '../../../core/revisions/record-id.ts';
import type { FieldMap, FieldValue } from '../../../core/revisions/types.ts';
import { HEAD_SEPARATOR, type QuestionOutcome, type Verdict, type WorkshopRole } from '../../../core/workshop/fields.ts';
import { workshopFieldProblem } from '../../../core/workshop/field-rules.ts';
import { sameName } from '../../../core/workshop/same-name.ts';
import { deriveWorkshopState, type Participant, type WorkshopState } from '../../../core/workshop/state.ts';
import { DataError } from './errors.ts';
import { checkFields } from './field-rules.ts';
import { changedFields, type DataStore, type FieldsFor } from './store.ts';
import { workshopRevisions } from './workshop-guard.ts';
import { activeParticipant, readActiveParticipantId, readPinHash, writeActiveParticipantId, writePinHash } from './workshop-session.ts';

/** The value fields a KPI's data points usually share. */
export const SHARED_FIELDS = ['dataYear', 'source', 'quality', 'origin', 'department'] as const;
export type SharedField = (typeof SHARED_FIELDS)[number];

export interface NewParticipant {
  readonly name: string;
  readonly department: string;
  readonly role: WorkshopRole;
}

export interface NewWorkshop {
  readonly assessmentId: string;
  readonly title: string;
  readonly startDate: string | null;
  readonly endDate: string | null;
  readonly place: string;
  /** The first entry must be the facilitator: the workshop is created in their name. */
  readonly participants: readonly NewParticipant[];
}

export interface WorkshopView {
  readonly state: WorkshopState;
  /** The participant at this keyboard, or null. */
  readonly active: Participant | null;
}

function refId(ref: RecordRef): string {
  try {
    return formatRecordId(ref);
  } catch (error) {
    throw new DataError('E_INVALID', error instanceof Error ? error.message : 'invalid id', { cause: error });
  }
}

type WorkshopRef = Extract<RecordRef, { readonly kind: WorkshopRecordKind }>;

/** A workshop record's id and fields, refused with the rule's finding (which field, why) when a field is not acceptable. */
function checkedEdit(ref: WorkshopRef, fields: FieldMap): readonly [recordId: string, fields: FieldMap] {
  const recordId = refId(ref);
  const problem = workshopFieldProblem(ref.kind, fields);
  if (problem !== null) {
    throw new DataError('E_INVALID', `invalid ${ref.kind} field ${JSON.stringify(problem.field)}`, { findings: [{ ...problem, recordId, revisionId: null }] });
  }
  return [recordId, fields];
}

export async function loadWorkshop(store: DataStore, assessmentId: string): Promise<WorkshopView> {
  const state = deriveWorkshopState(assessmentId, await workshopRevisions(store.db, [assessmentId]));
  const activeId = await readActiveParticipantId(store.db, assessmentId);
  return { state, active: state.participants.find((participant) => participant.id === activeId) ?? null };
}

/** Creates the workshop and its people in the facilitator's name, and puts the facilitator at this keyboard. */
export async function createWorkshop(store: DataStore, input: NewWorkshop, makeId: () => string = () => crypto.randomUUID()): Promise<{ readonly workshopId: string; readonly participantIds: readonly string[] }> {
  const [facilitator] = input.participants;
  if (!facilitator || facilitator.role !== 'facilitator') throw new DataError('E_INVALID', 'a workshop needs its facilitator first');
  const names = input.participants.map((participant) => participant.name.trim());
  if (names.some((name, index) => names.findIndex((other) => sameName(other, name)) !== index)) throw new DataError('E_INVALID', 'two participants have the same name');
  const { state } = await loadWorkshop(store, input.assessmentId);
  if (state.participants.some((existing) => names.some((name) => sameName(existing.name, name)))) throw new DataError('E_INVALID', 'a participant of that name already exists');
  const workshopId = makeId();
  const edits = new Map<string, FieldsFor>();
  const [workshopRecordId, workshopFields] = checkedEdit(
    { kind: 'workshop', assessmentId: input.assessmentId, workshopId },
    { title: input.title.trim(), startDate: input.startDate, endDate: input.endDate, place: input.place.trim() },
  );
  edits.set(workshopRecordId, () => workshopFields);
  const participantIds = input.participants.map(() => makeId());
  input.participants.forEach((participant, index) => {
    const [recordId, fields] = checkedEdit(
      { kind: 'participant', assessmentId: input.assessmentId, participantId: participantIds[index]! },
      { workshopId, name: participant.name.trim(), department: participant.department.trim(), role: participant.role },
    );
    edits.set(recordId, () => fields);
  });
  await store.writeEdits(edits, { author: facilitator.name.trim() });
  await writeActiveParticipantId(store.db, input.assessmentId, participantIds[0]!);
  return { workshopId, participantIds };
}

export async function addParticipant(store: DataStore, assessmentId: string, participant: NewParticipant, makeId: () => string = () => crypto.randomUUID()): Promise<string> {
  const { state } = await loadWorkshop(store, assessmentId);
  const workshop = state.workshops[0];
  if (!workshop) throw new DataError('E_NOT_FOUND', 'no workshop');
  if (state.participants.some((existing) => sameName(existing.name, participant.name))) throw new DataError('E_INVALID', 'a participant of that name already exists');
  const participantId = makeId();
  const [recordId, fields] = checkedEdit(
    { kind: 'participant', assessmentId, participantId },
    { workshopId: workshop.id, name: participant.name.trim(), department: participant.department.trim(), role: participant.role },
  );
  await store.writeEdits(new Map([[recordId, () => fields]]));
  return participantId;
}

export interface AssignmentTarget {
  readonly kpiId: string;
  /** Undefined: the whole KPI. */
  readonly pointId?: string | undefined;
}

export interface Responsible {
  readonly department: string | null;
  readonly participantId: string | null;
}

/** Sets the responsible department and/or participant of many KPIs (or data points) in one write. */
export function assign(store: DataStore, assessmentId: string, targets: readonly AssignmentTarget[], to: Responsible): Promise<void> {
  return assignEach(store, assessmentId, targets.map((target) => ({ target, to })));
}

/**
 * Gives each KPI or data point its own responsible department and/or participant, all in one write.
 * A data point with neither follows its KPI again.
 */
export async function assignEach(store: DataStore, assessmentId: string, changes: readonly { readonly target: AssignmentTarget; readonly to: Responsible }[]): Promise<void> {
  const edits = new Map<string, FieldsFor>();
  for (const { target, to } of changes) {
    const [recordId, fields] = checkedEdit(
      { kind: 'assignment', assessmentId, kpiId: target.kpiId, pointId: target.pointId },
      { department: to.department?.trim() || null, participantId: to.participantId || null },
    );
    edits.set(recordId, changedFields(fields));
  }
  if (edits.size > 0) await store.writeEdits(edits);
}

export type SwitchResult = 'switched' | 'pinRequired' | 'pinInvalid' | 'wrongPin';

/**
 * Puts a participant at this keyboard. The facilitator and the verifier need their PIN; the first
 * time on this laptop, the PIN they type becomes theirs here. null: nobody (the laptop's own name).
 */
export async function switchParticipant(store: DataStore, assessmentId: string, participantId: string | null, pin?: string): Promise<SwitchResult> {
  if (participantId === null) {
    await writeActiveParticipantId(store.db, assessmentId, null);
    return 'switched';
  }
  const { state } = await loadWorkshop(store, assessmentId);
  const participant = state.participants.find((candidate) => candidate.id === participantId);
  if (!participant) throw new DataError('E_NOT_FOUND', 'no such participant');
  if (participant.role !== 'participant') {
    if (pin === undefined) return 'pinRequired';
    const stored = await readPinHash(store.db, assessmentId, participantId);
    if (stored === null) {
      if (normalisePin(pin) === null) return 'pinInvalid';
      await writePinHash(store.db, assessmentId, participantId, await hashPin(pin));
    } else if (!(await verifyPin(pin, stored))) {
      return 'wrongPin';
    }
  }
  await writeActiveParticipantId(store.db, assessmentId, participantId);
  return 'switched';
}

/** Whether this participant already has a PIN on this laptop (else the first one typed becomes theirs). */
export async function hasPin(store: DataStore, assessmentId: string, participantId: string): Promise<boolean> {
  return (await readPinHash(store.db, assessmentId, participantId)) !== null;
}

async function requireActive(store: DataStore, assessmentId: string): Promise<Participant> {
  const participant = await activeParticipant(store.db, assessmentId);
  if (!participant) throw new DataError('E_FORBIDDEN', 'choose who is at the keyboard first');
  return participant;
}

function writeReview(store: DataStore, assessmentId: string, kpiId: string, pointId: string | undefined, fields: FieldMap): Promise<readonly unknown[]> {
  const [recordId, values] = checkedEdit({ kind: 'review', assessmentId, kpiId, pointId }, fields);
  return store.writeEdits(new Map([[recordId, changedFields(values)]]));
}

function reason(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') throw new DataError('E_INVALID', 'a reason is required');
  return trimmed;
}

export async function submitKpi(store: DataStore, assessmentId: string, kpiId: string): Promise<void> {
  await requireActive(store, assessmentId);
  await writeReview(store, assessmentId, kpiId, undefined, { submission: 'submitted' });
}

export async function acceptKpi(store: DataStore, assessmentId: string, kpiId: string): Promise<void> {
  await requireActive(store, assessmentId);
  await writeReview(store, assessmentId, kpiId, undefined, { submission: 'accepted', returnReason: null });
}

export async function returnKpi(store: DataStore, assessmentId: string, kpiId: string, why: string): Promise<void> {
  await requireActive(store, assessmentId);
  await writeReview(store, assessmentId, kpiId, undefined, { submission: 'returned', returnReason: reason(why) });
}

/** The head revisions of the KPI's value records (or one data point's): what a verdict is given on. */
async function valueHeads(store: DataStore, assessmentId: string, kpiId: string, pointId: string | undefined): Promise<string> {
  const prefix = `${valueRecordPrefix(assessmentId)}${kpiId}:`;
  const revisions = await store.db.revisions.where('recordId').startsWith(prefix).toArray();
  const states = deriveRecords(revisions).filter((state) => pointId === undefined || state.recordId === `${prefix}${pointId}`);
  return states.flatMap((state) => state.heads).sort().join(HEAD_SEPARATOR);
}

export interface VerdictInput {
  readonly reported: Verdict | null;
  readonly verified: Verdict | null;
}

/** The verifier's Reported / Verified for a KPI (pointId undefined) or one data point. Verified yes locks what it was given on. */
export async function recordVerdict(store: DataStore, assessmentId: string, kpiId: string, pointId: string | undefined, verdict: VerdictInput): Promise<void> {
  await requireActive(store, assessmentId);
  const heads = verdict.verified === 'yes' ? await valueHeads(store, assessmentId, kpiId, pointId) : null;
  await writeReview(store, assessmentId, kpiId, pointId, { reported: verdict.reported, verified: verdict.verified, verifiedHeads: heads });
}

/** Lifts the lock of a verified KPI (and of its verified data points), with the reason on record. */
export async function reopenKpi(store: DataStore, assessmentId: string, kpiId: string, why: string): Promise<void> {
  const participant = await requireActive(store, assessmentId);
  const { state } = await loadWorkshop(store, assessmentId);
  const fields: FieldMap = { verified: null, verifiedHeads: null, reopenReason: reason(why) };
  const edits = new Map<string, FieldsFor>();
  const lifted = changedFields(checkedEdit({ kind: 'review', assessmentId, kpiId }, fields)[1]);
  if (state.reviews.get(kpiId)?.verified === 'yes') edits.set(refId({ kind: 'review', assessmentId, kpiId }), lifted);
  const catalogue = getCatalogue(DEFAULT_CATALOGUE_ID)!;
  const kpi = catalogue.kpis.find((candidate) => candidate.id === kpiId);
  for (const point of kpi ? pointsOf(kpi) : []) {
    if (state.pointReviews.get(`${kpiId}/${point.id}`)?.verified === 'yes') edits.set(refId({ kind: 'review', assessmentId, kpiId, pointId: point.id }), lifted);
  }
  if (edits.size === 0) throw new DataError('E_INVALID', `${kpiId} is not verified (${participant.name})`);
  await store.writeEdits(edits);
}

export async function askQuestion(store: DataStore, assessmentId: string, kpiId: string, question: string, makeId: () => string = () => crypto.randomUUID()): Promise<string> {
  await requireActive(store, assessmentId);
  const questionId = makeId();
  const [recordId, fields] = checkedEdit({ kind: 'question', assessmentId, kpiId, questionId }, { question: reason(question), outcome: 'open' });
  await store.writeEdits(new Map([[recordId, () => fields]]));
  return questionId;
}

export async function updateQuestion(
  store: DataStore,
  assessmentId: string,
  kpiId: string,
  questionId: string,
  update: { readonly answer?: string; readonly outcome?: QuestionOutcome },
): Promise<void> {
  await requireActive(store, assessmentId);
  const fields: Record<string, FieldValue> = {};
  if (update.answer !== undefined) fields.answer = update.answer.trim();
  if (update.outcome !== undefined) fields.outcome = update.outcome;
  const [recordId, checkedFields] = checkedEdit({ kind: 'question', assessmentId, kpiId, questionId }, fields);
  await store.writeEdits(new Map([[recordId, changedFields(checkedFields)]]));
}

/**
 * Metadata the data points of a KPI share (year, source, quality, origin, department), written to
 * every point in one transaction: typed once instead of once per point. A point can still differ,
 * by editing it on its own afterwards.
 */
export async function saveSharedFields(store: DataStore, assessmentId: string, kpiId: string, fields: FieldMap): Promise<void> {
  const kpi = getCatalogue(DEFAULT_CATALOGUE_ID)!.kpis.find((candidate) => candidate.id === kpiId);
  if (!kpi) throw new DataError('E_INVALID', `no KPI ${kpiId} in the catalogue`);
  if (Object.keys(fields).some((field) => !(SHARED_FIELDS as readonly string[]).includes(field))) throw new DataError('E_INVALID', 'not a shared field');
  const edits = new Map<string, FieldsFor>();
  for (const point of pointsOf(kpi)) {
    const recordId = refId({ kind: 'kpiValue', assessmentId, kpiId, pointId: point.id });
    edits.set(recordId, changedFields(checkFields(recordId, fields)));
  }
  await store.writeEdits(edits);
}
