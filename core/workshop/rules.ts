/**
 * The workshop's agreement, checked on every write path (the screens' data layer, bundle import, the
 * CLI): participants change only what is assigned to them or their department, the facilitator runs
 * the workshop and reviews submissions, the verifier gives verdicts, and a verified value stays as
 * verified until someone reopens it with a reason.
 *
 * People are known by the name on a revision, as everywhere in CityKPI; laptops are authenticated by
 * their bundle signatures. So this stops mistakes and hand-edited bundles that break the agreement;
 * it is not a login.
 *
 * The rule reads only the set of revisions (what is stored plus what is being written), so every
 * laptop and the office reach the same verdict.
 */
import { deriveRecord } from '../revisions/derive.ts';
import { WORKSHOP_RECORD_KINDS, parseRecordId, type RecordRef } from '../revisions/record-id.ts';
import type { Revision } from '../revisions/types.ts';
import { isResponsibleForKpi, mayEnterPoint, participantsNamed } from './assignment.ts';
import { workshopFieldProblem } from './field-rules.ts';
import { deriveWorkshopState, pointKey, type Participant, type Review, type WorkshopState } from './state.ts';

export const WORKSHOP_VIOLATIONS = [
  /** An unknown field, or a value the field does not accept. */
  'invalidField',
  /** The author is not a participant of the assessment's workshop. */
  'notAMember',
  /** A participant changed a KPI that is not assigned to them or their department. */
  'notAssigned',
  'facilitatorOnly',
  'verifierOnly',
  /** The value was verified: it must be reopened, with a reason, before it changes. */
  'locked',
  /** A submission returned, or a verified value reopened, without a reason. */
  'reasonRequired',
] as const;
export type WorkshopViolationCode = (typeof WORKSHOP_VIOLATIONS)[number];

export interface WorkshopViolation {
  readonly revisionId: string;
  readonly recordId: string;
  readonly author: string;
  readonly code: WorkshopViolationCode;
}

type AssessmentScoped = Exclude<RecordRef, { kind: 'city' } | { kind: 'assessment' } | { kind: 'targetSet' } | { kind: 'target' }>;

function scopedRef(recordId: string): AssessmentScoped | null {
  const ref = parseRecordId(recordId);
  return ref && ref.kind !== 'city' && ref.kind !== 'assessment' && ref.kind !== 'targetSet' && ref.kind !== 'target' ? ref : null;
}

/** The assessments whose workshop records the rule must see to judge these revisions. */
export function assessmentsJudged(candidates: readonly Revision[]): string[] {
  const ids = new Set<string>();
  for (const revision of candidates) {
    const ref = scopedRef(revision.recordId);
    if (ref) ids.add(ref.assessmentId);
  }
  return [...ids].sort();
}

/** The value records among the candidates: the rule also needs their stored history (for locks). */
export function valueRecordsJudged(candidates: readonly Revision[]): string[] {
  return [...new Set(candidates.filter((revision) => scopedRef(revision.recordId)?.kind === 'kpiValue').map((revision) => revision.recordId))].sort();
}

interface Judge {
  readonly state: WorkshopState;
  readonly byRecord: ReadonlyMap<string, ReadonlyMap<string, Revision>>;
  /** The state without one revision: a change of people is judged by the roles it did not itself create. */
  readonly stateWithout: (revision: Revision) => WorkshopState;
  /** The state without everything one author wrote to the people of the workshop. */
  readonly stateWithoutPeopleBy: (author: string) => WorkshopState;
}

function ancestorsOf(revision: Revision, byId: ReadonlyMap<string, Revision>): Set<string> {
  const seen = new Set<string>();
  const stack = [...revision.parents];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const parent of byId.get(id)?.parents ?? []) stack.push(parent);
  }
  return seen;
}

function hasRole(people: readonly Participant[], role: Participant['role']): boolean {
  return people.some((person) => person.role === role);
}

function isReason(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '';
}

