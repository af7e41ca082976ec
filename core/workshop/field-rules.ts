/** Which fields each workshop record kind has and which values they accept: bundles carry nothing else. */
import { DEFAULT_LIMITS } from '../bundle/limits.ts';
import type { WorkshopRecordKind } from '../revisions/record-id.ts';
import type { FieldMap, FieldValue } from '../revisions/types.ts';
import { ISO_DATE, QUESTION_OUTCOMES, SUBMISSION_STATES, VERDICTS, WORKSHOP_ROLES } from './fields.ts';

type Rule = (value: FieldValue) => boolean;

const HEAD_LIST = /^([0-9a-f]{64}(,[0-9a-f]{64})*)?$/;

const isText: Rule = (value) => value === null || (typeof value === 'string' && value.length <= DEFAULT_LIMITS.maxStringLength);
const isName: Rule = (value) => typeof value === 'string' && value.trim() !== '' && value.length <= 200;
const isId: Rule = (value) => value === null || (typeof value === 'string' && /^[A-Za-z0-9_.-]{1,100}$/.test(value));
const isDate: Rule = (value) => value === null || (typeof value === 'string' && ISO_DATE.test(value));
const isFlag: Rule = (value) => typeof value === 'boolean';
const isHeads: Rule = (value) => value === null || (typeof value === 'string' && HEAD_LIST.test(value));
const oneOf =
  (options: readonly string[]): Rule =>
  (value) =>
    value === null || (typeof value === 'string' && options.includes(value));

const RULES: Readonly<Record<WorkshopRecordKind, Readonly<Record<string, Rule>>>> = {
  workshop: { title: isName, startDate: isDate, endDate: isDate, place: isText, deleted: isFlag },
  participant: { workshopId: isId, name: isName, department: isText, role: oneOf(WORKSHOP_ROLES), deleted: isFlag },
  assignment: { department: isText, participantId: isId },
  review: {
    submission: oneOf(SUBMISSION_STATES),
    returnReason: isText,
    reported: oneOf(VERDICTS),
    verified: oneOf(VERDICTS),
    verifiedHeads: isHeads,
    reopenReason: isText,
  },
  question: { question: isText, answer: isText, outcome: oneOf(QUESTION_OUTCOMES), deleted: isFlag },
};

/** The first field that is unknown for the kind or holds an unacceptable value, or null when all are fine. */
export function invalidWorkshopField(kind: WorkshopRecordKind, fields: FieldMap): string | null {
  const rules = RULES[kind];
  const entries = Object.entries(fields);
  if (entries.length === 0) return '';
  for (const [field, value] of entries) {
    const rule = Object.hasOwn(rules, field) ? rules[field] : undefined;
    if (!rule || value === undefined || !rule(value)) return field;
  }
  return null;
}
