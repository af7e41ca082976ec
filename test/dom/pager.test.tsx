import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { act } from 'react';
import { i18n, initI18n } from '../../renderer/src/i18n/index.ts';
import { Pager, ROWS_PER_PAGE, useRowPage } from '../../renderer/src/ui/pager/Pager.tsx';

await initI18n('en');

function Numbers({ count }: { readonly count: number }) {
  const page = useRowPage(Array.from({ length: count }, (_, index) => index + 1));
  return (
    <>
      <ul>
        {page.rows.map((row) => (
          <li key={row}>{row}</li>
        ))}
      </ul>
      <Pager page={page} label="Numbers" />
    </>
  );
}

const shown = () => within(screen.getByRole('list')).getAllByRole('listitem').map((item) => Number(item.textContent));
const button = (name: string) => screen.getByRole('button', { name }) as HTMLButtonElement;

describe('pager', () => {
  it('shows a page of rows at a time, says which, and falls back to the last page when the rows shrink', async () => {
    const view = render(<Numbers count={2 * ROWS_PER_PAGE + 20} />);
    const nav = screen.getByRole('navigation', { name: 'Numbers' });
    expect(shown()).toEqual(Array.from({ length: ROWS_PER_PAGE }, (_, index) => index + 1));
    expect(nav.textContent).toContain('Rows 1 to 50 of 120');
    expect(button('Previous rows').disabled).toBe(true);

    fireEvent.click(button('Next rows'));
    fireEvent.click(button('Next rows'));
    expect(shown()).toEqual(Array.from({ length: 20 }, (_, index) => 2 * ROWS_PER_PAGE + index + 1));
    expect(nav.textContent).toContain('Rows 101 to 120 of 120');
    expect(button('Next rows').disabled).toBe(true);

    view.rerender(<Numbers count={ROWS_PER_PAGE + 5} />);
    expect(shown()).toEqual([51, 52, 53, 54, 55]);
    view.rerender(<Numbers count={ROWS_PER_PAGE} />);
    expect(shown()).toHaveLength(ROWS_PER_PAGE);
    expect(screen.queryByRole('navigation')).toBeNull();
  });

  it('writes the numbers in the reader\u2019s language', async () => {
    await act(() => i18n.changeLanguage('fr'));
    render(<Numbers count={1200} />);
    expect(screen.getByRole('navigation').textContent).toContain('Lignes 1 à 50 sur 1\u202f200');
    expect(screen.getByRole('button', { name: 'Lignes suivantes' })).toBeTruthy();
    await act(() => i18n.changeLanguage('en'));
  });
});
