/**
 * Record ids name what a revision changes. They are plain strings so that revisions from any laptop
 * merge without coordination:
 *   city:<cityId>
 *   assessment:<assessmentId>
 *   value:<assessmentId>:<kpiId>:<pointId>     (pointId is SINGLE_POINT for single-value KPIs)
 * Target sets (see core/targets/):
 *   targetSet:<targetSetId>
 *   target:<targetSetId>:<kpiId>:<pointId>     (one target of a target set)
 * Workshop mode (see core/workshop/):
 *   workshop:<assessmentId>:<workshopId>
 *   participant:<assessmentId>:<participantId>
 *   assignment:<assessmentId>:<kpiId>[:<pointId>]   (without pointId: the whole KPI)
 *   review:<assessmentId>:<kpiId>[:<pointId>]       (submission and verification; per point: verification)
 *   question:<assessmentId>:<kpiId>:<questionId>    (the verifier's question log)
 * Ids inside are UUIDs or catalogue slugs and never contain ':'.
 */

export type RecordRef =
  | { readonly kind: 'city'; readonly cityId: string }
  | { readonly kind: 'assessment'; readonly assessmentId: string }
  | { readonly kind: 'kpiValue'; readonly assessmentId: string; readonly kpiId: string; readonly pointId: string }
  | { readonly kind: 'workshop'; readonly assessmentId: string; readonly workshopId: string }
  | { readonly kind: 'participant'; readonly assessmentId: string; readonly participantId: string }
  | { readonly kind: 'assignment'; readonly assessmentId: string; readonly kpiId: string; readonly pointId?: string | undefined }
  | { readonly kind: 'review'; readonly assessmentId: string; readonly kpiId: string; readonly pointId?: string | undefined }
  | { readonly kind: 'question'; readonly assessmentId: string; readonly kpiId: string; readonly questionId: string }
  | { readonly kind: 'targetSet'; readonly targetSetId: string }
  | { readonly kind: 'target'; readonly targetSetId: string; readonly kpiId: string; readonly pointId: string };

/** Record kinds of workshop mode, whose ids all start `<kind>:<assessmentId>:`. */
export const WORKSHOP_RECORD_KINDS = ['workshop', 'participant', 'assignment', 'review', 'question'] as const;
export type WorkshopRecordKind = (typeof WORKSHOP_RECORD_KINDS)[number];

const ID_PART = /^[A-Za-z0-9_.-]{1,100}$/;

/** Whether a value can be one of the ids inside a record id (a city, assessment, KPI or point id). */
export function isRecordIdPart(value: unknown): value is string {
  return typeof value === 'string' && ID_PART.test(value);
}

function checkPart(part: string): string {
  if (!ID_PART.test(part)) throw new RangeError(`invalid record id part: ${JSON.stringify(part)}`);
  return part;
}

export function formatRecordId(ref: RecordRef): string {
  switch (ref.kind) {
    case 'city':
      return `city:${checkPart(ref.cityId)}`;
    case 'assessment':
      return `assessment:${checkPart(ref.assessmentId)}`;
    case 'kpiValue':
      return `value:${checkPart(ref.assessmentId)}:${checkPart(ref.kpiId)}:${checkPart(ref.pointId)}`;
    case 'workshop':
      return `workshop:${checkPart(ref.assessmentId)}:${checkPart(ref.workshopId)}`;
    case 'participant':
      return `participant:${checkPart(ref.assessmentId)}:${checkPart(ref.participantId)}`;
    case 'assignment':
    case 'review':
      return [ref.kind, ref.assessmentId, ref.kpiId, ...(ref.pointId === undefined ? [] : [ref.pointId])].map(checkPart).join(':');
    case 'question':
      return `question:${checkPart(ref.assessmentId)}:${checkPart(ref.kpiId)}:${checkPart(ref.questionId)}`;
    case 'targetSet':
      return `targetSet:${checkPart(ref.targetSetId)}`;
    case 'target':
      return `target:${checkPart(ref.targetSetId)}:${checkPart(ref.kpiId)}:${checkPart(ref.pointId)}`;
  }
}

/** One part of a record id, as ID_PART checks it, to build the whole id's pattern from. */
const PART = ID_PART.source.slice(1, -1);
/** The ids parseRecordId accepts, kind by kind, in one pattern. */
const RECORD_ID = new RegExp(
  `^(?:(?:city|assessment|targetSet):${PART}|(?:workshop|participant):${PART}:${PART}|(?:assignment|review):${PART}:${PART}(?::${PART})?|(?:value|target|question):${PART}:${PART}:${PART})$`,
);

/**
 * Whether parseRecordId accepts the id, without building its parts: a bundle checks the shape of
 * every revision before its rules read the record, and parsing cost three times as much.
 */
export function isRecordId(recordId: string): boolean {
  return RECORD_ID.test(recordId);
}

/** parseRecordId that parses each id once, for a pass over many revisions of the same records. */
export function recordIdParser(): (recordId: string) => RecordRef | null {
  const refs = new Map<string, RecordRef | null>();
  return (recordId) => {
    let ref = refs.get(recordId);
    if (ref === undefined) {
      ref = parseRecordId(recordId);
      refs.set(recordId, ref);
    }
    return ref;
  };
}

/** Returns null for anything that is not a well-formed record id. */
export function parseRecordId(recordId: string): RecordRef | null {
  const parts = recordId.split(':');
  if (!parts.every((part, index) => index === 0 || ID_PART.test(part))) return null;
  const [kind, a, b, c] = parts;
  if (kind === 'city' && parts.length === 2 && a) return { kind: 'city', cityId: a };
  if (kind === 'assessment' && parts.length === 2 && a) return { kind: 'assessment', assessmentId: a };
  if (kind === 'value' && parts.length === 4 && a && b && c) {
    return { kind: 'kpiValue', assessmentId: a, kpiId: b, pointId: c };
  }
  if (kind === 'targetSet' && parts.length === 2 && a) return { kind: 'targetSet', targetSetId: a };
  if (kind === 'target' && parts.length === 4 && a && b && c) return { kind: 'target', targetSetId: a, kpiId: b, pointId: c };
  return parseWorkshopRecordId(kind, parts.slice(1));
}

function parseWorkshopRecordId(kind: string | undefined, [a, b, c, ...rest]: readonly string[]): RecordRef | null {
  if (!a || !b || rest.length > 0) return null;
  if (kind === 'workshop' && c === undefined) return { kind, assessmentId: a, workshopId: b };
  if (kind === 'participant' && c === undefined) return { kind, assessmentId: a, participantId: b };
  if (kind === 'assignment' || kind === 'review') return { kind, assessmentId: a, kpiId: b, pointId: c };
  if (kind === 'question' && c) return { kind, assessmentId: a, kpiId: b, questionId: c };
  return null;
}

/** Prefix shared by every record of one kind of one assessment, for range queries. */
export function workshopRecordPrefix(kind: WorkshopRecordKind, assessmentId: string): string {
  return `${kind}:${checkPart(assessmentId)}:`;
}

/** Prefix shared by every KPI value record of one assessment, for range queries. */
export function valueRecordPrefix(assessmentId: string): string {
  return `value:${checkPart(assessmentId)}:`;
}

/** Prefix shared by the value records of one KPI's data points in one assessment, for range queries. */
export function kpiValueRecordPrefix(assessmentId: string, kpiId: string): string {
  return `${valueRecordPrefix(assessmentId)}${checkPart(kpiId)}:`;
}
