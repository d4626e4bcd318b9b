import { createHmac } from 'node:crypto';
import { inspectRequest, parseRequestText, type LabResult, type ParsedRequest } from '../../src/core/lab/index.js';

/** docs/mexc-api.md §1.2: the official example key and secret. */
export const DOC_KEY = 'mx0aBYs33eIilxBWC5';
export const DOC_SECRET = '45d0b3c26f2644f19bfb98b07741b2f5';
/** Example 1/2 string and its correct signature, and Example 3 (query + body, no `&`). */
export const EXAMPLE_PARAMS = 'symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=1&price=11&recvWindow=5000&timestamp=1644489390087';
export const EXAMPLE_SIG = 'fd3e4e8543c5188531eb7279d68ae7d26a573d0fc5ab0d18eb692451654d837a';
export const EXAMPLE3_QUERY = 'symbol=BTCUSDT&side=BUY&type=LIMIT';
export const EXAMPLE3_BODY = 'quantity=1&price=11&recvWindow=5000&timestamp=1644489390087';
export const EXAMPLE3_SIG = 'd1a676610ceb39174c8039b3f548357994b2a34139a8addd33baadba65684592';

/** Independent of the project's signer on purpose: the HMAC of the literal string a test writes. */
export function hmac(message: string, secret: string = DOC_SECRET): string {
  return createHmac('sha256', secret).update(message).digest('hex');
}

export function parse(text: string): ParsedRequest {
  const parsed = parseRequestText(text);
  if ('error' in parsed) throw new Error(`expected a parse, got: ${parsed.error}`);
  return parsed;
}

export function lab(text: string, secret: string = DOC_SECRET): LabResult {
  return inspectRequest(parse(text), secret);
}

export const ids = (r: LabResult): string[] => r.findings.map((f) => f.id);
export const detailOf = (r: LabResult, id: string): string => r.findings.find((f) => f.id === id)?.detail ?? '';

/** A complete, correct POST as curl: key header and JSON content type, everything in the query. */
export function postCurl(query: string, extra = ''): string {
  return `curl -X POST -H 'X-MEXC-APIKEY: ${DOC_KEY}' -H 'Content-Type: application/json' ${extra}'https://api.mexc.com/api/v3/order?${query}'`;
}