/** A verdict locks the point when the edit descends from what was verified, or the point had nothing then. */
function breaksLock(review: Review | undefined, revision: Revision, history: ReadonlyMap<string, Revision>): boolean {
  if (review?.verified !== 'yes') return false;
  const verifiedHere = review.verifiedHeads.filter((id) => history.has(id));
  if (verifiedHere.length === 0) return true;
  const ancestors = ancestorsOf(revision, history);
  return verifiedHere.some((id) => ancestors.has(id));
}

function judgeValue(judge: Judge, revision: Revision, ref: Extract<RecordRef, { kind: 'kpiValue' }>): WorkshopViolationCode | null {
  const { state } = judge;
  const history = judge.byRecord.get(revision.recordId)!;
  if (breaksLock(state.reviews.get(ref.kpiId), revision, history)) return 'locked';
  if (breaksLock(state.pointReviews.get(pointKey(ref.kpiId, ref.pointId)), revision, history)) return 'locked';
  if (state.workshops.length === 0) return null;
  const people = participantsNamed(state, revision.author);
  if (people.length === 0) {
    const opened = state.workshops[0]!.openedHlc;
    return revision.hlc < opened ? null : 'notAMember';
  }
  return people.some((person) => mayEnterPoint(state, person, ref.kpiId, ref.pointId)) ? null : 'notAssigned';
}

/** The review record as the author saw it: derived from the revision's ancestors only. */
function seenVerdict(judge: Judge, revision: Revision): Review['verified'] {
  const history = judge.byRecord.get(revision.recordId)!;
  const ancestors = ancestorsOf(revision, history);
  const seen = deriveRecord(revision.recordId, [...ancestors].flatMap((id) => history.get(id) ?? []));
  const verified = seen.fields.verified;
  if (!verified) return null;
  return verified.conflict ? (verified.candidates.some((write) => write.value === 'yes') ? 'yes' : null) : verified.current.value === 'yes' ? 'yes' : null;
}

function judgeReview(judge: Judge, revision: Revision, ref: Extract<RecordRef, { kind: 'review' }>, people: readonly Participant[]): WorkshopViolationCode | null {
  const { fields } = revision;
  const facilitator = hasRole(people, 'facilitator');
  const verifier = hasRole(people, 'verifier');
  if (ref.pointId !== undefined && ('submission' in fields || 'returnReason' in fields)) return 'invalidField';
  if ('submission' in fields) {
    const submitting = fields.submission === 'submitted';
    const responsible = people.some((person) => person.role === 'participant' && isResponsibleForKpi(judge.state, person, ref.kpiId));
    if (!facilitator && !(submitting && responsible)) return 'facilitatorOnly';
    if (fields.submission === 'returned' && !isReason(fields.returnReason)) return 'reasonRequired';
  }
  if ('returnReason' in fields && !facilitator) return 'facilitatorOnly';
  const reopening = 'verified' in fields && fields.verified !== 'yes' && seenVerdict(judge, revision) === 'yes';
  if (reopening && !isReason(fields.reopenReason)) return 'reasonRequired';
  if ('reported' in fields && !verifier) return 'verifierOnly';
  if ('verified' in fields && !verifier && !(facilitator && reopening && fields.verified === null)) return 'verifierOnly';
  if ('verifiedHeads' in fields && !verifier && !(facilitator && fields.verifiedHeads === null)) return 'verifierOnly';
  if ('reopenReason' in fields && !verifier && !facilitator) return 'verifierOnly';
  return null;
}

function judgeQuestion(judge: Judge, revision: Revision, ref: Extract<RecordRef, { kind: 'question' }>, people: readonly Participant[]): WorkshopViolationCode | null {
  if (hasRole(people, 'verifier') || hasRole(people, 'facilitator')) return null;
  const answersOnly = Object.keys(revision.fields).every((field) => field === 'answer');
  const responsible = people.some((person) => person.role === 'participant' && isResponsibleForKpi(judge.state, person, ref.kpiId));
  return answersOnly && responsible ? null : 'verifierOnly';
}

