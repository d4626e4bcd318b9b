/**
 * `explain` cases: every error text the facts list (docs/mexc-api.md §3 spot, §6 futures, the
 * Binance lookalikes ported bots print), each pasted bare and inside the noise users paste
 * around it. Expected ids come from docs/diagnoses.md.
 */
import type { DiagnosisId } from '../../src/core/types.js';

export interface MexcText {
  code: number;
  msg: string;
  id: DiagnosisId;
  futures?: boolean;
  /** Also paste the bare code alone (a code with one meaning). */
  bareCode?: boolean;
}

export const SPOT_TEXTS: MexcText[] = [
  { code: 700001, msg: 'API-key format invalid', id: 'key-invalid', bareCode: true },
  { code: 700002, msg: 'Signature for this request is not valid.', id: 'signature-invalid', bareCode: true },
  { code: 700003, msg: 'Timestamp for this request is outside of the recvWindow.', id: 'timestamp-outside-recv-window', bareCode: true },
  { code: 700004, msg: "Mandatory parameter 'signature' was not sent, was empty/null, or malformed.", id: 'signature-missing' },
  { code: 700004, msg: "Param 'origClientOrderId' or 'orderId' must be sent, but both were empty/null", id: 'unknown-error' },
  { code: 700005, msg: 'recvWindow must less than 60000', id: 'recv-window-too-large', bareCode: true },
  { code: 700006, msg: 'IP [168.181.160.97] not in the ip white list', id: 'ip-not-whitelisted', bareCode: true },
  { code: 700006, msg: 'IP non white list', id: 'ip-not-whitelisted' },
  { code: 700007, msg: 'No permission to access the endpoint.', id: 'permission-denied', bareCode: true },
  { code: 700008, msg: 'Illegal characters found in parameter', id: 'illegal-characters', bareCode: true },
  { code: 700013, msg: 'Invalid content Type.', id: 'content-type-invalid', bareCode: true },
  { code: 10072, msg: 'Api key info invalid', id: 'key-invalid', bareCode: true },
  { code: 10072, msg: 'invalid access key', id: 'key-invalid' },
  { code: 10073, msg: 'Invalid Request-Time', id: 'timestamp-outside-recv-window', bareCode: true },
  { code: 10007, msg: 'symbol not support api', id: 'symbol-not-api-enabled', bareCode: true },
  { code: 10007, msg: 'bad symbol', id: 'symbol-not-api-enabled' },
  { code: 70011, msg: 'Pair user ban trade apikey.', id: 'symbol-not-api-enabled', bareCode: true },
  { code: 30019, msg: 'api market order is disabled', id: 'symbol-not-api-enabled', bareCode: true },
  { code: 30020, msg: 'no permission for the symbol', id: 'permission-denied', bareCode: true },
  { code: 60005, msg: 'your account is abnormal', id: 'account-abnormal', bareCode: true },
  { code: 730100, msg: 'Unusual user status', id: 'account-abnormal', bareCode: true },
  { code: 10001, msg: 'user does not exist', id: 'key-invalid', bareCode: true },
  { code: 400, msg: 'api key required', id: 'key-header-missing' },
  { code: 401, msg: 'No authority', id: 'permission-denied' },
  { code: 403, msg: 'Access Denied', id: 'blocked' },
  { code: 429, msg: 'Too Many Requests', id: 'rate-limited' },
  { code: 602, msg: 'Signature verification failed', id: 'signature-invalid' },
  { code: 11444, msg: 'This feature is temporarily unavailable', id: 'server-error', bareCode: true },
  { code: 503, msg: 'service not available, please try again', id: 'server-error' },
  { code: 504, msg: 'Gateway Time-out', id: 'server-error' },
  { code: 730708, msg: 'listen key information error', id: 'unknown-error' },
  { code: 26, msg: 'operation not allowed', id: 'unknown-error' },
  { code: 730001, msg: 'User information error', id: 'unknown-error' },
  { code: 730001, msg: 'Pair not found', id: 'unknown-error' },
  { code: 730002, msg: 'Your input param is invalid', id: 'unknown-error' },
  { code: 30004, msg: 'Insufficient position', id: 'unknown-error' },
  { code: 10101, msg: 'Insufficient balance', id: 'unknown-error' },
  { code: 30016, msg: 'trading disabled', id: 'unknown-error' },
];

