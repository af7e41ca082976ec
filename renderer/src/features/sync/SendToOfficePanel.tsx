import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { isBundleError } from '../../../../core/bundle/index.ts';
import { useFormatNumber } from '../../i18n/index.ts';
import { describeError } from './describe-error.ts';
import { useOfficeInbox, useOfficeRecipients } from './office-recipients.ts';
import { type SendOutcome, sendToOffice } from './send-to-office.ts';
import { WorkProgress } from './WorkProgress.tsx';

type Stage = { readonly kind: 'idle' } | { readonly kind: 'sending'; readonly fraction: number } | { readonly kind: 'done'; readonly ok: boolean; readonly text: string };

/** Refusals the office sends that are not about the bundle's own format. */
const OFFICE_CODES = new Set(['E_UNKNOWN_SIGNER', 'E_WORKSHOP_RULE', 'E_RATE_LIMITED', 'E_TOO_LARGE', 'E_DATABASE', 'E_INTERNAL']);

/**
 * Shown once the office key file named an inbox: sends what the office has not confirmed yet and
 * imports the receipt. Without a connection it says so in one line; exporting to a file still works.
 */
export function SendToOfficePanel() {
  const { t } = useTranslation(['inbox', 'bundle', 'sync']);
  const inbox = useOfficeInbox();
  const recipients = useOfficeRecipients();
  const format = useFormatNumber();
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  if (inbox === null || recipients.length === 0) return null;

  const describe = (outcome: SendOutcome): { ok: boolean; text: string } => {
    switch (outcome.kind) {
      case 'sent':
        return { ok: true, text: outcome.alreadyConfirmed ? t('inbox:alreadyConfirmed') : t('inbox:sent', { marked: format(outcome.marked) }) };
      case 'nothing':
        return { ok: true, text: t('inbox:nothing') };
      case 'selfTestFailed':
        return { ok: false, text: t('sync:export.selfTestFailed') };
      case 'offline':
        return { ok: false, text: t('inbox:offline') };
      case 'refused':
        if (OFFICE_CODES.has(outcome.code)) return { ok: false, text: t(`inbox:refused.${outcome.code}`) };
        return { ok: false, text: t('inbox:refusedBundle', { reason: t(`bundle:errors.${outcome.code}`, { defaultValue: outcome.code }) }) };
    }
  };

  const send = async () => {
    setStage({ kind: 'sending', fraction: 0 });
    try {
      const outcome = await sendToOffice(inbox, recipients, (fraction) => setStage({ kind: 'sending', fraction }));
      setStage({ kind: 'done', ...describe(outcome) });
    } catch (error) {
      setStage({ kind: 'done', ok: false, text: isBundleError(error) ? t('inbox:badReceipt', { reason: describeError(error, t) }) : describeError(error, t) });
    }
  };

  const sending = stage.kind === 'sending';
  return (
    <section className="card stack" aria-labelledby="send-to-office-title">
      <h2 id="send-to-office-title">{t('inbox:title')}</h2>
      <p className="muted">
        {t('inbox:intro')}{' '}
        <code className="code" dir="ltr">
          {inbox}
        </code>
      </p>
      <div className="cluster">
        <Button className="button" onPress={send} isDisabled={sending}>
          {t('inbox:send')}
        </Button>
      </div>
      {sending ? (
        <WorkProgress label={t('inbox:sending')} fraction={stage.fraction} />
      ) : null}
      <div aria-live="polite">
        {stage.kind === 'done' ? <p className={stage.ok ? 'notice' : 'notice notice-danger'}>{stage.text}</p> : null}
      </div>
    </section>
  );
}
