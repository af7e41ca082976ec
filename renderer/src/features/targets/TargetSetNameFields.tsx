import { Input, Label, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';

export interface TargetSetNameFieldsProps {
  readonly name: string;
  readonly onNameChange: (name: string) => void;
  readonly source: string;
  readonly onSourceChange: (source: string) => void;
}

/** What a target set is called and where its targets come from, asked alike when one is made or imported. */
export function TargetSetNameFields({ name, onNameChange, source, onSourceChange }: TargetSetNameFieldsProps) {
  const { t } = useTranslation('targets');
  return (
    <div className="form-grid">
      <TextField className="field" value={name} onChange={onNameChange} isRequired>
        <Label className="field-label">{t('field.name')}</Label>
        <Input className="input" dir="auto" autoComplete="off" />
      </TextField>
      <TextField className="field" value={source} onChange={onSourceChange}>
        <Label className="field-label">{t('field.source')}</Label>
        <Input className="input" dir="auto" autoComplete="off" />
      </TextField>
    </div>
  );
}
