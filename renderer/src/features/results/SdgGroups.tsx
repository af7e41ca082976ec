import { useTranslation } from 'react-i18next';
import type { SnapshotModel } from './snapshot-model.ts';

/** The KPIs that measure each Sustainable Development Goal, with whether the city reported them. */
export function SdgGroups({ model }: { readonly model: SnapshotModel }) {
  const { t } = useTranslation(['results', 'catalogue']);
  return (
    <div className="sdg-groups">
      {model.sdgGroups.map((group) => (
        <section key={group.goal} className="sdg-group" aria-labelledby={`sdg-${group.goal}`}>
          <h3 id={`sdg-${group.goal}`}>{t('results:sdg.goal', { goal: group.goal })}</h3>
          <ul className="stack-tight">
            {group.kpis.map((row) => (
              <li key={row.kpi.id} className="sdg-kpi" data-completeness={row.completeness}>
                <span className="code" dir="ltr">
                  {row.kpi.code}
                </span>{' '}
                {t(`catalogue:kpi.${row.kpi.id}.name`)}{' '}
                <span className={`badge ${row.completeness === 'reported' ? 'badge-success' : row.completeness === 'partial' ? 'badge-warning' : ''}`}>
                  {t(`results:completeness.${row.completeness}`)}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
