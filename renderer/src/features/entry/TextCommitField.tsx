import { useEffect, useId, useRef, useState } from 'react';
import { Input, Label, TextArea, TextField } from 'react-aria-components';

export interface TextCommitFieldProps {
  readonly label: string;
  readonly value: string;
  /** A promise that rejects or resolves to false means the text was not stored: committing it again retries. */
  readonly onCommit: (value: string | null) => void | Promise<unknown>;
  readonly multiline?: boolean;
  readonly className?: string;
  /** Values used elsewhere, offered by the browser as the participant types (single line only). */
  readonly suggestions?: readonly string[];
}

/**
 * Free text a participant types in any script: the browser picks the direction from the text itself, and
 * the change is committed when the field loses focus (or on Enter for a single line), never per keystroke.
 */
export function TextCommitField({ label, value, onCommit, multiline, className, suggestions = [] }: TextCommitFieldProps) {
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
    const next = draft.trim();
    if (next === lastCommitted.current.trim()) return;
    lastCommitted.current = next;
    const forget = () => {
      if (lastCommitted.current === next) lastCommitted.current = stored.current;
    };
    void Promise.resolve(onCommit(next === '' ? null : next)).then((result) => {
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
    >
      <Label className="field-label">{label}</Label>
      {multiline ? (
        <TextArea className="input" dir="auto" rows={3} />
      ) : (
        <Input className="input" dir="auto" list={suggestions.length > 0 ? listId : undefined} />
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
    </TextField>
  );
}
