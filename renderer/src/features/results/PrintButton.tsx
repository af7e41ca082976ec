import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { getBridge } from '../../bridge/index.ts';

export interface PrintButtonProps {
  /** Offered in the save dialog, without the extension. */
  readonly fileStem: string;
}

/** Print or save as PDF: Electron writes the PDF itself; a browser opens its print dialog. */
export function PrintButton({ fileStem }: PrintButtonProps) {
  const { t } = useTranslation('results');
  const [outcome, setOutcome] = useState<{ readonly ok: boolean; readonly text: string }>();
  const print = async () => {
    setOutcome(undefined);
    try {
      const result = await getBridge().printToPdf({
        suggestedName: `${fileStem}.pdf`,
        filters: [{ name: t('print.pdfFilter'), extensions: ['pdf'] }],
        pageSize: 'A4',
        landscape: false,
      });
      if (!result.ok) setOutcome({ ok: false, text: t('print.failed') });
      else if (result.value) setOutcome({ ok: true, text: t('print.saved', { name: result.value.name }) });
    } catch {
      setOutcome({ ok: false, text: t('print.failed') });
    }
  };
  return (
    <div className="stack-tight no-print">
      <Button className="button" onPress={() => void print()}>
        {t('print.button')}
      </Button>
      <div aria-live="polite">{outcome ? <p className={outcome.ok ? 'notice' : 'notice notice-danger'}>{outcome.text}</p> : null}</div>
    </div>
  );
}
