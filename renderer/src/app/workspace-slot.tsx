/**
 * Mounts the assessment workspace that the entry feature provides, as a lazy chunk. Found through a
 * glob so the shell builds and runs before (or without) that feature.
 */
import { lazy, Suspense, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';

export interface AssessmentWorkspaceProps {
  readonly assessmentId: string;
  readonly kpiId: string | undefined;
}

type WorkspaceModule = { readonly AssessmentWorkspace: ComponentType<AssessmentWorkspaceProps> };

const workspaceModules = import.meta.glob<WorkspaceModule>('../features/entry/AssessmentWorkspace.tsx');
const loadWorkspace = Object.values(workspaceModules)[0];

const LazyWorkspace = loadWorkspace
  ? lazy(() => loadWorkspace().then((module) => ({ default: module.AssessmentWorkspace })))
  : null;

function Loading() {
  const { t } = useTranslation('common');
  return (
    <output className="muted">{t('status.loading')}</output>
  );
}

export function WorkspaceSlot(props: AssessmentWorkspaceProps) {
  const { t } = useTranslation('common');
  if (!LazyWorkspace) return <p className="notice">{t('workspace.unavailable')}</p>;
  return (
    <Suspense fallback={<Loading />}>
      <LazyWorkspace assessmentId={props.assessmentId} kpiId={props.kpiId} />
    </Suspense>
  );
}
