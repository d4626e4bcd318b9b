import type { Observation } from '../../src/core/types.js';

/** A response as the client records it: body text, parsed JSON, MEXC code/msg lifted out. */
export function response(status: number, body: string, headers: Record<string, string> = {}, path = '/api/v3/account'): Observation {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    json = undefined;
  }
  const record = json && typeof json === 'object' ? (json as Record<string, unknown>) : {};
  const code = record.code;
  const msg = record.msg ?? record.message;
  return {
    method: path === '/api/v3/order/test' ? 'POST' : 'GET',
    path,
    url: `https://api.mexc.com${path}?recvWindow=5000&timestamp=1700000000000&signature=ab12…9f`,
    sentAtMs: 1_700_000_000_000,
    receivedAtMs: 1_700_000_000_080,
    status,
    headers: { 'content-type': json === undefined ? 'text/html' : 'application/json', ...headers },
    bodySnippet: body,
    ...(json !== undefined ? { json } : {}),
    ...(typeof code === 'number' || typeof code === 'string' ? { mexcCode: code } : {}),
    ...(typeof msg === 'string' ? { mexcMsg: msg } : {}),
  };
}

/** No response: a socket/DNS/TLS error as the client reports it. */
export function networkFailure(code: string, message = code): Observation {
  return {
    method: 'GET',
    path: '/api/v3/ping',
    url: 'https://api.mexc.com/api/v3/ping',
    sentAtMs: 1_700_000_000_000,
    receivedAtMs: 1_700_000_000_010,
    networkError: { code, message },
  };
}

/** Akamai's block page as seen in ccxt issue 15873 (docs/mexc-api.md §7.14). */
export const AKAMAI_ACCESS_DENIED =
  '<HTML><HEAD>\n<TITLE>Access Denied</TITLE>\n</HEAD><BODY>\n<H1>Access Denied</H1>\n \nYou don\'t have permission to access "http&#58;&#47;&#47;api&#46;mexc&#46;com&#47;api&#47;v3&#47;account" on this server.<P>\nReference&#32;&#35;18&#46;5f3c1402&#46;1700000000&#46;2a1b3c4d\n</BODY>\n</HTML>\n';

export const CAPTIVE_PORTAL = '<!DOCTYPE html><html><head><title>Hotel WiFi</title></head><body><form action="/login">Accept the terms to continue</form></body></html>';

export const FIX_CONTEXT = {
  apiKey: 'mx0aBYs33eIilxBWC5',
  baseUrl: 'https://api.mexc.com',
  symbol: 'BTCUSDT',
  recvWindowMs: 5000,
  platform: 'linux' as const,
};
