import { useTranslation } from 'react-i18next';

export function CityProfileScreen(_props: { readonly assessmentId: string }) {
  const { t } = useTranslation('city');
  return (
    <section className="stack">
      <h1>{t('profile.title')}</h1>
    </section>
  );
}
