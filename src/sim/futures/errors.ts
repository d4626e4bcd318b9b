/**
 * MEXC futures answers: `{success, code, data}` on success, `{success:false, code, message}`
 * otherwise (https://www.mexc.com/api-docs/futures/integration-guide). Codes are from the docs'
 * error table (https://www.mexc.com/api-docs/futures/error-code); a message is the observed
 * text where one was seen in a real answer, else the docs' description. Business errors come
 * with HTTP 200 (third-party clients read the envelope, not the status); [UNCONFIRMED] by MEXC.
 */
import { jsonResponse, type SimResponse } from '../errors.js';

export function futuresOk(data: unknown): SimResponse {
  return jsonResponse(200, { success: true, code: 0, data });
}

/**
 * The server-time answer as MEXC's futures docs print it: no `code`
 * (https://mexcdevelop.github.io/apidocs/contract_v1_en/#get-the-server-time; docs/mexc-api.md §2.1).
 */
export function futuresPingOk(serverTimeMs: number): SimResponse {
  return jsonResponse(200, { success: true, data: serverTimeMs });
}

export function futuresError(code: number, message: string, note?: string): SimResponse {
  return jsonResponse(200, { success: false, code, message }, note ? { [SIM_NOTE_HEADER]: note } : {});
}

/**
 * Says why the simulator answered as it did where MEXC's answer alone would mislead (a 602 to a
 * correctly signed order). Not a MEXC header; clients ignore it.
 */
export const SIM_NOTE_HEADER = 'x-sim-note';

export const FUTURES_ERRORS = {
  unauthorized: (note?: string) => futuresError(401, 'Unauthorized', note),
  /** Observed: {"success":false,"code":402,"message":"API key expired!"} (comment in ccxt's mexc.js, v1 era). */
  keyExpired: () => futuresError(402, 'API key expired!'),
  ipNotWhitelisted: () => futuresError(406, 'Accessed IP is not in the whitelist'),
  rateLimited: () => futuresError(510, 'Excessive frequency of requests'),
  endpointInaccessible: () => futuresError(511, 'Endpoint inaccessible'),
  outsideTimeWindow: () => futuresError(513, 'Invalid request(for open api serves time more or less than 10s)'),
  /** Observed text for 600 (ccxt's mexc exception table: 'Param error!' → code 600). */
  paramError: (note?: string) => futuresError(600, 'Param error!', note),
  dataDecoding: () => futuresError(601, 'Data decoding error'),
  /** Observed: https://github.com/makarworld/pymexc/issues/1 */
  signatureFailed: (note?: string) => futuresError(602, 'Signature verification failed!', note),
  accountReadRequired: () => futuresError(701, 'Account read permission is required'),
  accountWriteRequired: () => futuresError(702, 'Account modify permission is required'),
  /** Observed text, from a comment in ccxt's mexc.js: "Require trade read permission!". */
  tradeReadRequired: () => futuresError(703, 'Require trade read permission!'),
  tradeWriteRequired: () => futuresError(704, 'Transaction information modify permission is required'),
  contractNotFound: () => futuresError(1001, 'Contract does not exist'),
  /** Documented as 1000 "Account does not exist"; observed text from ccxt's mexc exception table. */
  noContractAccount: () => futuresError(1000, 'Please open contract account first!'),
} as const;

/** Unknown futures path. MEXC's exact 404 body is [UNCONFIRMED]; this keeps the futures envelope. */
export function futuresNotFound(): SimResponse {
  return jsonResponse(404, { success: false, code: 404, message: 'Not Found' });
}
