import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../../electron/contract/bridge.ts';
import { getBridge } from '../../bridge/index.ts';
import { getAuthorName, getDeviceId, MAX_AUTHOR_NAME_LENGTH, setAuthorName } from '../../data/index.ts';
import { CommitTextField } from '../../ui/text-field/CommitTextField.tsx';
import { SaveStatus, useSaveTracker } from '../../ui/save-status/SaveStatus.tsx';
import { LanguageChoice } from './LanguageChoice.tsx';
import { StorageStatus } from '../backup/StorageStatus.tsx';

function useLoaded<T>(load: () => Promise<T>): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    let live = true;
    load().then(
      (loaded) => {
        if (live) setValue(loaded);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
    // Loaded once per mount: these facts do not change while the screen is open.
    // oxlint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return value;
}

function AuthorSection() {
  const { t } = useTranslation('common');
  const stored = useLoaded(getAuthorName);
  const [name, setName] = useState<string | null>(null);
  const { state, errorCode, track } = useSaveTracker();
  const current = name ?? stored ?? '';
  return (
    <section className="card stack" aria-labelledby="author-title">
      <div className="page-header">
        <h2 id="author-title">{t('settings.author.label')}</h2>
        <SaveStatus state={state} errorCode={errorCode} />
      </div>
      {stored === undefined ? (
        <output className="muted">{t('status.loading')}</output>
      ) : (
        <CommitTextField
          label={t('settings.author.label')}
          description={t('settings.author.description')}
          value={current}
          maxLength={MAX_AUTHOR_NAME_LENGTH}
          autoComplete="name"
          onCommit={(next) => {
            setName(next);
            void track(setAuthorName(next === '' ? null : next));
          }}
        />
      )}
    </section>
  );
}

function DeviceSection() {
  const { t } = useTranslation('common');
  const deviceId = useLoaded(getDeviceId);
  const info = useLoaded<AppInfo>(() => getBridge().appInfo());
  return (
    <section className="card stack" aria-labelledby="device-title">
      <h2 id="device-title">{t('settings.device.title')}</h2>
      <p className="muted">{t('settings.device.description')}</p>
      <dl className="facts">
        <dt>{t('settings.device.id')}</dt>
        <dd>
          <code className="code" dir="ltr">
            {deviceId ?? '…'}
          </code>
        </dd>
        <dt>{t('settings.device.shell')}</dt>
        <dd>{info ? t(info.shell === 'electron' ? 'settings.device.shellElectron' : 'settings.device.shellWeb') : '…'}</dd>
        <dt>{t('settings.device.version')}</dt>
        <dd>
          <span dir="ltr">{info?.version ?? '…'}</span>
        </dd>
      </dl>
    </section>
  );
}

export function SettingsScreen() {
  const { t } = useTranslation('common');
  return (
    <div className="stack">
      <h1>{t('settings.title')}</h1>
      <section className="card">
        <LanguageChoice />
      </section>
      <AuthorSection />
      <DeviceSection />
      <StorageStatus />
    </div>
  );
}
