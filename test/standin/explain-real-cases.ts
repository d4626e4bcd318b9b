/**
 * Real-world paste shapes for `explain`, built from the public source of the libraries bot
 * authors use: how each one formats MEXC's answer (or its own failure) when it raises.
 *  - ccxt: `feedback = self.id + ' ' + body` in `handle_errors`, raised as
 *    `ccxt.base.errors.<Class>: mexc {...}` (Python) / `<Class>: mexc {...}` (JS)
 *    (https://github.com/ccxt/ccxt/blob/master/python/ccxt/mexc.py).
 *  - freqtrade: `Could not get balance due to <Class>. Message: <ccxt text>`
 *    (https://github.com/freqtrade/freqtrade/blob/develop/freqtrade/exchange/exchange.py).
 *  - hummingbot: `Error executing request GET <url>. HTTP status is 400. Error: <body>`
 *    (https://github.com/hummingbot/hummingbot, connector web utils).
 *  - pymexc: `MexcAPIError: (code=602): <message>` (https://github.com/makarworld/pymexc).
 *  - requests, aiohttp, axios, got, Go net/http, Java, .NET: their own error texts.
 * Expected ids follow docs/diagnoses.md; a text that shows no MEXC answer must say it is unknown.
 */
import type { DiagnosisId } from '../../src/core/types.js';

export interface RealPaste {
  name: string;
  text: string;
  /** Undefined: a success answer, exit 0. */
  id?: DiagnosisId;
  /** Words the output must contain. */
  says?: string;
  /** Words the output must not contain (a cause the text does not support). */
  notSays?: RegExp;
}

const SIG = '{"code":700002,"msg":"Signature for this request is not valid."}';
const TS = '{"code":700003,"msg":"Timestamp for this request is outside of the recvWindow."}';
const URL_Q = 'https://api.mexc.com/api/v3/account?timestamp=1714530000000&recvWindow=5000&signature=3c5e0a1b9f';
const ESC = '\u001b';

const pyTrace = (last: string, eol = '\n') =>
  [
    'Traceback (most recent call last):',
    '  File "/home/bot/bot.py", line 18, in <module>',
    '    print(exchange.fetch_balance())',
    '  File "/usr/local/lib/python3.12/site-packages/ccxt/mexc.py", line 2841, in fetch_balance',
    '    response = self.spotPrivateGetAccount(params)',
    '  File "/usr/local/lib/python3.12/site-packages/ccxt/base/exchange.py", line 4302, in handle_errors',
    '    raise ExchangeError(feedback)',
    last,
  ].join(eol);

