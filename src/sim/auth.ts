/**
 * The gatekeeping a SIGNED spot v3 request goes through before its endpoint runs, in the order
 * a gateway would apply it: identify the caller, check the envelope, then the clock, then the
 * signature, then what this key may do. Where MEXC documents no order we chose one and say why.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { MEXC_ERRORS, mandatoryParameter, type SimResponse } from './errors.js';
import { parseWholeNumber, type RequestParams } from './params.js';
import type { Permission, ScenarioBehaviour } from './scenarios.js';
import { isWithinRecvWindow, locateSignature, signatureMatches } from './verify.js';

export const DEFAULT_RECV_WINDOW_MS = 5000;
/** 700005 says "must less than 60000"; whether 60000 itself passes is [UNCONFIRMED] (§1.1). We accept it. */
export const MAX_RECV_WINDOW_MS = 60000;

export interface SignedRequest {
  method: string;
  headers: IncomingHttpHeaders;
  /** Raw query and body, one char per byte (latin1), for the signature. */
  rawQuery: string;
  rawBody: string;
  params: RequestParams;
  serverTimeMs: number;
}

export interface ServerKey {
  apiKey: string;
  /** The secret the server verifies with (differs from the client's in `signature-invalid`). */
  secret: string;
}

export type AuthResult = { ok: true } | { ok: false; response: SimResponse };

const reject = (response: SimResponse): AuthResult => ({ ok: false, response });

function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

export function authorizeSignedRequest(
  req: SignedRequest,
  key: ServerKey,
  behaviour: ScenarioBehaviour,
  required: Permission,
): AuthResult {
  // 1. Who is calling. Node lowercases header names, so `x-mexc-apikey` covers any casing.
  const headerKey = req.headers['x-mexc-apikey'];
  const sentKey = (Array.isArray(headerKey) ? headerKey[0] : headerKey)?.trim() ?? '';
  if (sentKey === '') return reject(MEXC_ERRORS.apiKeyRequired());
  if (!behaviour.keyKnown || sentKey !== key.apiKey) return reject(MEXC_ERRORS.keyInfoInvalid());

  // 2. Envelope. Content-Type bites on POST/PUT/DELETE only; GETs without it work (§1.1).
  if (req.method !== 'GET' && mediaType(req.headers['content-type']) !== 'application/json') {
    return reject(MEXC_ERRORS.invalidContentType());
  }
  // Signature presence before timestamp: a GET /api/v3/account sent with no params at all gets
  // the 700004 about 'signature', not about 'timestamp' (§7.4, pybotters PR 250).
  const located = locateSignature(req);
  if (located.signature === undefined || located.signature === '') return reject(mandatoryParameter('signature'));

  // 3. Timing ("Timing security", https://mexcdevelop.github.io/apidocs/spot_v3_en/#timing-security). recvWindow is validated before timestamp because its
  // bound is a property of the request alone; the clock rule needs both.
  const recvWindowText = req.params.get('recvWindow');
  let recvWindowMs = DEFAULT_RECV_WINDOW_MS;
  if (recvWindowText !== undefined) {
    const parsed = parseWholeNumber(recvWindowText);
    if (parsed === undefined) return reject(mandatoryParameter('recvWindow'));
    if (parsed > MAX_RECV_WINDOW_MS) return reject(MEXC_ERRORS.recvWindowTooLarge());
    recvWindowMs = parsed;
  }
  const timestampMs = parseWholeNumber(req.params.get('timestamp'));
  if (timestampMs === undefined) return reject(mandatoryParameter('timestamp'));
  // Before the signature: a stale request is dropped without spending an HMAC on it, and a
  // client with a bad clock sees 700003 (the real cause) rather than a signature error.
  if (!isWithinRecvWindow(timestampMs, req.serverTimeMs, recvWindowMs)) return reject(MEXC_ERRORS.outsideRecvWindow());

  // 4. Signature over the raw bytes received (verify.ts explains the interpretation).
  if (!signatureMatches(key.secret, located.totalParams, located.signature)) return reject(MEXC_ERRORS.signatureInvalid());

  // 5. What this authenticated key may do. The IP whitelist is checked after the signature so
  // the message can only reveal the caller's IP to the key's owner.
  if (behaviour.blockedClientIp) return reject(MEXC_ERRORS.ipNotWhitelisted(behaviour.blockedClientIp));
  if (behaviour.accountAbnormal) return reject(MEXC_ERRORS.accountAbnormal());
  if (!behaviour.permissions.has(required)) return reject(MEXC_ERRORS.noPermission());
  return { ok: true };
}
