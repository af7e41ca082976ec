import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useFormatNumber } from '../../i18n/index.ts';

/** Rows a long table shows at once: a screen of rows, not thousands of them for the browser to lay out. */
export const ROWS_PER_PAGE = 50;

export interface RowPage<Row> {
  readonly rows: readonly Row[];
  /** Zero-based index of the first row shown. */
  readonly first: number;
  readonly total: number;
  readonly page: number;
  readonly pages: number;
  readonly go: (page: number) => void;
}

/** One page of `rows`; when the rows shrink (a filter), the page falls back to the last one that exists. */
export function useRowPage<Row>(rows: readonly Row[], size = ROWS_PER_PAGE): RowPage<Row> {
  const [wanted, go] = useState(0);
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const page = Math.min(wanted, pages - 1);
  const first = page * size;
  return { rows: rows.slice(first, first + size), first, total: rows.length, page, pages, go };
}

/** Which rows a table shows, with buttons to the rows before and after; nothing when one page holds them all. */
export function Pager({ page, label }: { readonly page: RowPage<unknown>; readonly label: string }) {
  const { t } = useTranslation('pager');
  const format = useFormatNumber();
  if (page.pages <= 1) return null;
  return (
    <nav className="cluster pager" aria-label={label}>
      <Button className="button button-secondary button-small" isDisabled={page.page === 0} onPress={() => page.go(page.page - 1)}>
        {t('previous')}
      </Button>
      <output aria-live="polite">
        {t('range', { first: format(page.first + 1), last: format(page.first + page.rows.length), total: format(page.total) })}
      </output>
      <Button className="button button-secondary button-small" isDisabled={page.page === page.pages - 1} onPress={() => page.go(page.page + 1)}>
        {t('next')}
      </Button>
    </nav>
  );
}
