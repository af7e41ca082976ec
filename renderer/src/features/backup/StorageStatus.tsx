import { useTranslation } from 'react-i18next';
import { formatDateTime, useFormatNumber, useLanguage } from '../../i18n/index.ts';
import { useStorageState, type BackupPhase } from './storage-state.ts';
import './backup.css';

const BYTES_PER_MEGABYTE = 1_000_000;

const PHASE_KEYS = {
  off: 'status.phase.off',
  watching: 'status.phase.watching',
  writing: 'status.phase.writing',
  unavailable: 'status.phase.unavailable',
  paused: 'status.phase.paused',
} as const satisfies Record<BackupPhase, string>;

/**
 * Local storage at a glance, for the settings screen: when the last automatic backup was written,
 * whether the browser promised to keep the data, how much space it uses, and what needs attention.
 * It shows what the guard started by <StorageAlerts /> reports.
 */
export function StorageStatus() {
  const { t } = useTranslation('backup');
  const language = useLanguage();
  const formatNumber = useFormatNumber();
  const { backup, persistence, data } = useStorageState();
  const megabytes = (bytes: number) =>
    formatNumber(bytes / BYTES_PER_MEGABYTE, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 });
  return (
    <section className="card stack" aria-labelledby="storage-status-title">
      <h2 id="storage-status-title">{t('status.title')}</h2>
      <dl className="facts">
        <dt>{t('status.lastBackup')}</dt>
        <dd>
          {backup.last
            ? t('status.lastBackupValue', { time: formatDateTime(backup.last.atMs, language), count: backup.last.revisionCount })
            : t('status.noBackupYet')}
        </dd>
        <dt>{t('status.automatic')}</dt>
        <dd>{t(PHASE_KEYS[backup.phase])}</dd>
        <dt>{t('status.persistence')}</dt>
        <dd>{persistence === null ? t('status.checking') : persistence.persisted ? t('status.persisted') : t('status.notPersisted')}</dd>
        {persistence?.usageBytes != null && persistence.quotaBytes != null ? (
          <>
            <dt>{t('status.usage')}</dt>
            <dd>{t('status.usageValue', { used: megabytes(persistence.usageBytes), quota: megabytes(persistence.quotaBytes) })}</dd>
          </>
        ) : null}
      </dl>
      {backup.failure ? (
        <p className="notice notice-danger">
          {t('status.failedAt', { time: formatDateTime(backup.failure.atMs, language) })} {t(`failure.${backup.failure.code}`)}
        </p>
      ) : null}
      {backup.phase === 'unavailable' ? <p className="notice">{t('status.desktopOnly')}</p> : null}
      {data.kind === 'missing' ? <p className="notice notice-danger">{t('status.dataMissing')}</p> : null}
      {persistence !== null && !persistence.persisted ? <p className="notice notice-warning">{t('status.notPersistedWarning')}</p> : null}
    </section>
  );
}
