import { checkBaseUrl } from '../core/base-url.js';
import { DEFAULT_BASE_URL, DEFAULT_RECV_WINDOW_MS, DEFAULT_TIMEOUT_MS, MAX_RECV_WINDOW_MS } from '../core/defaults.js';
import { findCredentials, type EnvFileText, type FoundCredentials } from '../core/credentials.js';
import { proxyProblem, proxySettingFor } from '../core/proxy.js';
import { normalizeSymbol } from '../core/symbol.js';
import type { SessionOptions } from '../steps/session.js';
import { UsageError, type CommandIO } from './io.js';
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

export function parseRecvWindow(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_RECV_WINDOW_MS;
  const n = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isInteger(n) || n <= 0) {
    throw new UsageError(`--recv-window must be a whole number of milliseconds, not "${raw}".`, 'Example: --recv-window 5000 (the default).');
  }
  if (n > MAX_RECV_WINDOW_MS) {
    throw new UsageError(`--recv-window ${n} is above MEXC's limit of ${MAX_RECV_WINDOW_MS} ms (error 700005).`, 'Use 5000 (the default) and fix the clock instead; at most 60000.');
  }
  return n;
}

export function parseTimeout(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_TIMEOUT_MS;
  const n = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || n < 100 || n > 120_000) {
    throw new UsageError(`--timeout must be a number of milliseconds between 100 and 120000, not "${raw}".`, 'Example: --timeout 10000 (the default).');
  }
  return n;
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
  };
}
