import type { TFunction } from 'i18next';
import { pointNameKey } from '../../../../core/catalogue/index.ts';
import { parseRecordId, type WorkshopRecordKind } from '../../../../core/revisions/record-id.ts';
import { CITY_FIELDS, VALUE_FIELDS } from '../../../../core/revisions/fields.ts';
import { i18n } from '../../i18n/index.ts';

const LABELLED_CITY_FIELDS = new Set<string>(CITY_FIELDS.filter((field) => field !== 'deleted'));
const LABELLED_VALUE_FIELDS = new Set<string>(VALUE_FIELDS);

/** The workshop fields people type, by the label of the field they typed them in. */
const WORKSHOP_FIELD_LABELS: Readonly<Record<WorkshopRecordKind, Readonly<Partial<Record<string, string>>>>> = {
  workshop: { title: 'workshop:wizard.workshopTitle', startDate: 'workshop:wizard.startDate', endDate: 'workshop:wizard.endDate', place: 'workshop:wizard.place' },
  participant: { name: 'workshop:people.name', department: 'workshop:people.department' },
  assignment: { department: 'workshop:assign.department' },
  review: { returnReason: 'workshop:kpi.reason', reopenReason: 'workshop:kpi.reason' },
  question: { question: 'workshop:questions.ask', answer: 'workshop:questions.answerLabel', outcome: 'workshop:questions.outcome' },
};

/** Ids inside a bundle come from another laptop: a KPI this catalogue does not know is shown by its id. */
function nameOr(key: string, fallback: string, t: TFunction): string {
  return i18n.exists(key) ? t(key) : fallback;
}

/** "Household Internet Access: Numerator", "City profile: Population": what a conflict is about. */
export function describeField(recordId: string, field: string, t: TFunction): string {
  const ref = parseRecordId(recordId);
  if (ref?.kind === 'kpiValue') {
    const pointKey = pointNameKey(ref.kpiId, ref.pointId);
    const kpi = nameOr(`catalogue:kpi.${ref.kpiId}.name`, ref.kpiId, t);
    const what = pointKey ? `${kpi} – ${nameOr(`catalogue:${pointKey}`, ref.pointId, t)}` : kpi;
    const fieldName = LABELLED_VALUE_FIELDS.has(field) ? t(`entry:fields.${field}`) : field;
    return t('sync:preview.fieldOf', { record: what, field: fieldName });
  }
  if (ref?.kind === 'city') {
    const fieldName = LABELLED_CITY_FIELDS.has(field) ? t(`city:field.${field}.label`) : field;
    return t('sync:preview.fieldOf', { record: t('city:profile.title'), field: fieldName });
  }
  const workshopLabel = ref && ref.kind in WORKSHOP_FIELD_LABELS ? WORKSHOP_FIELD_LABELS[ref.kind as WorkshopRecordKind][field] : undefined;
  if (workshopLabel) return t(workshopLabel);
  return t('sync:preview.fieldOf', { record: t('sync:preview.assessmentRecord'), field });
}

export function formatCandidate(value: unknown, t: TFunction, formatNumber: (value: number) => string): string {
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return t(value ? 'sync:preview.yes' : 'sync:preview.no');
  if (value === null) return t('sync:preview.empty');
  return String(value);
}
