import { describe, expect, it } from 'vitest';
import { COMMANDS, globalUsage, main } from '../../cli/main.ts';
import { InputError, UsageError, type Command, type Io } from '../../cli/io.ts';

function recordingIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (text) => void out.push(text), err: (text) => void err.push(text), cwd: '/nowhere' };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

function commandThrowing(error: unknown): Command {
  return {
    name: 'probe',
    usage: 'citykpi probe <file>\n\nReads a file.',
    run: () => {
      throw error;
    },
  };
}

describe('citykpi dispatch and exit codes', () => {
  it('lists every registered command in the global usage', () => {
    for (const command of COMMANDS) expect(globalUsage()).toContain(`citykpi ${command.name}`);
  });

  it('passes the arguments after the command name and returns its exit code', async () => {
    const seen: (readonly string[])[] = [];
    const echo: Command = { name: 'echo', usage: 'citykpi echo', run: (args) => (seen.push(args), 0) };
    const { io } = recordingIo();
    expect(await main(['echo', 'a', '--b'], io, [echo])).toBe(0);
    expect(seen).toEqual([['a', '--b']]);
  });

  it('reports invalid input as exit 1 with exactly one line `citykpi: E_CODE: message`', async () => {
    const { io, stdout, stderr } = recordingIo();
    const code = await main(['probe', 'x'], io, [commandThrowing(new InputError('E_BAD_FILE', 'not a bundle:\n  bad header'))]);
    expect(code).toBe(1);
    expect(stdout()).toBe('');
    expect(stderr()).toBe('citykpi: E_BAD_FILE: not a bundle: bad header\n');
  });

  it('reports a usage error as exit 2 followed by the command usage', async () => {
    const { io, stderr } = recordingIo();
    expect(await main(['probe'], io, [commandThrowing(new UsageError('a file is required'))])).toBe(2);
    expect(stderr()).toBe('citykpi: E_USAGE: a file is required\n\ncitykpi probe <file>\n\nReads a file.\n');
  });

  it('reports an unexpected failure as exit 3 on one line, without a stack trace', async () => {
    const { io, stderr } = recordingIo();
    expect(await main(['probe'], io, [commandThrowing(new TypeError('boom'))])).toBe(3);
    expect(stderr()).toBe('citykpi: E_INTERNAL: boom\n');
  });

  it('prints help for `help <command>` and `<command> -h`, but treats -h after -- as data', async () => {
    const probe = commandThrowing(new InputError('E_RAN', 'ran'));
    const first = recordingIo();
    expect(await main(['help', 'probe'], first.io, [probe])).toBe(0);
    expect(first.stdout()).toBe('citykpi probe <file>\n\nReads a file.\n');
    const second = recordingIo();
    expect(await main(['probe', '-h'], second.io, [probe])).toBe(0);
    const third = recordingIo();
    expect(await main(['probe', '--', '-h'], third.io, [probe])).toBe(1);
  });
});
