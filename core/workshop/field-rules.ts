/** Which fields each workshop record kind has and which values they accept: bundles carry nothing else. */
import { flag, oneOf, recordIdPart, text, type FieldCheck } from '../records/field-checks.ts';
import type { RuleProblem } from '../records/findings.ts';
import type { WorkshopRecordKind } from '../revisions/record-id.ts';
import type { FieldMap } from '../revisions/types.ts';
import { ISO_DATE, QUESTION_OUTCOMES, SUBMISSION_STATES, VERDICTS, WORKSHOP_ROLES } from './fields.ts';

const HEAD_LIST = /^([0-9a-f]{64}(,[0-9a-f]{64})*)?$/;
const NAME_LENGTH = 200;

const anyText = text();
const nameText = text(NAME_LENGTH);
const name: FieldCheck = (value) => {
  if (value === null) return { reason: 'notText' };
  return typeof value === 'string' && value.trim() === '' ? { reason: 'invalidValue' } : nameText(value);
};
const optionalId: FieldCheck = (value) => (value === null ? null : recordIdPart(value));
const matching =
  (pattern: RegExp): FieldCheck =>
  (value) =>
    value === null || (typeof value === 'string' && pattern.test(value)) ? null : { reason: 'invalidValue' };
const date = matching(ISO_DATE);
const heads = matching(HEAD_LIST);

const RULES: Readonly<Record<WorkshopRecordKind, Readonly<Record<string, FieldCheck>>>> = {
  workshop: { title: name, startDate: date, endDate: date, place: anyText, deleted: flag },
  participant: { workshopId: optionalId, name, department: anyText, role: oneOf(WORKSHOP_ROLES), deleted: flag },
  assignment: { department: anyText, participantId: optionalId },
  review: {
    submission: oneOf(SUBMISSION_STATES),
    returnReason: anyText,
    reported: oneOf(VERDICTS),
    verified: oneOf(VERDICTS),
    verifiedHeads: heads,
    reopenReason: anyText,
  },
  question: { question: anyText, answer: anyText, outcome: oneOf(QUESTION_OUTCOMES), deleted: flag },
};

/** The first field that is unknown for the kind or holds an unacceptable value, and why; null when all are fine. */
export function workshopFieldProblem(kind: WorkshopRecordKind, fields: FieldMap): RuleProblem | null {
  const rules = RULES[kind];
  const entries = Object.entries(fields);
  if (entries.length === 0) return { field: null, reason: 'noFields' };
  for (const [field, value] of entries) {
    const rule = Object.hasOwn(rules, field) ? rules[field] : undefined;
    if (!rule) return { field, reason: 'unknownField' };
    const found = value === undefined ? { reason: 'invalidValue' as const } : rule(value);
    if (found) return { field, ...found };
  }
  return null;
}
