import { useState } from 'react';
import { Button, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { deleteAssessment } from '../../data/index.ts';
import type { AssessmentView } from '../../data/types.ts';
import { isolate } from '../../i18n/index.ts';

/** Deleting asks first: the dialog names the city and year, and Cancel has the initial focus. */
export function DeleteAssessmentButton({ assessment }: { readonly assessment: AssessmentView }) {
  const { t } = useTranslation('common');
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  const names = { city: isolate(assessment.city.name), year: assessment.year };
  return (
    <DialogTrigger onOpenChange={() => setFailed(false)}>
      <Button className="button button-secondary button-small">
        {t('home.list.delete')}
        <span className="visually-hidden"> {t('home.list.deleteTarget', names)}</span>
      </Button>
      <ModalOverlay className="modal-overlay" isDismissable={!busy}>
        <Modal className="modal">
          <Dialog className="dialog" role="alertdialog">
            {({ close }) => (
              <>
                <Heading slot="title">{t('home.delete.title', names)}</Heading>
                <p>{assessment.demo ? t('home.delete.bodyDemo') : t('home.delete.body')}</p>
                {failed ? (
                  <p className="notice notice-danger" role="alert">
                    {t('home.delete.failed')}
                  </p>
                ) : null}
                <div className="dialog-actions">
                  <Button className="button button-secondary" onPress={close} autoFocus isDisabled={busy}>
                    {t('action.cancel')}
                  </Button>
                  <Button
                    className="button button-danger"
                    isDisabled={busy}
                    onPress={async () => {
                      setBusy(true);
                      try {
                        await deleteAssessment(assessment.id);
                        close();
                      } catch {
                        setFailed(true);
                      } finally {
                        setBusy(false);
                      }
                    }}
                  >
                    {t('home.delete.confirm')}
                  </Button>
                </div>
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
