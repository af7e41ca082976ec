import type { TFunction } from 'i18next';
import type { BundleError } from '../../../../core/bundle/index.ts';
import type { FindingParams, RecordFinding } from '../../../../core/records/index.ts';
import { formatLocaleNumber } from '../../../../core/numbers/index.ts';
import { parseRecordId } from '../../../../core/revisions/record-id.ts';
import { i18n } from '../../i18n/index.ts';
import { describeField } from './describe-record.ts';

type FindingLike = Pick<RecordFinding, 'recordId' | 'field' | 'reason' | 'params'>;

/** Numbers in a reason (a maximum, a size) read in the interface language. */
function localParams(params: FindingParams | undefined): Record<string, string> {
  const language = i18n.resolvedLanguage ?? i18n.language;
  return Object.fromEntries(Object.entries(params ?? {}).map(([key, value]) => [key, typeof value === 'number' ? formatLocaleNumber(value, language) : value]));
}

/** "Household Internet Access: Numerator", or the record alone when the problem is the whole record. */
function describeTarget(finding: FindingLike, t: TFunction): string {
  if (finding.field) return describeField(finding.recordId, finding.field, t);
  const ref = parseRecordId(finding.recordId);
  if (ref?.kind === 'assessment') return t('records:record.assessment');
  if (ref?.kind === 'city') return t('city:profile.title');
  if (ref?.kind === 'kpiValue') return i18n.exists(`catalogue:kpi.${ref.kpiId}.name`) ? t(`catalogue:kpi.${ref.kpiId}.name`) : ref.kpiId;
  return t('records:record.unknown', { recordId: finding.recordId });
}

/** The sentences a finding can be told in: a refused import, a refused save, a damaged stored record. */
export type FindingSentence = 'records:refused.import' | 'records:refused.save' | 'records:damaged.detail';

/** One translated sentence naming what a record rule found, where, and why. */
export function describeFinding(finding: FindingLike, t: TFunction, sentence: FindingSentence): string {
  return t(sentence, {
    what: describeTarget(finding, t),
    reason: t(`records:reasons.${finding.reason}`, localParams(finding.params)),
  });
}

/** The finding an E_INVALID_RECORD bundle error carries in its details. */
export function findingOfBundleError(error: BundleError): FindingLike {
  const { recordId, field, reason, count: _count, ...params } = error.details;
  return { recordId: String(recordId), field: field ? String(field) : null, reason: String(reason) as RecordFinding['reason'], params };
}
