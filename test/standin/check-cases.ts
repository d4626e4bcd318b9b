/**
 * `check` and `check --futures` against the independent stand-in (standin.ts): each case is
 * what MEXC (or something in front of it) answers, and the verdict a user must get. Expected
 * ids come from docs/diagnoses.md (the catalog); steps from src/core/step-table.ts.
 */
import type { DiagnosisId, StepId } from '../../src/core/types.js';
import { AKAMAI_PAGE, answers as a, SECRET, type StandinCase } from './standin.js';

export interface CheckCase {
  name: string;
  standin: StandinCase;
  futures?: boolean;
  flags?: { recvWindow?: string; timeout?: string };
  /** Exit 0 expected: every step passes (or warns); with `step`, that step warns with one of `ids`. */
  healthy?: boolean;
  /** Otherwise: this step fails with one of these diagnoses (exit 1). */
  step?: StepId;
  ids?: DiagnosisId[];
  /**
   * The step's status: fail unless said. A clock just past an edge may warn: a request that spent
   * longer in transit arrives inside the window and MEXC accepts it, so the clock sits at the edge.
   */
  status?: Array<'fail' | 'warn'>;
  /** A fact the diagnosis must carry (e.g. the IP MEXC saw). */
  facts?: Record<string, unknown>;
}

const OTHER_SECRET = 'ffeeddccbbaa99887766554433221100';
const ACCOUNT = 'GET /api/v3/account';
const OPEN = 'GET /api/v3/openOrders';
const TEST = 'POST /api/v3/order/test';
const PING = 'GET /api/v3/ping';
const TIME = 'GET /api/v3/time';

const on = (route: string, raw: ReturnType<typeof a.spot>): StandinCase => ({ answers: { [route]: raw } });

