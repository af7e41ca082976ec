import { useTranslation } from 'react-i18next';
import { pointNameKey } from '../../../../core/catalogue/index.ts';
import { hrefFor } from '../../app/routes.ts';
import { useValues } from '../../data/hooks.ts';
import type { AssessmentView } from '../../data/types.ts';
import { useFormatNumber } from '../../i18n/index.ts';
import { denominatorMismatches } from './denominator-mismatches.ts';

/** Lists the indicators whose own population or household count disagrees with this profile. */
export function DenominatorCheck({ assessment }: { readonly assessment: AssessmentView }) {
  const { t } = useTranslation(['city', 'catalogue']);
  const format = useFormatNumber();
  const values = useValues(assessment.id);
  if (values === undefined) return null;
  const mismatches = denominatorMismatches(assessment, values);
  return (
    <section className="card stack" aria-labelledby="denominator-check-title">
      <h2 id="denominator-check-title">{t('city:denominators.title')}</h2>
      {mismatches.length === 0 ? (
        <p className="muted">{t('city:denominators.none')}</p>
      ) : (
        <>
          <p className="notice notice-warning">{t('city:denominators.intro', { count: mismatches.length })}</p>
          <ul className="stack-tight">
            {mismatches.map((mismatch) => {
              const pointKey = pointNameKey(mismatch.kpiId, mismatch.pointId);
              const kpiName = t(`catalogue:kpi.${mismatch.kpiId}.name`);
              const name = pointKey ? `${kpiName}: ${t(`catalogue:${pointKey}`)}` : kpiName;
              return (
                <li key={`${mismatch.kpiId}/${mismatch.pointId}`}>
                  <a href={hrefFor({ name: 'workspace', assessmentId: assessment.id, kpiId: mismatch.kpiId })}>{name}</a>
                  {' · '}
                  {t(`city:denominators.${mismatch.shared}`, {
                    entered: format(mismatch.entered),
                    profile: format(mismatch.profile),
                    percent: format(mismatch.percent, { maximumFractionDigits: 1 }),
                  })}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
