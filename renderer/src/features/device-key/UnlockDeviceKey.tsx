import { useRef, useState, type FormEvent } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { DataError, unlockDeviceKey } from '../../data/index.ts';
import { PassphraseField } from '../../ui/passphrase-field/PassphraseField.tsx';
import { describeKeyError } from './describe-key-error.ts';
import { KeyFormActions } from './KeyFormActions.tsx';

/**
 * Every start after the first on a computer without a key store. Without the passphrase the
 * facilitator may still go on: entering data needs no key, signing files asks again after a restart.
 */
export function UnlockDeviceKey({ onDone }: { readonly onDone: () => void }) {
  const { t } = useTranslation(['devicekey', 'common']);
  const [passphrase, setPassphrase] = useState('');
  const [working, setWorking] = useState(false);
  const [wrong, setWrong] = useState<string>();
  const [failure, setFailure] = useState<string>();
  const form = useRef<HTMLFormElement>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (working) return;
    if (passphrase === '') {
      setWrong(t('unlock.empty'));
      return;
    }
    setWorking(true);
    setWrong(undefined);
    setFailure(undefined);
    unlockDeviceKey(passphrase).then(onDone, (error: unknown) => {
      setWorking(false);
      const text = describeKeyError(error, t);
      if (error instanceof DataError && error.code === 'E_WRONG_PASSPHRASE') {
        setWrong(text);
        setPassphrase('');
        // Back to the field, so the next attempt is typed straight away.
        requestAnimationFrame(() => form.current?.querySelector('input')?.focus());
      } else {
        setFailure(text);
      }
    });
  };

  return (
    <form ref={form} className="card stack" aria-labelledby="device-key-unlock-title" onSubmit={submit} noValidate>
      <h1 id="device-key-unlock-title">{t('unlock.title')}</h1>
      <p>{t('unlock.why')}</p>
      <PassphraseField
        label={t('unlock.passphrase')}
        value={passphrase}
        onChange={setPassphrase}
        error={wrong}
        isDisabled={working}
        autoComplete="current-password"
        autoFocus
      />
      <KeyFormActions failure={failure} working={working} submitLabel={t('unlock.submit')} workingLabel={t('unlock.working')}>
        <Button className="button button-secondary" onPress={onDone} isDisabled={working}>
          {t('unlock.later')}
        </Button>
      </KeyFormActions>
      <p className="muted">{t('unlock.laterHint')}</p>
    </form>
  );
}