export const REAL_PASTES: RealPaste[] = [
  // ccxt, Python and JS
  { name: 'ccxt py AuthenticationError 700002', text: `ccxt.base.errors.AuthenticationError: mexc ${SIG}`, id: 'signature-invalid' },
  { name: 'ccxt py traceback InvalidNonce 700003', text: pyTrace(`ccxt.base.errors.InvalidNonce: mexc ${TS}`), id: 'timestamp-outside-recv-window' },
  { name: 'ccxt py traceback with Windows line ends', text: pyTrace(`ccxt.base.errors.AuthenticationError: mexc ${SIG}`, '\r\n') + '\r\n', id: 'signature-invalid' },
  { name: 'ccxt py BadRequest 700006 with the IP', text: 'ccxt.base.errors.BadRequest: mexc {"code":700006,"msg":"IP [203.0.113.7] not in the ip white list"}', id: 'ip-not-whitelisted', says: '203.0.113.7' },
  { name: 'ccxt py BadRequest 10072', text: 'ccxt.base.errors.BadRequest: mexc {"code":10072,"msg":"Api key info invalid"}', id: 'key-invalid' },
  { name: 'ccxt py PermissionDenied 700007 on openOrders', text: 'ccxt.base.errors.AuthenticationError: mexc {"code":700007,"msg":"No permission to access the endpoint."}', id: 'permission-denied' },
  { name: 'ccxt py 700013 on createOrder', text: 'ccxt.base.errors.AuthenticationError: mexc {"code":700013,"msg":"Invalid content Type."}', id: 'content-type-invalid' },
  { name: 'ccxt py 10007 symbol', text: 'ccxt.base.errors.BadSymbol: mexc {"code":10007,"msg":"symbol not support api"}', id: 'symbol-not-api-enabled' },
  { name: 'ccxt py 700004 signature missing', text: `ccxt.base.errors.ExchangeError: mexc {"code":700004,"msg":"Mandatory parameter 'signature' was not sent, was empty/null, or malformed."}`, id: 'signature-missing' },
  { name: 'ccxt py 30005 Oversold (a business error, no key cause)', text: 'ccxt.base.errors.InsufficientFunds: mexc {"code":30005,"msg":"Oversold"}', id: 'unknown-error' },
  {
    name: 'ccxt JS stack, 10072',
    text: [
      'AuthenticationError: mexc {"code":10072,"msg":"Api key info invalid"}',
      '    at mexc.throwExactlyMatchedException (file:///app/node_modules/ccxt/js/src/base/Exchange.js:4386:19)',
      '    at mexc.handleErrors (file:///app/node_modules/ccxt/js/src/mexc.js:5816:18)',
      '    at file:///app/node_modules/ccxt/js/src/base/Exchange.js:1051:33',
      '    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
    ].join('\n'),
    id: 'key-invalid',
  },
  { name: 'ccxt JS RequestTimeout', text: 'RequestTimeout: mexc GET https://api.mexc.com/api/v3/account?timestamp=1714530000000&recvWindow=5000&signature=ab12 request timed out (10000 ms)', id: 'timeout' },
  { name: 'ccxt py DDoSProtection 429', text: 'ccxt.base.errors.DDoSProtection: mexc GET https://api.mexc.com/api/v3/order 429 Too Many Requests', id: 'rate-limited' },
  { name: 'ccxt py ExchangeNotAvailable 503', text: 'ccxt.base.errors.ExchangeNotAvailable: mexc GET https://api.mexc.com/api/v3/exchangeInfo 503 Service Temporarily Unavailable', id: 'server-error' },
  { name: 'ccxt py credentials missing', text: pyTrace('ccxt.base.errors.AuthenticationError: mexc requires "apiKey" credential'), id: 'key-missing' },
  {
    name: 'ccxt JS verbose response line',
    text: `fetch Response: mexc GET ${URL_Q} 400 {"content-type":"application/json","server":"Tengine"} ${SIG}`,
    id: 'signature-invalid',
  },
  // freqtrade
  {
    name: 'freqtrade balance AuthenticationError',
    text: `2024-05-01 02:13:07,551 - freqtrade.freqtradebot - ERROR - Could not get balance due to AuthenticationError. Message: mexc ${SIG}`,
    id: 'signature-invalid',
  },
  {
    name: 'freqtrade InvalidNonce',
    text: `freqtrade.exceptions.TemporaryError: Could not get balance due to InvalidNonce. Message: mexc ${TS}`,
    id: 'timestamp-outside-recv-window',
  },
  {
    name: 'freqtrade create order 30019',
    text: '2024-05-01 02:13:07,551 - freqtrade.exchange.exchange - WARNING - Could not create market buy order on market BTC/USDT. Tried to buy amount 0.001 at rate 64000 (total 64.0). Message: mexc {"code":30019,"msg":"api market order is disabled"}',
    id: 'symbol-not-api-enabled',
  },
  // hummingbot
  {
    name: 'hummingbot account update 700003',
    text: [
      '2024-05-01 02:13:07,551 - 4120 - hummingbot.connector.exchange.mexc.mexc_exchange - ERROR - Unexpected error while fetching account updates.',
      'Traceback (most recent call last):',
      '  File "/home/hummingbot/hummingbot/connector/exchange_py_base.py", line 1042, in _update_balances',
      'OSError: Error executing request GET https://api.mexc.com/api/v3/account. HTTP status is 400. Error: {"code":700003,"msg":"Timestamp for this request is outside of the recvWindow."}',
    ].join('\n'),
    id: 'timestamp-outside-recv-window',
  },
  {
    name: 'hummingbot order POST 700013',
    text: 'OSError: Error executing request POST https://api.mexc.com/api/v3/order. HTTP status is 400. Error: {"code":700013,"msg":"Invalid content Type."}',
    id: 'content-type-invalid',
  },
  {
    name: 'hummingbot with a Python dict body',
    text: "IOError: Error executing request GET /api/v3/openOrders. HTTP status is 400. Error: {'code': 700007, 'msg': 'No permission to access the endpoint.'}",
    id: 'permission-denied',
  },
  // pymexc
  { name: 'pymexc spot 700002', text: 'pymexc.base.MexcAPIError: (code=700002): Signature for this request is not valid.', id: 'signature-invalid' },
  { name: 'pymexc futures 602', text: 'pymexc.base.MexcAPIError: (code=602): Signature verification failed!', id: 'signature-invalid' },
  // HTTP libraries: status without the body
  {
    name: 'requests HTTPError 400, body not shown',
    text: `requests.exceptions.HTTPError: 400 Client Error: Bad Request for url: https://api.mexc.com/api/v3/order?symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=1&price=1&timestamp=1714530000000&signature=3c5e0a1b9f`,
    id: 'unknown-error',
    says: 'Only the HTTP status',
    notSays: /signature is not valid|Signature for this request/i,
  },
  { name: 'requests HTTPError 403', text: 'requests.exceptions.HTTPError: 403 Client Error: Forbidden for url: https://api.mexc.com/api/v3/account?timestamp=1', id: 'blocked' },
  { name: 'requests HTTPError 429', text: 'requests.exceptions.HTTPError: 429 Client Error: Too Many Requests for url: https://api.mexc.com/api/v3/order', id: 'rate-limited' },
  { name: 'requests HTTPError 502', text: 'requests.exceptions.HTTPError: 502 Server Error: Bad Gateway for url: https://api.mexc.com/api/v3/ping', id: 'server-error' },
  {
    name: 'aiohttp ClientResponseError 400, body not shown',
    text: "aiohttp.client_exceptions.ClientResponseError: 400, message='Bad Request', url=URL('https://api.mexc.com/api/v3/account?timestamp=1714530000000&signature=ab12')",
    id: 'unknown-error',
    says: 'Only the HTTP status',
  },
  { name: 'axios 400 without response data', text: 'AxiosError: Request failed with status code 400\n    at settle (/app/node_modules/axios/dist/node/axios.cjs:2019:12)', id: 'unknown-error' },
  {
    name: 'axios error object with response.data (util.inspect)',
    text: [
      'AxiosError: Request failed with status code 400',
      '    at settle (/app/node_modules/axios/dist/node/axios.cjs:2019:12) {',
      "  code: 'ERR_BAD_REQUEST',",
      '  config: {',
      "    method: 'get',",
      "    url: 'https://api.mexc.com/api/v3/account?timestamp=1714530000000&recvWindow=5000&signature=ab12',",
      '  },',
      '  response: {',
      '    status: 400,',
      "    statusText: 'Bad Request',",
      '    data: { code: 700002, msg: \'Signature for this request is not valid.\' }',
      '  }',
      '}',
    ].join('\n'),
    id: 'signature-invalid',
  },
  {
    name: 'axios with colours from util.inspect',
    text: `AxiosError: Request failed with status code 400\n  response: {\n    status: ${ESC}[33m400${ESC}[39m,\n    data: { code: ${ESC}[33m700003${ESC}[39m, msg: ${ESC}[32m'Timestamp for this request is outside of the recvWindow.'${ESC}[39m }\n  }`,
    id: 'timestamp-outside-recv-window',
  },
  { name: 'ccxt line in red (ANSI)', text: `${ESC}[31mccxt.base.errors.AuthenticationError: mexc {"code":10072,"msg":"Api key info invalid"}${ESC}[0m`, id: 'key-invalid' },
  { name: 'ANSI colour around the code number', text: `${ESC}[1;31mERROR${ESC}[0m mexc error code ${ESC}[33m700006${ESC}[0m`, id: 'ip-not-whitelisted' },
  { name: 'got HTTPError 400 with the body logged', text: `HTTPError: Response code 400 (Bad Request)\n    at Request.<anonymous> (/app/node_modules/got/dist/source/as-promise/index.js:86:42)\nbody: ${SIG}`, id: 'signature-invalid' },
  // Other stacks' network failures
  { name: 'Go DNS failure', text: 'Get "https://api.mexc.com/api/v3/account?timestamp=1714530000000&signature=ab": dial tcp: lookup api.mexc.com: no such host', id: 'dns-failure' },
  { name: 'Go client timeout', text: 'Get "https://api.mexc.com/api/v3/time": context deadline exceeded (Client.Timeout exceeded while awaiting headers)', id: 'timeout' },
  { name: 'Java read timeout', text: 'java.net.SocketTimeoutException: Read timed out\n\tat java.base/sun.nio.ch.NioSocketImpl.timedRead(NioSocketImpl.java:288)', id: 'timeout' },
  { name: 'Java PKIX', text: 'javax.net.ssl.SSLHandshakeException: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target', id: 'tls-error' },
  { name: '.NET DNS', text: "System.Net.Http.HttpRequestException: No such host is known. (api.mexc.com:443)\n ---> System.Net.Sockets.SocketException (11001): No such host is known.", id: 'dns-failure' },
  { name: '.NET TLS', text: 'System.Net.Http.HttpRequestException: The SSL connection could not be established, see inner exception.', id: 'tls-error' },
  { name: '.NET HttpClient timeout', text: 'System.Threading.Tasks.TaskCanceledException: The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing.', id: 'timeout' },
  { name: 'Python connection reset', text: "requests.exceptions.ConnectionError: ('Connection aborted.', ConnectionResetError(104, 'Connection reset by peer'))", id: 'connection-failed' },
  // Escaped and nested JSON
  { name: 'JSON string inside JSON (escaped quotes)', text: '{"level":"error","err":"{\\"code\\":700002,\\"msg\\":\\"Signature for this request is not valid.\\"}"}', id: 'signature-invalid' },
  { name: 'futures Chinese message as \\u escapes', text: '{"success":false,"code":602,"message":"\\u7b7e\\u540d\\u9a8c\\u8bc1\\u5931\\u8d25"}', id: 'signature-invalid' },
  { name: 'futures 510 with a Chinese message', text: '{"success":false,"code":510,"message":"请求过于频繁"}', id: 'rate-limited' },
  { name: 'futures 406 with a Chinese message', text: '{"success":false,"code":406,"message":"访问IP不在白名单内"}', id: 'ip-not-whitelisted' },
  { name: 'spot 700002 with a Chinese message (the code decides)', text: '{"code":700002,"msg":"签名无效"}', id: 'signature-invalid' },
  {
    name: 'futures 602 in a bot log line',
    text: '2024-05-01 02:13:07 [ERROR] futures.client: GET /api/v1/private/position/open_positions failed: {"success":false,"code":602,"message":"Signature verification failed!"}',
    id: 'signature-invalid',
  },
  {
    name: 'futures 513 in a log line',
    text: '[2024-05-01T02:13:07Z] POST https://contract.mexc.com/api/v1/private/order/submit -> {"success":false,"code":513,"message":"Invalid request(for open api serves time more or less than 10s)"}',
    id: 'timestamp-outside-recv-window',
  },
  {
    name: 'maintenance with escaped slashes (PHP json_encode)',
    text: '{"code":500,"message":"Under maintenance, please try again later","announcement":"https:\\/\\/www.mexc.com\\/support\\/articles\\/17827791510263"}',
    id: 'server-error',
    says: 'https://www.mexc.com/support/articles/17827791510263',
  },
  { name: '700006 with an IPv6 address', text: '{"code":700006,"msg":"IP [2001:db8::42] not in the ip white list"}', id: 'ip-not-whitelisted', says: '2001:db8::42' },
  // curl -v transcripts
  {
    name: 'curl -v with a 400 and 700002',
    text: [
      '*   Trying 13.225.78.61:443...',
      '* Connected to api.mexc.com (13.225.78.61) port 443',
      `> GET /api/v3/account?timestamp=1714530000000&signature=3c5e HTTP/1.1`,
      '> Host: api.mexc.com',
      '> User-Agent: curl/8.5.0',
      '> X-MEXC-APIKEY: mx0vglAbCdEfGh1234',
      '>',
      '< HTTP/1.1 400 Bad Request',
      '< Content-Type: application/json',
      '< Content-Length: 64',
      '<',
      SIG,
      '* Connection #0 to host api.mexc.com left intact',
    ].join('\n'),
    id: 'signature-invalid',
  },
  {
    name: 'curl -v with HTTP/2 403 Akamai page',
    text: [
      '> GET /api/v3/account?timestamp=1714530000000&signature=3c5e HTTP/2',
      '> Host: api.mexc.com',
      '< HTTP/2 403 ',
      '< content-type: text/html',
      '< server: AkamaiGHost',
      '<HTML><HEAD><TITLE>Access Denied</TITLE></HEAD><BODY><H1>Access Denied</H1>Reference&#32;&#35;18&#46;5e6f1002&#46;1700000000&#46;1a2b3c4d</BODY></HTML>',
    ].join('\n'),
    id: 'blocked',
  },
  {
    name: 'curl -v with a 200 and serverTime',
    text: ['> GET /api/v3/time HTTP/2', '> Host: api.mexc.com', '>', '< HTTP/2 200 ', '< content-type: application/json', '<', '{"serverTime":1714530000000}'].join('\n'),
  },
  { name: 'curl -v with an HTTP/2 429', text: ['> POST /api/v3/order?symbol=BTCUSDT HTTP/2', '< HTTP/2 429 ', '< retry-after: 30', '<'].join('\n'), id: 'rate-limited' },
  // Success answers a user pastes to ask "is this fine?"
  { name: 'success: ticker price', text: '{"symbol":"BTCUSDT","price":"64000.12"}' },
  { name: 'success: empty openOrders', text: '[]' },
  { name: 'success: order/test {} after an HTTP 200 line', text: 'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{}' },
  { name: 'success: futures open positions', text: '{"success":true,"code":0,"data":[]}' },
  { name: 'success: Python dict repr of serverTime', text: "{'serverTime': 1714530000000}" },
  { name: 'success: Python dict repr of futures assets', text: "{'success': True, 'code': 0, 'data': [{'currency': 'USDT', 'availableBalance': 5.1}]}" },
  { name: 'Python dict repr of a futures failure', text: "{'success': False, 'code': 602, 'message': 'Signature verification failed!', 'data': None}", id: 'signature-invalid' },
  // Words in a traceback's code lines are not the error
  {
    name: 'ccxt py traceback (fetch line with timeout=) ending in a 503',
    text: [
      'Traceback (most recent call last):',
      '  File "/usr/local/lib/python3.10/site-packages/ccxt/base/exchange.py", line 629, in fetch',
      '    response = self.session.request(method, url, data=body, headers=request_headers, timeout=int(self.timeout / 1000), proxies=proxies, verify=self.verify and self.validateServerSsl)',
      '  File "/usr/local/lib/python3.10/site-packages/ccxt/base/exchange.py", line 662, in fetch',
      '    self.handle_http_status_code(http_status_code, http_status_text, url, method, http_response)',
      'ccxt.base.errors.ExchangeNotAvailable: mexc GET https://api.mexc.com/api/v3/account 503 Service Temporarily Unavailable',
    ].join('\n'),
    id: 'server-error',
  },
  {
    name: 'ccxt py traceback (fetch line with timeout=) ending in a 429',
    text: [
      '  File "/usr/local/lib/python3.10/site-packages/ccxt/base/exchange.py", line 629, in fetch',
      '    response = self.session.request(method, url, data=body, headers=request_headers, timeout=int(self.timeout / 1000), proxies=proxies)',
      'ccxt.base.errors.DDoSProtection: mexc GET https://api.mexc.com/api/v3/order 429 Too Many Requests',
    ].join('\n'),
    id: 'rate-limited',
  },
  {
    name: 'requests HTTPError 403 after a traceback through urllib3 timeout.py',
    text: [
      '  File "/usr/lib/python3/dist-packages/urllib3/util/timeout.py", line 140, in _validate_timeout',
      '  File "/home/bot/mexc.py", line 40, in get',
      '    r.raise_for_status()',
      'requests.exceptions.HTTPError: 403 Client Error: Forbidden for url: https://api.mexc.com/api/v3/account?timestamp=1714530000000&signature=ab',
    ].join('\n'),
    id: 'blocked',
  },
  { name: 'a JS TypeError that mentions signature', text: "TypeError: Cannot read properties of undefined (reading 'signature')\n    at sign (/app/mexc.js:12:20)", id: 'unknown-error' },
  { name: 'hummingbot with a Binance code MEXC does not document', text: 'OSError: Error executing request GET https://api.mexc.com/api/v3/openOrders. HTTP status is 400. Error: {"code":-1121,"msg":"Invalid symbol."}', id: 'unknown-error' },
  {
    name: 'success: ccxt py verbose response line with its headers dict',
    text: "fetch Response: mexc GET https://api.mexc.com/api/v3/time 200 {'Content-Type': 'application/json', 'Server': 'Tengine'} {\"serverTime\":1714530000000}",
  },
  {
    name: 'ccxt py verbose response line with an error body',
    text: "fetch Response: mexc GET https://api.mexc.com/api/v3/account?timestamp=1714530000000&signature=ab 400 {'Content-Type': 'application/json'} {\"code\":700002,\"msg\":\"Signature for this request is not valid.\"}",
    id: 'signature-invalid',
  },
  // Unknown: say so, do not guess
  { name: 'an unknown MEXC code and message', text: '{"code":123456,"msg":"Something new happened"}', id: 'unknown-error' },
  { name: 'a bot error without any MEXC answer', text: "KeyError: 'balances'\n  File \"/home/bot/bot.py\", line 30, in get_usdt", id: 'unknown-error' },
];
