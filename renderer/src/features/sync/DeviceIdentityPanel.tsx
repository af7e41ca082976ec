import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getBridge } from '../../bridge/index.ts';
import { getAuthorName, getDeviceId, getDeviceIdentity, type StoredIdentity } from '../../data/index.ts';
import { AdvancedFacts } from './AdvancedFacts.tsx';
import { describeError } from './describe-error.ts';

interface DeviceFacts {
  readonly identity: StoredIdentity;
  readonly deviceId: string;
  readonly name: string | null;
}

const PROTECTION_TEXT = {
  'os-keystore': 'sync:device.protectedByOs',
  passphrase: 'devicekey:protectedByPassphrase',
  browser: 'sync:device.protectedByBrowser',
} as const satisfies Record<StoredIdentity['protection'], string>;

/** The laptop code the office checks when it first receives a file from this laptop; key details under "Advanced". */
export function DeviceIdentityPanel() {
  const { t } = useTranslation(['sync', 'common']);
  const [facts, setFacts] = useState<DeviceFacts>();
  const [failure, setFailure] = useState<string>();
  useEffect(() => {
    let live = true;
    Promise.all([getDeviceIdentity(getBridge()), getDeviceId(), getAuthorName()]).then(
      ([identity, deviceId, name]) => {
        if (live) setFacts({ identity, deviceId, name });
      },
      (error: unknown) => {
        if (live) setFailure(describeError(error, t));
      },
    );
    return () => {
      live = false;
    };
  }, [t]);

  return (
    <section className="card stack" aria-labelledby="device-identity-title">
      <h2 id="device-identity-title">{t('sync:device.title')}</h2>
      <p className="muted">{t('sync:device.intro')}</p>
      {failure ? (
        <p className="notice notice-danger" role="alert">
          {failure}
        </p>
      ) : !facts ? (
        <output className="muted">{t('common:status.loading')}</output>
      ) : (
        <>
          <dl className="facts">
            <dt>{t('sync:device.fingerprint')}</dt>
            <dd>
              <code className="code fingerprint" dir="ltr">
                {facts.identity.fingerprint}
              </code>
            </dd>
            <dt>{t('sync:device.name')}</dt>
            <dd>
              <bdi>{facts.name ?? t('sync:device.unnamed')}</bdi>
            </dd>
          </dl>
          <AdvancedFacts deviceId={facts.deviceId}>
            <dt>{t('sync:device.protection')}</dt>
            <dd>{t(PROTECTION_TEXT[facts.identity.protection])}</dd>
          </AdvancedFacts>
        </>
      )}
    </section>
  );
}
