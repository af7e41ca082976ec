import { Button, Label, ListBox, ListBoxItem, Popover, Select, SelectValue, type Key } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { isLanguage, NATIVE_LANGUAGE_NAMES, setLanguage, SUPPORTED_LANGUAGES, useLanguage } from '../../i18n/index.ts';

/** Each language is listed in its own name and script, so anyone can find theirs whatever is shown now. */
export function LanguageSwitcher() {
  const { t } = useTranslation('common');
  const language = useLanguage();
  const choose = (key: Key | null) => {
    if (isLanguage(key) && key !== language) void setLanguage(key);
  };
  return (
    <Select className="language-switcher" value={language} onChange={choose}>
      <Label className="visually-hidden">{t('settings.language.label')}</Label>
      <Button className="button button-quiet select-button">
        <SelectValue />
        <span aria-hidden="true" className="select-chevron">▾</span>
      </Button>
      <Popover className="popover">
        <ListBox className="listbox">
          {SUPPORTED_LANGUAGES.map((code) => (
            <ListBoxItem key={code} id={code} className="listbox-item" textValue={NATIVE_LANGUAGE_NAMES[code]}>
              <span lang={code} dir="auto">
                {NATIVE_LANGUAGE_NAMES[code]}
              </span>
            </ListBoxItem>
          ))}
        </ListBox>
      </Popover>
    </Select>
  );
}
