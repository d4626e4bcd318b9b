/**
 * MEXC's error answers, with the exact texts (docs/mexc-api.md §3). Observed texts win over the doc
 * table where they differ (e.g. 700002 ends with a period, 10072 reads "Api key info invalid").
 */

export interface SimResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** MEXC `code` of the answer, for the request log (undefined for plain successes). */
  code?: number | string;
}

export function jsonResponse(status: number, payload: unknown, headers: Record<string, string> = {}): SimResponse {
  const code =
    payload && typeof payload === 'object' && 'code' in payload
      ? ((payload as { code: number | string }).code as number | string)
      : undefined;
  return {
    status,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(payload),
    ...(code !== undefined ? { code } : {}),
  };
}

/** Spot v3 error body `{"code":…,"msg":"…"}`; HTTP 400 unless docs/mexc-api.md §3 says otherwise. */
export function mexcError(code: number, msg: string, status = 400): SimResponse {
  return jsonResponse(status, { code, msg });
}

export const MEXC_ERRORS = {
  /** No or empty `X-MEXC-APIKEY` header (also a misnamed one such as `X-MBX-APIKEY`). */
  apiKeyRequired: () => mexcError(400, 'api key required'),
  keyInfoInvalid: () => mexcError(10072, 'Api key info invalid'),
  /** Since 2024-02-22 for POST/PUT/DELETE without `application/json` (docs/mexc-api.md §1.1). */
  invalidContentType: () => mexcError(700013, 'Invalid content Type.'),
  recvWindowTooLarge: () => mexcError(700005, 'recvWindow must less than 60000'),
  outsideRecvWindow: () => mexcError(700003, 'Timestamp for this request is outside of the recvWindow.'),
  signatureInvalid: () => mexcError(700002, 'Signature for this request is not valid.'),
  /** Newer text carries the caller's public IP in brackets (docs/mexc-api.md §3, 700006). */
  ipNotWhitelisted: (ip: string) => mexcError(700006, `IP [${ip}] not in the ip white list`),
  noPermission: () => mexcError(700007, 'No permission to access the endpoint.'),
  symbolNotSupportApi: () => mexcError(10007, 'symbol not support api'),
  accountAbnormal: () => mexcError(60005, 'your account is abnormal'),
  invalidSymbol: () => mexcError(30014, 'invalid symbol'),
  /** Observed batch-order text: "The minimum transaction volume cannot be less than:0.5USDT". */
  belowMinimumNotional: (minimum: string, quoteAsset: string) =>
    mexcError(30002, `The minimum transaction volume cannot be less than:${minimum}${quoteAsset}`),
  listenKeyInvalid: () => mexcError(730708, 'listen key information error'),
} as const;

/** 700004's generic form, observed for `signature` (docs/mexc-api.md §3 and §7.4). */
export function mandatoryParameter(name: string): SimResponse {
  return mexcError(700004, `Mandatory parameter '${name}' was not sent, was empty/null, or malformed.`);
}

/**
 * Unknown path. MEXC's exact 404 body is not documented [UNCONFIRMED]; this follows the
 * spot `{code,msg}` shape with the HTTP reason phrase.
 */
export function notFound(): SimResponse {
  return mexcError(404, 'Not Found', 404);
}

/**
 * Answer to any endpoint that would move money (orders, withdrawals, transfers). 30016
 * "trading disabled" is a real MEXC code; the text adds why, because a bot author pointing a
 * live strategy at the simulator must never believe an order was placed.
 */
export function realActionRefused(): SimResponse {
  return mexcError(
    30016,
    'trading disabled: the mexc-wizard simulator never places orders, withdrawals or transfers; use POST /api/v3/order/test',
  );
}
