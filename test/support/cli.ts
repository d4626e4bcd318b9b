/**
 * Runs the BUILT CLI (`node bin/mexc-wizard.js …`) the way a user's shell does: a minimal
 * environment without CI or credentials, stdin from /dev/null or a pipe. Builds dist/ once when
 * it is missing (npm test builds first; a bare `vitest run` may not have).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, rmdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = path.join(ROOT, 'bin/mexc-wizard.js');
/** The bundle the launcher loads: present once `npm run build` ran. */
export const BUILT = path.join(ROOT, 'dist/cli.js');
const CLI = BUILT;

/** Builds dist/ if missing; parallel test files take turns through a lock directory. */
export async function ensureBuilt(): Promise<void> {
  if (existsSync(CLI)) return;
  const lock = path.join(ROOT, 'node_modules/.cache/mexc-wizard-test-build.lock');
  mkdirSync(path.dirname(lock), { recursive: true });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Someone else is building; a lock older than two minutes is stale.
      if (existsSync(CLI)) return;
      try {
        if (Date.now() - statSync(lock).mtimeMs > 120_000) rmdirSync(lock);
      } catch {}
      if (Date.now() > deadline) throw new Error('Timed out waiting for another test file to build dist/.');
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    if (!existsSync(CLI)) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
  } finally {
    rmdirSync(lock);
  }
}

/** What a user's shell would pass: PATH, HOME, locale; never CI, credentials or NODE_OPTIONS. */
export function userEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const name of ['PATH', 'HOME', 'LANG', 'LC_ALL', 'TMPDIR', 'SYSTEMROOT']) {
    if (process.env[name] !== undefined) env[name] = process.env[name];
  }
  env.NO_COLOR = '1';
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  timedOut: boolean;
}

export interface RunOptions {
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** Written to a piped stdin, then closed; absent: stdin is /dev/null. */
  input?: string | Buffer;
  /** Killed after this long (the result then says timedOut). */
  timeoutMs?: number;
}

const running = new Set<ChildProcess>();

/** Kills every CLI still running (call from afterEach). */
export function killAll(): void {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
}

export function runCli(args: string[], opts: RunOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: opts.cwd ?? ROOT,
      env: userEnv(opts.env),
      stdio: [opts.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    running.add(child);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout!.on('data', (c: Buffer) => out.push(c));
    child.stderr!.on('data', (c: Buffer) => err.push(c));
    if (opts.input !== undefined) {
      // The CLI may stop reading early (a 10 MB paste is cut off): that is not an error here.
      child.stdin!.on('error', () => undefined);
      child.stdin!.end(opts.input);
    }
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, opts.timeoutMs ?? 15_000);
    child.on('error', (e) => {
      clearTimeout(timer);
      running.delete(child);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      running.delete(child);
      resolve({
        code,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        ms: Date.now() - started,
        timedOut,
      });
    });
  });
}

/** A stack trace or a raw error dump: what a user must never see for their own mistake. */
export function crashSigns(text: string): string[] {
  const signs: string[] = [];
  if (/^\s{2,}at\s\S.*(?:\(|:\d+:\d+)/m.test(text)) signs.push('stack frame ("    at …")');
  if (/^(?:Uncaught\s+)?(?:[A-Z]\w*)?Error(?: \[\w+\])?: /m.test(text)) signs.push('raw "Error:" line');
  if (/internal error|Unhandled|node:internal|ERR_[A-Z_]{4,}/.test(text)) signs.push('internal error / Node internals');
  return signs;
}
