import { useState } from 'react';
import { Label, Radio, RadioGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { pointNameKey } from '../../../../core/catalogue/index.ts';
import type { DataPointDefinition, KpiDefinition } from '../../../../core/catalogue/types.ts';
import { computePointValue, type Denominators, type PointFields } from '../../../../core/compute/index.ts';
import { formatLocaleNumber } from '../../../../core/numbers/index.ts';
import { DATA_ORIGINS, QUALITY_LEVELS, VALUE_STATUSES, type ValueField } from '../../../../core/revisions/fields.ts';
import type { FieldValue, ValueView } from '../../data/types.ts';
import { NumberField } from '../../ui/number-field/index.ts';
import { ConflictPanel } from './ConflictPanel.tsx';
import { EvidenceList } from './EvidenceList.tsx';
import { numberOf, plainFields, textOf } from './field-values.ts';
import { IssueList, type ShownIssue } from './IssueList.tsx';
import { OptionSelect } from './OptionSelect.tsx';
import { CommitTextField } from '../../ui/text-field/CommitTextField.tsx';

export interface PointEntryProps {
  readonly kpi: KpiDefinition;
  readonly point: DataPointDefinition;
  readonly view: ValueView | undefined;
  readonly denominators: Denominators;
  readonly issues: readonly ShownIssue[];
  /** Resolves to whether the change was stored. */
  readonly onCommit: (field: ValueField, value: FieldValue) => Promise<boolean>;
  /** Departments already named in this assessment, offered while typing so that the department filter groups them. */
  readonly departments: readonly string[];
}

type PreviewField = 'numerator' | 'denominator' | 'directValue';

/** Numbers being typed, for the live computed value; only valid while the saved values they were typed over hold. */
interface Preview {
  readonly basedOn: string;
  readonly values: Readonly<Partial<Record<PreviewField, number | null>>>;
}

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

const COMMON_FIELDS: readonly ValueField[] = ['dataYear', 'status', 'quality', 'origin', 'department', 'source', 'note'];
const FIELDS_BY_COMPUTATION: Readonly<Record<DataPointDefinition['computation']['kind'], readonly ValueField[]>> = {
  ratio: ['numerator', 'denominator', 'directValue', ...COMMON_FIELDS],
  direct: ['directValue', ...COMMON_FIELDS],
  choice: ['choice', ...COMMON_FIELDS],
};

/** Two decimals read well for percentages and rates; small values keep three significant digits instead of rounding to 0. */
function displayPrecision(value: number): Intl.NumberFormatOptions {
  return Math.abs(value) >= 1 || value === 0 ? { maximumFractionDigits: 2 } : { maximumSignificantDigits: 3 };
}

/** Every field of one data point; each change is handed to onCommit as soon as the participant commits it. */
export function PointEntry({ kpi, point, view, denominators, issues, onCommit, departments }: PointEntryProps) {
  const { t, i18n } = useTranslation(['entry', 'catalogue']);
  const locale = i18n.language;
  const fields: PointFields = plainFields(view);
  const savedKey = JSON.stringify([fields.numerator, fields.denominator, fields.directValue]);
  const [preview, setPreview] = useState<Preview>({ basedOn: savedKey, values: {} });
  const typing = preview.basedOn === savedKey ? preview.values : {};
  const computed = computePointValue(point, { ...fields, ...typing }, denominators);
  const follow = (field: PreviewField) => (value: number | null | undefined) =>
    setPreview((current) => {
      const values = { ...(current.basedOn === savedKey ? current.values : {}) };
      if (value === undefined) delete values[field];
      else values[field] = value;
      return { basedOn: savedKey, values };
    });
  const unitName = t(`catalogue:units.${point.unit}`);
  const nameKey = pointNameKey(kpi.id, point.id);
  const pointName = nameKey ? t(`catalogue:${nameKey}`) : null;

  const conflictOf = (field: ValueField, label: string) => {
    const state = view?.fields[field];
    if (!state?.conflict) return null;
    return <ConflictPanel field={field} fieldLabel={label} candidates={state.candidates} onChoose={(value) => onCommit(field, value)} />;
  };
  const issuesOf = (field: ValueField) => issues.filter((issue) => issue.field === field);

  const numberInput = (field: PreviewField, label: string, extra: { description?: string; unit?: string } = {}) => (
    <div className="entry-field" data-field={field}>
      <NumberField
        label={label}
        value={numberOf(fields[field])}
        onCommit={(value) => onCommit(field, value)}
        onInput={follow(field)}
        {...extra}
      />
      <IssueList issues={issuesOf(field)} />
      {conflictOf(field, label)}
    </div>
  );

  const textInput = (field: ValueField, label: string, multiline = false, suggestions: readonly string[] = []) => (
    <div className="entry-field" data-field={field}>
      <CommitTextField
        label={label}
        value={textOf(fields[field])}
        multiline={multiline}
        suggestions={suggestions}
        onCommit={(value) => onCommit(field, value === '' ? null : value)}
      />
      <IssueList issues={issuesOf(field)} />
      {conflictOf(field, label)}
    </div>
  );

  const selectInput = (field: ValueField, label: string, noneLabel: string, options: readonly { id: string; label: string }[]) => (
    <div className="entry-field" data-field={field}>
      <OptionSelect
        label={label}
        noneLabel={noneLabel}
        options={options}
        value={typeof fields[field] === 'string' ? (fields[field] as string) : null}
        onChange={(value) => onCommit(field, value)}
      />
      <IssueList issues={issuesOf(field)} />
      {conflictOf(field, label)}
    </div>
  );

  const { computation } = point;
  const profileDenominator = computation.kind === 'ratio' && computation.denominator !== 'entered' ? computation.denominator : null;
  const denominatorHint = profileDenominator
    ? denominators[profileDenominator] === null
      ? t(`entry:point.denominatorProfileMissing.${profileDenominator}`)
      : t(`entry:point.denominatorFromProfile.${profileDenominator}`, {
          value: formatLocaleNumber(denominators[profileDenominator]!, locale),
        })
    : undefined;

  return (
    <fieldset className="entry-point card stack" data-point-id={point.id}>
      {/* A single-value KPI's group is named by the KPI, already the page heading: named for assistive technology only. */}
      <legend className={pointName ? 'entry-point__legend' : 'visually-hidden'}>
        {pointName ? t('entry:point.heading', { name: pointName }) : t(`catalogue:kpi.${kpi.id}.name`)}
      </legend>

      {computation.kind === 'ratio' ? (
        <div className="form-grid">
          {numberInput('numerator', t('entry:point.numerator'))}
          {numberInput('denominator', t('entry:point.denominator'), denominatorHint ? { description: denominatorHint } : {})}
          <div className="entry-field entry-computed" data-override={computed.kind === 'override' || undefined}>
            <span className="field-label" id={`computed-${kpi.id}-${point.id}`}>
              {t('entry:point.computed')}
            </span>
            <output
              className="entry-computed__value numeric"
              aria-labelledby={`computed-${kpi.id}-${point.id}`}
              aria-live="polite"
              data-missing={computed.kind === 'missing' || undefined}
            >
              {computed.kind === 'computed' || computed.kind === 'override'
                ? `${formatLocaleNumber(computed.value, locale, displayPrecision(computed.value))} ${unitName}`
                : t('entry:point.computedMissing')}
            </output>
            {computed.kind === 'override' ? <span className="badge badge-warning entry-override">{t('entry:point.override')}</span> : null}
          </div>
          {numberInput('directValue', t('entry:point.directValue'), { description: t('entry:point.directValueHint'), unit: unitName })}
        </div>
      ) : null}

      {computation.kind === 'direct' ? <div className="form-grid">{numberInput('directValue', t('entry:point.value'), { unit: unitName })}</div> : null}

      {computation.kind === 'choice' ? (
        <div className="entry-field" data-field="choice">
          <RadioGroup
            className="field entry-choice"
            orientation="horizontal"
            value={typeof fields.choice === 'string' ? fields.choice : null}
            onChange={(value) => {
              if (value !== fields.choice) onCommit('choice', value);
            }}
          >
            <Label className="field-label">{t('entry:point.choice')}</Label>
            <div className="cluster">
              {computation.options.map((option) => (
                <Radio key={option} value={option} className="entry-choice__option">
                  {t(`catalogue:choices.${option}`)}
                </Radio>
              ))}
            </div>
          </RadioGroup>
          <IssueList issues={issuesOf('choice')} />
          {conflictOf('choice', t('entry:point.choice'))}
        </div>
      ) : null}

      <div className="form-grid">
        <div className="entry-field" data-field="dataYear">
          <NumberField
            label={t('entry:point.dataYear')}
            value={numberOf(fields.dataYear)}
            formatValue={(value) => String(value)}
            refuse={(value) =>
              Number.isInteger(value) && value >= MIN_YEAR && value <= MAX_YEAR ? null : t('entry:point.dataYearInvalid')
            }
            onCommit={(value) => onCommit('dataYear', value)}
          />
          <IssueList issues={issuesOf('dataYear')} />
          {conflictOf('dataYear', t('entry:point.dataYear'))}
        </div>
        {selectInput(
          'status',
          t('entry:point.status'),
          t('entry:point.none'),
          VALUE_STATUSES.map((status) => ({ id: status, label: t(`entry:point.statuses.${status}`) })),
        )}
        {selectInput(
          'quality',
          t('entry:point.quality'),
          t('entry:point.none'),
          QUALITY_LEVELS.map((level) => ({ id: level, label: t(`entry:point.qualities.${level}`) })),
        )}
        {selectInput(
          'origin',
          t('entry:point.origin'),
          t('entry:point.none'),
          DATA_ORIGINS.map((origin) => ({ id: origin, label: t(`entry:point.origins.${origin}`) })),
        )}
        {textInput('department', t('entry:point.department'), false, departments)}
      </div>
      {textInput('source', t('entry:point.source'), true)}
      {textInput('note', t('entry:point.note'), true)}
      <div className="entry-field" data-field="evidence">
        <EvidenceList
          field={view?.fields.evidence}
          target={pointName ?? t(`catalogue:kpi.${kpi.id}.name`)}
          onChange={(value) => onCommit('evidence', value)}
        />
        {conflictOf('evidence', t('entry:evidence.heading'))}
      </div>
      {/* Findings about the point as a whole, or about a field this kind of point does not show. */}
      <IssueList
        issues={issues.filter(
          (issue) => issue.field === undefined || !(FIELDS_BY_COMPUTATION[computation.kind] as readonly string[]).includes(issue.field),
        )}
      />
    </fieldset>
  );
}
