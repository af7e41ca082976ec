/** citykpi: dispatches the first argument to a command module. */
import { catalogueCommand } from './commands/catalogue.ts';
import { dbCommand } from './commands/db.ts';
import { demoCommand } from './commands/demo.ts';
import { exportCommand } from './commands/export.ts';
import { importTableCommand } from './commands/import-table.ts';
import { ingestCommand } from './commands/ingest.ts';
import { inspectCommand } from './commands/inspect.ts';
import { keygenCommand } from './commands/keygen.ts';
import { mergeCommand } from './commands/merge.ts';
import { trustCommand } from './commands/trust.ts';
import { quarantineCommand } from './commands/quarantine.ts';
import { scoreCommand } from './commands/score.ts';
import { serveCommand } from './commands/serve.ts';
import { valuesCommand } from './commands/values.ts';
import { verifyCommand } from './commands/verify.ts';
import { EXIT_OK, EXIT_USAGE, processIo, reportFailure, type Command, type ExitCode, type Io } from './io.ts';

/** Every command, in help order. A new command is one module under commands/ and one line here. */
export const COMMANDS: readonly Command[] = [
  catalogueCommand,
  demoCommand,
  keygenCommand,
  trustCommand,
  verifyCommand,
  inspectCommand,
  mergeCommand,
  valuesCommand,
  scoreCommand,
  exportCommand,
  importTableCommand,
  dbCommand,
  ingestCommand,
  quarantineCommand,
  serveCommand,
];

const HELP_FLAGS = new Set(['--help', '-h']);

export function globalUsage(commands: readonly Command[] = COMMANDS): string {
  const synopses = commands.map((command) => `  ${command.usage.split('\n')[0] ?? command.name}`);
  return [
    'Usage: citykpi <command> [options]',
    '',
    'Commands:',
    ...synopses,
    '',
    'Run `citykpi <command> --help` for the options of one command.',
    'Exit codes: 0 success, 1 invalid input, 2 usage error, 3 internal failure.',
  ].join('\n');
}

/** Options up to `--`: anything after it is data, even if it looks like --help. */
function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((arg) => HELP_FLAGS.has(arg));
}

export async function main(argv: readonly string[], io: Io, commands: readonly Command[] = COMMANDS): Promise<ExitCode> {
  const [name, ...args] = argv;
  const usage = globalUsage(commands);
  if (name === undefined) {
    io.err(`citykpi: E_USAGE: a command is required\n\n${usage}\n`);
    return EXIT_USAGE;
  }
  if (HELP_FLAGS.has(name) || name === 'help') {
    const topic = name === 'help' ? commands.find((command) => command.name === args[0]) : undefined;
    io.out(`${topic ? topic.usage : usage}\n`);
    return EXIT_OK;
  }
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    io.err(`citykpi: E_USAGE: unknown command '${name}'\n\n${usage}\n`);
    return EXIT_USAGE;
  }
  if (asksForHelp(args)) {
    io.out(`${command.usage}\n`);
    return EXIT_OK;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    return reportFailure(error, command.usage, io);
  }
}

/** Runs against the real process streams; the bin script's only call. */
export function runProcess(argv: readonly string[]): Promise<ExitCode> {
  return main(argv, processIo());
}
