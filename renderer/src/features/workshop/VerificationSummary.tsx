import { useTranslation } from 'react-i18next';
import { useFormatNumber } from '../../i18n/index.ts';
import { useWorkshopProgress } from './use-progress.ts';

/** Beside results: how many of the KPIs with a value the workshop's verifier has verified. */
export function VerificationSummary({ assessmentId }: { readonly assessmentId: string }) {
  const { t } = useTranslation('workshop');
  const format = useFormatNumber();
  const view = useWorkshopProgress(assessmentId);
  if (!view || view.workshop.state.workshops.length === 0) return null;
  const { overall } = view.progress;
  const withValue = overall.verified + overall.reported + overall.missingSourceOrQuality + overall.partial + overall.returned;
  return (
    <p className="notice" data-testid="verification-summary">
      {t('verification.summary', { verified: format(overall.verified), total: format(withValue) })}
    </p>
  );
}
