import type { ReactNode } from 'react';
import { Button } from 'react-aria-components';

interface KeyFormActionsProps {
  readonly failure: string | undefined;
  readonly working: boolean;
  readonly submitLabel: string;
  readonly workingLabel: string;
  /** Further buttons after the submit button. */
  readonly children?: ReactNode;
}

/** The end of a device-key form: a failure that is not about one field, read out at once, then the buttons. */
export function KeyFormActions({ failure, working, submitLabel, workingLabel, children }: KeyFormActionsProps) {
  return (
    <>
      {failure ? (
        <p className="notice notice-danger" role="alert">
          {failure}
        </p>
      ) : null}
      <div className="cluster">
        <Button type="submit" className="button" isDisabled={working}>
          {working ? workingLabel : submitLabel}
        </Button>
        {children}
      </div>
    </>
  );
}
