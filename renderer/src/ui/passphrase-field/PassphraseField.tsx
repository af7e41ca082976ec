import { FieldError, Input, Label, Text, TextField } from 'react-aria-components';

export interface PassphraseFieldProps {
  readonly label: string;
  readonly description?: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly error: string | undefined;
  readonly isDisabled: boolean;
  /** `new-password` where one is chosen, `current-password` where one is typed to open something. */
  readonly autoComplete?: 'new-password' | 'current-password';
  readonly autoFocus?: boolean;
}

/** A masked passphrase input with its label, hint and error tied to it for screen readers. */
export function PassphraseField({ label, description, value, onChange, error, isDisabled, autoComplete, autoFocus }: PassphraseFieldProps) {
  return (
    <TextField
      className="field"
      type="password"
      value={value}
      onChange={onChange}
      isInvalid={error !== undefined}
      validationBehavior="aria"
      isDisabled={isDisabled}
      autoFocus={autoFocus}
    >
      <Label className="field-label">{label}</Label>
      <Input className="input" autoComplete={autoComplete ?? 'new-password'} />
      {description ? (
        <Text slot="description" className="field-description">
          {description}
        </Text>
      ) : null}
      <FieldError className="field-error">{error}</FieldError>
    </TextField>
  );
}
