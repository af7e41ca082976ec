import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { DEFAULT_CATALOGUE_ID, getCatalogue } from '../../../../core/catalogue/index.ts';
import { defaultDhis2Mapping, valuesToCsv, valuesToDhis2, valuesToSdmxCsv, valuesToXlsx, type ExportLabels } from '../../../../core/exports/index.ts';
import { exportValuesOf } from '../../data/index.ts';
import { useFormatNumber } from '../../i18n/index.ts';
import { describeError } from '../sync/describe-error.ts';
import { saveBytes } from '../sync/files.ts';
import { Dhis2MappingPicker, type ChosenMapping } from './Dhis2MappingPicker.tsx';

const FORMATS = ['csv', 'xlsx', 'sdmx', 'dhis2'] as const;
type Format = (typeof FORMATS)[number];

const EXTENSIONS: Readonly<Record<Format, string>> = { csv: 'csv', xlsx: 'xlsx', sdmx: 'csv', dhis2: 'json' };
const SUFFIXES: Readonly<Record<Format, string>> = { csv: '', xlsx: '', sdmx: '-sdmx', dhis2: '-dhis2' };

export interface ExportButtonsProps {
  readonly assessmentIds: readonly string[];
  /** The file name without its extension. */
  readonly fileStem: string;
}

interface Outcome {
  readonly ok: boolean;
  readonly text: string;
}

/** The standard exports of the values (not the scores): CSV, the U4SSC-like XLSX, SDMX-CSV and DHIS2 dataValueSets. */
export function ExportButtons({ assessmentIds, fileStem }: ExportButtonsProps) {
  const { t, i18n } = useTranslation(['results', 'catalogue', 'sync', 'common', 'bundle']);
  const format = useFormatNumber();
  const [busy, setBusy] = useState<Format | null>(null);
  const [outcome, setOutcome] = useState<Outcome>();
  const [dhis2Mapping, setDhis2Mapping] = useState<ChosenMapping | null>(null);

  const labels: ExportLabels = {
    dimension: (id) => t(`catalogue:dimensions.${id}`),
    kpi: (id) => t(`catalogue:kpi.${id}.name`),
    point: (kpiId, pointId) => t(`catalogue:points.${kpiId}.${pointId}`),
    unit: (id) => t(`catalogue:units.${id}`),
    column: (id) => t(`catalogue:exportColumns.${id}`),
  };

  const build = async (kind: Format): Promise<{ bytes: Uint8Array; note: string | null }> => {
    const values = await exportValuesOf(assessmentIds);
    const encode = (text: string) => new TextEncoder().encode(text);
    switch (kind) {
      case 'csv':
        return { bytes: encode(valuesToCsv(values)), note: null };
      case 'sdmx':
        return { bytes: encode(valuesToSdmxCsv(values)), note: null };
      case 'xlsx':
        return { bytes: await valuesToXlsx(values, { labels, rightToLeft: i18n.dir() === 'rtl' }), note: null };
      case 'dhis2': {
        const exported = valuesToDhis2(values, dhis2Mapping?.mapping ?? defaultDhis2Mapping(getCatalogue(DEFAULT_CATALOGUE_ID)!));
        const note = exported.unmapped.length > 0 ? t('results:export.unmapped', { unmapped: format(exported.unmapped.length) }) : null;
        return { bytes: encode(`${JSON.stringify(exported.dataValueSet, null, 2)}\n`), note };
      }
    }
  };

  const save = async (kind: Format) => {
    setBusy(kind);
    setOutcome(undefined);
    try {
      const { bytes, note } = await build(kind);
      const name = await saveBytes(`${fileStem}${SUFFIXES[kind]}.${EXTENSIONS[kind]}`, bytes, {
        name: t(`results:export.filter.${kind}`),
        extensions: [EXTENSIONS[kind]],
      });
      if (name !== null) setOutcome({ ok: true, text: [t('results:export.saved', { name }), note].filter(Boolean).join(' ') });
    } catch (error) {
      setOutcome({ ok: false, text: describeError(error, t) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="stack-tight no-print" aria-labelledby="export-title">
      <h2 id="export-title">{t('results:export.title')}</h2>
      <p className="muted">{t('results:export.intro')}</p>
      <div className="cluster">
        {FORMATS.map((kind) => (
          <Button key={kind} className="button button-secondary" isDisabled={busy !== null} onPress={() => void save(kind)}>
            {t(`results:export.button.${kind}`)}
          </Button>
        ))}
      </div>
      <div aria-live="polite">{outcome ? <p className={outcome.ok ? 'notice' : 'notice notice-danger'}>{outcome.text}</p> : null}</div>
      <Dhis2MappingPicker chosen={dhis2Mapping} onChange={setDhis2Mapping} />
    </section>
  );
}
