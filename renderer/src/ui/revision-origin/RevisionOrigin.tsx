/**
 * The key that made a revision, as shown wherever a revision is listed: its fingerprint (the code a
 * laptop shows as its own), "made on every laptop" for the demo and catalogue updates, or that no key
 * proves it.
 */
import { useTranslation } from 'react-i18next';
import type { ShownOrigin } from '../../data/index.ts';

export function RevisionOrigin({ origin }: { readonly origin: ShownOrigin | undefined }) {
  const { t } = useTranslation('provenance');
  if (origin === undefined) return null;
  if (origin.kind === 'keyless') {
    return (
      <span className="revision-origin" title={t('history.keylessHint')}>
        {t('history.keyless')}
      </span>
    );
  }
  if (origin.kind === 'unproven') return <span className="revision-origin muted">{t('history.unproven')}</span>;
  const who = origin.thisDevice ? t('history.thisLaptop') : origin.deviceName;
  return (
    <span className="revision-origin">
      <code className="code fingerprint" dir="ltr">
        {origin.fingerprint}
      </code>
      {who === '' ? null : (
        <>
          {' '}
          <bdi>{who}</bdi>
        </>
      )}
    </span>
  );
}
