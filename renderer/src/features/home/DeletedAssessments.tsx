import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { restoreAssessment } from '../../data/index.ts';
import { useDeletedAssessments } from '../../data/hooks.ts';
import { isolate } from '../../i18n/index.ts';

/** Deleting only adds a revision, so a deleted assessment can come back with everything entered for it. */
export function DeletedAssessments() {
  const { t } = useTranslation('common');
  const deleted = useDeletedAssessments();
  const [failed, setFailed] = useState(false);
  if (!deleted || deleted.length === 0) return null;
  return (
    <section className="card stack" aria-labelledby="deleted-title">
      <h2 id="deleted-title">{t('home.deleted.title')}</h2>
      <ul className="stack-tight">
        {deleted.map((assessment) => (
          <li key={assessment.id} className="cluster">
            <span>
              <bdi>{assessment.city.name}</bdi> <span className="numeric">{assessment.year}</span>
            </span>
            <Button
              className="button button-secondary button-small"
              onPress={async () => {
                setFailed(false);
                try {
                  await restoreAssessment(assessment.id);
                } catch {
                  setFailed(true);
                }
              }}
            >
              {t('home.deleted.restore')}
              <span className="visually-hidden"> {t('home.list.deleteTarget', { city: isolate(assessment.city.name), year: assessment.year })}</span>
            </Button>
          </li>
        ))}
      </ul>
      {failed ? (
        <p className="notice notice-danger" role="alert">
          {t('home.deleted.failed')}
        </p>
      ) : null}
    </section>
  );
}
