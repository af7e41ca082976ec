import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createInstance } from 'i18next';
import { useState } from 'react';
import { NumberField } from '../../renderer/src/ui/number-field/index.ts';
import enEntry from '../../locales/en/entry.json' with { type: 'json' };
import frEntry from '../../locales/fr/entry.json' with { type: 'json' };
import arEntry from '../../locales/ar/entry.json' with { type: 'json' };

function i18nFor(lng: string) {
  const i18n = createInstance();
  void i18n.init({
    lng,
    fallbackLng: false,
    initAsync: false,
    ns: ['entry'],
    defaultNS: 'entry',
    resources: { en: { entry: enEntry }, fr: { entry: frEntry }, ar: { entry: arEntry } },
    interpolation: { escapeValue: false },
  });
  return i18n;
}

function Harness({ initial, onCommit }: { initial: number | null; onCommit: (value: number | null) => void }) {
  const [value, setValue] = useState(initial);
  return (
    <NumberField
      label="Value"
      unit="%"
      value={value}
      onCommit={(next) => {
        onCommit(next);
        setValue(next);
      }}
    />
  );
}

function renderField(lng: string, initial: number | null = null) {
  const onCommit = vi.fn();
  render(
    <I18nextProvider i18n={i18nFor(lng)}>
      <Harness initial={initial} onCommit={onCommit} />
    </I18nextProvider>,
  );
  const input = screen.getByLabelText('Value') as HTMLInputElement;
  return { input, onCommit };
}

function type(input: HTMLInputElement, text: string) {
  fireEvent.focus(input);
  fireEvent.change(input, { target: { value: text } });
  fireEvent.blur(input);
}

afterEach(cleanup);

describe('NumberField', () => {
  it('reads a French decimal comma, commits the canonical number and shows it back in French', () => {
    const { input, onCommit } = renderField('fr');
    type(input, '45,5');
    expect(onCommit).toHaveBeenCalledExactlyOnceWith(45.5);
    expect(input.value).toBe('45,5');
    expect(input.getAttribute('aria-invalid')).toBeNull();
  });

  it('reads French grouping with spaces', () => {
    const { input, onCommit } = renderField('fr');
    type(input, '1 234,5');
    expect(onCommit).toHaveBeenCalledExactlyOnceWith(1234.5);
    // Shown back grouped as French groups it (a narrow no-break space), which it reads back the same.
    expect(input.value).toBe('1\u202f234,5');
  });

  it('refuses ambiguous input with a translated error linked to the input, and commits nothing', () => {
    const { input, onCommit } = renderField('fr', 7);
    type(input, '1.234');
    expect(onCommit).not.toHaveBeenCalled();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.value).toBe('1.234');
    const describedBy = (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
    const messages = describedBy.map((id) => document.getElementById(id)?.textContent ?? '');
    expect(messages).toContain(frEntry.numberField.error.ambiguous);
  });

  it('refuses malformed input and keeps the stored value', () => {
    const { input, onCommit } = renderField('en', 3);
    type(input, '12abc');
    expect(onCommit).not.toHaveBeenCalled();
    expect(screen.getByText(enEntry.numberField.error.malformed)).toBeTruthy();
    fireEvent.focus(input);
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(input.value).toBe('3');
    expect(input.getAttribute('aria-invalid')).toBeNull();
  });

  it('reads Arabic-Indic digits with the Arabic decimal separator', () => {
    const { input, onCommit } = renderField('ar');
    type(input, '١٢٫٥');
    expect(onCommit).toHaveBeenCalledExactlyOnceWith(12.5);
    expect(input.value).toBe('١٢٫٥');
  });

  it('reads full-width digits', () => {
    const { input, onCommit } = renderField('en');
    type(input, '１２.５');
    expect(onCommit).toHaveBeenCalledExactlyOnceWith(12.5);
    expect(input.value).toBe('１２.５');
  });

  it('commits on Enter once, and clearing the field commits null', () => {
    const { input, onCommit } = renderField('en', 4);
    fireEvent.focus(input);
    fireEvent.change(input, { target: { value: '8' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    fireEvent.blur(input);
    expect(onCommit).toHaveBeenCalledExactlyOnceWith(8);
    type(input, '');
    expect(onCommit).toHaveBeenLastCalledWith(null);
  });

  it('does not commit when the value did not change', () => {
    const { input, onCommit } = renderField('en', 12.5);
    type(input, '12.50');
    expect(onCommit).not.toHaveBeenCalled();
  });

  it('retries the same value when the previous commit was not stored', async () => {
    const onCommit = vi.fn<(value: number | null) => Promise<boolean>>().mockResolvedValueOnce(false).mockResolvedValue(true);
    render(
      <I18nextProvider i18n={i18nFor('en')}>
        <NumberField label="Value" value={null} onCommit={onCommit} />
      </I18nextProvider>,
    );
    const input = screen.getByLabelText('Value') as HTMLInputElement;
    type(input, '5');
    await waitFor(() => expect(onCommit).toHaveBeenCalledTimes(1));
    await new Promise((resolve) => setTimeout(resolve, 0));
    type(input, '5');
    await waitFor(() => expect(onCommit).toHaveBeenCalledTimes(2));
    expect(onCommit).toHaveBeenLastCalledWith(5);
  });
});
