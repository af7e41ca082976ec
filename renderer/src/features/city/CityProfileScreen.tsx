import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hrefFor } from '../../app/routes.ts';
import { updateCity } from '../../data/index.ts';
import { useAssessment } from '../../data/hooks.ts';
import { isolate, useLanguage } from '../../i18n/index.ts';
import { CityProfileFields } from './CityProfileFields.tsx';
import { DenominatorCheck } from './DenominatorCheck.tsx';
import type { CityDraft, CityDraftField, FieldMessage } from './city-draft.ts';
import { profileMessages } from './city-validation.ts';
import { SaveStatus, useSaveTracker } from '../../ui/save-status/SaveStatus.tsx';

const REQUIRED_FIELDS: readonly CityDraftField[] = ['name', 'country'];

/** The city profile of an assessment. Every field is saved when the user leaves it; there is no save button. */
export function CityProfileScreen({ assessmentId }: { readonly assessmentId: string }) {
  const { t } = useTranslation(['city', 'common', 'validation']);
  const language = useLanguage();
  const assessment = useAssessment(assessmentId);
  const { state, errorCode, track } = useSaveTracker();
  /** Values refused before saving (an emptied name), shown as errors until corrected. */
  const [refused, setRefused] = useState<ReadonlySet<CityDraftField>>(new Set());

  if (assessment === undefined) return <output className="muted">{t('common:status.loading')}</output>;
  if (assessment === null) {
    return (
      <section className="stack">
        <h1>{t('city:profile.title')}</h1>
        <p className="notice notice-warning">{t('city:profile.notFound')}</p>
        <p>
          <a href={hrefFor({ name: 'home' })}>{t('common:notFound.backHome')}</a>
        </p>
      </section>
    );
  }

  const { id: cityId, ...city } = assessment.city;
  const messages: FieldMessage[] = [
    ...[...refused].map((field): FieldMessage => ({ field, severity: 'error', text: t(`city:validation.${field}Required`) })),
    ...profileMessages({ city, requireIdentity: false }, t, language),
  ];

  const commit = <F extends CityDraftField>(field: F, value: CityDraft[F]) => {
    const empty = typeof value === 'string' && value.trim() === '';
    setRefused((current) => {
      const next = new Set(current);
      if (REQUIRED_FIELDS.includes(field) && empty) next.add(field);
      else next.delete(field);
      return next;
    });
    if (REQUIRED_FIELDS.includes(field) && empty) return;
    void track(updateCity(cityId, { [field]: value }));
  };

  return (
    <div className="stack">
      <div className="page-header">
        <div className="stack-tight">
          <h1>{t('city:profile.title')}</h1>
          <p className="muted">
            {t('city:profile.subtitle', { city: isolate(assessment.city.name), year: assessment.year })}
          </p>
        </div>
        <SaveStatus state={state} errorCode={errorCode} />
      </div>
      <p className="muted">{t('city:profile.intro')}</p>
      <section className="card">
        <CityProfileFields values={city} onCommit={commit} messages={messages} />
      </section>
      <DenominatorCheck assessment={assessment} />
      <p>
        <a href={hrefFor({ name: 'workspace', assessmentId })}>{t('city:profile.backToWorkspace')}</a>
      </p>
    </div>
  );
}
