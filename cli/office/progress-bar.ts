/**
 * A one-line progress bar for long runs, drawn on standard error only when it is a terminal, so logs
 * and pipes get clean per-item lines on standard output instead of carriage returns.
 */
export interface ProgressBar {
  update(done: number, label: string): void;
  /** Clears the bar so the next line starts clean. */
  finish(): void;
}

const WIDTH = 24;

export function progressBar(write: ((text: string) => void) | null, total: number): ProgressBar {
  if (!write || total === 0) return { update: () => undefined, finish: () => undefined };
  let drawn = false;
  return {
    update(done, label) {
      const filled = Math.round((done / total) * WIDTH);
      const name = label.length > 40 ? `…${label.slice(-39)}` : label;
      write(`\r\x1b[2K[${'#'.repeat(filled)}${' '.repeat(WIDTH - filled)}] ${done}/${total} ${name}`);
      drawn = true;
    },
    finish() {
      if (drawn) write('\r\x1b[2K');
      drawn = false;
    },
  };
}
