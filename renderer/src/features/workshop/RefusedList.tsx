import { useTranslation } from 'react-i18next';
import type { WorkshopViolation } from '../../../../core/workshop/rules.ts';
import { describeRecord } from './describe-workshop-record.ts';

/** Shown at most; a bundle refused for more shows the first ones, which is enough to act on. */
const SHOWN = 20;

/** In the import preview: the revisions the workshop rules refuse, by author, record and rule. */
export function RefusedList({ refused }: { readonly refused: readonly WorkshopViolation[] }) {
  const { t } = useTranslation(['workshop', 'catalogue']);
  if (refused.length === 0) return null;
  return (
    <section className="notice notice-danger stack-tight" aria-labelledby="refused-title">
      <h3 id="refused-title">{t('refused.title')}</h3>
      <p>{t('refused.intro')}</p>
      <ul>
        {refused.slice(0, SHOWN).map((violation) => (
          <li key={violation.revisionId}>
            {t('refused.item', { author: violation.author, record: describeRecord(violation.recordId, t), reason: t(`refused.violations.${violation.code}`) })}
          </li>
        ))}
      </ul>
    </section>
  );
}
