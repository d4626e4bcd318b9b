import { createHmac } from 'node:crypto';
import { buildQueryString, toParams, type ParamValue, type Params } from './encoding.js';

// In core/defaults.ts, which loads nothing (the wizard checks --recv-window before its first frame).
export { DEFAULT_RECV_WINDOW_MS, MAX_RECV_WINDOW_MS } from './defaults.js';
import { DEFAULT_RECV_WINDOW_MS, MAX_RECV_WINDOW_MS } from './defaults.js';

/** HMAC-SHA256 of `message` keyed by the secret as UTF-8 text, lowercase hex (docs/mexc-api.md §1.1). */
export function hmacSha256Hex(secret: string, message: string): string {
  return createHmac('sha256', Buffer.from(secret, 'utf8')).update(message, 'utf8').digest('hex');
}

/**
 * totalParams = query string immediately followed by the body, no `&` between them
 * ("SIGNED", https://mexcdevelop.github.io/apidocs/spot_v3_en/#signed, Example 3).
 */
export function totalParams(queryString: string, body = ''): string {
  return queryString + body;
}

export function signString(secret: string, stringToSign: string): string {
  return hmacSha256Hex(secret, stringToSign);
}

export interface SignedQuery {
  /** The exact text that was HMAC'd. Never contains the secret. */
  stringToSign: string;
  signature: string;
  /** The query string to send: the signed query with `&signature=…` appended last. */
  query: string;
  /** The body to send unchanged (empty when everything is in the query). */
  body: string;
}

/** Signs an already-encoded query string (and optional body) exactly as given. */
export function signRaw(secret: string, queryString: string, body = ''): SignedQuery {
  const stringToSign = totalParams(queryString, body);
  const signature = signString(secret, stringToSign);
  const query = queryString ? `${queryString}&signature=${signature}` : `signature=${signature}`;
  return { stringToSign, signature, query, body };
}

export class RecvWindowError extends Error {
  constructor(readonly recvWindowMs: number) {
    super(
      `recvWindow ${recvWindowMs} is not allowed: MEXC documents ${MAX_RECV_WINDOW_MS} ms as its ceiling (5000 is the default).`,
    );
  }
}

export function validateRecvWindow(recvWindowMs: number): number {
  if (!Number.isInteger(recvWindowMs) || recvWindowMs <= 0 || recvWindowMs > MAX_RECV_WINDOW_MS) {
    throw new RecvWindowError(recvWindowMs);
  }
  return recvWindowMs;
}

export interface SignRequestOptions {
  secret: string;
  params: Params | Record<string, ParamValue | undefined>;
  /** Local wall-clock in ms (injected so tests can pin it). */
  nowMs: number;
  /** Add this to local time to get MEXC time (negative when the local clock is ahead). */
  serverOffsetMs?: number;
  recvWindowMs?: number;
}

/**
 * The business params in the caller's order, then recvWindow and timestamp (as ccxt and the
 * official demos do), signature last.
 */
export function signRequest(opts: SignRequestOptions): SignedQuery & { timestampMs: number } {
  const recvWindowMs = validateRecvWindow(opts.recvWindowMs ?? DEFAULT_RECV_WINDOW_MS);
  const timestampMs = Math.round(opts.nowMs + (opts.serverOffsetMs ?? 0));
  const params: Params = [
    ...toParams(opts.params).filter(([k]) => k !== 'signature' && k !== 'timestamp' && k !== 'recvWindow'),
    ['recvWindow', recvWindowMs],
    ['timestamp', timestampMs],
  ];
  return { ...signRaw(opts.secret, buildQueryString(params)), timestampMs };
}
