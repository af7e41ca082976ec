import { useState } from 'react';
import {
  Button,
  Checkbox,
  Dialog,
  DialogTrigger,
  Heading,
  Label,
  Modal,
  ModalOverlay,
  Radio,
  RadioGroup,
  Text,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { BundleEncryption } from '../../../../core/bundle/index.ts';
import { cryptoSelfTest, fingerprintOf } from '../../../../core/crypto/index.ts';
import { collectExportPlan } from '../../data/index.ts';
import { useExportStatus } from '../../data/hooks.ts';
import { describeError } from './describe-error.ts';
import { encodeExportSet } from './encode-export.ts';
import { exportFileStem } from './export-file-name.ts';
import { BUNDLE_EXTENSION, saveFileAt } from './files.ts';
import { useOfficeRecipients } from './office-recipients.ts';
import { WorkProgress } from './WorkProgress.tsx';
import { PassphraseStrength } from '../../ui/passphrase-strength/PassphraseStrength.tsx';
import { PassphraseField } from '../../ui/passphrase-field/PassphraseField.tsx';

export const MIN_PASSPHRASE_LENGTH = 10;

type Scope = 'full' | 'since';
type Protection = 'office' | 'passphrase' | 'none';
type Stage =
  | { readonly kind: 'choosing' }
  | { readonly kind: 'working'; readonly fraction: number }
  /** `folder` is null for a browser download; `code` is the laptop code to read out to the office. */
  /** `files` > 1: a bundle set, `name` its first file. */
  | { readonly kind: 'saved'; readonly name: string; readonly folder: string | null; readonly count: number; readonly code: string; readonly files: number }
  | { readonly kind: 'empty' }
  | { readonly kind: 'failed'; readonly text: string };

function ExportForm({ close }: { readonly close: () => void }) {
  const { t } = useTranslation(['sync', 'common', 'bundle', 'bundleset']);
  const status = useExportStatus();
  const recipients = useOfficeRecipients();
  const [scope, setScope] = useState<Scope>('full');
  const [protection, setProtection] = useState<Protection>(recipients.length > 0 ? 'office' : 'passphrase');
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [readableAccepted, setReadableAccepted] = useState(false);
  const [attempted, setAttempted] = useState(false);
  const [stage, setStage] = useState<Stage>({ kind: 'choosing' });

  const hasReceipt = status?.lastReceipt != null;
  const passphraseError =
    protection !== 'passphrase' ? undefined : passphrase.length < MIN_PASSPHRASE_LENGTH ? t('sync:export.passphraseTooShort', { min: MIN_PASSPHRASE_LENGTH }) : undefined;
  const confirmationError = protection === 'passphrase' && confirmation !== passphrase ? t('sync:export.passphraseMismatch') : undefined;
  const readableError = protection === 'none' && !readableAccepted ? t('sync:export.readableNotAccepted') : undefined;

  const encryption = (): BundleEncryption => {
    if (protection === 'office') return { kind: 'recipients', recipients: recipients.map((recipient) => recipient.publicText) };
    if (protection === 'passphrase') return { kind: 'passphrase', passphrase };
    return { kind: 'none' };
  };

  const run = async () => {
    setAttempted(true);
    if (passphraseError || confirmationError || readableError) return;
    setStage({ kind: 'working', fraction: 0 });
    try {
      const selfTest = await cryptoSelfTest();
      if (!selfTest.ok) {
        setStage({ kind: 'failed', text: t('sync:export.selfTestFailed') });
        return;
      }
      const plan = await collectExportPlan({ sinceReceipt: scope === 'since' });
      if (plan.revisions.length === 0) {
        setStage({ kind: 'empty' });
        return;
      }
      // Past one file's size the export is a bundle set: each file is saved before the next is made.
      let first: { readonly name: string; readonly folder: string | null; readonly code: string } | null = null;
      let files = 0;
      for await (const file of encodeExportSet(plan, encryption(), (fraction) => setStage({ kind: 'working', fraction }))) {
        const stem = exportFileStem(plan.revisions, file.device.name || file.device.id);
        const name = file.count === 1 ? `${stem}.${BUNDLE_EXTENSION}` : `${stem}.${file.index}-of-${file.count}.${BUNDLE_EXTENSION}`;
        const saved = await saveFileAt(name, file.bytes, { name: t('sync:fileFilter.bundle'), extensions: [BUNDLE_EXTENSION] });
        if (saved === null) {
          setStage({ kind: 'choosing' });
          return;
        }
        first ??= { name: saved.name, folder: saved.folder ?? null, code: await fingerprintOf(file.device.publicKey) };
        files++;
      }
      setStage(first === null ? { kind: 'choosing' } : { kind: 'saved', ...first, count: plan.revisions.length, files });
    } catch (error) {
      setStage({ kind: 'failed', text: describeError(error, t) });
    }
  };

  if (stage.kind === 'saved' || stage.kind === 'empty') {
    return (
      <>
        <output className="notice stack-tight">
          {stage.kind === 'saved' ? (
            <>
              <span className="export-saved">
                {t('sync:export.saved', { name: stage.name, count: stage.count, folder: stage.folder ?? t('sync:export.downloadsFolder') })}
              </span>
              {stage.files > 1 ? <span className="export-set">{t('bundleset:savedSet', { count: stage.files })}</span> : null}
              <span className="export-laptop-code">
                {t('sync:export.laptopCode')}{' '}
                <code className="code fingerprint" dir="ltr">
                  {stage.code}
                </code>
              </span>
            </>
          ) : (
            t('sync:export.nothing')
          )}
        </output>
        <div className="dialog-actions">
          <Button className="button" onPress={close} autoFocus>
            {t('common:action.close')}
          </Button>
        </div>
      </>
    );
  }

  if (status === undefined) return <output className="muted">{t('common:status.loading')}</output>;
  const working = stage.kind === 'working';
  return (
    <>
      <RadioGroup className="field" value={scope} onChange={(value) => setScope(value === 'since' ? 'since' : 'full')} isDisabled={working}>
        <Label className="field-label">{t('sync:export.scope')}</Label>
        <Radio value="full" className="radio">
          {t('sync:export.scopeFull', { count: status.totalCount })}
        </Radio>
        <Radio value="since" className="radio" isDisabled={!hasReceipt}>
          {t('sync:export.scopeSince', { count: status.undeliveredCount })}
        </Radio>
        {!hasReceipt ? (
          <Text slot="description" className="field-description">
            {t('sync:export.noReceiptYet')}
          </Text>
        ) : null}
      </RadioGroup>

      <RadioGroup
        className="field"
        value={protection}
        onChange={(value) => setProtection(value === 'office' || value === 'none' ? value : 'passphrase')}
        isDisabled={working}
      >
        <Label className="field-label">{t('sync:export.protection')}</Label>
        <Radio value="office" className="radio" isDisabled={recipients.length === 0}>
          {recipients.some((recipient) => recipient.label !== '')
            ? t('sync:export.toOffice', { keys: recipients.map((recipient) => recipient.label).filter((label) => label !== '').join(', ') })
            : t('sync:export.toOfficeUnnamed')}
        </Radio>
        <Radio value="passphrase" className="radio">
          {t('sync:export.withPassphrase')}
        </Radio>
        <Radio value="none" className="radio">
          {t('sync:export.readable')}
        </Radio>
        {recipients.length === 0 ? (
          <Text slot="description" className="field-description">
            {t('sync:export.noOfficeKey')}
          </Text>
        ) : null}
      </RadioGroup>

      {protection === 'passphrase' ? (
        <div className="form-grid">
          <PassphraseField
            label={t('sync:export.passphrase')}
            description={t('sync:export.passphraseHint', { min: MIN_PASSPHRASE_LENGTH })}
            value={passphrase}
            onChange={setPassphrase}
            error={attempted ? passphraseError : undefined}
            isDisabled={working}
          />
          {passphrase === '' ? null : <PassphraseStrength passphrase={passphrase} />}
          <PassphraseField
            label={t('sync:export.passphraseAgain')}
            value={confirmation}
            onChange={setConfirmation}
            error={attempted ? confirmationError : undefined}
            isDisabled={working}
          />
        </div>
      ) : null}

      {protection === 'none' ? (
        <div className="notice notice-danger stack-tight">
          <p>{t('sync:export.readableWarning')}</p>
          <Checkbox className="checkbox" isSelected={readableAccepted} onChange={setReadableAccepted} isDisabled={working}>
            {t('sync:export.readableAccept')}
          </Checkbox>
          {attempted && readableError ? <p className="field-error">{readableError}</p> : null}
        </div>
      ) : null}

      {working ? (
        <WorkProgress label={t('sync:export.progress')} fraction={stage.fraction} />
      ) : null}
      {stage.kind === 'failed' ? (
        <p className="notice notice-danger" role="alert">
          {stage.text}
        </p>
      ) : null}

      <div className="dialog-actions">
        <Button className="button button-secondary" onPress={close} isDisabled={working}>
          {t('common:action.cancel')}
        </Button>
        <Button className="button" onPress={run} isDisabled={working}>
          {t('sync:export.start')}
        </Button>
      </div>
    </>
  );
}

/** Export: what to include, how to protect it, then a file written through the Bridge. */
export function ExportDialog() {
  const { t } = useTranslation('sync');
  return (
    <DialogTrigger>
      <Button className="button">{t('export.open')}</Button>
      <ModalOverlay className="modal-overlay">
        <Modal className="modal">
          <Dialog className="dialog">
            {({ close }) => (
              <>
                <Heading slot="title">{t('export.title')}</Heading>
                <ExportForm close={close} />
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
