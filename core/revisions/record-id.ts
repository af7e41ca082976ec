/**
 * Record ids name what a revision changes. They are plain strings so that revisions from any laptop
 * merge without coordination:
 *   city:<cityId>
 *   assessment:<assessmentId>
 *   value:<assessmentId>:<kpiId>:<pointId>     (pointId is SINGLE_POINT for single-value KPIs)
 * Ids inside are UUIDs or catalogue slugs and never contain ':'.
 */

export type RecordRef =
  | { readonly kind: 'city'; readonly cityId: string }
  | { readonly kind: 'assessment'; readonly assessmentId: string }
  | { readonly kind: 'kpiValue'; readonly assessmentId: string; readonly kpiId: string; readonly pointId: string };

const ID_PART = /^[A-Za-z0-9_.-]{1,100}$/;

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
  }
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
  return null;
}

/** Prefix shared by every KPI value record of one assessment, for range queries. */
export function valueRecordPrefix(assessmentId: string): string {
  return `value:${checkPart(assessmentId)}:`;
}