export const SPOT_CASES: CheckCase[] = [
  // Healthy, and odd-but-healthy
  { name: 'healthy', standin: {}, healthy: true },
  { name: 'healthy with extra fields, other key order, empty balances and no open orders', standin: { odd: true }, healthy: true },
  { name: 'healthy, every answer 150 ms late', standin: { delayMs: 150 }, healthy: true },
  { name: 'clock 900 ms ahead (inside the +1 s tolerance)', standin: { serverAheadMs: -900 }, healthy: true },
  { name: 'clock 4.7 s behind with recvWindow 5000', standin: { serverAheadMs: 4700 }, healthy: true },
  { name: 'clock 9 s behind with --recv-window 15000', standin: { serverAheadMs: 9000 }, flags: { recvWindow: '15000' }, healthy: true },
  { name: 'clock 30 s behind with --recv-window 59999', standin: { serverAheadMs: 30000 }, flags: { recvWindow: '59999' }, healthy: true },
  { name: 'server time jitters ±400 ms, true offset 0', standin: { answers: { [TIME]: () => ({ status: 200, body: { serverTime: Date.now() + Math.round((Math.random() - 0.5) * 800) } }) } }, healthy: true },
  { name: '/time answers 1.5 s late (server stamps on arrival), true offset 0', standin: { answers: { [TIME]: () => ({ status: 200, body: { serverTime: Date.now() }, delayMs: 1500 }) } }, healthy: true },
  { name: 'every answer 1.2 s late, true offset 0', standin: { delayMs: 1200 }, healthy: true },
  {
    name: '/time says 1.1 s ahead on every sample while MEXC accepts the signed request: a warning at the edge',
    // 60 ms late so that every sample's round trip is alike and none is dropped on a busy machine.
    standin: { answers: { [TIME]: () => ({ status: 200, body: { serverTime: Date.now() - 1100 }, delayMs: 60 }) } },
    healthy: true,
    step: 'clock',
    ids: ['clock-ahead'],
  },
  { name: 'no ticker/price and no exchangeInfo (404): the test order still validates', standin: { answers: { 'GET /api/v3/ticker/price': a.html(404, '<html><title>404</title></html>'), 'GET /api/v3/exchangeInfo': a.html(404, '<html><title>404</title></html>') } }, healthy: true },
  { name: 'order/test answers 30002 (order validated: permission proven)', standin: on(TEST, a.spot(30002, 'The minimum transaction volume cannot be less than :')), healthy: true },
  { name: 'order/test answers 10101 Insufficient balance', standin: on(TEST, a.spot(10101, 'Insufficient balance')), healthy: true },

  // Signature, key
  { name: 'secret of another key: 700002', standin: { secret: OTHER_SECRET }, step: 'account', ids: ['signature-invalid'] },
  { name: 'unknown key: 10072', standin: { knownKeys: ['mx0someOtherKey123'] }, step: 'account', ids: ['key-invalid'] },
  { name: '700001 API-key format invalid', standin: on(ACCOUNT, a.spot(700001, 'API-key format invalid')), step: 'account', ids: ['key-invalid'] },
  { name: '10072 with the documented text', standin: on(ACCOUNT, a.spot(10072, 'invalid access key')), step: 'account', ids: ['key-invalid'] },
  { name: '400 api key required', standin: on(ACCOUNT, a.spot(400, 'api key required')), step: 'account', ids: ['key-header-missing'] },
  { name: '700004 signature not sent', standin: on(ACCOUNT, a.spot(700004, "Mandatory parameter 'signature' was not sent, was empty/null, or malformed.")), step: 'account', ids: ['signature-missing'] },
  { name: '602 on spot', standin: on(ACCOUNT, a.spot(602, 'Signature verification failed')), step: 'account', ids: ['signature-invalid'] },
  { name: '10001 user does not exist', standin: on(ACCOUNT, a.spot(10001, 'user does not exist')), step: 'account', ids: ['key-invalid'] },
  { name: '401 No authority', standin: on(ACCOUNT, a.spot(401, 'No authority', 401)), step: 'account', ids: ['permission-denied'] },
  { name: '700002 sent with HTTP 200', standin: on(ACCOUNT, a.spot(700002, 'Signature for this request is not valid.', 200)), step: 'account', ids: ['signature-invalid'] },
  { name: 'code as a string "700002"', standin: on(ACCOUNT, { status: 400, body: { code: '700002', msg: 'Signature for this request is not valid.' } }), step: 'account', ids: ['signature-invalid'] },

  // Timing
  { name: 'clock 2 s ahead: 700003', standin: { serverAheadMs: -2000 }, step: 'clock', ids: ['clock-ahead'] },
  { name: 'clock 1.2 s ahead (past the +1 s edge)', standin: { serverAheadMs: -1200 }, step: 'clock', ids: ['clock-ahead'], status: ['fail', 'warn'] },
  { name: 'clock 6 s behind: 700003', standin: { serverAheadMs: 6000 }, step: 'clock', ids: ['clock-behind'] },
  { name: 'clock 1.05 s ahead (just past the +1 s edge)', standin: { serverAheadMs: -1050 }, step: 'clock', ids: ['clock-ahead'], status: ['fail', 'warn'] },
  { name: 'clock 5.05 s behind (just past recvWindow 5000)', standin: { serverAheadMs: 5050 }, step: 'clock', ids: ['clock-behind'] },
  { name: 'clock 5.4 s behind (past recvWindow 5000)', standin: { serverAheadMs: 5400 }, step: 'clock', ids: ['clock-behind'] },
  { name: 'clock 12 s behind with --recv-window 10000', standin: { serverAheadMs: 12000 }, flags: { recvWindow: '10000' }, step: 'clock', ids: ['clock-behind'] },
  { name: '700003 although the clock is right', standin: on(ACCOUNT, a.spot(700003, 'Timestamp for this request is outside of the recvWindow.')), step: 'account', ids: ['timestamp-outside-recv-window'] },
  { name: '10073 Invalid Request-Time', standin: on(ACCOUNT, a.spot(10073, 'Invalid Request-Time')), step: 'account', ids: ['timestamp-outside-recv-window'] },
  { name: '700005 recvWindow too large', standin: on(ACCOUNT, a.spot(700005, 'recvWindow must less than 60000')), step: 'account', ids: ['recv-window-too-large'] },
  { name: '/time answers in seconds', standin: { timeInSeconds: true }, step: 'clock', ids: ['unexpected-response'] },
  { name: '/time answers {}', standin: on(TIME, { status: 200, body: {} }), step: 'clock', ids: ['unexpected-response'] },

  // IP, permissions
  { name: '700006 IP not whitelisted (new text)', standin: { whitelist: ['203.0.113.7'] }, step: 'account', ids: ['ip-not-whitelisted'], facts: { ip: '127.0.0.1' } },
  { name: '700006 IP non white list (old text)', standin: { whitelist: ['203.0.113.7'], oldIpText: true }, step: 'account', ids: ['ip-not-whitelisted'] },
  { name: '700007 on account', standin: { permissions: { SPOT_ACCOUNT_READ: false } }, step: 'account', ids: ['permission-denied'] },
  { name: '700007 on openOrders only', standin: { permissions: { SPOT_DEAL_READ: false } }, step: 'trade-read', ids: ['permission-denied'] },
  { name: '700007 on order/test only', standin: { permissions: { SPOT_DEAL_WRITE: false } }, step: 'trade', ids: ['permission-denied'] },
  { name: '30020 no permission for the symbol', standin: on(TEST, a.spot(30020, 'no permission for the symbol')), step: 'trade', ids: ['permission-denied'] },
  { name: '700008 illegal characters', standin: on(TEST, a.spot(700008, 'Illegal characters found in parameter')), step: 'trade', ids: ['illegal-characters'] },
  { name: '700013 content type', standin: on(TEST, a.spot(700013, 'Invalid content Type.')), step: 'trade', ids: ['content-type-invalid'] },
  { name: '10007 symbol not support api', standin: on(TEST, a.spot(10007, 'symbol not support api')), step: 'trade', ids: ['symbol-not-api-enabled'] },
  { name: '70011 pair user ban trade apikey', standin: on(TEST, a.spot(70011, 'Pair user ban trade apikey.')), step: 'trade', ids: ['symbol-not-api-enabled'] },
  { name: '30019 api market order is disabled', standin: on(TEST, a.spot(30019, 'api market order is disabled')), step: 'trade', ids: ['symbol-not-api-enabled'] },
  { name: '26 operation not allowed on order/test', standin: on(TEST, a.spot(26, 'operation not allowed')), step: 'trade', ids: ['unknown-error'] },
  { name: '30016 trading disabled on order/test', standin: on(TEST, a.spot(30016, 'trading disabled')), step: 'trade', ids: ['unknown-error'] },
  { name: '60005 account abnormal', standin: on(ACCOUNT, a.spot(60005, 'your account is abnormal')), step: 'account', ids: ['account-abnormal'] },
  { name: '730100 unusual user status', standin: on(ACCOUNT, a.spot(730100, 'Unusual user status')), step: 'account', ids: ['account-abnormal'] },
  { name: '730001 user information error', standin: on(ACCOUNT, a.spot(730001, 'User information error')), step: 'account', ids: ['unknown-error'] },
  { name: 'unknown code on openOrders', standin: on(OPEN, a.spot(123456, 'something new')), step: 'trade-read', ids: ['unknown-error'] },
  { name: 'unknown code on order/test', standin: on(TEST, a.spot(123456, 'something new')), step: 'trade', ids: ['unknown-error'] },
  { name: '700004 orderId variant on order/test', standin: on(TEST, a.spot(700004, "Param 'origClientOrderId' or 'orderId' must be sent, but both were empty/null")), step: 'trade', ids: ['unknown-error'] },
  { name: '10073 on order/test', standin: on(TEST, a.spot(10073, 'Invalid Request-Time')), step: 'trade', ids: ['timestamp-outside-recv-window'] },

  // HTTP statuses
  { name: '403 Akamai page everywhere', standin: { answers: { '*': a.html(403, AKAMAI_PAGE, { server: 'AkamaiGHost' }) } }, step: 'connectivity', ids: ['blocked'] },
  { name: '403 on the account only', standin: on(ACCOUNT, a.html(403, AKAMAI_PAGE)), step: 'account', ids: ['blocked'] },
  { name: '418 with Retry-After everywhere', standin: { answers: { '*': { status: 418, headers: { 'retry-after': '120' }, body: '' } } }, step: 'connectivity', ids: ['rate-limited'], facts: { retryAfterSec: 120 } },
  { name: '418 with a JSON body', standin: { answers: { '*': { status: 418, headers: { 'retry-after': '60' }, body: { code: -1003, msg: 'Way too many requests; IP banned until 1700000000000.' } } } }, step: 'connectivity', ids: ['rate-limited'] },
  { name: '429 with Retry-After on the account', standin: on(ACCOUNT, { status: 429, headers: { 'retry-after': '7' }, body: { code: 429, msg: 'Too Many Requests' } }), step: 'account', ids: ['rate-limited'], facts: { retryAfterSec: 7 } },
  { name: '429 without a body on order/test', standin: on(TEST, { status: 429, headers: { 'retry-after': '3' } }), step: 'trade', ids: ['rate-limited'] },
  {
    name: '503 maintenance with announcement',
    standin: { answers: { '*': { status: 503, body: { code: 500, message: 'Under maintenance, please try again later', announcement: 'https://www.mexc.com/support/articles/17827791510263' } } } },
    step: 'connectivity',
    ids: ['server-error'],
    facts: { announcement: 'https://www.mexc.com/support/articles/17827791510263' },
  },
  { name: '503 HTML everywhere', standin: { answers: { '*': a.html(503, '<html><head><title>503 Service Unavailable</title></head><body>down</body></html>') } }, step: 'connectivity', ids: ['server-error'] },
  { name: '11444 on account', standin: on(ACCOUNT, a.spot(11444, 'This feature is temporarily unavailable')), step: 'account', ids: ['server-error'] },
  { name: '404 HTML for every path (not the API)', standin: { answers: { '*': a.html(404, '<html><head><title>404 Not Found</title></head></html>') } }, step: 'connectivity', ids: ['base-url-wrong'] },
  { name: '404 HTML on order/test only', standin: on(TEST, a.html(404, '<html><head><title>404 Not Found</title></head></html>')), step: 'trade', ids: ['unexpected-response', 'base-url-wrong'] },
  { name: '404 JSON on openOrders', standin: on(OPEN, { status: 404, body: { code: 404, msg: 'Not Found' } }), step: 'trade-read', ids: ['unexpected-response', 'base-url-wrong'] },

  // Answers that are not MEXC's
  { name: 'captive portal: 200 HTML everywhere', standin: { answers: { '*': a.html(200, '<html><head><title>Hotel WiFi Login</title></head><body>Sign in</body></html>') } }, step: 'connectivity', ids: ['unexpected-response'] },
  { name: 'captive portal on the account only', standin: on(ACCOUNT, a.html(200, '<html><head><title>Login</title></head></html>')), step: 'account', ids: ['unexpected-response'] },
  { name: 'ping answers non-JSON text', standin: on(PING, a.text(200, 'pong')), step: 'connectivity', ids: ['unexpected-response'] },
  { name: 'ping answers an empty body', standin: on(PING, a.text(200, '')), step: 'connectivity', ids: ['unexpected-response'] },
  { name: 'ping answers {"status":"ok"}', standin: on(PING, { status: 200, body: { status: 'ok' } }), step: 'connectivity', ids: ['unexpected-response'] },
  { name: 'account answers {}', standin: on(ACCOUNT, { status: 200, body: {} }), step: 'account', ids: ['unexpected-response'] },
  { name: 'account answers []', standin: on(ACCOUNT, { status: 200, body: [] }), step: 'account', ids: ['unexpected-response'] },
  { name: 'account answers an empty body', standin: on(ACCOUNT, a.text(200, '', 'application/json')), step: 'account', ids: ['unexpected-response'] },
  { name: 'account answers a gateway wrapper', standin: on(ACCOUNT, { status: 200, body: { code: 200, msg: 'success', data: null } }), step: 'account', ids: ['unexpected-response'] },
  { name: 'account body cut off', standin: on(ACCOUNT, { status: 200, body: { canTrade: true, balances: [{ asset: 'USDT', free: '1', locked: '0' }], accountType: 'SPOT' }, cutAfterBytes: 30 }), step: 'account', ids: ['unexpected-response'] },
  { name: 'account body malformed JSON', standin: on(ACCOUNT, a.text(200, '{"canTrade":true,"balances":[}', 'application/json')), step: 'account', ids: ['unexpected-response'] },
  { name: 'openOrders answers an object', standin: on(OPEN, { status: 200, body: { orders: [] } }), step: 'trade-read', ids: ['unexpected-response'] },
  { name: 'openOrders answers {"code":0,"data":[]}', standin: on(OPEN, { status: 200, body: { code: 0, data: [] } }), step: 'trade-read', ids: ['unexpected-response'] },
  { name: 'order/test answers {"code":200}', standin: on(TEST, { status: 200, body: { code: 200, msg: 'ok' } }), step: 'trade', ids: ['unexpected-response'] },
  { name: 'order/test answers an HTML 200', standin: on(TEST, a.html(200, '<html><title>Proxy</title></html>')), step: 'trade', ids: ['unexpected-response'] },
  { name: 'order/test body cut off', standin: on(TEST, { status: 200, body: '{"orderId":"123","symbol":"BTCUSDT"}', headers: { 'content-type': 'application/json' }, cutAfterBytes: 10 }), step: 'trade', ids: ['unexpected-response'] },

  { name: 'ping redirects to the website', standin: on(PING, { status: 301, headers: { location: 'https://www.mexc.com/' }, body: '' }), step: 'connectivity', ids: ['unexpected-response', 'base-url-wrong'] },
  { name: 'account answers 400 with an HTML page', standin: on(ACCOUNT, a.html(400, '<html><title>400 Bad Request</title></html>')), step: 'account', ids: ['unexpected-response', 'unknown-error'] },
  { name: 'account answers 500 JSON', standin: on(ACCOUNT, { status: 500, body: { code: 500, msg: 'Internal Server Error' } }), step: 'account', ids: ['server-error'] },
  { name: 'account answers 401 with no body', standin: on(ACCOUNT, { status: 401 }), step: 'account', ids: ['unknown-error', 'permission-denied', 'key-invalid'] },
  { name: 'order/test slower than --timeout', standin: on(TEST, { status: 200, body: {}, delayMs: 1500 }), flags: { timeout: '400' }, step: 'trade', ids: ['timeout'] },

  { name: '/time answers 429 on every sample', standin: on(TIME, { status: 429, headers: { 'retry-after': '9' }, body: { code: 429, msg: 'Too Many Requests' } }), step: 'clock', ids: ['rate-limited'] },
  { name: '/time answers 503 maintenance', standin: on(TIME, { status: 503, body: { code: 503, msg: 'service not available, please try again' } }), step: 'clock', ids: ['server-error'] },

  // Slow
  { name: 'account slower than --timeout', standin: on(ACCOUNT, { status: 200, body: {}, delayMs: 1500 }), flags: { timeout: '400' }, step: 'account', ids: ['timeout'] },
  { name: 'ping slower than --timeout', standin: on(PING, { status: 200, body: {}, delayMs: 1500 }), flags: { timeout: '400' }, step: 'connectivity', ids: ['timeout'] },
];

