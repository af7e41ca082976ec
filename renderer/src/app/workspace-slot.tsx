/** Mounts the assessment workspace (the entry feature) as its own lazy chunk: home loads without it. */
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';

type WorkspaceModule = typeof import('../features/entry/AssessmentWorkspace.tsx');

let workspaceModule: Promise<WorkspaceModule> | undefined;
/** Set once the chunk is here: rendered directly then, without a Suspense fallback React would hold for a moment. */
let loadedModule: WorkspaceModule | undefined;

/** Starts loading the workspace chunk; main.tsx calls it at start when the address opens an assessment. */
export function preloadWorkspace(): Promise<WorkspaceModule> {
  workspaceModule ??= import('../features/entry/AssessmentWorkspace.tsx').then((module) => {
    loadedModule = module;
    return module;
  });
  return workspaceModule;
}

const LazyWorkspace = lazy(() => preloadWorkspace().then((module) => ({ default: module.AssessmentWorkspace })));

export interface WorkspaceSlotProps {
  readonly assessmentId: string;
  readonly kpiId: string | undefined;
}

function Loading() {
  const { t } = useTranslation('common');
  return <output className="muted">{t('status.loading')}</output>;
}

export function WorkspaceSlot({ assessmentId, kpiId }: WorkspaceSlotProps) {
  // Chosen once per mount: switching later would remount the workspace and lose the tree's state.
  const [AssessmentWorkspace] = useState(() => loadedModule?.AssessmentWorkspace ?? LazyWorkspace);
  return (
    <Suspense fallback={<Loading />}>
      <AssessmentWorkspace assessmentId={assessmentId} kpiId={kpiId} />
    </Suspense>
  );
}
