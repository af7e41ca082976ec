import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { formatLocaleNumber } from '../../../../core/numbers/index.ts';

/** A validation finding as core/validation reports it; messages live at `validation:<code>`. */
export interface ShownIssue {
  readonly severity: 'error' | 'warning';
  readonly code: string;
  readonly field?: string | undefined;
  readonly params?: Readonly<Record<string, string | number>> | undefined;
}

/** Left-to-right isolate: an official code such as `EC: ICT: ICT: 1C` keeps its order inside Arabic text. */
const ltr = (text: string) => `\u2066${text}\u2069`;

function paramsOf(issue: ShownIssue, t: TFunction, locale: string): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(issue.params ?? {})) {
    params[name] =
      typeof value === 'number'
        ? formatLocaleNumber(value, locale, { maximumFractionDigits: 2, useGrouping: issue.field !== 'dataYear' })
        : name === 'otherCode'
          ? ltr(value)
          : value;
  }
  const other = issue.params?.otherKpiId;
  if (typeof other === 'string') params.otherName = t(`catalogue:kpi.${other}.name`, { defaultValue: other });
  return params;
}

/** Findings are advice next to what was saved: they never undo or block a save. */
export function IssueList({ issues, inline = false }: { readonly issues: readonly ShownIssue[]; readonly inline?: boolean }) {
  const { t, i18n } = useTranslation(['entry', 'validation', 'catalogue']);
  if (issues.length === 0) return null;
  const message = (issue: ShownIssue) => (
    <>
      <span className="visually-hidden">{t(`entry:validation.${issue.severity}`)}: </span>
      {t(`validation:${issue.code}`, paramsOf(issue, t, i18n.language))}
    </>
  );
  if (inline) return <span>{issues.map((issue, index) => <span key={`${issue.code}-${index}`}>{message(issue)} </span>)}</span>;
  return (
    <ul className="entry-issues">
      {issues.map((issue, index) => (
        <li
          key={`${issue.code}-${issue.field ?? ''}-${index}`}
          className={issue.severity === 'error' ? 'field-error' : 'field-warning'}
          data-severity={issue.severity}
          data-code={issue.code}
        >
          {message(issue)}
        </li>
      ))}
    </ul>
  );
}
