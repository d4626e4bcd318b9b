/**
 * Answers from in front of the API (rate limiter, Akamai WAF, maintenance page, a captive
 * portal). They come before routing, for public and signed requests alike.
 */
import { jsonResponse, type SimResponse } from './errors.js';
import type { GatewayFailure } from './scenarios.js';

/** Seconds sent in `Retry-After` (docs/mexc-api.md §2.3: 429/418 carry it, in seconds). */
export const RETRY_AFTER_SEC = 30;
/** Retry-After of an IP ban (418): bans last from 2 minutes up to 3 days (docs/mexc-api.md §2.3). */
export const BAN_RETRY_AFTER_SEC = 120;

/** What an IP ban answers with. MEXC's exact 418 body is not documented [UNCONFIRMED]. */
export const IP_BANNED_BODY = { code: 418, msg: 'IP banned: too many requests after HTTP 429 warnings' } as const;

/** A corporate gateway or proxy that answers every request with its own JSON. */
export const GATEWAY_JSON_BODY = { status: 'ok', message: 'Request accepted by gateway' } as const;

/** A JSON answer cut off in the middle, as a proxy or a broken connection leaves it. */
export const TRUNCATED_BODY = '{"code":0,"data":{"serverTime":17';

/** ccxt's maintenance example body (docs/mexc-api.md §2.1), served with 503. */
export const MAINTENANCE_BODY = {
  code: 500,
  message: 'Under maintenance, please try again later',
  announcement: 'https://www.mexc.com/support/articles/17827791510263',
} as const;

/** Akamai writes the URL and reference with HTML entities, as in ccxt issue #15873. */
function akamaiEntities(text: string): string {
  return text.replace(/[^A-Za-z0-9]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** An Akamai-style "Access Denied" page (docs/mexc-api.md §7.14): HTTP 403, HTML, Reference #18.… */
export function akamaiAccessDeniedPage(host: string, path: string, nowMs: number): string {
  const reference = `18.${(0x2c3e1402).toString(16)}.${Math.floor(nowMs / 1000)}.${(0x1a2b3c4d).toString(16)}`;
  return [
    '<HTML><HEAD>',
    '<TITLE>Access Denied</TITLE>',
    '</HEAD><BODY>',
    '<H1>Access Denied</H1>',
    ' ',
    `You don't have permission to access "${akamaiEntities(`http://${host}${path}`)}" on this server.<P>`,
    `Reference&#32;&#35;${akamaiEntities(reference)}`,
    '</BODY>',
    '</HTML>',
    '',
  ].join('\n');
}

/** What a hotel or airport Wi-Fi returns for every URL until the user logs in. */
export const CAPTIVE_PORTAL_PAGE = [
  '<!DOCTYPE html>',
  '<html><head><meta charset="utf-8"><title>Welcome - Guest Wi-Fi</title></head>',
  '<body><h1>Welcome to Guest Wi-Fi</h1>',
  '<p>Please accept the terms of use to connect to the internet.</p>',
  '<form method="post" action="/login"><button type="submit">Accept and connect</button></form>',
  '</body></html>',
  '',
].join('\n');

export function gatewayFailureResponse(
  failure: Exclude<GatewayFailure, 'timeout'>,
  host: string,
  path: string,
  nowMs: number,
): SimResponse {
  switch (failure) {
    case 'rate-limited':
      // "LIMITS", https://mexcdevelop.github.io/apidocs/spot_v3_en/#limits: 429 "Too many requests"; https://mexcdevelop.github.io/apidocs/spot_v3_en/#error-code: 429 "Too Many Requests".
      return jsonResponse(429, { code: 429, msg: 'Too Many Requests' }, { 'retry-after': String(RETRY_AFTER_SEC) });
    case 'blocked':
      return {
        status: 403,
        headers: { 'content-type': 'text/html', server: 'AkamaiGHost', 'mime-version': '1.0' },
        body: akamaiAccessDeniedPage(host, path, nowMs),
      };
    case 'server-error':
      return jsonResponse(503, MAINTENANCE_BODY);
    case 'html-200':
      return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: CAPTIVE_PORTAL_PAGE };
    case 'ip-banned':
      return jsonResponse(418, IP_BANNED_BODY, { 'retry-after': String(BAN_RETRY_AFTER_SEC) });
    case 'empty-200':
      return { status: 200, headers: { 'content-type': 'application/json' }, body: '' };
    case 'truncated-200':
      return { status: 200, headers: { 'content-type': 'application/json' }, body: TRUNCATED_BODY };
    case 'gateway-json':
      return jsonResponse(200, GATEWAY_JSON_BODY);
  }
}