/**
 * Only a facilitator changes the people of a workshop, judged without the change itself so nobody
 * promotes themselves. The first facilitator, in an assessment that has no facilitator but those they
 * enrolled themselves, enrols themselves: a bundle may carry their own record with the co-facilitators
 * they named, in any order.
 */
function judgeParticipant(judge: Judge, revision: Revision): WorkshopViolationCode | null {
  const before = judge.stateWithout(revision);
  const people = participantsNamed(before, revision.author);
  if (hasRole(people, 'facilitator')) return null;
  const bootstrap = !judge.stateWithoutPeopleBy(revision.author).participants.some((person) => person.role === 'facilitator');
  if (bootstrap && hasRole(participantsNamed(judge.state, revision.author), 'facilitator')) return null;
  return people.length === 0 ? 'notAMember' : 'facilitatorOnly';
}

function judgeOne(judge: Judge, revision: Revision): WorkshopViolationCode | null {
  const ref = scopedRef(revision.recordId);
  if (!ref) return null;
  if (ref.kind === 'kpiValue') return judgeValue(judge, revision, ref);
  if (workshopFieldProblem(ref.kind, revision.fields) !== null) return 'invalidField';
  if (ref.kind === 'participant') return judgeParticipant(judge, revision);
  const people = participantsNamed(judge.state, revision.author);
  if (people.length === 0) return 'notAMember';
  switch (ref.kind) {
    case 'workshop':
    case 'assignment':
      return hasRole(people, 'facilitator') ? null : 'facilitatorOnly';
    case 'review':
      return judgeReview(judge, revision, ref, people);
    case 'question':
      return judgeQuestion(judge, revision, ref, people);
  }
}

/**
 * Judges `candidates` (revisions about to be written or imported) against `stored`, which must hold
 * every stored revision of the workshop records of `assessmentsJudged(candidates)` and of
 * `valueRecordsJudged(candidates)`. Each candidate is judged against the state after all of them
 * are added, so a bundle that carries a participant's assignment with their values is accepted.
 * Returns one entry per refused revision, in candidate order; empty when all may be written.
 */
export function checkWorkshopRevisions(candidates: readonly Revision[], stored: readonly Revision[]): WorkshopViolation[] {
  const workshopKinds = new Set<string>(WORKSHOP_RECORD_KINDS);
  const isWorkshopRecord = (revision: Revision) => workshopKinds.has(revision.recordId.slice(0, revision.recordId.indexOf(':')));
  // Most bundles carry no workshop at all: nothing to judge, and no derivation to pay for.
  if (!candidates.some(isWorkshopRecord) && !stored.some(isWorkshopRecord)) return [];
  const all = new Map<string, Revision>();
  for (const revision of [...stored, ...candidates]) all.set(revision.id, revision);
  const byRecord = new Map<string, Map<string, Revision>>();
  for (const revision of all.values()) {
    const list = byRecord.get(revision.recordId) ?? new Map<string, Revision>();
    list.set(revision.id, revision);
    byRecord.set(revision.recordId, list);
  }
  const merged = [...all.values()];
  const states = new Map(assessmentsJudged(candidates).map((assessmentId) => [assessmentId, deriveWorkshopState(assessmentId, merged)]));
  const violations: WorkshopViolation[] = [];
  for (const revision of candidates) {
    const ref = scopedRef(revision.recordId);
    if (!ref) continue;
    const stateWithout = (excluded: Revision) => deriveWorkshopState(ref.assessmentId, merged.filter((other) => other.id !== excluded.id));
    const stateWithoutPeopleBy = (author: string) =>
      deriveWorkshopState(ref.assessmentId, merged.filter((other) => other.author !== author || scopedRef(other.recordId)?.kind !== 'participant'));
    const code = judgeOne({ state: states.get(ref.assessmentId)!, byRecord, stateWithout, stateWithoutPeopleBy }, revision);
    if (code) violations.push({ revisionId: revision.id, recordId: revision.recordId, author: revision.author, code });
  }
  return violations;
}
