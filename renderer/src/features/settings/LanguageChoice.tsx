import { Label, Radio, RadioGroup, Text } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { isLanguage, NATIVE_LANGUAGE_NAMES, setLanguage, SUPPORTED_LANGUAGES, useLanguage } from '../../i18n/index.ts';

/** The settings screen's language choice: every language visible at once, each in its own name. */
export function LanguageChoice() {
  const { t } = useTranslation('common');
  const language = useLanguage();
  return (
    <RadioGroup
      className="field"
      value={language}
      onChange={(value) => {
        if (isLanguage(value)) void setLanguage(value);
      }}
    >
      <Label className="field-label">{t('settings.language.label')}</Label>
      <Text slot="description" className="field-description">
        {t('settings.language.description')}
      </Text>
      <div className="radio-list">
        {SUPPORTED_LANGUAGES.map((code) => (
          <Radio key={code} value={code} className="radio">
            <span lang={code} dir="auto">
              {NATIVE_LANGUAGE_NAMES[code]}
            </span>
          </Radio>
        ))}
      </div>
    </RadioGroup>
  );
}