export const FUTURES_TEXTS: MexcText[] = [
  { code: 401, msg: 'Unauthorized', id: 'key-invalid', futures: true },
  { code: 402, msg: 'Api_key expired', id: 'key-expired', futures: true },
  { code: 402, msg: 'API key expired!', id: 'key-expired', futures: true },
  { code: 406, msg: 'Accessed IP is not in the whitelist', id: 'ip-not-whitelisted', futures: true },
  { code: 510, msg: 'Excessive frequency of requests', id: 'rate-limited', futures: true },
  { code: 511, msg: 'Endpoint inaccessible', id: 'futures-api-unavailable', futures: true },
  { code: 513, msg: 'Invalid request(for open api serves time more or less than 10s)', id: 'timestamp-outside-recv-window', futures: true },
  { code: 602, msg: 'Signature verification failed!', id: 'signature-invalid', futures: true },
  { code: 602, msg: 'Verify failed', id: 'signature-invalid', futures: true },
  { code: 701, msg: 'Account read permission is required', id: 'permission-denied', futures: true },
  { code: 702, msg: 'Account modify permission is required', id: 'permission-denied', futures: true },
  { code: 703, msg: 'Trade information read permission is required', id: 'permission-denied', futures: true },
  { code: 704, msg: 'Transaction information modify permission is required', id: 'permission-denied', futures: true },
  { code: 1000, msg: 'Account does not exist', id: 'futures-api-unavailable', futures: true },
  { code: 500, msg: 'Internal error', id: 'server-error', futures: true },
  { code: 501, msg: 'System busy', id: 'server-error', futures: true },
  { code: 9999, msg: 'Public abnormal', id: 'server-error', futures: true },
  { code: 600, msg: 'Parameter error', id: 'unknown-error', futures: true },
  { code: 601, msg: 'Data decoding error', id: 'unknown-error', futures: true },
  { code: 603, msg: 'Repeated requests', id: 'unknown-error', futures: true },
  { code: 506, msg: 'Unknown source of request', id: 'unknown-error', futures: true },
];

const body = (t: MexcText) => (t.futures ? JSON.stringify({ success: false, code: t.code, message: t.msg }) : JSON.stringify({ code: t.code, msg: t.msg }));

/** The noise a user pastes around the answer. */
export const WRAPPERS: Array<{ name: string; wrap: (t: MexcText) => string; spotOnly?: boolean }> = [
  { name: 'JSON body', wrap: body },
  { name: 'ccxt line', wrap: (t) => `AuthenticationError: mexc ${body(t)}` },
  {
    name: 'Python traceback',
    wrap: (t) =>
      [
        'Traceback (most recent call last):',
        '  File "/home/bot/main.py", line 42, in <module>',
        '    balance = exchange.fetch_balance()',
        '  File "/usr/lib/python3.11/site-packages/ccxt/base/exchange.py", line 3810, in fetch',
        '    self.handle_errors(http_status_code, http_status_text, url, method, headers, http_response, json_response, request_headers, request_body)',
        `ccxt.base.errors.ExchangeError: mexc ${body(t)}`,
      ].join('\n'),
  },
  {
    name: 'Node stack',
    wrap: (t) => [`Error: Request failed with status code 400`, `    at settle (/app/node_modules/axios/lib/core/settle.js:19:12)`, `  response: { status: 400, data: ${body(t)} }`].join('\n'),
  },
  { name: 'HTTP status line and headers', wrap: (t) => `HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nDate: Mon, 01 Jan 2024 00:00:00 GMT\r\n\r\n${body(t)}` },
  { name: 'message text alone', wrap: (t) => t.msg },
  { name: 'log line with code and message', wrap: (t) => `2024-05-01 02:13:07,551 ERROR bot.exchange - MEXC API error ${t.code}: ${t.msg}` },
];

export interface PasteCase {
  name: string;
  text: string;
  /** Undefined: a success answer, exit 0. */
  id?: DiagnosisId;
  /** Words the output must contain (e.g. the announcement link). */
  says?: string;
}

