/** Running citykpi in a scratch directory: as a real process through the bin script, or in process through the same dispatch. */
import { execFile } from 'node:child_process';
import { main } from '../../../cli/main.ts';

const bin = new URL('../../../cli/bin/citykpi.mjs', import.meta.url).pathname;

/** Exactly one line on stderr: `citykpi: E_CODE: message`. */
export const ERROR_LINE = /^citykpi: E_[A-Z_]+: [^\n]+\n$/;

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function spawnCli(dir: string, args: readonly string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', timeout: 180_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

export async function runCli(dir: string, args: readonly string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { out: (text) => void (stdout += text), err: (text) => void (stderr += text), cwd: dir });
  return { code, stdout, stderr };
}
