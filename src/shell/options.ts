import { checkBaseUrl } from '../core/base-url.js';
import { DEFAULT_BASE_URL, DEFAULT_RECV_WINDOW_MS, DEFAULT_TIMEOUT_MS, MAX_RECV_WINDOW_MS, MAX_SAFE_RECV_WINDOW_MS } from '../core/defaults.js';
import { findCredentials, type EnvFileText, type FoundCredentials } from '../core/credentials.js';
import { proxyProblem, proxySettingFor } from '../core/proxy.js';
import { normalizeSymbol } from '../core/symbol.js';
import type { SessionOptions } from '../steps/session.js';
import { UsageError, type CommandIO } from './io.js';
import { numberOptionError, parseNumberOption } from './number-options.js';
import { readEnvText } from './secrets.js';

/** The flags every diagnosing mode shares (check, the wizard, --demo). */
export interface CommonFlags {
  baseUrl?: string;
  recvWindow?: string;
  timeout?: string;
  symbol?: string;
  /** `--dotenv PATH` (alias `--env-file`). */
  envFile?: string;
  verbose?: boolean;
  /** `--allow-insecure-http`: signed requests over plain http to a host that is not loopback. */
  allowInsecureHttp?: boolean;
}

/** The API root from `--base-url` or MEXC_BASE_URL (`name`): https, or http to loopback unless allowed. */
export function parseBaseUrl(raw: string, name = '--base-url', opts: { allowInsecureHttp?: boolean } = {}): string {
  const checked = checkBaseUrl(raw, name, opts);
  if (!checked.ok) throw new UsageError(checked.problem, checked.hint);
  return checked.baseUrl;
}

/** A proxy variable that cannot work is the user's to fix: a usage error naming it, password masked. */
export function checkProxy(baseUrl: string, env: CommandIO['env']): void {
  const setting = proxySettingFor(baseUrl, env);
  const problem = setting && proxyProblem(setting.variable, setting.value);
  if (problem) throw new UsageError(problem, `Fix or unset ${setting.variable}; the form is http://[user:password@]host:port (e.g. http://proxy.example.com:3128).`);
}

/** The futures Recv-Window header: whole seconds, at most 60 (docs/mexc-api.md §6). */
const FUTURES_MAX_RECV_WINDOW_MS = 60_000;

/**
 * `--recv-window` in milliseconds: at most 59999 for spot (MEXC's limit is worded "less than
 * 60000" and "Max 60000": docs/mexc-api.md §1.1). For the futures Recv-Window header (whole
 * seconds, at most 60: docs/mexc-api.md §6) check --futures allows 60000 and checks the seconds.
 */
export function parseRecvWindow(raw: string | undefined, opts: { futures?: boolean } = {}): number {
  if (raw === undefined) return DEFAULT_RECV_WINDOW_MS;
  const n = Number(raw);
  const max = opts.futures ? FUTURES_MAX_RECV_WINDOW_MS : MAX_SAFE_RECV_WINDOW_MS;
  if (/^\d{1,16}$/.test(raw.trim()) && n > max) {
    if (opts.futures) {
      throw new UsageError(`--recv-window ${n} with --futures is above 60000: MEXC's futures Recv-Window header allows at most 60 seconds.`, 'Use a multiple of 1000 up to 60000, e.g. --recv-window 20000; without it MEXC allows 10 s either way.');
    }
    throw new UsageError(
      `--recv-window ${n} is above ${MAX_SAFE_RECV_WINDOW_MS}: MEXC documents ${MAX_RECV_WINDOW_MS} as its ceiling (error 700005 "recvWindow must less than ${MAX_RECV_WINDOW_MS}"), and whether ${MAX_RECV_WINDOW_MS} itself passes is unconfirmed.`,
      `Use 5000 (the default) and fix the clock instead; at most ${MAX_SAFE_RECV_WINDOW_MS}.`,
    );
  }
  if (!/^\d{1,16}$/.test(raw.trim()) || n < 1) throw numberOptionError('recv-window', raw);
  return n;
}

export function parseTimeout(raw: string | undefined): number {
  return raw === undefined ? DEFAULT_TIMEOUT_MS : parseNumberOption('timeout', raw);
}

export function parseSymbol(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const s = normalizeSymbol(raw);
  if (!s) throw new UsageError(`--symbol "${raw}" is not a MEXC spot symbol.`, 'Example: --symbol BTCUSDT');
  return s;
}

function readEnvFile(file: string, cwd: string, required: boolean): EnvFileText | undefined {
  const read = readEnvText(file, cwd);
  if ('text' in read) return read;
  if (required) throw new UsageError(`--dotenv ${file}: ${read.problem}.`, read.problem === 'no such file' ? 'Check the path, or drop --dotenv to use the environment and ./.env.' : 'Give the path of a .env file (KEY=value lines).');
  return undefined;
}

/** Reads --dotenv, the environment and ./.env afresh each call (the wizard re-runs after edits). */
export function credentialLoader(flags: CommonFlags, io: CommandIO): () => FoundCredentials {
  // Validate an explicit --dotenv now, so a typo is a usage error before anything runs.
  if (flags.envFile) readEnvFile(flags.envFile, io.cwd, true);
  return () => {
    const envFile = flags.envFile ? readEnvFile(flags.envFile, io.cwd, false) : undefined;
    const dotenv = readEnvFile('.env', io.cwd, false);
    return findCredentials({ env: io.env, ...(envFile ? { envFile } : {}), ...(dotenv ? { dotenv } : {}) });
  };
}

export function sessionOptions(flags: CommonFlags, io: CommandIO): SessionOptions {
  const symbol = parseSymbol(flags.symbol);
  const allowInsecureHttp = Boolean(flags.allowInsecureHttp);
  const baseUrl =
    flags.baseUrl !== undefined
      ? parseBaseUrl(flags.baseUrl, '--base-url', { allowInsecureHttp })
      : io.env.MEXC_BASE_URL?.trim()
        ? parseBaseUrl(io.env.MEXC_BASE_URL, 'MEXC_BASE_URL', { allowInsecureHttp })
        : DEFAULT_BASE_URL;
  checkProxy(baseUrl, io.env);
  return {
    baseUrl,
    ...(allowInsecureHttp ? { allowInsecureHttp } : {}),
    recvWindowMs: parseRecvWindow(flags.recvWindow),
    timeoutMs: parseTimeout(flags.timeout),
    ...(symbol ? { symbol } : {}),
    verbose: Boolean(flags.verbose),
    env: io.env,
    loadCredentials: credentialLoader(flags, io),
    now: io.now,
    platform: io.platform,
    signal: io.signal,
    ...(io.invocation ? { invocation: io.invocation } : {}),
  };
}
