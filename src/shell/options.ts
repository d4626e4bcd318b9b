import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_BASE_URL, DEFAULT_RECV_WINDOW_MS, DEFAULT_TIMEOUT_MS, MAX_RECV_WINDOW_MS } from '../core/defaults.js';
import { findCredentials, type EnvFileText, type FoundCredentials } from '../core/credentials.js';
import type { SessionOptions } from '../steps/session.js';
import { UsageError, type CommandIO } from './io.js';

/** The flags every diagnosing mode shares (check, the wizard, --demo). */
export interface CommonFlags {
  baseUrl?: string;
  recvWindow?: string;
  timeout?: string;
  symbol?: string;
  envFile?: string;
  verbose?: boolean;
}

export function parseBaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`--base-url "${raw}" is not a URL.`, 'Use the form https://api.mexc.com (the default) or http://127.0.0.1:PORT for the simulator.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UsageError(`--base-url must start with https:// or http://, not ${url.protocol}`, 'Example: --base-url https://api.mexc.com');
  }
  return url.origin + url.pathname.replace(/\/+$/, '');
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
  const s = raw.trim().toUpperCase().replace(/[/_-]/g, '');
  if (!/^[A-Z0-9]{2,30}$/.test(s)) throw new UsageError(`--symbol "${raw}" is not a MEXC spot symbol.`, 'Example: --symbol BTCUSDT');
  return s;
}

function readEnvFile(file: string, cwd: string, required: boolean): EnvFileText | undefined {
  const full = path.resolve(cwd, file);
  if (!existsSync(full)) {
    if (required) throw new UsageError(`--env-file ${file}: no such file.`, 'Check the path, or drop --env-file to use the environment and ./.env.');
    return undefined;
  }
  try {
    return { path: path.relative(cwd, full) || full, text: readFileSync(full, 'utf8') };
  } catch (error) {
    if (required) throw new UsageError(`--env-file ${file} could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`, 'Check its permissions.');
    return undefined;
  }
}

/** Reads --env-file, the environment and ./.env afresh each call (the wizard re-runs after edits). */
export function credentialLoader(flags: CommonFlags, io: CommandIO): () => FoundCredentials {
  // Validate an explicit --env-file now, so a typo is a usage error before anything runs.
  if (flags.envFile) readEnvFile(flags.envFile, io.cwd, true);
  return () => {
    const envFile = flags.envFile ? readEnvFile(flags.envFile, io.cwd, false) : undefined;
    const dotenv = readEnvFile('.env', io.cwd, false);
    return findCredentials({ env: io.env, ...(envFile ? { envFile } : {}), ...(dotenv ? { dotenv } : {}) });
  };
}

export function sessionOptions(flags: CommonFlags, io: CommandIO): SessionOptions {
  const symbol = parseSymbol(flags.symbol);
  return {
    baseUrl: parseBaseUrl(flags.baseUrl ?? io.env.MEXC_BASE_URL ?? DEFAULT_BASE_URL),
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
