import { parseUrlParts } from './parse-url.js';
import type { ParsedRequest, RequestHeader } from './types.js';

/**
 * ccxt's verbose log of a request (`exchange.verbose = true`), as ccxt prints it:
 *   Python, one line: `fetch Request: mexc GET <url> RequestHeaders: {'X-MEXC-APIKEY': '…'} RequestBody: None`
 *   JS, several:      `fetch Request:\n mexc GET <url> \nRequestHeaders:\n { 'X-MEXC-APIKEY': '…', source: 'CCXT' } \nRequestBody:\n undefined`
 * (https://github.com/ccxt/ccxt/blob/master/python/ccxt/base/exchange.py `fetch`,
 * https://github.com/ccxt/ccxt/blob/master/ts/src/base/Exchange.ts `fetch`). The headers come as a
 * Python dict or a JS object, not as `Name: value` lines, and the body as None/undefined when empty.
 */
const REQUEST = /fetch Request:\s{0,20}[A-Za-z0-9_]{1,40}\s+(GET|POST|PUT|DELETE)\s+(\S{1,8000})/;
const HEADERS = /RequestHeaders:\s{0,20}\{([^{}]{0,8000})\}/;
const BODY = /RequestBody:[ \t]{0,20}\r?\n?[ \t]{0,20}([^\r\n]{0,100000})/;
const HEADER_PAIR = /(['"]?)([A-Za-z][A-Za-z0-9_-]{0,100})\1\s{0,5}:\s{0,5}(['"])((?:(?!\3).){0,2000})\3/g;
const NO_BODY = new Set(['', 'None', 'undefined', 'null', 'nil']);

export function isCcxtVerbose(text: string): boolean {
  return REQUEST.test(text) && text.includes('RequestHeaders:');
}

export function parseCcxtVerbose(text: string): ParsedRequest | { error: string } {
  const request = REQUEST.exec(text);
  if (!request) return { error: 'No request line (method and URL) found.' };
  const parts = parseUrlParts(request[2]!);
  if ('error' in parts) return parts;
  const headers: RequestHeader[] = [];
  const block = HEADERS.exec(text)?.[1] ?? '';
  for (const m of block.matchAll(HEADER_PAIR)) headers.push({ name: m[2]!, value: m[4]! });
  const body = (BODY.exec(text)?.[1] ?? '').trim();
  return {
    source: 'log',
    method: request[1]!.toUpperCase(),
    ...parts,
    body: NO_BODY.has(body) ? '' : body,
    headers,
    notes: [],
  };
}
