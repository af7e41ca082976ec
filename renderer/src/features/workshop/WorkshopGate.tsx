import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { pointsOf } from '../../../../core/catalogue/index.ts';
import type { KpiDefinition } from '../../../../core/catalogue/types.ts';
import { mayEnterPoint } from '../../../../core/workshop/assignment.ts';
import { pointKey } from '../../../../core/workshop/state.ts';
import { useWorkshop } from '../../data/hooks.ts';

export type EntryLock = 'verified' | 'notAssigned' | 'nobody' | null;

/** Why the KPI's values cannot be changed by whoever is at the keyboard, or null when they can. */
export function useEntryLock(assessmentId: string, kpi: KpiDefinition): EntryLock {
  const view = useWorkshop(assessmentId);
  if (!view || view.state.workshops.length === 0) return null;
  const { state, active } = view;
  const verified = state.reviews.get(kpi.id)?.verified === 'yes' || pointsOf(kpi).some((point) => state.pointReviews.get(pointKey(kpi.id, point.id))?.verified === 'yes');
  if (verified) return 'verified';
  if (!active) return 'nobody';
  return pointsOf(kpi).some((point) => mayEnterPoint(state, active, kpi.id, point.id)) ? null : 'notAssigned';
}

/**
 * Wraps a KPI's entry fields: in a workshop they are read-only while the KPI is verified, or when the
 * person at the keyboard is not responsible for it. The data layer refuses such writes anyway; this
 * says so before anyone types.
 */
export function WorkshopGate({ assessmentId, kpi, children }: { readonly assessmentId: string; readonly kpi: KpiDefinition; readonly children: ReactNode }) {
  const { t } = useTranslation('workshop');
  const lock = useEntryLock(assessmentId, kpi);
  if (lock === null) return <>{children}</>;
  return (
    <>
      <p className="notice notice-warning" id={`lock-${kpi.id}`}>
        {t(`lock.${lock}`)}
      </p>
      <fieldset className="workshop-gate" disabled aria-describedby={`lock-${kpi.id}`}>
        <legend className="visually-hidden">{t('lock.legend')}</legend>
        {children}
      </fieldset>
    </>
  );
}
