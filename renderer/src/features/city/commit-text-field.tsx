import { useEffect, useRef, useState } from 'react';
import { FieldError, Input, Label, Text, TextField } from 'react-aria-components';

export interface CommitTextFieldProps {
  readonly label: string;
  readonly value: string;
  /** Called with the trimmed text when the user leaves the field or presses Enter, if it changed. */
  readonly onCommit: (value: string) => void;
  readonly description?: string | undefined;
  readonly error?: string | undefined;
  readonly isRequired?: boolean;
  readonly maxLength?: number;
  readonly autoComplete?: string;
  readonly normalise?: (text: string) => string;
}

/** A text input that reports a value once the user is done with it, not on every keystroke. */
export function CommitTextField({ label, value, onCommit, description, error, isRequired, maxLength, autoComplete, normalise }: CommitTextFieldProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const focused = useRef(false);

  useEffect(() => {
    if (!focused.current) setDraft(null);
  }, [value]);

  const commit = () => {
    if (draft === null) return;
    const next = (normalise ? normalise(draft) : draft).trim();
    setDraft(next);
    if (next !== value) onCommit(next);
  };

  return (
    <TextField
      className="field"
      value={draft ?? value}
      onChange={setDraft}
      onFocus={() => {
        focused.current = true;
      }}
      onBlur={() => {
        focused.current = false;
        commit();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit();
      }}
      isRequired={isRequired}
      isInvalid={error !== undefined}
      validationBehavior="aria"
      maxLength={maxLength}
    >
      <Label className="field-label">{label}</Label>
      <Input className="input" dir="auto" autoComplete={autoComplete ?? 'off'} />
      {description ? (
        <Text slot="description" className="field-description">
          {description}
        </Text>
      ) : null}
      <FieldError className="field-error">{error}</FieldError>
    </TextField>
  );
}
