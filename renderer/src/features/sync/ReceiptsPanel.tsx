import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { decodeReceipt } from '../../../../core/bundle/index.ts';
import { markDelivered, signerTrustLookup } from '../../data/index.ts';
import { useExportStatus } from '../../data/hooks.ts';
import { formatDateTime, useFormatNumber, useLanguage } from '../../i18n/index.ts';
import { describeError } from './describe-error.ts';
import { pickReceipt } from './files.ts';

/** On the field laptop: what the office has confirmed, and importing the office's receipt. */
export function ReceiptsPanel() {
  const { t } = useTranslation(['sync', 'common', 'bundle']);
  const status = useExportStatus();
  const format = useFormatNumber();
  const language = useLanguage();
  const [outcome, setOutcome] = useState<{ readonly ok: boolean; readonly text: string }>();
  const [busy, setBusy] = useState(false);

  const importReceipt = async () => {
    setBusy(true);
    setOutcome(undefined);
    try {
      const picked = await pickReceipt(t('sync:fileFilter.receipt'));
      if (!picked) return;
      const receipt = await decodeReceipt(picked.bytes, { trustedSigners: await signerTrustLookup() });
      const result = await markDelivered(receipt);
      setOutcome({
        ok: true,
        text: result.status === 'applied' ? t('sync:receipt.applied', { count: result.markedCount, marked: format(result.markedCount) }) : t('sync:receipt.alreadyApplied'),
      });
    } catch (error) {
      setOutcome({ ok: false, text: describeError(error, t) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card stack" aria-labelledby="receipts-title">
      <h2 id="receipts-title">{t('sync:receipt.title')}</h2>
      {status ? (
        <p>
          {t('sync:receipt.status', { undelivered: format(status.undeliveredCount), total: format(status.totalCount) })}{' '}
          {status.lastReceipt
            ? t('sync:receipt.last', { date: formatDateTime(status.lastReceipt.issuedAt, language) })
            : t('sync:receipt.none')}
        </p>
      ) : null}
      <div className="cluster">
        <Button className="button button-secondary" onPress={importReceipt} isDisabled={busy}>
          {t('sync:receipt.import')}
        </Button>
      </div>
      <div aria-live="polite">{outcome ? <p className={outcome.ok ? 'notice' : 'notice notice-danger'}>{outcome.text}</p> : null}</div>
    </section>
  );
}
