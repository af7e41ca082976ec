import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { PassphraseStrength } from '../../renderer/src/ui/passphrase-strength/PassphraseStrength.tsx';
import { i18n, initI18n } from '../../renderer/src/i18n/index.ts';

beforeAll(async () => {
  await initI18n('en');
});
afterEach(cleanup);

describe('the passphrase strength meter', () => {
  it('scores a common password very weak and a long passphrase strong, as a labelled meter with its level in words', async () => {
    const { rerender } = render(<PassphraseStrength passphrase="password1" />);
    const meter = screen.getByRole('meter', { name: 'Passphrase strength' });
    await waitFor(() => expect(meter.getAttribute('aria-valuetext')).toBe('Very weak'));
    expect(screen.getByText('Passphrase strength: Very weak')).toBeTruthy();

    rerender(<PassphraseStrength passphrase="lanterns orbit quietly beneath 7 brass kettles" />);
    await waitFor(() => expect(Number(meter.getAttribute('value') ?? meter.getAttribute('aria-valuenow'))).toBeGreaterThanOrEqual(3));
  });

  it('speaks the level in Arabic', async () => {
    await act(() => i18n.changeLanguage('ar'));
    render(<PassphraseStrength passphrase="123456" />);
    await waitFor(() => expect(screen.getByRole('meter', { name: 'قوة عبارة المرور' }).getAttribute('aria-valuetext')).toBe('ضعيفة جدًا'));
    await act(() => i18n.changeLanguage('en'));
  });
});
