import { ProgressBar } from 'react-aria-components';

/** A labelled progress bar for a long step (encrypting, sending). */
export function WorkProgress({ label, fraction }: { readonly label: string; readonly fraction: number }) {
  return (
    <ProgressBar className="field" value={Math.round(fraction * 100)} aria-label={label}>
      {({ percentage }) => (
        <>
          <span className="field-label">{label}</span>
          <div className="progress">
            <div className="progress-fill" style={{ inlineSize: `${percentage ?? 0}%` }} />
          </div>
        </>
      )}
    </ProgressBar>
  );
}
