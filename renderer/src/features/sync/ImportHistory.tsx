import { useTranslation } from 'react-i18next';
import { useImports } from '../../data/hooks.ts';
import { formatDateTime, useFormatNumber, useLanguage } from '../../i18n/index.ts';

/** Files already merged here: the ledger that makes a second import of the same file a no-op. */
export function ImportHistory() {
  const { t } = useTranslation('sync');
  const imports = useImports();
  const format = useFormatNumber();
  const language = useLanguage();
  if (!imports || imports.length === 0) return null;
  return (
    <section className="card stack" aria-labelledby="history-title">
      <h2 id="history-title">{t('history.title')}</h2>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('history.imported')}</th>
            <th scope="col">{t('history.device')}</th>
            <th scope="col">{t('history.fingerprint')}</th>
            <th scope="col">{t('history.revisions')}</th>
          </tr>
        </thead>
        <tbody>
          {imports.map((row) => (
            <tr key={row.bundleId}>
              <td>{formatDateTime(row.importedAtMs, language)}</td>
              <td>
                <bdi>{row.signerDeviceName || row.signerDeviceId}</bdi>
              </td>
              <td>
                <code className="code" dir="ltr">
                  {row.signerFingerprint}
                </code>
              </td>
              <td className="numeric">{t('history.counts', { added: format(row.addedCount), total: format(row.revisionCount) })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
