import { useTranslation } from 'react-i18next';
import { hrefFor } from '../../app/routes.ts';
import type { AssessmentView } from '../../data/types.ts';
import { isolate } from '../../i18n/index.ts';
import { describeFinding } from '../sync/describe-finding.ts';
import { DeleteAssessmentButton } from './DeleteAssessmentButton.tsx';

export function AssessmentList({ assessments }: { readonly assessments: readonly AssessmentView[] }) {
  const { t } = useTranslation(['common', 'records']);
  return (
    <table className="table">
      <caption className="visually-hidden">{t('home.list.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('home.list.city')}</th>
          <th scope="col">{t('home.list.country')}</th>
          <th scope="col">{t('home.list.year')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('home.list.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {assessments.map((assessment) => (
          <tr key={assessment.id}>
            <th scope="row">
              <span className="cluster">
                <a href={hrefFor({ name: 'workspace', assessmentId: assessment.id })}>
                  <bdi>{assessment.city.name || assessment.title || assessment.id}</bdi>
                </a>
                {assessment.demo ? <span className="badge badge-demo">{t('home.demo.badge')}</span> : null}
                {assessment.damage[0] ? <span className="badge badge-warning">{t('records:damaged.badge')}</span> : null}
              </span>
              {assessment.damage[0] ? <p className="muted">{describeFinding(assessment.damage[0], t, 'records:damaged.detail')}</p> : null}
            </th>
            <td>
              <bdi>{assessment.city.country}</bdi>
            </td>
            <td className="numeric">{assessment.year}</td>
            <td>
              <span className="cluster list-actions">
                <a className="button button-secondary button-small" href={hrefFor({ name: 'profile', assessmentId: assessment.id })}>
                  {t('home.list.profile')}
                  <span className="visually-hidden"> {t('home.list.target', { city: isolate(assessment.city.name), year: assessment.year })}</span>
                </a>
                <DeleteAssessmentButton assessment={assessment} />
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
