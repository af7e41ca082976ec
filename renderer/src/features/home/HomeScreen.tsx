import { useTranslation } from 'react-i18next';

export function HomeScreen() {
  const { t } = useTranslation('common');
  return (
    <section className="stack">
      <h1>{t('home.title')}</h1>
      <p>{t('home.welcome.intro')}</p>
    </section>
  );
}
