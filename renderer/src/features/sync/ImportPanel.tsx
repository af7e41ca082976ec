import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Button, FieldError, Input, Label, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { encodeReceipt } from '../../../../core/bundle/index.ts';
import { getBridge } from '../../bridge/index.ts';
import { applyBundle, getBundleSigner, holdBundle, heldBundleBytes, rejectHeld, type ImportPreview, type OpenedBundle } from '../../data/index.ts';
import { useHeldBundles } from '../../data/hooks.ts';
import { formatDateTime, isolate, useFormatNumber, useLanguage } from '../../i18n/index.ts';
import { BridgeCallError, describeError } from './describe-error.ts';
import { fileStem, pickBundle, RECEIPT_EXTENSION, saveBytes } from './files.ts';
import { openBundle } from './import-flow.ts';
import { ImportPreviewView } from './ImportPreviewView.tsx';
import { onOsOpened, takeOsOpened } from './os-opened-files.ts';
import { sessionKeys } from './session-keys.ts';

type Step =
  | { readonly kind: 'idle' }
  | { readonly kind: 'busy' }
  | { readonly kind: 'passphrase'; readonly bytes: Uint8Array; readonly wrong: boolean }
  | { readonly kind: 'preview'; readonly opened: OpenedBundle; readonly preview: ImportPreview }
  | { readonly kind: 'imported'; readonly opened: OpenedBundle; readonly added: number; readonly known: number }
  | { readonly kind: 'held' }
  | { readonly kind: 'already' }
  | { readonly kind: 'failed'; readonly text: string };

function PassphrasePrompt({ wrong, onSubmit, onCancel }: { readonly wrong: boolean; readonly onSubmit: (passphrase: string) => void; readonly onCancel: () => void }) {
  const { t } = useTranslation(['sync', 'common']);
  const [passphrase, setPassphrase] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (passphrase !== '') onSubmit(passphrase);
  };
  return (
    <form className="stack" onSubmit={submit}>
      <TextField className="field" type="password" value={passphrase} onChange={setPassphrase} isInvalid={wrong} validationBehavior="aria" autoFocus>
        <Label className="field-label">{t('sync:import.passphrase')}</Label>
        <Input className="input" autoComplete="off" />
        <FieldError className="field-error">{wrong ? t('sync:import.passphraseWrong') : null}</FieldError>
      </TextField>
      <div className="cluster">
        <Button type="submit" className="button">
          {t('sync:import.unlock')}
        </Button>
        <Button className="button button-secondary" onPress={onCancel}>
          {t('common:action.cancel')}
        </Button>
      </div>
    </form>
  );
}

function ReceiptButton({ opened }: { readonly opened: OpenedBundle }) {
  const { t } = useTranslation(['sync', 'common', 'bundle']);
  const [outcome, setOutcome] = useState<{ readonly ok: boolean; readonly text: string }>();
  const save = async () => {
    try {
      const signer = sessionKeys().receiptSigner ?? (await getBundleSigner(getBridge()));
      const bytes = await encodeReceipt({
        bundleIds: [opened.decoded.manifest.bundleId],
        revisionIds: opened.decoded.revisions.map((revision) => revision.id),
        signer,
      });
      const stem = fileStem(opened.decoded.signer.deviceName || opened.decoded.signer.deviceId);
      const name = await saveBytes(`${stem}.${RECEIPT_EXTENSION}`, bytes, { name: t('sync:fileFilter.receipt'), extensions: [RECEIPT_EXTENSION] });
      if (name !== null) setOutcome({ ok: true, text: t('sync:receipt.saved', { name }) });
    } catch (error) {
      setOutcome({ ok: false, text: describeError(error, t) });
    }
  };
  return (
    <div className="stack-tight">
      <p className="muted">{t('sync:receipt.explain')}</p>
      <div className="cluster">
        <Button className="button button-secondary" onPress={save}>
          {t('sync:receipt.save')}
        </Button>
      </div>
      {outcome ? <p className={outcome.ok ? 'notice' : 'notice notice-danger'}>{outcome.text}</p> : null}
    </div>
  );
}

function HeldList({ onReview }: { readonly onReview: (bytes: Uint8Array) => void }) {
  const { t } = useTranslation(['sync', 'common']);
  const held = useHeldBundles();
  const language = useLanguage();
  const [failure, setFailure] = useState<string>();
  if (!held || held.length === 0) return null;
  return (
    <section className="stack-tight" aria-labelledby="held-title">
      <h3 id="held-title">{t('sync:held.title')}</h3>
      <p className="muted">{t('sync:held.intro')}</p>
      <ul className="stack-tight">
        {held.map((row) => (
          <li key={row.fileSha256} className="cluster">
            <span>
              {t('sync:held.item', {
                device: isolate(row.signerDeviceName || row.signerDeviceId),
                date: formatDateTime(row.createdAt, language),
                count: row.revisionCount,
              })}
            </span>
            <code className="code" dir="ltr">
              {row.signerFingerprint}
            </code>
            <Button
              className="button button-secondary button-small"
              onPress={async () => {
                try {
                  onReview(await heldBundleBytes(row.fileSha256));
                } catch (error) {
                  setFailure(describeError(error, t));
                }
              }}
            >
              {t('sync:held.review')}
            </Button>
            <Button className="button button-quiet button-small" onPress={() => void rejectHeld(row.fileSha256)}>
              {t('sync:held.discard')}
            </Button>
          </li>
        ))}
      </ul>
      {failure ? <p className="notice notice-danger">{failure}</p> : null}
    </section>
  );
}

