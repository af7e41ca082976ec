import { useTranslation } from 'react-i18next';
import { useAssessment } from '../data/hooks.ts';
import { hrefFor, type Route } from './routes.ts';

/** The screen inside an assessment the last crumb names; the workspace itself is the assessment crumb. */
function pageLabelKey(route: Route): string | null {
  switch (route.name) {
    case 'profile':
      return 'common:nav.cityProfile';
    case 'snapshot':
      return 'results:nav.snapshot';
    case 'report':
      return 'results:nav.report';
    case 'import-table':
      return 'results:nav.importTable';
    case 'workshop':
    case 'board':
    case 'worksheet':
    case 'reentry':
      return 'workshop:nav.workshop';
    default:
      return null;
  }
}

function AssessmentCrumbs({ assessmentId, pageKey }: { readonly assessmentId: string; readonly pageKey: string | null }) {
  const { t } = useTranslation(['common', 'results', 'workshop']);
  const assessment = useAssessment(assessmentId);
  const label = assessment ? t('nav.assessmentOf', { city: assessment.city.name, year: assessment.year }) : t('nav.assessment');
  return (
    <>
      <li>
        <a href={hrefFor({ name: 'workspace', assessmentId })} aria-current={pageKey ? undefined : 'page'}>
          <bdi>{label}</bdi>
        </a>
      </li>
      {pageKey ? (
        <li>
          <span aria-current="page">{t(pageKey)}</span>
        </li>
      ) : null}
    </>
  );
}

/** Where the user is: assessments › city and year › city profile or results. */
export function Breadcrumb({ route }: { readonly route: Route }) {
  const { t } = useTranslation('common');
  if (!('assessmentId' in route)) return null;
  return (
    <nav className="breadcrumb" aria-label={t('nav.breadcrumb')}>
      <ol>
        <li>
          <a href={hrefFor({ name: 'home' })}>{t('nav.home')}</a>
        </li>
        <AssessmentCrumbs assessmentId={route.assessmentId} pageKey={pageLabelKey(route)} />
      </ol>
    </nav>
  );
}
