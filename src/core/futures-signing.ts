/**
 * Signing for MEXC's futures (contract) API v1, which differs from spot v3 in every part that
 * breaks: the string to sign is accessKey + Request-Time + paramString, GET/DELETE parameters are
 * sorted by name, POST signs the raw JSON body, and key, time and signature travel in headers.
 * Rules: https://www.mexc.com/api-docs/futures/integration-guide (docs/mexc-api.md §6).
 */
import { hmacSha256Hex } from './signing.js';

/** "more than 10 seconds (default)"; the Recv-Window header is in seconds, "maximum value of 60". */
export const FUTURES_DEFAULT_RECV_WINDOW_SEC = 10;
export const FUTURES_MAX_RECV_WINDOW_SEC = 60;

export const FUTURES_HEADER = {
  apiKey: 'ApiKey',
  requestTime: 'Request-Time',
  signature: 'Signature',
  recvWindow: 'Recv-Window',
} as const;

export type FuturesMethod = 'GET' | 'DELETE' | 'POST';
export type FuturesParamValue = string | number | boolean | null | undefined;

/**
 * A value encoded the way the docs' Java sample does it: `URLEncoder.encode(v, "UTF-8")` with
 * `+` replaced by `%20`. URLEncoder leaves `A-Z a-z 0-9 . - * _` as they are and escapes
 * everything else with uppercase hex, `~` included (unlike encodeURIComponent, which keeps
 * `! ' ( ) ~`).
 */
export function encodeFuturesValue(value: string): string {
  return encodeURIComponent(value).replace(/[!'()~]/g, (ch) => '%' + ch.charCodeAt(0).toString(16).toUpperCase());
}

/**
 * "Dictionary order" as the Java sample's TreeMap orders String keys: by UTF-16 code unit,
 * which is exactly what JavaScript's `<` on strings compares.
 */
export function compareParamNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The GET/DELETE paramString from parameter values: null and undefined left out ("when the
 * service parameter participating in the signature is null, it does not participate"), the rest
 * sorted by name and joined `k=v&…` with values encoded as the Java sample does. Names are used
 * as given, as the sample does. No parameters: the empty string.
 */
export function futuresParamString(params: Readonly<Record<string, FuturesParamValue>>): string {
  return Object.entries(params)
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== null && entry[1] !== undefined)
    .sort(([a], [b]) => compareParamNames(a, b))
    .map(([k, v]) => `${k}=${encodeFuturesValue(String(v))}`)
    .join('&');
}

/** `k=v` segments of an already-encoded query, put in dictionary order by name, bytes untouched. */
export function sortQuerySegments(query: string): string {
  const segments = query.split('&').filter((s) => s !== '');
  const nameOf = (segment: string): string => segment.split('=', 1)[0] ?? '';
  return segments
    .map((segment, index) => ({ segment, index }))
    .sort((x, y) => compareParamNames(nameOf(x.segment), nameOf(y.segment)) || x.index - y.index)
    .map((x) => x.segment)
    .join('&');
}

export function futuresStringToSign(apiKey: string, requestTime: string | number, paramString: string): string {
  return `${apiKey}${requestTime}${paramString}`;
}

export interface FuturesSignature {
  /** accessKey + Request-Time + paramString: contains the API key, never the secret. */
  stringToSign: string;
  paramString: string;
  /** HMAC-SHA256, lowercase hex (no base64). */
  signature: string;
  /** The headers to send, in the order the docs list them. */
  headers: Record<string, string>;
}

export interface FuturesSignInput {
  apiKey: string;
  secret: string;
  /** Milliseconds, as text or a number; sent unchanged in the Request-Time header. */
  requestTime: string | number;
  /** The exact paramString: the sorted query for GET/DELETE, the raw JSON body for POST, or ''. */
  paramString: string;
  /** Seconds; omitted means MEXC's default of 10. */
  recvWindowSec?: number;
}

/** Signs a paramString exactly as given and returns the headers that carry the result. */
export function signFuturesRaw(input: FuturesSignInput): FuturesSignature {
  const requestTime = String(input.requestTime);
  const stringToSign = futuresStringToSign(input.apiKey, requestTime, input.paramString);
  const signature = hmacSha256Hex(input.secret, stringToSign);
  return {
    stringToSign,
    paramString: input.paramString,
    signature,
    headers: {
      [FUTURES_HEADER.apiKey]: input.apiKey,
      [FUTURES_HEADER.requestTime]: requestTime,
      [FUTURES_HEADER.signature]: signature,
      'Content-Type': 'application/json',
      ...(input.recvWindowSec !== undefined ? { [FUTURES_HEADER.recvWindow]: String(input.recvWindowSec) } : {}),
    },
  };
}

export interface FuturesRequestInput {
  apiKey: string;
  secret: string;
  method: FuturesMethod;
  /** GET/DELETE business parameters (null/undefined are left out). */
  params?: Readonly<Record<string, FuturesParamValue>>;
  /** POST business parameters, serialised once with JSON.stringify: that text is signed and sent. */
  body?: unknown;
  nowMs: number;
  recvWindowSec?: number;
}

/** A signed futures request: the query (GET/DELETE) or body (POST) to send, and its headers. */
export function signFuturesRequest(input: FuturesRequestInput): FuturesSignature & { query: string; body: string } {
  const query = input.method === 'POST' ? '' : futuresParamString(input.params ?? {});
  const body = input.method === 'POST' && input.body !== undefined ? JSON.stringify(input.body) : '';
  const signed = signFuturesRaw({
    apiKey: input.apiKey,
    secret: input.secret,
    requestTime: Math.round(input.nowMs),
    paramString: input.method === 'POST' ? body : query,
    ...(input.recvWindowSec !== undefined ? { recvWindowSec: input.recvWindowSec } : {}),
  });
  return { ...signed, query, body };
}

/** 10 digits (or a decimal fraction, Python's time.time()) is seconds; milliseconds have 13. */
export function looksLikeSeconds(requestTime: string): boolean {
  return /^\d{9,10}(?:\.\d+)?$/.test(requestTime.trim());
}
