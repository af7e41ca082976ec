import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Technical facts a facilitator never needs to read out (the device id, how the key is kept), folded
 * under "Advanced" for whoever supports the laptop.
 */
export function AdvancedFacts({ deviceId, children }: { readonly deviceId: string; readonly children?: ReactNode }) {
  const { t } = useTranslation('sync');
  return (
    <details className="advanced">
      <summary>{t('device.advanced')}</summary>
      <dl className="facts">
        <dt>{t('device.id')}</dt>
        <dd>
          <code className="code" dir="ltr">
            {deviceId}
          </code>
        </dd>
        {children}
      </dl>
    </details>
  );
}
