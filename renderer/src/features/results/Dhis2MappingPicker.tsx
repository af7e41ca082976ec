import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { DEFAULT_CATALOGUE_ID, getCatalogue } from '../../../../core/catalogue/index.ts';
import { Dhis2MappingError, defaultDhis2Mapping, parseDhis2Mapping, type Dhis2Mapping } from '../../../../core/exports/index.ts';
import { useFormatNumber } from '../../i18n/index.ts';
import { describeError } from '../sync/describe-error.ts';
import { pick, saveBytes } from '../sync/files.ts';

/** A mapping lists at most 10,000 entries of a few hundred characters each. */
const MAX_MAPPING_BYTES = 4 * 1024 * 1024;

export interface ChosenMapping {
  readonly fileName: string;
  readonly mapping: Dhis2Mapping;
}

export interface Dhis2MappingPickerProps {
  /** null: data elements generated from the KPI codes. */
  readonly chosen: ChosenMapping | null;
  readonly onChange: (chosen: ChosenMapping | null) => void;
}

class MappingFileError extends Error {
  constructor(readonly where: string | null) {
    super(where === null ? 'not JSON' : `not a DHIS2 mapping at ${where}`);
  }
}

function readMapping(bytes: Uint8Array): Dhis2Mapping {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new MappingFileError(null);
  }
  try {
    return parseDhis2Mapping(json);
  } catch (error) {
    if (error instanceof Dhis2MappingError) throw new MappingFileError(error.message);
    throw error;
  }
}

/**
 * Which DHIS2 data elements the values go to: the codes generated from the KPI codes, or an office's own
 * mapping file. The generated mapping can be saved as a starting point for writing one.
 */
export function Dhis2MappingPicker({ chosen, onChange }: Dhis2MappingPickerProps) {
  const { t } = useTranslation(['results', 'sync', 'common', 'bundle']);
  const format = useFormatNumber();
  const [problem, setProblem] = useState<string | null>(null);
  const filter = { name: t('results:export.mapping.filter'), extensions: ['json'] };

  const choose = async () => {
    setProblem(null);
    try {
      const file = await pick([filter], MAX_MAPPING_BYTES);
      if (file !== null) onChange({ fileName: file.name, mapping: readMapping(file.bytes) });
    } catch (error) {
      if (error instanceof MappingFileError) {
        setProblem(error.where === null ? t('results:export.mapping.notJson') : t('results:export.mapping.invalid', { where: error.where }));
      } else {
        setProblem(describeError(error, t));
      }
    }
  };

  const saveGenerated = async () => {
    setProblem(null);
    try {
      const generated = defaultDhis2Mapping(getCatalogue(DEFAULT_CATALOGUE_ID)!);
      await saveBytes('citykpi-dhis2-mapping.json', new TextEncoder().encode(`${JSON.stringify(generated, null, 2)}\n`), filter);
    } catch (error) {
      setProblem(describeError(error, t));
    }
  };

  return (
    <section className="stack-tight" aria-labelledby="dhis2-mapping-title">
      <h3 id="dhis2-mapping-title">{t('results:export.mapping.title')}</h3>
      <p>
        {chosen === null
          ? t('results:export.mapping.fromCodes')
          : t('results:export.mapping.fromFile', { name: chosen.fileName, entries: format(chosen.mapping.dataElements.length) })}
      </p>
      <div className="cluster">
        <Button className="button button-secondary" onPress={() => void choose()}>
          {t('results:export.mapping.choose')}
        </Button>
        {chosen !== null ? (
          <Button className="button button-secondary" onPress={() => onChange(null)}>
            {t('results:export.mapping.useCodes')}
          </Button>
        ) : null}
        <Button className="button button-secondary" onPress={() => void saveGenerated()}>
          {t('results:export.mapping.saveGenerated')}
        </Button>
      </div>
      <div aria-live="polite">{problem !== null ? <p className="notice notice-danger">{problem}</p> : null}</div>
    </section>
  );
}
