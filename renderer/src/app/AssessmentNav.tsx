import { useTranslation } from 'react-i18next';
import { hrefFor, type Route } from './routes.ts';

/** Within an assessment: its indicators, its city profile and its results, one step from each other. */
export function AssessmentNav({ route }: { readonly route: Route }) {
  const { t } = useTranslation(['common', 'results', 'workshop']);
  if (!('assessmentId' in route)) return null;
  const { assessmentId } = route;
  return (
    <nav className="assessment-nav" aria-label={t('nav.assessmentSections')}>
      <a href={hrefFor({ name: 'workspace', assessmentId })} aria-current={route.name === 'workspace' ? 'page' : undefined}>
        {t('nav.indicators')}
      </a>
      <a href={hrefFor({ name: 'profile', assessmentId })} aria-current={route.name === 'profile' ? 'page' : undefined}>
        {t('nav.cityProfile')}
      </a>
      <a href={hrefFor({ name: 'snapshot', assessmentId })} aria-current={route.name === 'snapshot' || route.name === 'report' ? 'page' : undefined}>
        {t('results:nav.snapshot')}
      </a>
      <a href={hrefFor({ name: 'import-table', assessmentId })} aria-current={route.name === 'import-table' ? 'page' : undefined}>
        {t('results:nav.importTable')}
      </a>
      <a href={hrefFor({ name: 'workshop', assessmentId })} aria-current={['workshop', 'board', 'worksheet', 'reentry'].includes(route.name) ? 'page' : undefined}>
        {t('workshop:nav.workshop')}
      </a>
    </nav>
  );
}
