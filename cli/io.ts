/**
 * What every citykpi command shares: the exit-code contract, the two error kinds and the streams.
 *
 * Exit codes are stable, scripts depend on them:
 *   0  success
 *   1  invalid input: exactly one line on stderr, `citykpi: E_CODE: message`
 *   2  usage error: `citykpi: E_USAGE: reason`, a blank line, then the usage text, on stderr
 *   3  internal failure (a bug or an unreadable installation): one line on stderr, like 1
 */

export const EXIT_OK = 0;
export const EXIT_INVALID_INPUT = 1;
export const EXIT_USAGE = 2;
export const EXIT_INTERNAL = 3;

export type ExitCode = typeof EXIT_OK | typeof EXIT_INVALID_INPUT | typeof EXIT_USAGE | typeof EXIT_INTERNAL;

export interface Io {
  /** Writes text to standard output exactly as given. */
  readonly out: (text: string) => void;
  /** Writes text to standard error exactly as given. */
  readonly err: (text: string) => void;
  /** Directory that relative paths in arguments are resolved against. */
  readonly cwd: string;
  /** True when standard error is a terminal: progress may be drawn there. */
  readonly errIsTerminal?: boolean;
}

export interface Command {
  /** The word after `citykpi`. */
  readonly name: string;
  /** Synopsis line first, then option lines; printed for --help and usage errors. */
  readonly usage: string;
  readonly run: (args: readonly string[], io: Io) => Promise<ExitCode> | ExitCode;
}

/** Bad data or a bad file: the user must fix the input, not the command line. `code` is `E_` + UPPER_SNAKE. */
export class InputError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}

/** A command line that cannot be run as typed. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Collapses a message onto one line so that the one-line stderr contract holds for any text. */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

export function errorLine(code: string, message: string): string {
  return `citykpi: ${code}: ${oneLine(message)}\n`;
}

/** Turns anything a command threw into its exit code and stderr text; never prints a stack trace. */
export function reportFailure(error: unknown, usage: string, io: Io): ExitCode {
  if (error instanceof InputError) {
    io.err(errorLine(error.code, error.message));
    return EXIT_INVALID_INPUT;
  }
  if (error instanceof UsageError || isParseArgsError(error)) {
    io.err(`${errorLine('E_USAGE', (error as Error).message)}\n${usage}\n`);
    return EXIT_USAGE;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.err(errorLine('E_INTERNAL', message));
  return EXIT_INTERNAL;
}

/** node:util parseArgs reports unknown options and missing values with these codes. */
function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}

export function processIo(): Io {
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    cwd: process.cwd(),
    errIsTerminal: process.stderr.isTTY === true,
  };
}