/** Import: pick a file, see what it would change, then merge it (or hold it) in one transaction. */
export function ImportPanel() {
  const { t } = useTranslation(['sync', 'common', 'bundle']);
  const format = useFormatNumber();
  const [step, setStep] = useState<Step>({ kind: 'idle' });

  const open = useCallback(
    async (bytes: Uint8Array, passphrase?: string) => {
      setStep({ kind: 'busy' });
      try {
        const outcome = await openBundle(bytes, passphrase);
        setStep(outcome.kind === 'passphrase' ? { kind: 'passphrase', bytes, wrong: outcome.wrong } : outcome);
      } catch (error) {
        setStep({ kind: 'failed', text: describeError(error, t) });
      }
    },
    [t],
  );

  const chooseFile = async () => {
    try {
      const picked = await pickBundle(t('sync:fileFilter.bundle'));
      if (picked) await open(picked.bytes);
    } catch (error) {
      setStep({ kind: 'failed', text: describeError(error, t) });
    }
  };

  const commit = async (opened: OpenedBundle, approveSigner: boolean) => {
    setStep({ kind: 'busy' });
    try {
      const result = await applyBundle(opened, { approveSigner });
      if (result.status === 'imported') setStep({ kind: 'imported', opened, added: result.addedCount, known: result.knownCount });
      else if (result.status === 'held') setStep({ kind: 'held' });
      else setStep({ kind: 'already' });
    } catch (error) {
      setStep({ kind: 'failed', text: describeError(error, t) });
    }
  };

  const hold = async (opened: OpenedBundle) => {
    setStep({ kind: 'busy' });
    try {
      await holdBundle(opened);
      setStep({ kind: 'held' });
    } catch (error) {
      setStep({ kind: 'failed', text: describeError(error, t) });
    }
  };

  const reset = () => setStep({ kind: 'idle' });

  // A file the operating system handed over is previewed like a chosen one, replacing what was shown.
  useEffect(() => {
    const previewNext = () => {
      const next = takeOsOpened();
      if (next?.kind === 'file') void open(next.file.bytes);
      else if (next) setStep({ kind: 'failed', text: describeError(new BridgeCallError(next.code), t) });
    };
    previewNext();
    return onOsOpened(previewNext);
  }, [open, t]);

  return (
    <section className="card stack" aria-labelledby="import-title">
      <h2 id="import-title">{t('sync:import.title')}</h2>
      <p className="muted">{t('sync:import.intro')}</p>
      {step.kind === 'idle' || step.kind === 'failed' || step.kind === 'held' || step.kind === 'already' ? (
        <div className="cluster">
          <Button className="button" onPress={chooseFile}>
            {t('sync:import.choose')}
          </Button>
        </div>
      ) : null}
      <div aria-live="polite">
        {step.kind === 'busy' ? <p className="muted">{t('sync:import.checking')}</p> : null}
        {step.kind === 'failed' ? <p className="notice notice-danger">{step.text}</p> : null}
        {step.kind === 'held' ? <p className="notice notice-warning">{t('sync:import.held')}</p> : null}
        {step.kind === 'already' ? <p className="notice">{t('sync:import.alreadyImported')}</p> : null}
        {step.kind === 'imported' ? (
          <p className="notice">{t('sync:import.done', { count: step.added, added: format(step.added), known: format(step.known) })}</p>
        ) : null}
      </div>
      {step.kind === 'passphrase' ? (
        <PassphrasePrompt wrong={step.wrong} onSubmit={(passphrase) => void open(step.bytes, passphrase)} onCancel={reset} />
      ) : null}
      {step.kind === 'preview' ? (
        <div className="stack">
          <h3>{t('sync:preview.title')}</h3>
          <ImportPreviewView opened={step.opened} preview={step.preview} />
          {step.preview.alreadyImported ? (
            <>
              <p className="notice">{t('sync:import.alreadyImported')}</p>
              <div className="cluster">
                <Button className="button button-secondary" onPress={reset}>
                  {t('common:action.close')}
                </Button>
              </div>
            </>
          ) : step.preview.signerKnown ? (
            <div className="cluster">
              <Button className="button" onPress={() => void commit(step.opened, false)}>
                {t('sync:import.confirm')}
              </Button>
              <Button className="button button-secondary" onPress={reset}>
                {t('common:action.cancel')}
              </Button>
            </div>
          ) : (
            <>
              <p className="notice notice-warning">{t('sync:import.unknownSigner', { fingerprint: step.preview.device.fingerprint })}</p>
              <div className="cluster">
                <Button className="button" onPress={() => void commit(step.opened, true)}>
                  {t('sync:import.trustAndImport')}
                </Button>
                <Button className="button button-secondary" onPress={() => void hold(step.opened)}>
                  {t('sync:import.holdForLater')}
                </Button>
                <Button className="button button-quiet" onPress={reset}>
                  {t('common:action.cancel')}
                </Button>
              </div>
            </>
          )}
        </div>
      ) : null}
      {step.kind === 'imported' ? (
        <>
          <ReceiptButton opened={step.opened} />
          <div className="cluster">
            <Button className="button button-quiet" onPress={reset}>
              {t('sync:import.another')}
            </Button>
          </div>
        </>
      ) : null}
      <HeldList onReview={(bytes) => void open(bytes)} />
    </section>
  );
}
