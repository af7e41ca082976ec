import { lazy, Suspense, useEffect, useRef, type ReactNode } from 'react';
import { I18nProvider } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../i18n/index.ts';
import { hrefFor, useRoute, type Route } from './routes.ts';
import { WorkspaceSlot } from './workspace-slot.tsx';
import { FatalErrorBoundary } from './FatalError.tsx';
import { AssessmentNav } from './AssessmentNav.tsx';
import { Breadcrumb } from './Breadcrumb.tsx';
import { LanguageSwitcher } from '../features/settings/LanguageSwitcher.tsx';
import { HomeScreen } from '../features/home/HomeScreen.tsx';
import { CityProfileScreen } from '../features/city/CityProfileScreen.tsx';
import { SettingsScreen } from '../features/settings/SettingsScreen.tsx';
import { StorageAlerts } from '../features/backup/StorageAlerts.tsx';

// Bundles pull in the age and signing code; only the exchange screen needs them.
const SyncScreen = lazy(() => import('../features/sync/SyncScreen.tsx').then((module) => ({ default: module.SyncScreen })));
// Results carry ECharts, exceljs and the exports: loaded when one of their screens opens.
const SnapshotScreen = lazy(() => import('../features/results/SnapshotScreen.tsx').then((module) => ({ default: module.SnapshotScreen })));
const TargetSetsScreen = lazy(() => import('../features/targets/TargetSetsScreen.tsx').then((module) => ({ default: module.TargetSetsScreen })));
const TargetSetScreen = lazy(() => import('../features/targets/TargetSetScreen.tsx').then((module) => ({ default: module.TargetSetScreen })));
const OfficeScreen = lazy(() => import('../features/office/OfficeScreen.tsx').then((module) => ({ default: module.OfficeScreen })));
const WorkshopRoutes = lazy(() => import('../features/workshop/WorkshopRoutes.tsx').then((module) => ({ default: module.WorkshopRoutes })));
const TableImportScreen = lazy(() =>
  import('../features/table-import/TableImportScreen.tsx').then((module) => ({ default: module.TableImportScreen })),
);
const ReportScreen = lazy(() => import('../features/results/ReportScreen.tsx').then((module) => ({ default: module.ReportScreen })));

function Lazy({ children }: { readonly children: ReactNode }) {
  const { t } = useTranslation('common');
  return <Suspense fallback={<output className="muted">{t('status.loading')}</output>}>{children}</Suspense>;
}

function Screen({ route }: { readonly route: Route }) {
  const { t } = useTranslation('common');
  switch (route.name) {
    case 'home':
      return <HomeScreen />;
    case 'settings':
      return <SettingsScreen />;
    case 'sync':
      return (
        <Lazy>
          <SyncScreen />
        </Lazy>
      );
    case 'snapshot':
      return (
        <Lazy>
          <SnapshotScreen assessmentId={route.assessmentId} />
        </Lazy>
      );
    case 'report':
      return (
        <Lazy>
          <ReportScreen assessmentId={route.assessmentId} />
        </Lazy>
      );
    case 'import-table':
      return (
        <Lazy>
          <TableImportScreen assessmentId={route.assessmentId} />
        </Lazy>
      );
    case 'targets':
      return <Lazy>{route.targetSetId === undefined ? <TargetSetsScreen /> : <TargetSetScreen targetSetId={route.targetSetId} />}</Lazy>;
    case 'office':
      return (
        <Lazy>
          <OfficeScreen />
        </Lazy>
      );
    case 'newWorkshop':
    case 'workshop':
    case 'board':
    case 'worksheet':
    case 'reentry':
      return (
        <Lazy>
          <WorkshopRoutes route={route} />
        </Lazy>
      );
    case 'workspace':
      return <WorkspaceSlot assessmentId={route.assessmentId} kpiId={route.kpiId} />;
    case 'profile':
      return <CityProfileScreen assessmentId={route.assessmentId} />;
    case 'notFound':
      return (
        <section className="stack">
          <h1>{t('notFound.title')}</h1>
          <p>
            <a href={hrefFor({ name: 'home' })}>{t('notFound.backHome')}</a>
          </p>
        </section>
      );
  }
}

/** Screen changes move focus to the main landmark, so keyboard and screen-reader users start at the top of the new screen. */
function useFocusMainOnScreenChange(route: Route) {
  const mainRef = useRef<HTMLElement>(null);
  const screenKey = 'assessmentId' in route ? `${route.name}:${route.assessmentId}` : route.name;
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus();
  }, [screenKey]);
  return mainRef;
}

export function App() {
  const { t } = useTranslation(['common', 'results']);
  const route = useRoute();
  const mainRef = useFocusMainOnScreenChange(route);
  const language = useLanguage();
  return (
    // react-aria widgets take their direction and their own strings from this locale.
    <I18nProvider locale={language}>
    <div className="app-shell">
      <a className="skip-link" href="#main" onClick={(event) => {
        // The router owns the hash: move focus without navigating.
        event.preventDefault();
        mainRef.current?.focus();
      }}>
        {t('shell.skipToContent')}
      </a>
      <header className="app-header">
        <a className="app-name" href={hrefFor({ name: 'home' })}>
          {t('app.name')}
        </a>
        <Breadcrumb route={route} />
        <AssessmentNav route={route} />
        <div className="app-header-tools">
          <LanguageSwitcher />
          <a className="button button-quiet" href={hrefFor({ name: 'office' })} aria-current={route.name === 'office' ? 'page' : undefined}>
            {t('results:nav.office')}
          </a>
          <a className="button button-quiet" href={hrefFor({ name: 'targets' })} aria-current={route.name === 'targets' ? 'page' : undefined}>
            {t('results:nav.targets')}
          </a>
          <a className="button button-quiet" href={hrefFor({ name: 'sync' })} aria-current={route.name === 'sync' ? 'page' : undefined}>
            {t('nav.sync')}
          </a>
          <a className="button button-quiet" href={hrefFor({ name: 'settings' })} aria-current={route.name === 'settings' ? 'page' : undefined}>
            {t('nav.settings')}
          </a>
        </div>
      </header>
      <main id="main" className="app-main" tabIndex={-1} ref={mainRef}>
        <FatalErrorBoundary key={route.name}>
          <StorageAlerts />
          <Screen route={route} />
        </FatalErrorBoundary>
      </main>
    </div>
    </I18nProvider>
  );
}
