import { useTranslation } from 'react-i18next';
import { NumberField } from '../../ui/number-field/index.ts';
import { CommitTextField } from '../../ui/text-field/CommitTextField.tsx';
import type { CityDraft, CityDraftField, FieldMessage } from './city-draft.ts';
import { CurrencyField } from './CurrencyField.tsx';

export interface CityProfileFieldsProps {
  readonly values: CityDraft;
  readonly onCommit: <F extends CityDraftField>(field: F, value: CityDraft[F]) => void;
  readonly messages: readonly FieldMessage[];
}

function FieldMessages({ messages }: { readonly messages: readonly FieldMessage[] }) {
  return (
    <>
      {messages.map((message) => (
        <p key={message.text} className={message.severity === 'error' ? 'field-error' : 'field-warning'}>
          {message.text}
        </p>
      ))}
    </>
  );
}

/** The city's name, country and shared denominators: used by the create form and the profile screen. */
export function CityProfileFields({ values, onCommit, messages }: CityProfileFieldsProps) {
  const { t } = useTranslation('city');
  const messagesFor = (field: CityDraftField) => messages.filter((message) => message.field === field);
  const textError = (field: CityDraftField) => messagesFor(field).find((message) => message.severity === 'error')?.text;
  const textWarnings = (field: CityDraftField) => messagesFor(field).filter((message) => message.severity === 'warning');
  const numberField = (field: 'population' | 'households' | 'areaKm2' | 'gdp', unit?: string) => (
    <div className="field-cell">
      <NumberField
        label={t(`field.${field}.label`)}
        description={t(`field.${field}.description`)}
        unit={unit}
        value={values[field]}
        onCommit={(value) => onCommit(field, value)}
        refuse={(value) => (value < 0 ? t('validation.negative') : null)}
      />
      <FieldMessages messages={messagesFor(field)} />
    </div>
  );

  return (
    <div className="form-grid">
      <CommitTextField
        label={t('field.name.label')}
        value={values.name}
        onCommit={(value) => onCommit('name', value)}
        error={textError('name')}
        isRequired
        maxLength={120}
      />
      <CommitTextField
        label={t('field.country.label')}
        value={values.country}
        onCommit={(value) => onCommit('country', value)}
        error={textError('country')}
        isRequired
        maxLength={120}
        autoComplete="country-name"
      />
      <CommitTextField
        label={t('field.region.label')}
        description={t('field.region.description')}
        value={values.region}
        onCommit={(value) => onCommit('region', value)}
        maxLength={120}
      />
      {numberField('population')}
      {numberField('households')}
      {numberField('areaKm2', t('unit.km2'))}
      {numberField('gdp', values.currency || undefined)}
      <div className="field-cell">
        <CurrencyField value={values.currency} onCommit={(code) => onCommit('currency', code)} error={textError('currency')} />
        <FieldMessages messages={textWarnings('currency')} />
      </div>
    </div>
  );
}
