/** Mounts the assessment workspace (the entry feature) as its own lazy chunk: home loads without it. */
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';

const AssessmentWorkspace = lazy(() =>
  import('../features/entry/AssessmentWorkspace.tsx').then((module) => ({ default: module.AssessmentWorkspace })),
);

export interface WorkspaceSlotProps {
  readonly assessmentId: string;
  readonly kpiId: string | undefined;
}

function Loading() {
  const { t } = useTranslation('common');
  return <output className="muted">{t('status.loading')}</output>;
}

export function WorkspaceSlot({ assessmentId, kpiId }: WorkspaceSlotProps) {
  return (
    <Suspense fallback={<Loading />}>
      <AssessmentWorkspace assessmentId={assessmentId} kpiId={kpiId} />
    </Suspense>
  );
}
