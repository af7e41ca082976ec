import { useState, type ReactNode } from 'react';
import { Checkbox, Label, Radio, RadioGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { pointNameKey } from '../../../../core/catalogue/index.ts';
import type { DataPointDefinition, KpiDefinition } from '../../../../core/catalogue/types.ts';
import { computePointValue, type Denominators, type PointFields } from '../../../../core/compute/index.ts';
import { formatLocaleNumber } from '../../../../core/numbers/index.ts';
import { DATA_ORIGINS, QUALITY_LEVELS, type ValueField } from '../../../../core/revisions/fields.ts';
import type { PointStatus } from '../../../../core/status/index.ts';
import type { FieldValue, ValueView } from '../../data/types.ts';
import { NumberField } from '../../ui/number-field/index.ts';
import { CommitTextField } from '../../ui/text-field/CommitTextField.tsx';
import { ComputedResult } from './ComputedResult.tsx';
import { ConflictPanel } from './ConflictPanel.tsx';
import { EvidenceList } from './EvidenceList.tsx';
import { FieldSaveStatus } from './FieldSaveStatus.tsx';
import { useFieldSaves } from './field-saves.ts';
import { numberOf, plainFields, textOf } from './field-values.ts';
import { IssueList } from './IssueList.tsx';
import { useKpiHelp, type HelpField } from './kpi-help.ts';
import { OptionSelect } from '../../ui/option-select/OptionSelect.tsx';
import { StatusBadge } from './StatusBadge.tsx';

export interface PointEntryProps {
  readonly kpi: KpiDefinition;
  readonly point: DataPointDefinition;
  readonly view: ValueView | undefined;
  readonly denominators: Denominators;
  /** The point's status with its errors and warnings (core/status). */
  readonly status: PointStatus;
  /** Writes one field; rejects when nothing was stored. */
  readonly onCommit: (field: ValueField, value: FieldValue) => Promise<unknown>;
  /** Departments already named in this assessment, offered while typing so that the department filter groups them. */
  readonly departments: readonly string[];
  /** Fields typed once above for all the KPI's data points, so not asked again here. */
  readonly enteredOnce?: readonly ValueField[];
}

type PreviewField = 'numerator' | 'denominator' | 'directValue';

/** Numbers being typed, for the live computed value; only valid while the saved values they were typed over hold. */
interface Preview {
  readonly basedOn: string;
  readonly values: Readonly<Partial<Record<PreviewField, number | null>>>;
}

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;
const PERCENT_UNITS = new Set(['percent', 'percentOfGdp']);

const COMMON_FIELDS: readonly ValueField[] = ['dataYear', 'status', 'quality', 'origin', 'department', 'source', 'note'];
const FIELDS_BY_COMPUTATION: Readonly<Record<DataPointDefinition['computation']['kind'], readonly ValueField[]>> = {
  ratio: ['numerator', 'denominator', 'directValue', ...COMMON_FIELDS],
  direct: ['directValue', ...COMMON_FIELDS],
  choice: ['choice', ...COMMON_FIELDS],
};

/** Every field of one data point; each change is handed to onCommit as soon as the participant commits it. */
export function PointEntry({ kpi, point, view, denominators, status, onCommit, departments, enteredOnce = [] }: PointEntryProps) {
  const { t, i18n } = useTranslation(['entry', 'catalogue']);
  const locale = i18n.language;
  const help = useKpiHelp(kpi);
  const saves = useFieldSaves();
  const fields: PointFields = plainFields(view);
  const savedKey = JSON.stringify([fields.numerator, fields.denominator, fields.directValue]);
  const [preview, setPreview] = useState<Preview>({ basedOn: savedKey, values: {} });
  const typing = preview.basedOn === savedKey ? preview.values : {};
  const shown = { ...fields, ...typing };
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
  const issues = [...status.errors, ...status.warnings];
  const draftKey = (field: ValueField) => `${view?.recordId ?? `${kpi.id}:${point.id}`}:${field}`;

  const save = (field: ValueField, value: FieldValue): Promise<boolean> =>
    saves.track(field, onCommit(field, value), view?.fields[field]?.conflict ? 'resolved' : 'saved');

  const conflictOf = (field: ValueField, label: string) => {
    const state = view?.fields[field];
    if (!state?.conflict) return null;
    return <ConflictPanel field={field} fieldLabel={label} candidates={state.candidates} onChoose={(value) => save(field, value)} />;
  };
  const issuesOf = (field: ValueField) => issues.filter((issue) => issue.field === field);

  /** A field with its findings, its conflict and its own save status, in that order under it; none for a field typed once for all points. */
  const fieldBox = (field: ValueField, label: string, control: ReactNode, wide = false) =>
    enteredOnce.includes(field) ? null : (
      <div className={wide ? 'entry-field entry-field--wide' : 'entry-field'} data-field={field}>
        {control}
        <FieldSaveStatus saves={saves} field={field} />
        <IssueList issues={issuesOf(field)} />
        {conflictOf(field, label)}
      </div>
    );

  const labelled = (role: string, field: HelpField) => {
    const what = help.fieldText(point.id, field);
    return what ? t('entry:point.fieldOf', { role, what }) : role;
  };

  const numberInput = (field: PreviewField, label: string, extra: { description?: string; unit?: string; percent?: boolean } = {}) =>
    fieldBox(
      field,
      label,
      <NumberField
        label={label}
        value={numberOf(fields[field])}
        onCommit={(value) => save(field, value)}
        onInput={follow(field)}
        draftKey={draftKey(field)}
        onProblemChange={(problem) => saves.refused(field, problem)}
        {...extra}
      />,
    );

  const textInput = (field: ValueField, label: string, multiline = false, suggestions: readonly string[] = []) =>
    fieldBox(
      field,
      label,
      <CommitTextField
        label={label}
        value={textOf(fields[field])}
        multiline={multiline}
        suggestions={suggestions}
        onCommit={(value) => save(field, value === '' ? null : value)}
      />,
      multiline,
    );

  const selectInput = (field: ValueField, label: string, options: readonly { id: string; label: string }[]) =>
    fieldBox(
      field,
      label,
      <OptionSelect
        label={label}
        noneLabel={t('entry:point.none')}
        options={options}
        value={typeof fields[field] === 'string' ? (fields[field] as string) : null}
        onChange={(value) => void save(field, value)}
      />,
    );

  const { computation } = point;
  const isPercent = PERCENT_UNITS.has(point.unit) || (computation.kind === 'ratio' && computation.scale === 100);
  const profileDenominator = computation.kind === 'ratio' && computation.denominator !== 'entered' ? computation.denominator : null;
  const denominatorHint = profileDenominator
    ? denominators[profileDenominator] === null
      ? t(`entry:point.denominatorProfileMissing.${profileDenominator}`)
      : t(`entry:point.denominatorFromProfile.${profileDenominator}`, {
          value: formatLocaleNumber(denominators[profileDenominator]!, locale),
        })
    : undefined;
  const declared = fields.status === 'notReported';
  const pointHelp = help.pointHelp(point.id);

  return (
    <fieldset className="entry-point card stack" data-point-id={point.id} data-status={status.status}>
      {/* A single-value KPI's group is named by the KPI, already the page heading: named for assistive technology only. */}
      <legend className={pointName ? 'entry-point__legend' : 'visually-hidden'}>
        {pointName ? t('entry:point.heading', { name: pointName }) : t(`catalogue:kpi.${kpi.id}.name`)}
      </legend>
      <div className="entry-point__status cluster">
        <span className="field-label">{t('entry:point.status')}</span>
        <StatusBadge status={status.status} />
      </div>
      {pointHelp ? <p className="entry-point__help">{pointHelp}</p> : null}

      {computation.kind === 'ratio' ? (
        <div className="form-grid">
          {numberInput('numerator', labelled(t('entry:point.numerator'), 'numerator'))}
          {numberInput('denominator', labelled(t('entry:point.denominator'), 'denominator'), denominatorHint ? { description: denominatorHint } : {})}
          {numberInput('directValue', t('entry:point.directValue'), { description: t('entry:point.directValueHint'), unit: unitName, percent: isPercent })}
          <ComputedResult
            id={`computed-${kpi.id}-${point.id}`}
            ratio={computePointValue(point, { ...shown, directValue: null }, denominators)}
            direct={numberOf(shown.directValue)}
            unitName={unitName}
          />
        </div>
      ) : null}

      {computation.kind === 'direct' ? (
        <div className="form-grid">
          {numberInput('directValue', labelled(t('entry:point.value'), 'value'), { unit: unitName, percent: isPercent })}
        </div>
      ) : null}

      {computation.kind === 'choice'
        ? fieldBox(
            'choice',
            t('entry:point.choice'),
            <RadioGroup
              className="field entry-choice"
              orientation="horizontal"
              value={typeof fields.choice === 'string' ? fields.choice : null}
              onChange={(value) => {
                if (value !== fields.choice) void save('choice', value);
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
            </RadioGroup>,
          )
        : null}

      <div className="form-grid">
        {fieldBox(
          'dataYear',
          t('entry:point.dataYear'),
          <NumberField
            label={t('entry:point.dataYear')}
            value={numberOf(fields.dataYear)}
            formatValue={(value) => String(value)}
            refuse={(value) => (Number.isInteger(value) && value >= MIN_YEAR && value <= MAX_YEAR ? null : t('entry:point.dataYearInvalid'))}
            onCommit={(value) => save('dataYear', value)}
            draftKey={draftKey('dataYear')}
            onProblemChange={(problem) => saves.refused('dataYear', problem)}
          />,
        )}
        {selectInput(
          'quality',
          t('entry:point.quality'),
          QUALITY_LEVELS.map((level) => ({ id: level, label: t(`entry:point.qualities.${level}`) })),
        )}
        {selectInput(
          'origin',
          t('entry:point.origin'),
          DATA_ORIGINS.map((origin) => ({ id: origin, label: t(`entry:point.origins.${origin}`) })),
        )}
        {textInput('department', t('entry:point.department'), false, departments)}
      </div>
      {textInput('source', t('entry:point.source'), true)}
      {textInput('note', t('entry:point.note'), true)}
      {fieldBox(
        'status',
        t('entry:point.declareNotReported'),
        <Checkbox className="checkbox" isSelected={declared} onChange={(checked) => void save('status', checked ? 'notReported' : null)}>
          {t('entry:point.declareNotReported')}
        </Checkbox>,
      )}
      <div className="entry-field" data-field="evidence">
        <EvidenceList
          field={view?.fields.evidence}
          target={pointName ?? t(`catalogue:kpi.${kpi.id}.name`)}
          onChange={(value) => save('evidence', value)}
        />
        <FieldSaveStatus saves={saves} field="evidence" />
        {conflictOf('evidence', t('entry:evidence.heading'))}
      </div>
      {/* Findings about the point as a whole, or about a field this kind of point does not show. */}
      <IssueList
        issues={issues.filter(
          (issue) =>
            issue.field === undefined ||
            enteredOnce.includes(issue.field as ValueField) ||
            !(FIELDS_BY_COMPUTATION[computation.kind] as readonly string[]).includes(issue.field),
        )}
      />
    </fieldset>
  );
}
