import type { SecretRedactor } from '../core/secret-redactor.js';
import { supportsHyperlinks } from './hyperlink.js';
import { detectInvocation } from './invocation.js';
import type { CommandIO } from './io.js';

/** The process as cli.ts sees it (a fake stands in for it in tests). */
export interface ProcessLike {
  argv: string[];
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  platform: NodeJS.Platform;
  cwd: () => string;
}

/** What every command may touch, built once from the process: the only bridge to `process`. */
export function processIO(proc: ProcessLike, opts: { noColor: boolean; invocation?: string }, signal: AbortSignal, redactor: SecretRedactor): CommandIO {
  const noColor = opts.noColor || Boolean(proc.env.NO_COLOR) || proc.env.FORCE_COLOR === '0';
  const isTTY = Boolean(proc.stdin.isTTY && proc.stdout.isTTY);
  return {
    stdout: (t) => void proc.stdout.write(t),
    stderr: (t) => void proc.stderr.write(t),
    env: proc.env,
    readStdin: () => readAll(proc.stdin, signal),
    isTTY,
    color: !noColor && Boolean(proc.stdout.isTTY),
    signal,
    // A typed secret joins the redactor before anything else sees it.
    ...(isTTY ? { promptSecret: async (label: string) => redactor.remember(await (await import('./tty-prompt.js')).promptHidden(label, proc.stdin, proc.stderr, signal)) } : {}),
    cwd: proc.cwd(),
    platform: proc.platform,
    now: () => Date.now(),
    runtime: { node: process.version, arch: process.arch },
    redactor,
    invocation: opts.invocation ?? detectInvocation({ script: proc.argv[1], env: proc.env, cwd: proc.cwd(), platform: proc.platform }),
    links: supportsHyperlinks(proc.env, Boolean(proc.stdout.isTTY)),
  };
}

/** Reads stdin to the end, at most 10 MB (a paste never needs more), never hanging past Ctrl-C. */
async function readAll(stdin: NodeJS.ReadStream, signal: AbortSignal): Promise<string> {
  const MAX = 10 * 1024 * 1024;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    if (signal.aborted) break;
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buf.length;
    chunks.push(buf);
    if (size >= MAX) break;
  }
  return Buffer.concat(chunks).toString('utf8').slice(0, MAX);
}

/** Resolves once everything written so far is flushed (a write's callback runs after all earlier ones). */
export function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    if (stream.destroyed || !stream.writable) return resolve();
    stream.write('', () => resolve());
  });
}
