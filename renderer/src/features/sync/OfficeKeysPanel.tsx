import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { parseKeyFile } from '../../../../core/crypto/index.ts';
import { distrustSigner, trustSigner } from '../../data/index.ts';
import { useSigners } from '../../data/hooks.ts';
import { getBridge } from '../../bridge/index.ts';
import { BridgeCallError, describeError } from './describe-error.ts';
import { pickKeyFile } from './files.ts';
import { clearOfficeRecipients, setOfficeInbox, setOfficeRecipients, useOfficeInbox, useOfficeRecipients } from './office-recipients.ts';
import { forgetSessionSecrets, loadSessionSecrets, useSessionKeys } from './session-keys.ts';

type Outcome = { readonly kind: 'done'; readonly text: string; readonly secrets: boolean } | { readonly kind: 'failed'; readonly text: string };

const keyFileText = new TextDecoder('utf-8', { fatal: true });

/** The desktop shell admits the inbox origin in its security policy (and reloads the page to apply it). */
async function configureInbox(url: string | null): Promise<void> {
  setOfficeInbox(url);
  const result = await getBridge().setOfficeInbox(url);
  if (!result.ok) throw new BridgeCallError(result.code);
}

/**
 * The office's key file: its public keys make exports readable only by the office (and the recovery
 * key) and make the office's receipts and bundles trusted here; a secret `.key` file, at the office,
 * decrypts imports and signs receipts for this session only.
 */
export function OfficeKeysPanel() {
  const { t } = useTranslation(['sync', 'common', 'inbox']);
  const recipients = useOfficeRecipients();
  const inbox = useOfficeInbox();
  const signers = useSigners();
  const session = useSessionKeys();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();

  const importKeyFile = async () => {
    setBusy(true);
    setOutcome(undefined);
    try {
      const picked = await pickKeyFile(t('sync:keys.fileFilter'));
      if (!picked) return;
      const file = await parseKeyFile(keyFileText.decode(picked.bytes));
      if (file.recipients.length + file.signers.length + file.identities.length + file.signingKeys.length === 0) {
        setOutcome({ kind: 'failed', text: t('sync:keys.empty') });
        return;
      }
      if (file.recipients.length > 0) setOfficeRecipients(file.recipients);
      for (const signer of file.signers) await trustSigner({ publicKey: signer.publicKey, label: signer.label, source: 'keyFile' });
      await loadSessionSecrets(file);
      const secrets = file.identities.length + file.signingKeys.length;
      // A laptop sends to the inbox its .pub names; the office's own .key names it too but never sends there.
      if (file.inbox && secrets === 0) await configureInbox(file.inbox.url);
      setOutcome({
        kind: 'done',
        secrets: secrets > 0,
        text: `${t('sync:keys.imported')} ${t('sync:keys.importedCounts', { recipients: file.recipients.length, signers: file.signers.length, secrets })}`,
      });
    } catch (error) {
      setOutcome({ kind: 'failed', text: error instanceof TypeError ? t('sync:keys.invalidFile') : describeError(error, t) });
    } finally {
      setBusy(false);
    }
  };

  const others = (signers ?? []).filter((signer) => signer.source !== 'self');
  return (
    <section className="card stack" aria-labelledby="office-keys-title">
      <h2 id="office-keys-title">{t('sync:keys.title')}</h2>
      <p className="muted">{t('sync:keys.intro')}</p>
      <div className="cluster">
        <Button className="button button-secondary" onPress={importKeyFile} isDisabled={busy}>
          {t('sync:keys.import')}
        </Button>
      </div>
      <div aria-live="polite">
        {outcome?.kind === 'done' ? (
          <div className="stack-tight">
            <p className="notice">{outcome.text}</p>
            {outcome.secrets ? <p className="notice notice-warning">{t('sync:keys.secretsWarning')}</p> : null}
          </div>
        ) : null}
        {outcome?.kind === 'failed' ? <p className="notice notice-danger">{outcome.text}</p> : null}
      </div>

      <h3>{t('sync:keys.recipientsTitle')}</h3>
      {recipients.length === 0 ? (
        <p className="notice notice-warning">{t('sync:keys.noRecipients')}</p>
      ) : (
        <>
          <ul className="key-list">
            {recipients.map((recipient) => (
              <li key={recipient.id}>
                <bdi>{recipient.label}</bdi>{' '}
                <code className="code muted" dir="ltr">
                  {recipient.id}
                </code>
              </li>
            ))}
          </ul>
          {inbox ? (
            <p>
              {t('inbox:address')}{' '}
              <code className="code" dir="ltr">
                {inbox}
              </code>
            </p>
          ) : null}
          <div className="cluster">
            <Button
              className="button button-quiet button-small"
              onPress={() => {
                clearOfficeRecipients();
                void configureInbox(null).catch(() => undefined);
              }}
            >
              {t('sync:keys.removeRecipients')}
            </Button>
          </div>
        </>
      )}

      <h3>{t('sync:keys.signersTitle')}</h3>
      {others.length === 0 ? (
        <p className="muted">{t('sync:keys.noSigners')}</p>
      ) : (
        <ul className="key-list">
          {others.map((signer) => (
            <li key={signer.publicKey} className="cluster">
              <bdi>{signer.label}</bdi>
              <code className="code" dir="ltr">
                {signer.fingerprint}
              </code>
              <span className="badge">{t(`sync:keys.source.${signer.source}`)}</span>
              <Button className="button button-quiet button-small" onPress={() => void distrustSigner(signer.publicKey)}>
                {t('sync:keys.distrust')}
                <span className="visually-hidden"> {signer.fingerprint}</span>
              </Button>
            </li>
          ))}
        </ul>
      )}

      {session.identities.length > 0 || session.receiptSigner ? (
        <div className="notice stack-tight">
          <p>{t('sync:keys.sessionLoaded', { count: session.identities.length + (session.receiptSigner ? 1 : 0) })}</p>
          <div className="cluster">
            <Button className="button button-secondary button-small" onPress={forgetSessionSecrets}>
              {t('sync:keys.forgetSession')}
            </Button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
