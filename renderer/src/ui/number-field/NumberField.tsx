import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { FieldError, Input, Label, Text, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import './number-field.css';
import { formatLocaleNumber } from '../../../../core/numbers/format.ts';
import { parseLocaleNumber, type NumberParseResult } from '../../../../core/numbers/parse.ts';
import { forgetDraft, rememberDraft, rememberedDraft } from './remembered-drafts.ts';

export interface NumberFieldProps {
  readonly label: string;
  /** The stored canonical value; null when nothing is stored. */
  readonly value: number | null;
  /**
   * Receives the canonical number (or null when cleared); never called for unreadable input. A promise that
   * rejects or resolves to false means the value was not stored, so committing the same text again retries.
   */
  readonly onCommit: (value: number | null) => void | Promise<unknown>;
  readonly description?: string;
  readonly unit?: string;
  readonly isDisabled?: boolean;
  readonly className?: string;
  /** How a stored value is shown; the locale's number format by default. */
  readonly formatValue?: (value: number, locale: string) => string;
  /** A translated reason to refuse a readable number (e.g. a year out of range), or null to accept it. */
  readonly refuse?: (value: number) => string | null;
  /**
   * Follows the typing before anything is committed: the number the text reads as so far (null when empty),
   * or undefined while it cannot be read. For live previews only; storage happens through onCommit.
   */
  readonly onInput?: (value: number | null | undefined) => void;
  /** The field expects a percentage: a typed `%` sign (`45%`, `45 %`, `٪45`) is understood and dropped. */
  readonly percent?: boolean;
  /**
   * Names the stored field (e.g. its record and field). Text that could not be stored is then kept under
   * this name while the app runs, so leaving and coming back shows it again with its error.
   */
  readonly draftKey?: string;
  /** Told whether the field now holds text that was not stored (unreadable or refused). */
  readonly onProblemChange?: (hasProblem: boolean) => void;
}

/** Digits a participant may type that the locale would not show by default; echoed back in the same digits. */
const NUMBERING_SYSTEMS: readonly (readonly [RegExp, string])[] = [
  [/[\u0660-\u0669]/u, 'arab'],
  [/[\u06F0-\u06F9]/u, 'arabext'],
  [/[\uFF10-\uFF19]/u, 'fullwide'],
];

function numberingSystemOf(text: string): string | null {
  return NUMBERING_SYSTEMS.find(([digits]) => digits.test(text))?.[1] ?? null;
}

type InputProblem = { readonly reason: 'malformed' | 'ambiguous' | 'percent' } | { readonly reason: 'refused'; readonly message: string };

const PERCENT_SIGN = /^\s*[%\u066A\uFF05]\s*|\s*[%\u066A\uFF05]\s*$/u;

/** Reads the text as a number; a percent sign is understood only where a percentage is expected. */
function readNumber(text: string, locale: string, percent: boolean): NumberParseResult | { readonly ok: false; readonly reason: 'percent' } {
  if (!PERCENT_SIGN.test(text)) return parseLocaleNumber(text, locale);
  if (!percent) return { ok: false, reason: 'percent' };
  const bare = text.replace(PERCENT_SIGN, '');
  return bare.trim() === '' ? { ok: false, reason: 'malformed' } : parseLocaleNumber(bare, locale);
}

/**
 * A text input for numbers typed in the user's locale (`12,5`, `1 234,5`, `١٢٫٥`, `１２.５`). Our own parser
 * decides what the text means, so the field accepts every form a participant may type; text that cannot
 * be read unambiguously is shown back with an error and the stored value is left untouched.
 */
export function NumberField({
  label,
  value,
  onCommit,
  description,
  unit,
  isDisabled,
  className,
  formatValue = formatLocaleNumber,
  refuse,
  onInput,
  percent = false,
  draftKey,
  onProblemChange,
}: NumberFieldProps) {
  const { t, i18n } = useTranslation('entry');
  const locale = i18n.language;
  const [typedDigits, setTypedDigits] = useState<string | null>(null);
  const displayLocale = typedDigits ? `${locale}-u-nu-${typedDigits}` : locale;
  const unitId = useId();
  const remembered = draftKey === undefined ? undefined : rememberedDraft(draftKey);
  /** The text being edited, or null to show the stored value. */
  const [draft, setDraft] = useState<string | null>(remembered?.text ?? null);
  const [problem, setProblemState] = useState<InputProblem | null>((remembered?.problem as InputProblem | undefined) ?? null);
  const problemRef = useRef<InputProblem | null>(problem);
  const setProblem = (next: InputProblem | null, text: string | null = null) => {
    problemRef.current = next;
    setProblemState(next);
    if (draftKey !== undefined) {
      if (next === null || text === null) forgetDraft(draftKey);
      else rememberDraft(draftKey, { text, problem: next });
    }
    onProblemChange?.(next !== null);
  };
  const reported = useRef(false);
  useEffect(() => {
    // A draft brought back from an earlier visit is reported once, so the field's status says "not saved".
    if (!reported.current && problemRef.current !== null) onProblemChange?.(true);
    reported.current = true;
  }, [onProblemChange]);
  const focused = useRef(false);
  const lastCommitted = useRef<number | null>(value);
  const stored = useRef<number | null>(value);

  useEffect(() => {
    stored.current = value;
    lastCommitted.current = value;
    // A new stored value (a save landing, a reload, a resolved conflict) replaces the echo, but never
    // text the participant is still editing or has yet to correct.
    if (!focused.current && problemRef.current === null) setDraft(null);
  }, [value]);

  const text = draft ?? (value === null ? '' : formatValue(value, displayLocale));

  const commit = () => {
    if (draft === null) return;
    const parsed = readNumber(draft, locale, percent);
    if (!parsed.ok && parsed.reason !== 'empty') {
      setProblem({ reason: parsed.reason }, draft);
      return;
    }
    const next = parsed.ok ? parsed.value : null;
    const refusal = next === null ? null : (refuse?.(next) ?? null);
    if (refusal !== null) {
      setProblem({ reason: 'refused', message: refusal }, draft);
      return;
    }
    setProblem(null);
    const digits = numberingSystemOf(draft);
    setTypedDigits(digits);
    setDraft(next === null ? '' : formatValue(next, digits ? `${locale}-u-nu-${digits}` : locale));
    if (Object.is(next, lastCommitted.current)) return;
    lastCommitted.current = next;
    const forget = () => {
      if (Object.is(lastCommitted.current, next)) lastCommitted.current = stored.current;
    };
    void Promise.resolve(onCommit(next)).then((result) => {
      if (result === false) forget();
    }, forget);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') commit();
    if (event.key === 'Escape' && draft !== null) {
      setDraft(null);
      if (problemRef.current !== null) setProblem(null);
      onInput?.(undefined);
    }
  };

  return (
    <TextField
      className={['field number-field', className].filter(Boolean).join(' ')}
      value={text}
      onChange={(next) => {
        setDraft(next);
        if (onInput) {
          const parsed = readNumber(next, locale, percent);
          onInput(parsed.ok ? parsed.value : parsed.reason === 'empty' ? null : undefined);
        }
      }}
      onFocus={() => {
        focused.current = true;
      }}
      onBlur={() => {
        focused.current = false;
        commit();
      }}
      onKeyDown={onKeyDown}
      isInvalid={problem !== null}
      isDisabled={isDisabled}
      validationBehavior="aria"
      aria-describedby={unit ? unitId : undefined}
    >
      <Label className="field-label">{label}</Label>
      <span className="number-field__control">
        <Input className="input numeric" inputMode="decimal" autoComplete="off" spellCheck={false} />
        {unit ? (
          <span className="number-field__unit" id={unitId}>
            {unit}
          </span>
        ) : null}
      </span>
      {description ? <Text slot="description" className="field-description">{description}</Text> : null}
      <FieldError className="field-error">
        {problem === null ? null : problem.reason === 'refused' ? problem.message : t(`numberField.error.${problem.reason}`)}
      </FieldError>
    </TextField>
  );
}
