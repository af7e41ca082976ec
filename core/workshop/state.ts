/**
 * The workshop state of one assessment, derived like everything else from the set of revisions:
 * its workshops, participants, who is responsible for each KPI, where each KPI stands in review and
 * verification, and the verifier's question log.
 */
import { currentValue, deriveRecords, type RecordState } from '../revisions/derive.ts';
import { parseRecordId } from '../revisions/record-id.ts';
import type { FieldValue, Revision } from '../revisions/types.ts';
import { HEAD_SEPARATOR, QUESTION_OUTCOMES, SUBMISSION_STATES, VERDICTS, WORKSHOP_ROLES } from './fields.ts';
import type { QuestionOutcome, SubmissionState, Verdict, WorkshopRole } from './fields.ts';

export interface Workshop {
  readonly id: string;
  readonly title: string;
  readonly startDate: string | null;
  readonly endDate: string | null;
  readonly place: string;
  /** The clock of the workshop's first revision: value edits stamped earlier are the assessment's earlier data. */
  readonly openedHlc: string;
}

export interface Participant {
  readonly id: string;
  readonly workshopId: string;
  readonly name: string;
  readonly department: string;
  readonly role: WorkshopRole;
}

export interface Assignment {
  readonly department: string | null;
  readonly participantId: string | null;
}

export interface Review {
  readonly submission: SubmissionState | null;
  readonly returnReason: string | null;
  readonly reported: Verdict | null;
  /** `yes` also while two verdicts compete and one of them is yes: a lock is never lifted by a conflict. */
  readonly verified: Verdict | null;
  readonly verifiedHeads: readonly string[];
  readonly reopenReason: string | null;
}

export interface Question {
  readonly id: string;
  readonly kpiId: string;
  readonly question: string;
  readonly answer: string;
  readonly outcome: QuestionOutcome;
  /** When it was first asked, by the asking laptop's clock (display order only). */
  readonly askedHlc: string;
}

export interface WorkshopState {
  readonly assessmentId: string;
  /** Not deleted, oldest first. */
  readonly workshops: readonly Workshop[];
  /** Not deleted, by name (also those of a deleted workshop: they keep their roles for its records). */
  readonly participants: readonly Participant[];
  /** By KPI id; a data point's own assignment by `pointKey`. */
  readonly assignments: ReadonlyMap<string, Assignment>;
  readonly pointAssignments: ReadonlyMap<string, Assignment>;
  readonly reviews: ReadonlyMap<string, Review>;
  readonly pointReviews: ReadonlyMap<string, Review>;
  /** Not deleted, oldest first. */
  readonly questions: readonly Question[];
}

export function pointKey(kpiId: string, pointId: string): string {
  return `${kpiId}/${pointId}`;
}

function text(state: RecordState, field: string): string | null {
  const value = currentValue(state, field);
  return typeof value === 'string' ? value : null;
}

function oneOf<T extends string>(options: readonly T[], value: FieldValue | undefined): T | null {
  return typeof value === 'string' && (options as readonly string[]).includes(value) ? (value as T) : null;
}

function isDeleted(state: RecordState): boolean {
  return currentValue(state, 'deleted') === true;
}

function firstHlc(revisions: readonly Revision[], recordId: string): string {
  let first = '';
  for (const revision of revisions) if (revision.recordId === recordId && (first === '' || revision.hlc < first)) first = revision.hlc;
  return first;
}

function verdictOf(state: RecordState, field: string): Verdict | null {
  const fieldState = state.fields[field];
  if (fieldState?.conflict) return fieldState.candidates.some((write) => write.value === 'yes') ? 'yes' : null;
  return oneOf(VERDICTS, fieldState?.current.value);
}

function reviewOf(state: RecordState): Review {
  const heads = text(state, 'verifiedHeads');
  return {
    submission: oneOf(SUBMISSION_STATES, currentValue(state, 'submission')),
    returnReason: text(state, 'returnReason'),
    reported: verdictOf(state, 'reported'),
    verified: verdictOf(state, 'verified'),
    verifiedHeads: heads ? heads.split(HEAD_SEPARATOR).filter((id) => id !== '') : [],
    reopenReason: text(state, 'reopenReason'),
  };
}

function assignmentOf(state: RecordState): Assignment {
  const department = text(state, 'department')?.trim() || null;
  const participantId = text(state, 'participantId') || null;
  return { department, participantId };
}

/** The state of every workshop record of `assessmentId` among `revisions` (others are ignored). */
export function deriveWorkshopState(assessmentId: string, revisions: readonly Revision[]): WorkshopState {
  const workshops: Workshop[] = [];
  const participants: Participant[] = [];
  const assignments = new Map<string, Assignment>();
  const pointAssignments = new Map<string, Assignment>();
  const reviews = new Map<string, Review>();
  const pointReviews = new Map<string, Review>();
  const questions: Question[] = [];
  const own = revisions.filter((revision) => {
    const ref = parseRecordId(revision.recordId);
    return ref !== null && 'assessmentId' in ref && ref.kind !== 'kpiValue' && ref.assessmentId === assessmentId;
  });
  for (const state of deriveRecords(own)) {
    const ref = parseRecordId(state.recordId)!;
    switch (ref.kind) {
      case 'workshop':
        if (!isDeleted(state)) {
          workshops.push({
            id: ref.workshopId,
            title: text(state, 'title') ?? '',
            startDate: text(state, 'startDate'),
            endDate: text(state, 'endDate'),
            place: text(state, 'place') ?? '',
            openedHlc: firstHlc(own, state.recordId),
          });
        }
        break;
      case 'participant': {
        const role = oneOf(WORKSHOP_ROLES, currentValue(state, 'role'));
        const name = text(state, 'name')?.trim();
        if (!isDeleted(state) && role && name) {
          participants.push({ id: ref.participantId, workshopId: text(state, 'workshopId') ?? '', name, department: text(state, 'department')?.trim() ?? '', role });
        }
        break;
      }
      case 'assignment':
        if (ref.pointId === undefined) assignments.set(ref.kpiId, assignmentOf(state));
        else pointAssignments.set(pointKey(ref.kpiId, ref.pointId), assignmentOf(state));
        break;
      case 'review':
        if (ref.pointId === undefined) reviews.set(ref.kpiId, reviewOf(state));
        else pointReviews.set(pointKey(ref.kpiId, ref.pointId), reviewOf(state));
        break;
      case 'question':
        if (!isDeleted(state)) {
          questions.push({
            id: ref.questionId,
            kpiId: ref.kpiId,
            question: text(state, 'question') ?? '',
            answer: text(state, 'answer') ?? '',
            outcome: oneOf(QUESTION_OUTCOMES, currentValue(state, 'outcome')) ?? 'open',
            askedHlc: firstHlc(own, state.recordId),
          });
        }
        break;
      default:
        break;
    }
  }
  return {
    assessmentId,
    workshops: workshops.sort((a, b) => (a.openedHlc < b.openedHlc ? -1 : 1)),
    participants: participants.sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1)),
    assignments,
    pointAssignments,
    reviews,
    pointReviews,
    questions: questions.sort((a, b) => (a.askedHlc < b.askedHlc ? -1 : a.askedHlc > b.askedHlc ? 1 : 0)),
  };
}
