import { useTranslation } from 'react-i18next';

/** Results of a workshop are the city's own until an independent verifier has checked them. */
export function VerificationLabel({ verified }: { readonly verified: boolean }) {
  const { t } = useTranslation('results');
  return (
    <p className={verified ? 'verification-label notice' : 'verification-label notice notice-warning'}>
      <strong>{verified ? t('verification.verified') : t('verification.notVerified')}</strong> {verified ? null : t('verification.explain')}
    </p>
  );
}
