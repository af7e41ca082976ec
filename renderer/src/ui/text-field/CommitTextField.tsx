import { useEffect, useId, useRef, useState } from 'react';
import { FieldError, Input, Label, Text, TextArea, TextField } from 'react-aria-components';

export interface CommitTextFieldProps {
  readonly label: string;
  readonly value: string;
  /**
   * Called with the trimmed text when the user leaves the field (or presses Enter on a single line), if it
   * changed. A promise that rejects or resolves to false means the text was not stored: committing it
   * again retries.
   */
  readonly onCommit: (value: string) => void | Promise<unknown>;
  readonly description?: string | undefined;
  readonly error?: string | undefined;
  readonly isRequired?: boolean;
  readonly maxLength?: number;
  readonly autoComplete?: string;
  readonly normalise?: (text: string) => string;
  readonly multiline?: boolean;
  readonly className?: string;
  /** Values used elsewhere, offered by the browser as the user types (single line only). */
  readonly suggestions?: readonly string[];
}

/**
 * Free text in any script: the browser picks the direction from the text itself, and the change is
 * committed once the user is done with the field, never per keystroke, so each edit is one revision.
 */
export function CommitTextField(props: CommitTextFieldProps) {
  const { label, value, onCommit, description, error, isRequired, maxLength, autoComplete, normalise, multiline, className } = props;
  const suggestions = props.suggestions ?? [];
  const listId = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const focused = useRef(false);
  const lastCommitted = useRef(value);
  const stored = useRef(value);

  useEffect(() => {
    stored.current = value;
    lastCommitted.current = value;
    if (!focused.current) setDraft(null);
  }, [value]);

  const commit = () => {
    if (draft === null) return;
    const next = (normalise ? normalise(draft) : draft).trim();
    setDraft(next);
    if (next === lastCommitted.current.trim()) return;
    lastCommitted.current = next;
    const forget = () => {
      if (lastCommitted.current === next) lastCommitted.current = stored.current;
    };
    void Promise.resolve(onCommit(next)).then((result) => {
      if (result === false) forget();
    }, forget);
  };

  return (
    <TextField
      className={['field', className].filter(Boolean).join(' ')}
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
        if (!multiline && event.key === 'Enter') commit();
      }}
      isRequired={isRequired}
      isInvalid={error !== undefined}
      validationBehavior="aria"
      maxLength={maxLength}
    >
      <Label className="field-label">{label}</Label>
      {multiline ? (
        <TextArea className="input" dir="auto" rows={3} />
      ) : (
        <Input className="input" dir="auto" autoComplete={autoComplete ?? 'off'} list={suggestions.length > 0 ? listId : undefined} />
      )}
      {!multiline && suggestions.length > 0 ? (
        <datalist id={listId}>
          {suggestions.map((suggestion) => (
            <option key={suggestion} value={suggestion}>
              {suggestion}
            </option>
          ))}
        </datalist>
      ) : null}
      {description ? (
        <Text slot="description" className="field-description">
          {description}
        </Text>
      ) : null}
      <FieldError className="field-error">{error}</FieldError>
    </TextField>
  );
}
