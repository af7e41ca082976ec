import { useState, type ReactNode } from 'react';
import { Button, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';

export interface ConfirmButtonProps {
  /** The button's visible text, and what a screen reader hears after it (e.g. the name of the thing). */
  readonly label: string;
  readonly labelTarget: string;
  readonly title: string;
  readonly body: ReactNode;
  readonly confirmLabel: string;
  readonly cancelLabel: string;
  readonly failedText: string;
  readonly onConfirm: () => Promise<void>;
}

/** A destructive action that asks first; Cancel has the initial focus, and a failure is said in the dialog. */
export function ConfirmButton({ label, labelTarget, title, body, confirmLabel, cancelLabel, failedText, onConfirm }: ConfirmButtonProps) {
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  return (
    <DialogTrigger onOpenChange={() => setFailed(false)}>
      <Button className="button button-secondary button-small">
        {label}
        <span className="visually-hidden"> {labelTarget}</span>
      </Button>
      <ModalOverlay className="modal-overlay" isDismissable={!busy}>
        <Modal className="modal">
          <Dialog className="dialog" role="alertdialog">
            {({ close }) => (
              <>
                <Heading slot="title">{title}</Heading>
                <p>{body}</p>
                {failed ? (
                  <p className="notice notice-danger" role="alert">
                    {failedText}
                  </p>
                ) : null}
                <div className="dialog-actions">
                  <Button className="button button-secondary" onPress={close} autoFocus isDisabled={busy}>
                    {cancelLabel}
                  </Button>
                  <Button
                    className="button button-danger"
                    isDisabled={busy}
                    onPress={async () => {
                      setBusy(true);
                      try {
                        await onConfirm();
                        close();
                      } catch {
                        setFailed(true);
                      } finally {
                        setBusy(false);
                      }
                    }}
                  >
                    {confirmLabel}
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
