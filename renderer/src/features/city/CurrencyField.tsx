import { useMemo, useState } from 'react';
import { Button, ComboBox, FieldError, Input, Label, ListBox, ListBoxItem, Popover, Text } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/index.ts';
import { searchKey } from '../tree/tree-model.ts';
import './currency-field.css';

interface Currency {
  readonly id: string;
  readonly label: string;
}

/** Every ISO 4217 code the runtime knows, named in the user's language (`ZMW — Zambian kwacha`). */
function currenciesIn(language: string): Currency[] {
  const names = new Intl.DisplayNames([language], { type: 'currency', fallback: 'code' });
  return Intl.supportedValuesOf('currency').map((code) => ({ id: code, label: `${code} — ${names.of(code) ?? code}` }));
}

/** Typing a name or a code filters the list, whatever the case and accents. */
const matches = (textValue: string, inputValue: string) => searchKey(textValue).includes(searchKey(inputValue.trim()));

export interface CurrencyFieldProps {
  readonly value: string;
  readonly onCommit: (code: string) => void;
  readonly error?: string | undefined;
}

/**
 * The GDP's currency, chosen from the ISO 4217 list rather than typed: "Kwacha" finds the Zambian kwacha
 * (ZMW) instead of being cut to "KWA". A stored code the list does not know stays shown as it is.
 */
export function CurrencyField({ value, onCommit, error }: CurrencyFieldProps) {
  const { t } = useTranslation('city');
  const language = useLanguage();
  const known = useMemo(() => currenciesIn(language), [language]);
  const items = value === '' || known.some((currency) => currency.id === value) ? known : [{ id: value, label: value }, ...known];
  const [typed, setTyped] = useState('');
  /** Leaving the field with a code typed in full, or a name only one currency has, chooses that currency. */
  const commitTyped = () => {
    const text = typed.trim();
    if (text === '') return;
    const exact = known.find((currency) => currency.id === text.toUpperCase());
    const found = known.filter((currency) => matches(currency.label, text));
    const chosen = exact ?? (found.length === 1 ? found[0] : undefined);
    if (chosen && chosen.id !== value) onCommit(chosen.id);
  };
  return (
    <ComboBox
      className="field currency-field"
      defaultItems={items}
      selectedKey={value === '' ? null : value}
      onSelectionChange={(key) => {
        const code = key === null ? '' : String(key);
        if (code !== value) onCommit(code);
      }}
      defaultFilter={matches}
      onInputChange={setTyped}
      menuTrigger="focus"
      isInvalid={error !== undefined}
      validationBehavior="aria"
    >
      <Label className="field-label">{t('field.currency.label')}</Label>
      <div className="currency-field__control">
        <Input className="input" onBlur={commitTyped} />
        <Button className="button button-quiet button-small" aria-label={t('field.currency.showAll')}>
          <span aria-hidden="true">▾</span>
        </Button>
      </div>
      <Text slot="description" className="field-description">
        {t('field.currency.description')}
      </Text>
      <FieldError className="field-error">{error}</FieldError>
      <Popover className="popover">
        <ListBox className="listbox currency-field__list">
          {(item: Currency) => (
            <ListBoxItem className="listbox-item" id={item.id} textValue={item.label}>
              {item.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
