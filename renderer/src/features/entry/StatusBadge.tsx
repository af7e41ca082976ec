import { useTranslation } from 'react-i18next';
import type { EntryStatus } from '../../../../core/status/index.ts';
import './status-badge.css';

const TONE: Readonly<Record<EntryStatus, string>> = {
  notStarted: 'badge',
  inProgress: 'badge badge-warning',
  reported: 'badge badge-success',
  reportedWithErrors: 'badge badge-danger',
  notReported: 'badge badge-declared',
};

/** The one status word the tree, the form and the overview all use for a KPI or a data point. */
export function StatusBadge({ status }: { readonly status: EntryStatus }) {
  const { t } = useTranslation('status');
  return (
    <span className={`${TONE[status]} status-badge`} data-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}
