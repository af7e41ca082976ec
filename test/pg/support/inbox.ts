/** `citykpi serve` as real processes for the office-server tests, and uploads to them. */
import { type ChildProcess, spawn } from 'node:child_process';
import { bin } from './office.ts';

export interface RunningInbox {
  readonly url: string;
  readonly process: ChildProcess;
  /** Everything the server wrote to standard error (its request log). */
  log(): string;
  stop(): Promise<void>;
}

export async function startInbox(cwd: string, args: readonly string[]): Promise<RunningInbox> {
  const child = spawn(process.execPath, [bin, 'serve', '--listen', '127.0.0.1:0', ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => void (stderr += chunk.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const match = /listening on (http:\/\/[^\s]+)/.exec(stdout);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`citykpi serve exited with ${code}: ${stderr}`)));
  });
  return {
    url,
    process: child,
    log: () => stderr,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

export interface Upload {
  readonly status: number;
  readonly body: Uint8Array;
  readonly headers: Headers;
  /** The E_ code of a JSON error answer. */
  readonly code: string | undefined;
}

export async function upload(inbox: { readonly url: string }, bytes: Uint8Array): Promise<Upload> {
  const response = await fetch(`${inbox.url}/v1/bundles`, { method: 'POST', body: new Uint8Array(bytes), headers: { 'Content-Type': 'application/octet-stream' } });
  const body = new Uint8Array(await response.arrayBuffer());
  let code: string | undefined;
  if (response.headers.get('content-type') === 'application/json') code = (JSON.parse(new TextDecoder().decode(body)) as { error?: { code?: string } }).error?.code;
  return { status: response.status, body, headers: response.headers, code };
}