/** The paste classes of issue #10 and other pastes seen in the wild. */
export const PASTES: PasteCase[] = [
  { name: 'Binance -1022 with the MEXC message', text: '{"code":-1022,"msg":"Signature for this request is not valid."}', id: 'signature-invalid' },
  { name: 'Binance -1021 ahead text', text: '{"code":-1021,"msg":"Timestamp for this request was 1000ms ahead of the server\'s time."}', id: 'clock-ahead' },
  { name: 'Binance -1021 recvWindow text', text: '{"code":-1021,"msg":"Timestamp for this request is outside of the recvWindow."}', id: 'timestamp-outside-recv-window' },
  { name: 'Binance -2014', text: '{"code":-2014,"msg":"API-key format invalid."}', id: 'key-invalid' },
  { name: 'Binance -2015', text: '{"code":-2015,"msg":"Invalid API-key, IP, or permissions for action."}', id: 'key-invalid' },
  { name: '10073 as ccxt printed it in the v2 era', text: "MEXC Private API Error code 10073 'Invalid Request-Time'", id: 'timestamp-outside-recv-window' },
  { name: 'parameter api key is required', text: 'parameter api key is required', id: 'key-header-missing' },
  { name: 'ccxt requires apiKey', text: 'ccxt.base.errors.AuthenticationError: mexc requires "apiKey" credential', id: 'key-missing' },
  { name: 'ccxt requires secret', text: 'AuthenticationError: mexc requires "secret" credential', id: 'secret-missing' },
  { name: '30019 bare text line', text: '30019 api market order is disabled', id: 'symbol-not-api-enabled' },
  {
    name: 'Python TLS error',
    text: "requests.exceptions.SSLError: HTTPSConnectionPool(host='api.mexc.com', port=443): Max retries exceeded with url: /api/v3/account (Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self-signed certificate in certificate chain (_ssl.c:1006)')))",
    id: 'tls-error',
  },
  { name: 'Node TLS error', text: 'RequestError: unable to get local issuer certificate', id: 'tls-error' },
  { name: '418 with a JSON body', text: 'HTTP/1.1 418 I\'m a teapot\nRetry-After: 120\n\n{"code":-1003,"msg":"Way too many requests; IP banned until 1700000000000."}', id: 'rate-limited' },
  { name: '418 status line alone', text: "HTTP/1.1 418 I'm a teapot", id: 'rate-limited' },
  { name: '429 status line', text: 'HTTP/1.1 429 Too Many Requests\nRetry-After: 7', id: 'rate-limited' },
  { name: 'proxy 407', text: 'ProxyError: Tunnel connection failed: 407 Proxy Authentication Required', id: 'proxy-auth-required' },
  { name: 'hpagent 407', text: 'Error: Bad response: 407', id: 'proxy-auth-required' },
  {
    name: 'maintenance body keeps the announcement',
    text: '{"code": 500,"message": "Under maintenance, please try again later","announcement": "https://www.mexc.com/support/articles/17827791510263"}',
    id: 'server-error',
    says: 'https://www.mexc.com/support/articles/17827791510263',
  },
  {
    name: 'Akamai 403 page',
    text: '<HTML><HEAD>\n<TITLE>Access Denied</TITLE>\n</HEAD><BODY>\n<H1>Access Denied</H1>\nYou don\'t have permission to access "http&#58;&#47;&#47;api&#46;mexc&#46;com&#47;api&#47;v3&#47;account" on this server.<P>\nReference&#32;&#35;18&#46;5e6f1002&#46;1700000000&#46;1a2b3c4d\n</BODY>\n</HTML>',
    id: 'blocked',
  },
  { name: '403 status line', text: 'HTTP/1.1 403 Forbidden', id: 'blocked' },
  { name: '503 status line', text: 'HTTP/1.1 503 Service Unavailable', id: 'server-error' },
  { name: '404 HTML', text: 'HTTP/1.1 404 Not Found\n\n<html><head><title>404 Not Found</title></head><body>nginx</body></html>', id: 'base-url-wrong' },
  { name: 'DNS failure', text: "requests.exceptions.ConnectionError: HTTPSConnectionPool(host='api.mexc.com', port=443): Max retries exceeded (Caused by NameResolutionError(\"Failed to resolve 'api.mexc.com' ([Errno -3] Temporary failure in name resolution)\"))", id: 'dns-failure' },
  { name: 'connection refused', text: 'Error: connect ECONNREFUSED 127.0.0.1:443', id: 'connection-failed' },
  { name: 'read timeout', text: "ReadTimeout: HTTPSConnectionPool(host='api.mexc.com', port=443): Read timed out. (read timeout=10)", id: 'timeout' },
  { name: 'code as a string', text: '{"code":"700002","msg":"Signature for this request is not valid."}', id: 'signature-invalid' },
  { name: 'listen key error with code as a string', text: '{"code":"730708","msg":"listen key information error"}', id: 'unknown-error' },
  { name: 'message in Python dict repr', text: "{'code': 700002, 'msg': 'Signature for this request is not valid.'}", id: 'signature-invalid' },
  { name: 'JSON with extra fields and other key order', text: '{"msg":"No permission to access the endpoint.","data":null,"code":700007,"_extend":null}', id: 'permission-denied' },
  { name: 'futures 602 in Chinese', text: '{"success":false,"code":602,"message":"签名验证失败"}', id: 'signature-invalid' },
  { name: '700006 names the IP MEXC saw', text: '{"code":700006,"msg":"IP [168.181.160.97] not in the ip white list"}', id: 'ip-not-whitelisted', says: '168.181.160.97' },
  { name: 'captive portal page with its status line', text: 'HTTP/1.1 200 OK\nContent-Type: text/html\n\n<html><head><title>Hotel WiFi Login</title></head></html>', id: 'unexpected-response' },
  { name: 'a JSON body that is not MEXC\'s', text: '{"error":"Unauthorized"}', id: 'unknown-error' },
  // Success answers: no problem, exit 0.
  { name: 'success: {} (ping, order/test)', text: '{}' },
  { name: 'success: serverTime', text: '{"serverTime":1700000000000}' },
  { name: 'success: account', text: '{"makerCommission":null,"canTrade":true,"accountType":"SPOT","balances":[{"asset":"USDT","free":"1.5","locked":"0"}],"permissions":["SPOT"]}' },
  { name: 'success: defaultSymbols', text: '{"code":200,"data":["BTCUSDT","ETHUSDT"],"msg":null}' },
  { name: 'success: futures ping as documented', text: '{"success":true,"data":1587442022003}' },
  { name: 'success: futures assets', text: '{"success":true,"code":0,"data":[{"currency":"USDT","availableBalance":5}]}' },
  { name: 'success: openOrders list', text: '[{"symbol":"BTCUSDT","orderId":"C02__1","price":"1","status":"NEW"}]' },
];
