/**
 * Field names and values of the workshop-mode record kinds (ids in core/revisions/record-id.ts).
 * Every workshop fact is a field of a revision, so it travels in bundles and merges like a KPI value.
 */

export const WORKSHOP_FIELDS = ['title', 'startDate', 'endDate', 'place', 'deleted'] as const;
export const PARTICIPANT_FIELDS = ['workshopId', 'name', 'department', 'role', 'deleted'] as const;
/** One responsible department per KPI (or data point), and optionally one participant. */
export const ASSIGNMENT_FIELDS = ['department', 'participantId'] as const;
/**
 * On a KPI's review record: the facilitator's review of a submission and the verifier's verdict.
 * On a data point's review record only `reported`, `verified`, `verifiedHeads` and `reopenReason` are used.
 */
export const REVIEW_FIELDS = ['submission', 'returnReason', 'reported', 'verified', 'verifiedHeads', 'reopenReason'] as const;
export const QUESTION_FIELDS = ['question', 'answer', 'outcome', 'deleted'] as const;

export const WORKSHOP_ROLES = ['facilitator', 'participant', 'verifier'] as const;
export type WorkshopRole = (typeof WORKSHOP_ROLES)[number];

/** A participant submits; the facilitator accepts or returns with a reason. */
export const SUBMISSION_STATES = ['submitted', 'accepted', 'returned'] as const;
export type SubmissionState = (typeof SUBMISSION_STATES)[number];

/** The U4SSC data collection template's Reported and Verified columns: YES or NO. */
export const VERDICTS = ['yes', 'no'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** How a question of the verifier's KPI question log ended. */
export const QUESTION_OUTCOMES = ['open', 'resolved', 'valueCorrected', 'notVerified'] as const;
export type QuestionOutcome = (typeof QUESTION_OUTCOMES)[number];

/** Workshop dates are calendar days, `YYYY-MM-DD`. */
export const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** `verifiedHeads` lists the value revisions a verdict was given on, sorted and joined with this. */
export const HEAD_SEPARATOR = ',';
