import { useTranslation } from 'react-i18next';
import { useAssessment } from '../data/hooks.ts';
import { hrefFor, type Route } from './routes.ts';

function AssessmentCrumbs({ assessmentId, onProfile }: { readonly assessmentId: string; readonly onProfile: boolean }) {
  const { t } = useTranslation('common');
  const assessment = useAssessment(assessmentId);
  const label = assessment ? t('nav.assessmentOf', { city: assessment.city.name, year: assessment.year }) : t('nav.assessment');
  return (
    <>
      <li>
        <a href={hrefFor({ name: 'workspace', assessmentId })} aria-current={onProfile ? undefined : 'page'}>
          <bdi>{label}</bdi>
        </a>
      </li>
      {onProfile ? (
        <li>
          <span aria-current="page">{t('nav.cityProfile')}</span>
        </li>
      ) : null}
    </>
  );
}

/** Where the user is: assessments › city and year › city profile. */
export function Breadcrumb({ route }: { readonly route: Route }) {
  const { t } = useTranslation('common');
  if (route.name !== 'workspace' && route.name !== 'profile') return null;
  return (
    <nav className="breadcrumb" aria-label={t('nav.breadcrumb')}>
      <ol>
        <li>
          <a href={hrefFor({ name: 'home' })}>{t('nav.home')}</a>
        </li>
        <AssessmentCrumbs assessmentId={route.assessmentId} onProfile={route.name === 'profile'} />
      </ol>
    </nav>
  );
}
