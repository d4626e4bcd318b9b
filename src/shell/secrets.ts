import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import { secretValues, type EnvFileText } from '../core/credentials.js';
import { proxyPassword } from '../core/proxy.js';
import { SecretRedactor } from '../core/secret-redactor.js';
import { UsageError } from './io.js';

/**
 * Where secrets may come from and where they must never go, for the whole process: .env files
 * read without ever blocking, and one redactor that knows every value that may be a secret
 * (environment, ./.env, the --dotenv file, proxy passwords) and guards stdout and stderr.
 */

/** A .env file is a few lines; anything bigger (or /dev/zero) is not one. */
const MAX_ENV_FILE_BYTES = 1024 * 1024;

/**
 * Reads a .env file without ever blocking: a FIFO, a device or a directory is refused before it
 * is read, and so is a file over 1 MB.
 */
export function readEnvText(file: string, cwd: string): EnvFileText | { problem: string } {
  const full = path.resolve(cwd, file);
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO with no writer would otherwise wait forever.
    fd = openSync(full, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { problem: code === 'ENOENT' || code === 'ENOTDIR' ? 'no such file' : `cannot be opened (${code ?? 'error'})` };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { problem: 'not a regular file' };
    if (stat.size > MAX_ENV_FILE_BYTES) return { problem: `${Math.round(stat.size / 1024)} KB is too big for a .env file` };
    const buffer = Buffer.alloc(stat.size);
    let read = 0;
    while (read < stat.size) {
      const n = readSync(fd, buffer, read, stat.size - read, read);
      if (n === 0) break;
      read += n;
    }
    return { path: path.relative(cwd, full) || full, text: buffer.subarray(0, read).toString('utf8') };
  } catch (error) {
    return { problem: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  } finally {
    closeSync(fd);
  }
}

/** The env file named on the command line (`--dotenv PATH`, `--env-file PATH`, or the `=` forms). */
export function envFileArgument(argv: ReadonlyArray<string>): string | undefined {
  let found: string | undefined;
  argv.forEach((arg, i) => {
    const m = /^--(?:dotenv|env-file)(?:=(.*))?$/s.exec(arg);
    if (m) found = m[1] ?? argv[i + 1];
  });
  return found;
}

/** `{envFile}` from `--dotenv PATH` or its alias `--env-file` (which Node 20–24 may read first: nodejs/node#54232). */
export function envFileFlag(dotenv: string | undefined, envFile: string | undefined): { envFile?: string } {
  if (dotenv !== undefined && envFile !== undefined && dotenv !== envFile) {
    throw new UsageError('--dotenv and --env-file name different files.', 'Give one: --dotenv PATH (--env-file is its alias).');
  }
  const file = dotenv ?? envFile;
  return file !== undefined ? { envFile: file } : {};
}

/** A redactor that knows every secret the environment, ./.env, the env file and proxy URLs hold. */
export function knownSecrets(env: Readonly<Record<string, string | undefined>>, cwd: string, envFile?: string): SecretRedactor {
  const files: { envFile?: EnvFileText; dotenv?: EnvFileText } = {};
  const dotenv = readEnvText('.env', cwd);
  if ('text' in dotenv) files.dotenv = dotenv;
  const named = envFile ? readEnvText(envFile, cwd) : undefined;
  if (named && 'text' in named) files.envFile = named;
  const proxyPasswords = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'ALL_PROXY', 'all_proxy'].map((n) => {
    const value = env[n];
    return value ? proxyPassword(value) : undefined;
  });
  return new SecretRedactor([...secretValues({ env, ...files }), ...proxyPasswords]);
}

type Writable = { write: (...args: never[]) => boolean };
const guards = new WeakMap<object, { redactor: SecretRedactor }>();

/**
 * The last line of defence: every chunk written to the stream (Ink's frames, prompts, plain
 * lines, OSC 52 copies) passes through the redactor. Commands redact raw values before they
 * format them; this catches what they missed. Guarding a stream again swaps the redactor.
 */
export function guardWrites(stream: Writable, redactor: SecretRedactor): void {
  const existing = guards.get(stream);
  if (existing) {
    existing.redactor = redactor;
    return;
  }
  const state = { redactor };
  guards.set(stream, state);
  const original = stream.write as (...args: unknown[]) => boolean;
  stream.write = function guardedWrite(this: unknown, chunk: unknown, ...rest: unknown[]) {
    return original.call(this, redactChunk(chunk, state.redactor), ...rest);
  } as Writable['write'];
}

function redactChunk(chunk: unknown, redactor: SecretRedactor): unknown {
  if (!redactor.active) return chunk;
  if (typeof chunk === 'string') return redactor.redact(chunk);
  if (chunk instanceof Uint8Array) {
    const text = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('utf8');
    const clean = redactor.redact(text);
    return clean === text ? chunk : Buffer.from(clean, 'utf8');
  }
  return chunk;
}

/** Builds the redactor for this run and guards the process's stdout and stderr with it. */
export function protectOutput(proc: { env: Readonly<Record<string, string | undefined>>; cwd: () => string; stdout: Writable; stderr: Writable }, argv: ReadonlyArray<string>): SecretRedactor {
  const redactor = knownSecrets(proc.env, proc.cwd(), envFileArgument(argv));
  guardWrites(proc.stdout, redactor);
  guardWrites(proc.stderr, redactor);
  return redactor;
}
