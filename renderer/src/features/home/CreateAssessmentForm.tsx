import { useRef, useState, type FormEvent } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../app/routes.ts';
import { createAssessment, storageProblemOf, type StorageProblem } from '../../data/index.ts';
import { NumberField } from '../../ui/number-field/index.ts';
import { CityProfileFields } from '../city/CityProfileFields.tsx';
import { EMPTY_CITY, type CityDraft, type CityDraftField } from '../city/city-draft.ts';
import { profileMessages } from '../city/city-validation.ts';
import { useLanguage } from '../../i18n/index.ts';

const formatYear = (value: number) => String(value);
const currentYear = () => new Date().getFullYear();

function focusFirstProblem(form: HTMLFormElement | null): void {
  const invalid = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
  const cellWithError = form?.querySelector('.field-cell:has(> .field-error)')?.querySelector<HTMLElement>('input');
  (invalid ?? cellWithError)?.focus();
}

/** New city and assessment year; creates both and opens the assessment. */
export function CreateAssessmentForm() {
  const { t } = useTranslation(['common', 'city', 'validation']);
  const { t: tCity } = useTranslation('city');
  const language = useLanguage();
  const formRef = useRef<HTMLFormElement>(null);
  // Fields report on blur or Enter; a ref keeps the latest values so an Enter that also submits sees them.
  const [initialYear] = useState(currentYear);
  const latest = useRef<{ city: CityDraft; year: number | null }>({ city: EMPTY_CITY, year: initialYear });
  const [city, setCity] = useState<CityDraft>(EMPTY_CITY);
  const [year, setYear] = useState<number | null>(initialYear);
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<{ readonly storage: StorageProblem | null } | null>(null);

  const commitCity = <F extends CityDraftField>(field: F, value: CityDraft[F]) => {
    latest.current = { ...latest.current, city: { ...latest.current.city, [field]: value } };
    setCity(latest.current.city);
  };
  const commitYear = (value: number | null) => {
    latest.current = { ...latest.current, year: value };
    setYear(value);
  };

  const messagesFor = (draft: CityDraft, draftYear: number | null, requireIdentity: boolean) =>
    profileMessages({ city: draft, year: draftYear, requireIdentity }, t, language);
  const messages = messagesFor(city, year, attempted);
  const yearError = messages.find((message) => message.field === 'year')?.text;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const { city: draft, year: draftYear } = latest.current;
    setAttempted(true);
    if (messagesFor(draft, draftYear, true).some((message) => message.severity === 'error') || draftYear === null) {
      // Let the errors render, then take the user to the first one.
      requestAnimationFrame(() => focusFirstProblem(formRef.current));
      return;
    }
    setBusy(true);
    setFailed(null);
    try {
      const { assessmentId } = await createAssessment({ city: draft, year: draftYear });
      navigate({ name: 'workspace', assessmentId });
    } catch (error) {
      setFailed({ storage: storageProblemOf(error) });
      setBusy(false);
    }
  };

  return (
    <form ref={formRef} className="stack" onSubmit={submit} noValidate aria-labelledby="create-assessment-title">
      <h2 id="create-assessment-title">{t('common:home.create.title')}</h2>
      <CityProfileFields values={city} onCommit={commitCity} messages={messages} />
      <div className="form-grid">
        <div className="field-cell">
          <NumberField
            label={tCity('field.year.label')}
            value={year}
            onCommit={commitYear}
            formatValue={formatYear}
            refuse={(value) => (Number.isInteger(value) ? null : tCity('validation.wholeYear'))}
          />
          {yearError ? <p className="field-error">{yearError}</p> : null}
        </div>
      </div>
      {failed ? (
        <p className="notice notice-danger" role="alert">
          {failed.storage ? t(`common:errors.data.${failed.storage}`) : t('common:home.create.failed')}
        </p>
      ) : null}
      <div className="cluster">
        <Button type="submit" className="button" isDisabled={busy}>
          {t('common:home.create.submit')}
        </Button>
      </div>
    </form>
  );
}
