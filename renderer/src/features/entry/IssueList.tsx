import { useTranslation } from 'react-i18next';
import { formatLocaleNumber } from '../../../../core/numbers/index.ts';

/** A validation finding as core/validation reports it; messages live at `validation:<code>`. */
export interface ShownIssue {
  readonly severity: 'error' | 'warning';
  readonly code: string;
  readonly field?: string | undefined;
  readonly params?: Readonly<Record<string, string | number>> | undefined;
}

/** Findings are advice next to what was saved: they never undo or block a save. */
export function IssueList({ issues }: { readonly issues: readonly ShownIssue[] }) {
  const { t, i18n } = useTranslation(['entry', 'validation']);
  const paramsOf = (issue: ShownIssue) =>
    Object.fromEntries(
      Object.entries(issue.params ?? {}).map(([name, value]) => [
        name,
        typeof value === 'number'
          ? formatLocaleNumber(value, i18n.language, { maximumFractionDigits: 2, useGrouping: issue.field !== 'dataYear' })
          : value,
      ]),
    );
  if (issues.length === 0) return null;
  return (
    <ul className="entry-issues">
      {issues.map((issue, index) => (
        <li
          key={`${issue.code}-${issue.field ?? ''}-${index}`}
          className={issue.severity === 'error' ? 'field-error' : 'field-warning'}
          data-severity={issue.severity}
          data-code={issue.code}
        >
          <span className="visually-hidden">{t(`entry:validation.${issue.severity}`)}: </span>
          {t(`validation:${issue.code}`, paramsOf(issue))}
        </li>
      ))}
    </ul>
  );
}
