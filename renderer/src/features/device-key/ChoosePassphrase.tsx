import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { protectDeviceKey } from '../../data/index.ts';
import { PassphraseField } from '../../ui/passphrase-field/PassphraseField.tsx';
import { PassphraseStrength } from '../../ui/passphrase-strength/PassphraseStrength.tsx';
import { describeKeyError } from './describe-key-error.ts';
import { KeyFormActions } from './KeyFormActions.tsx';

/** Long enough that the strength meter has something to judge; the same floor as passphrase-protected exports. */
export const MIN_DEVICE_PASSPHRASE_LENGTH = 10;

/** First start without a key store: why a passphrase is needed, then choosing it twice. */
export function ChoosePassphrase({ backend, onDone }: { readonly backend: string; readonly onDone: () => void }) {
  const { t } = useTranslation(['devicekey', 'common']);
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [working, setWorking] = useState(false);
  const [failure, setFailure] = useState<string>();

  const passphraseError = passphrase.length < MIN_DEVICE_PASSPHRASE_LENGTH ? t('choose.tooShort', { min: MIN_DEVICE_PASSPHRASE_LENGTH }) : undefined;
  const confirmationError = confirmation !== passphrase ? t('choose.mismatch') : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (passphraseError || confirmationError || working) return;
    setWorking(true);
    setFailure(undefined);
    protectDeviceKey(passphrase).then(onDone, (error: unknown) => {
      setWorking(false);
      setFailure(describeKeyError(error, t));
    });
  };

  return (
    <form className="card stack" aria-labelledby="device-key-choose-title" onSubmit={submit} noValidate>
      <h1 id="device-key-choose-title">{t('choose.title')}</h1>
      <p>{t('choose.why')}</p>
      <p>{t('choose.noKeyring', { backend })}</p>
      <p>{t('choose.remember')}</p>
      <div className="form-grid">
        <PassphraseField
          label={t('choose.passphrase')}
          description={t('choose.hint', { min: MIN_DEVICE_PASSPHRASE_LENGTH })}
          value={passphrase}
          onChange={setPassphrase}
          error={attempted ? passphraseError : undefined}
          isDisabled={working}
          autoFocus
        />
        {passphrase === '' ? null : <PassphraseStrength passphrase={passphrase} />}
        <PassphraseField
          label={t('choose.again')}
          value={confirmation}
          onChange={setConfirmation}
          error={attempted ? confirmationError : undefined}
          isDisabled={working}
        />
      </div>
      <KeyFormActions failure={failure} working={working} submitLabel={t('choose.submit')} workingLabel={t('choose.working')} />
    </form>
  );
}
