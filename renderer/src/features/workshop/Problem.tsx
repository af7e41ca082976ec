import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { DataError } from '../../data/index.ts';
import { describeFinding } from '../sync/describe-finding.ts';

/** What went wrong with a workshop action, translated: the field and the rule it broke when the data layer names them. */
export function useDescribeActionError(): (error: unknown) => string {
  const { t } = useTranslation(['workshop', 'records', 'sync', 'common']);
  return useCallback(
    (error: unknown) => {
      const finding = error instanceof DataError ? error.findings[0] : undefined;
      if (finding) return describeFinding(finding, t, 'records:refused.save');
      return t(`common:errors.data.${error instanceof Error && 'code' in error ? String(error.code) : 'E_DB'}`);
    },
    [t],
  );
}

/** A failed action's message, announced when it appears. */
export function Problem({ text }: { readonly text: string | null }) {
  if (!text) return null;
  return (
    <p className="notice notice-danger" role="alert">
      {text}
    </p>
  );
}
