import { useTranslation } from 'react-i18next';

export function SettingsScreen() {
  const { t } = useTranslation('common');
  return (
    <section className="stack">
      <h1>{t('settings.title')}</h1>
    </section>
  );
}
