/**
 * The futures signature check, written independently of src/core/futures-signing on purpose: a
 * bug in the client's sorter or string builder must not be mirrored here and cancel out.
 *
 * Interpretation chosen (the docs describe the client side only): the server verifies the raw
 * bytes it received. GET/DELETE: the query string's `k=v` segments exactly as sent, put in
 * dictionary order by name (Java TreeMap order: UTF-16 code units), joined with `&`. POST: the
 * raw body. The string is accessKey + Request-Time + that text
 * (https://www.mexc.com/api-docs/futures/integration-guide).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Query segments reordered by parameter name; equal names keep their received order. */
export function canonicalQuery(rawQuery: string): string {
  const segments = rawQuery.split('&').filter((s) => s.length > 0);
  const keyed = segments.map((segment, at) => {
    const eq = segment.indexOf('=');
    return { segment, at, name: eq === -1 ? segment : segment.slice(0, eq) };
  });
  keyed.sort((x, y) => (x.name === y.name ? x.at - y.at : x.name < y.name ? -1 : 1));
  return keyed.map((k) => k.segment).join('&');
}

export interface FuturesSignedParts {
  method: string;
  /** Raw query and body, one char per byte (latin1). */
  rawQuery: string;
  rawBody: string;
}

/** What MEXC signs after the key and the time: sorted query for GET/DELETE, the body for POST. */
export function signedParamText(req: FuturesSignedParts): string {
  return req.method === 'POST' ? req.rawBody : canonicalQuery(req.rawQuery);
}

export function expectedFuturesSignature(secret: string, apiKey: string, requestTime: string, paramTextLatin1: string): string {
  const message = Buffer.concat([Buffer.from(apiKey + requestTime, 'utf8'), Buffer.from(paramTextLatin1, 'latin1')]);
  return createHmac('sha256', Buffer.from(secret, 'utf8')).update(message).digest('hex');
}

/** Java's Hex.encodeHexString writes lowercase: the exact string is compared, as a Java server would. */
export function futuresSignatureMatches(expectedHex: string, received: string): boolean {
  if (!/^[0-9a-f]{64}$/.test(received)) return false;
  return timingSafeEqual(Buffer.from(expectedHex, 'ascii'), Buffer.from(received, 'ascii'));
}

/**
 * "If the received req_time is more than 10 seconds (default) behind or ahead of the server
 * time" it is invalid; Recv-Window (seconds, "maximum value of 60") widens the window.
 */
export function withinFuturesWindow(requestTimeMs: number, serverTimeMs: number, windowSec: number): boolean {
  return Math.abs(serverTimeMs - requestTimeMs) <= windowSec * 1000;
}