const ASSETS = 'GET /api/v1/private/account/assets';
const POSITIONS = 'GET /api/v1/private/position/open_positions';
const FPING = 'GET /api/v1/contract/ping';

export const FUTURES_CASES: CheckCase[] = [
  { name: 'futures healthy (ping as DOC-FUT prints it, no code)', futures: true, standin: {}, healthy: true },
  { name: 'futures healthy, odd values', futures: true, standin: { odd: true }, healthy: true },
  { name: 'futures ping with code 0', futures: true, standin: on(FPING, { status: 200, body: { success: true, code: 0, data: Date.now() } }), healthy: true },
  { name: 'futures clock 5 s ahead (inside 10 s)', futures: true, standin: { serverAheadMs: -5000 }, healthy: true },
  { name: 'futures 602 wrong secret', futures: true, standin: { secret: SECRET.replace(/0/g, '1') }, step: 'futures-account', ids: ['signature-invalid'] },
  { name: 'futures 401 unknown key', futures: true, standin: { knownKeys: ['mx0someOtherKey123'] }, step: 'futures-account', ids: ['key-invalid'] },
  { name: 'futures 402 key expired', futures: true, standin: on(ASSETS, a.futures(402, 'Api_key expired')), step: 'futures-account', ids: ['key-expired'] },
  { name: 'futures 406 IP', futures: true, standin: { whitelist: ['203.0.113.7'] }, step: 'futures-account', ids: ['ip-not-whitelisted'] },
  { name: 'futures 513 clock 15 s behind', futures: true, standin: { serverAheadMs: 15000 }, step: 'clock', ids: ['clock-behind'] },
  { name: 'futures 513 clock 15 s ahead', futures: true, standin: { serverAheadMs: -15000 }, step: 'clock', ids: ['clock-ahead'] },
  { name: 'futures 513 with a right clock', futures: true, standin: on(ASSETS, a.futures(513, 'Invalid request(for open api serves time more or less than 10s)')), step: 'futures-account', ids: ['timestamp-outside-recv-window'] },
  { name: 'futures 510 rate limit', futures: true, standin: on(ASSETS, a.futures(510, 'Excessive frequency of requests')), step: 'futures-account', ids: ['rate-limited'] },
  { name: 'futures 701 account read', futures: true, standin: { permissions: { CONTRACT_ACCOUNT_READ: false } }, step: 'futures-account', ids: ['permission-denied'] },
  { name: 'futures 703 trade read', futures: true, standin: { permissions: { CONTRACT_DEAL_READ: false } }, step: 'futures-trade-read', ids: ['permission-denied'] },
  { name: 'futures 1000 account does not exist', futures: true, standin: on(ASSETS, a.futures(1000, 'Account does not exist')), step: 'futures-account', ids: ['futures-api-unavailable'] },
  { name: 'futures 500 internal error', futures: true, standin: on(ASSETS, a.futures(500, 'Internal error')), step: 'futures-account', ids: ['server-error'] },
  { name: 'futures 600 parameter error', futures: true, standin: on(POSITIONS, a.futures(600, 'Parameter error')), step: 'futures-trade-read', ids: ['unknown-error'] },
  { name: 'futures unknown code', futures: true, standin: on(POSITIONS, a.futures(9876, 'new thing')), step: 'futures-trade-read', ids: ['unknown-error'] },
  { name: 'futures ping HTML 200', futures: true, standin: on(FPING, a.html(200, '<html><title>Portal</title></html>')), step: 'connectivity', ids: ['unexpected-response'] },
  { name: 'futures ping success:false', futures: true, standin: on(FPING, { status: 200, body: { success: false, code: 9999, message: 'Public abnormal' } }), step: 'connectivity', ids: ['server-error'] },
  { name: 'futures assets {"success":true} without data', futures: true, standin: on(ASSETS, { status: 200, body: { success: true, code: 0 } }), step: 'futures-account', ids: ['unexpected-response'] },
  { name: 'futures positions data an object', futures: true, standin: on(POSITIONS, { status: 200, body: { success: true, code: 0, data: {} } }), step: 'futures-trade-read', ids: ['unexpected-response'] },
  { name: 'futures host without the futures API (404 HTML)', futures: true, standin: { answers: { [FPING]: a.html(404, '<html><title>404</title></html>'), [ASSETS]: a.html(404, '<html><title>404</title></html>'), [POSITIONS]: a.html(404, '<html><title>404</title></html>') } }, step: 'connectivity', ids: ['base-url-wrong'] },
  { name: 'futures 429', futures: true, standin: on(ASSETS, { status: 429, headers: { 'retry-after': '5' }, body: '' }), step: 'futures-account', ids: ['rate-limited'] },
];
