import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import { findCredentials, SECRET_VARS, secretValues, type EnvFileText, type FoundCredentials } from '../core/credentials.js';
import { proxyPassword } from '../core/proxy.js';
import { SecretRedactor } from '../core/secret-redactor.js';
import { UsageError, type CommandIO } from './io.js';

/**
 * Where the secret comes from and where it must never go. The secret is read from `--dotenv`
 * (alias `--env-file`), the environment (MEXC_SECRET_KEY, MEXC_API_SECRET, MEXC_SECRET), ./.env,
 * or a masked prompt, never a flag (it would leak into `ps` and shell history). Every value
 * that may be a secret is known to one redactor, which also guards the process's output.
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

export interface SecretRequest {
  /** `--dotenv PATH`, read before ./.env. */
  envFile?: string;
  /** The masked prompt's label. */
  prompt?: string;
  /** What to say when there is no secret anywhere and no terminal to ask on. */
  missing?: UsageError;
}

const NO_SECRET = new UsageError(
  `No secret key: set ${SECRET_VARS[0]} (or ${SECRET_VARS.slice(1).join(' / ')}) in the environment or ./.env, or pass --dotenv FILE.`,
  "Example: MEXC_SECRET_KEY=... mexc-wizard sign '...'   (the secret is never accepted as a flag: it would end up in shell history)",
);

/** --dotenv (when given: it must be a readable file), the environment and ./.env, in that order. */
function found(io: CommandIO, envFilePath: string | undefined): FoundCredentials {
  let envFile: EnvFileText | undefined;
  if (envFilePath !== undefined) {
    const read = readEnvText(envFilePath, io.cwd);
    if (!('text' in read)) throw new UsageError(`--dotenv ${envFilePath}: ${read.problem}.`, 'Give the path of a .env file (KEY=value lines), or drop --dotenv.');
    envFile = read;
  }
  const dotenv = readEnvText('.env', io.cwd);
  return findCredentials({ env: io.env, ...(envFile ? { envFile } : {}), ...('text' in dotenv ? { dotenv } : {}) });
}

/**
 * The secret for `sign` and `inspect`, as written: `--dotenv`, then the environment, then
 * ./.env (the same order as check and the wizard), else the masked prompt on a terminal.
 */
export async function readSecret(io: CommandIO, request: SecretRequest = {}): Promise<string> {
  const secret = found(io, request.envFile).secret;
  if (secret && secret.value.trim()) {
    io.redactor?.add(secret.value);
    return secret.value;
  }
  const missing = request.missing ?? NO_SECRET;
  if (io.isTTY && io.promptSecret) {
    const typed = await io.promptSecret(request.prompt ?? 'MEXC secret key (input hidden)');
    io.redactor?.add(typed);
    if (typed.trim()) return typed;
    throw new UsageError('No secret entered.', missing.hint);
  }
  throw missing;
}

/** The API key from --dotenv, the environment or ./.env; undefined when none has it. */
export function readApiKey(io: CommandIO, envFile?: string): string | undefined {
  return found(io, envFile).apiKey?.value.trim() || undefined;
}
