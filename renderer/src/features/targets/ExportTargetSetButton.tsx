import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { DEFAULT_CATALOGUE_ID, getCatalogue } from '../../../../core/catalogue/index.ts';
import { targetSetToCsv } from '../../../../core/targets/csv.ts';
import type { TargetSet } from '../../../../core/targets/types.ts';
import { isolate } from '../../i18n/index.ts';
import { describeError } from '../sync/describe-error.ts';
import { fileStem, saveBytes } from '../sync/files.ts';

/** The set as `kpi,data_point,target,direction,source,note`, the same columns the import reads. */
export function ExportTargetSetButton({ set, label }: { readonly set: TargetSet; readonly label: string }) {
  const { t } = useTranslation(['targets', 'sync', 'common', 'bundle']);
  const [failure, setFailure] = useState<string>();
  const save = async () => {
    setFailure(undefined);
    try {
      const catalogue = getCatalogue(set.catalogueId) ?? getCatalogue(DEFAULT_CATALOGUE_ID)!;
      const bytes = new TextEncoder().encode(targetSetToCsv(set, catalogue));
      await saveBytes(`${fileStem(set.name)}.csv`, bytes, { name: t('targets:csvFilter'), extensions: ['csv'] });
    } catch (error) {
      setFailure(describeError(error, t));
    }
  };
  return (
    <>
      <Button className="button button-secondary button-small" onPress={() => void save()}>
        {t('targets:export.button')}
        <span className="visually-hidden"> {isolate(label)}</span>
      </Button>
      {failure ? <span className="notice notice-danger">{failure}</span> : null}
    </>
  );
}
