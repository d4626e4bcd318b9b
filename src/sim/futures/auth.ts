/**
 * The gatekeeping a private futures request goes through before its endpoint runs: identify
 * the key, read the time, check the time window, the signature, then what the key may do. MEXC
 * documents the codes, not the order; where it is silent we chose one and say so.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { SimResponse } from '../errors.js';
import { FUTURES_ERRORS } from './errors.js';
import type { FuturesBehaviour, FuturesPermission } from './scenarios.js';
import { expectedFuturesSignature, futuresSignatureMatches, signedParamText, withinFuturesWindow } from './verify.js';

export const FUTURES_DEFAULT_WINDOW_SEC = 10;
export const FUTURES_MAX_WINDOW_SEC = 60;

export interface FuturesSignedRequest {
  method: string;
  headers: IncomingHttpHeaders;
  /** Raw query and body, one char per byte (latin1). */
  rawQuery: string;
  rawBody: string;
  serverTimeMs: number;
}

export interface FuturesServerKey {
  apiKey: string;
  /** The secret the server verifies with (another one in `futures-signature-invalid`). */
  secret: string;
}

export type FuturesAuthResult = { ok: true } | { ok: false; response: SimResponse };

const reject = (response: SimResponse): FuturesAuthResult => ({ ok: false, response });

/** Node lowercases header names, so `apikey` covers `ApiKey`, `APIKEY`, …; a repeated header counts once. */
function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return (Array.isArray(value) ? value[0] : value)?.trim();
}

const MISSING_PERMISSION: Record<FuturesPermission, () => SimResponse> = {
  CONTRACT_ACCOUNT_READ: FUTURES_ERRORS.accountReadRequired,
  CONTRACT_ACCOUNT_WRITE: FUTURES_ERRORS.accountWriteRequired,
  CONTRACT_DEAL_READ: FUTURES_ERRORS.tradeReadRequired,
  CONTRACT_DEAL_WRITE: FUTURES_ERRORS.tradeWriteRequired,
};

export function authorizeFuturesRequest(
  req: FuturesSignedRequest,
  key: FuturesServerKey,
  behaviour: FuturesBehaviour,
  required: FuturesPermission,
): FuturesAuthResult {
  // 1. Who is calling. The answer to a missing ApiKey is [UNCONFIRMED]; 401 is the documented
  // "Unauthorized". A spot-style X-MEXC-APIKEY is not read here.
  const apiKey = header(req.headers, 'apikey') ?? '';
  if (apiKey === '') {
    const spotHeader = header(req.headers, 'x-mexc-apikey') ? ' (X-MEXC-APIKEY is the spot header)' : '';
    return reject(FUTURES_ERRORS.unauthorized(`no ApiKey header${spotHeader}`));
  }
  if (behaviour.keyState === 'unknown' || apiKey !== key.apiKey) return reject(FUTURES_ERRORS.unauthorized());
  if (behaviour.keyState === 'expired') return reject(FUTURES_ERRORS.keyExpired());

  // 2. Time. A missing or non-numeric Request-Time cannot be placed in the window: 600 "Param
  // error!" is our choice [UNCONFIRMED]. A seconds value parses and fails the window (513).
  const requestTime = header(req.headers, 'request-time') ?? '';
  if (!/^\d{1,16}$/.test(requestTime)) {
    return reject(FUTURES_ERRORS.paramError(requestTime === '' ? 'no Request-Time header' : 'Request-Time is not a whole number of milliseconds'));
  }
  const recvWindow = header(req.headers, 'recv-window');
  let windowSec = FUTURES_DEFAULT_WINDOW_SEC;
  if (recvWindow !== undefined) {
    if (!/^\d{1,9}$/.test(recvWindow) || Number(recvWindow) === 0) return reject(FUTURES_ERRORS.paramError('Recv-Window is not a whole number of seconds'));
    // "maximum value of 60": a larger value is treated as 60 here; MEXC's answer is [UNCONFIRMED].
    windowSec = Math.min(Number(recvWindow), FUTURES_MAX_WINDOW_SEC);
  }
  if (!withinFuturesWindow(Number(requestTime), req.serverTimeMs, windowSec)) return reject(FUTURES_ERRORS.outsideTimeWindow());

  // 3. Signature over accessKey + Request-Time + the raw parameters received (verify.ts).
  const signature = header(req.headers, 'signature') ?? '';
  if (signature === '') return reject(FUTURES_ERRORS.signatureFailed('no Signature header'));
  const expected = expectedFuturesSignature(key.secret, apiKey, requestTime, signedParamText(req));
  if (!futuresSignatureMatches(expected, signature)) return reject(FUTURES_ERRORS.signatureFailed());

  // 4. What this authenticated key may do; the IP check after the signature, as on spot.
  if (behaviour.ipBlocked) return reject(FUTURES_ERRORS.ipNotWhitelisted());
  if (!behaviour.permissions.has(required)) return reject(MISSING_PERMISSION[required]());
  return { ok: true };
}
