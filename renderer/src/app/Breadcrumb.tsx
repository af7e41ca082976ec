import { useTranslation } from 'react-i18next';
import { hrefFor, type Route } from './routes.ts';

/** Where the user is: home › city and year › profile. */
export function Breadcrumb({ route }: { readonly route: Route }) {
  const { t } = useTranslation('common');
  if (route.name !== 'workspace' && route.name !== 'profile') return null;
  return (
    <nav className="breadcrumb" aria-label={t('nav.breadcrumb')}>
      <ol>
        <li>
          <a href={hrefFor({ name: 'home' })}>{t('nav.home')}</a>
        </li>
        <li>
          <a href={hrefFor({ name: 'workspace', assessmentId: route.assessmentId })} aria-current={route.name === 'workspace' ? 'page' : undefined}>
            {t('nav.assessment')}
          </a>
        </li>
        {route.name === 'profile' && (
          <li>
            <span aria-current="page">{t('nav.cityProfile')}</span>
          </li>
        )}
      </ol>
    </nav>
  );
}
