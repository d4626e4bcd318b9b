/**
 * An independent MEXC stand-in: a small node:http server written from MEXC's published
 * behaviour (docs/mexc-api.md §1, §2, §3, §6; https://mexcdevelop.github.io/apidocs/spot_v3_en/,
 * https://mexcdevelop.github.io/apidocs/contract_v1_en/), on purpose sharing no code with
 * src/sim, so that a wrong assumption in the simulator cannot hide the same one in the client.
 *
 * One server per test file; each case sets a `StandinCase` (credentials, clock offset,
 * permissions, raw answers per endpoint) before it runs. Loopback only.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export const KEY = 'mx0vglStandIn7Key1';
export const SECRET = '0f1e2d3c4b5a69788796a5b4c3d2e1f0';
export const CLIENT_IP = '127.0.0.1';

/** A raw answer: what goes on the wire, exactly. */
export interface Raw {
  status: number;
  headers?: Record<string, string>;
  /** A string is sent as is; anything else as JSON (key order as written). */
  body?: unknown;
  /** Wait this long before the status line. */
  delayMs?: number;
  /** Send the headers and this many bytes of the body, then destroy the socket. */
  cutAfterBytes?: number;
}

export interface StandinCase {
  /** The secret the server holds for KEY (a different one makes every signature wrong). */
  secret?: string;
  /** Keys the server knows; default [KEY]. */
  knownKeys?: string[];
  /** MEXC's clock minus the real one. */
  serverAheadMs?: number;
  /** IPs bound to the key; undefined: none bound (any IP). */
  whitelist?: string[];
  /** The key's permissions; default all. */
  permissions?: Partial<Record<'SPOT_ACCOUNT_READ' | 'SPOT_DEAL_READ' | 'SPOT_DEAL_WRITE' | 'CONTRACT_ACCOUNT_READ' | 'CONTRACT_DEAL_READ', boolean>>;
  /** Old-style 700006 text. */
  oldIpText?: boolean;
  /** Raw answers that replace an endpoint (key: "GET /api/v3/account", or "*" for every path). */
  answers?: Record<string, Raw | ((req: http.IncomingMessage) => Raw | undefined)>;
  /** Healthy answers with extra fields, another key order, and empty lists. */
  odd?: boolean;
  /** /api/v3/time answers in seconds. */
  timeInSeconds?: boolean;
  /** Every answer waits this long. */
  delayMs?: number;
}

export interface Standin {
  url: string;
  set(c: StandinCase): void;
  /** "METHOD path" of every request since the last set(). */
  requests: string[];
  close(): Promise<void>;
}

const spotError = (code: number, msg: string, status = 400): Raw => ({ status, body: { code, msg } });
const futuresError = (code: number, message: string): Raw => ({ status: 200, body: { success: false, code, message } });

const hmac = (secret: string, text: string) => createHmac('sha256', secret).update(text, 'utf8').digest('hex');

/** totalParams = the query string, then the body, glued with nothing between; `signature` left out. */
function totalParams(rawQuery: string, body: string): { text: string; signature: string | undefined } {
  let signature: string | undefined;
  const strip = (s: string) =>
    s
      .split('&')
      .filter((pair) => {
        if (pair.startsWith('signature=')) {
          signature ??= pair.slice('signature='.length);
          return false;
        }
        return pair !== '';
      })
      .join('&');
  const q = strip(rawQuery);
  const b = strip(body);
  return { text: q + b, signature };
}

function param(rawQuery: string, body: string, name: string): string | undefined {
  for (const pair of [...rawQuery.split('&'), ...body.split('&')]) {
    const [k, v = ''] = pair.split('=');
    if (k === name) return decodeURIComponent(v);
  }
  return undefined;
}

const SPOT_PERMISSION: Record<string, keyof NonNullable<StandinCase['permissions']>> = {
  'GET /api/v3/account': 'SPOT_ACCOUNT_READ',
  'GET /api/v3/openOrders': 'SPOT_DEAL_READ',
  'POST /api/v3/order/test': 'SPOT_DEAL_WRITE',
};

const FUTURES_PERMISSION: Record<string, [keyof NonNullable<StandinCase['permissions']>, number, string]> = {
  '/api/v1/private/account/assets': ['CONTRACT_ACCOUNT_READ', 701, 'Account read permission is required'],
  '/api/v1/private/position/open_positions': ['CONTRACT_DEAL_READ', 703, 'Trade information read permission is required'],
  '/api/v1/private/order/list/open_orders': ['CONTRACT_DEAL_READ', 703, 'Trade information read permission is required'],
};

/** Spot v3 signed endpoint checks, in MEXC's documented terms (docs/mexc-api.md §1.1, §3). */
function spotAuth(c: StandinCase, req: http.IncomingMessage, route: string, rawQuery: string, body: string, now: number): Raw | undefined {
  const key = req.headers['x-mexc-apikey'];
  if (typeof key !== 'string' || key === '') return spotError(400, 'api key required');
  if (!/^[A-Za-z0-9]+$/.test(key)) return spotError(700001, 'API-key format invalid');
  if (!(c.knownKeys ?? [KEY]).includes(key)) return spotError(10072, 'Api key info invalid');
  if (req.method !== 'GET' && !/application\/json/i.test(String(req.headers['content-type'] ?? ''))) return spotError(700013, 'Invalid content Type.');
  const { text, signature } = totalParams(rawQuery, body);
  if (!signature) return spotError(700004, "Mandatory parameter 'signature' was not sent, was empty/null, or malformed.");
  const recvWindow = Number(param(rawQuery, body, 'recvWindow') ?? 5000);
  if (recvWindow > 60000) return spotError(700005, 'recvWindow must less than 60000');
  const timestamp = Number(param(rawQuery, body, 'timestamp'));
  const serverTime = now + (c.serverAheadMs ?? 0);
  if (!(timestamp < serverTime + 1000 && serverTime - timestamp <= recvWindow)) return spotError(700003, 'Timestamp for this request is outside of the recvWindow.');
  const expected = hmac(c.secret ?? SECRET, text);
  if (signature.length !== expected.length || !timingSafeEqual(Buffer.from(signature), Buffer.from(expected))) return spotError(700002, 'Signature for this request is not valid.');
  if (c.whitelist && !c.whitelist.includes(CLIENT_IP)) return spotError(700006, c.oldIpText ? 'IP non white list' : `IP [${CLIENT_IP}] not in the ip white list`);
  const perm = SPOT_PERMISSION[route];
  if (perm && c.permissions?.[perm] === false) return spotError(700007, 'No permission to access the endpoint.');
  return undefined;
}

/** Futures v1: ApiKey, Request-Time, Signature over key + time + sorted params (docs/mexc-api.md §6). */
function futuresAuth(c: StandinCase, req: http.IncomingMessage, path: string, rawQuery: string, now: number): Raw | undefined {
  const key = String(req.headers.apikey ?? '');
  const time = String(req.headers['request-time'] ?? '');
  const signature = String(req.headers.signature ?? '');
  if (!key || !(c.knownKeys ?? [KEY]).includes(key)) return futuresError(401, 'Unauthorized');
  const windowSec = Number(req.headers['recv-window'] ?? 10);
  const serverTime = now + (c.serverAheadMs ?? 0);
  if (!/^\d{13}$/.test(time) || Math.abs(serverTime - Number(time)) > windowSec * 1000) return futuresError(513, 'Invalid request(for open api serves time more or less than 10s)');
  const params = rawQuery
    .split('&')
    .filter(Boolean)
    .sort((a, b) => (a.split('=')[0]! < b.split('=')[0]! ? -1 : 1))
    .join('&');
  if (signature !== hmac(c.secret ?? SECRET, key + time + params)) return futuresError(602, 'Signature verification failed!');
  if (c.whitelist && !c.whitelist.includes(CLIENT_IP)) return futuresError(406, 'Accessed IP is not in the whitelist');
  const perm = Object.entries(FUTURES_PERMISSION).find(([p]) => path.startsWith(p))?.[1];
  if (perm && c.permissions?.[perm[0]] === false) return futuresError(perm[1], perm[2]);
  return undefined;
}

function exchangeInfo(now: number, odd: boolean) {
  const btc = {
    symbol: 'BTCUSDT',
    status: '1',
    baseAsset: 'BTC',
    baseAssetPrecision: 6,
    quoteAsset: 'USDT',
    quotePrecision: 2,
    quoteAssetPrecision: 2,
    baseCommissionPrecision: 6,
    quoteCommissionPrecision: 6,
    orderTypes: ['LIMIT', 'MARKET', 'LIMIT_MAKER'],
    isSpotTradingAllowed: true,
    isMarginTradingAllowed: false,
    quoteAmountPrecision: '1',
    baseSizePrecision: '0.000001',
    permissions: ['SPOT'],
    filters: [],
    maxQuoteAmount: '2000000',
    makerCommission: '0',
    takerCommission: '0.0005',
    tradeSideType: '1',
  };
  return odd
    ? { symbols: [{ ...btc, status: 'ENABLED', newField: { nested: [1, 2] } }], serverTime: now, timezone: 'CST', exchangeFilters: [], rateLimits: [], extra: 'x' }
    : { timezone: 'CST', serverTime: now, rateLimits: [], exchangeFilters: [], symbols: [btc] };
}

function healthy(c: StandinCase, route: string, now: number): Raw | undefined {
  const odd = Boolean(c.odd);
  const serverTime = now + (c.serverAheadMs ?? 0);
  switch (route) {
    case 'GET /api/v3/ping':
      return { status: 200, body: {} };
    case 'GET /api/v3/time':
      return { status: 200, body: c.timeInSeconds ? { serverTime: Math.floor(serverTime / 1000) } : { serverTime } };
    case 'GET /api/v3/exchangeInfo':
      return { status: 200, body: exchangeInfo(serverTime, odd) };
    case 'GET /api/v3/defaultSymbols':
      return { status: 200, body: odd ? { msg: null, data: ['ETHUSDT', 'BTCUSDT', 'MXUSDT'], code: 200, timestamp: serverTime } : { code: 200, data: ['BTCUSDT', 'ETHUSDT', 'MXUSDT'], msg: null } };
    case 'GET /api/v3/ticker/price':
      return { status: 200, body: { symbol: 'BTCUSDT', price: '64000.12' } };
    case 'GET /api/v3/account':
      return {
        status: 200,
        body: odd
          ? { balances: [], permissions: ['SPOT'], accountType: 'SPOT', updateTime: null, canDeposit: true, canWithdraw: true, canTrade: true, makerCommission: null, takerCommission: null, buyerCommission: null, sellerCommission: null, newFlag: 1 }
          : { makerCommission: null, takerCommission: null, buyerCommission: null, sellerCommission: null, canTrade: true, canWithdraw: true, canDeposit: true, updateTime: null, accountType: 'SPOT', balances: [{ asset: 'USDT', free: '12.5', locked: '0' }], permissions: ['SPOT'] },
      };
    case 'GET /api/v3/openOrders':
      return {
        status: 200,
        body: odd
          ? []
          : [{ symbol: 'BTCUSDT', orderId: 'C02__443776347957968896', orderListId: -1, clientOrderId: '', price: '30000', origQty: '0.0002', executedQty: '0', cummulativeQuoteQty: '0', status: 'NEW', timeInForce: null, type: 'LIMIT', side: 'BUY', stopPrice: null, icebergQty: null, time: serverTime, updateTime: null, isWorking: true, origQuoteOrderQty: '6' }],
      };
    case 'POST /api/v3/order/test':
      return { status: 200, body: {} };
    case 'GET /api/v1/contract/ping':
      // Exactly as DOC-FUT prints it: no `code` (docs/mexc-api.md §2.1).
      return { status: 200, body: { success: true, data: serverTime } };
    case 'GET /api/v1/private/account/assets':
      return {
        status: 200,
        body: { success: true, code: 0, data: [{ currency: 'USDT', positionMargin: 0, frozenBalance: 0, availableBalance: odd ? '5.1' : 5.1, cashBalance: 5.1, equity: 5.1, unrealized: 0 }] },
      };
    case 'GET /api/v1/private/position/open_positions':
      return { status: 200, body: { success: true, code: 0, data: [] } };
  }
  if (route.startsWith('GET /api/v1/private/order/list/open_orders')) return { status: 200, body: { success: true, code: 0, data: [] } };
  return undefined;
}

const NOT_FOUND_HTML = '<!DOCTYPE html><html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>';

export async function startStandin(): Promise<Standin> {
  let current: StandinCase = {};
  const requests: string[] = [];
  const sockets = new Set<import('node:net').Socket>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const now = Date.now();
      const c = current;
      const url = req.url ?? '/';
      const q = url.indexOf('?');
      const path = q < 0 ? url : url.slice(0, q);
      const rawQuery = q < 0 ? '' : url.slice(q + 1);
      const body = Buffer.concat(chunks).toString('utf8');
      const route = `${req.method} ${path}`;
      requests.push(route);
      const override = c.answers?.[route] ?? c.answers?.['*'];
      let answer = typeof override === 'function' ? override(req) : override;
      if (!answer) {
        const signedSpot = route in SPOT_PERMISSION;
        const signedFutures = path.startsWith('/api/v1/private/');
        answer =
          (signedSpot ? spotAuth(c, req, route, rawQuery, body, now) : signedFutures ? futuresAuth(c, req, path, rawQuery, now) : undefined) ??
          healthy(c, route, now) ?? { status: 404, headers: { 'content-type': 'text/html' }, body: NOT_FOUND_HTML };
      }
      send(res, answer, c.delayMs ?? 0);
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    set(c) {
      current = c;
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

function send(res: http.ServerResponse, a: Raw, extraDelay: number): void {
  const text = a.body === undefined ? '' : typeof a.body === 'string' ? a.body : JSON.stringify(a.body);
  const isJson = a.body !== undefined && typeof a.body !== 'string';
  const headers: Record<string, string> = { ...(isJson ? { 'content-type': 'application/json' } : {}), ...(a.headers ?? {}) };
  const go = () => {
    if (res.destroyed) return;
    const bytes = Buffer.from(text, 'utf8');
    if (a.cutAfterBytes !== undefined) {
      res.writeHead(a.status, { ...headers, 'content-length': String(bytes.length) });
      res.write(bytes.subarray(0, a.cutAfterBytes), () => res.destroy());
      return;
    }
    res.writeHead(a.status, { ...headers, 'content-length': String(bytes.length) });
    res.end(bytes);
  };
  const delay = (a.delayMs ?? 0) + extraDelay;
  if (delay > 0) {
    const t = setTimeout(go, delay);
    res.on('close', () => clearTimeout(t));
  } else go();
}

/** Helpers for case tables. */
export const answers = {
  spot: spotError,
  futures: futuresError,
  html: (status: number, html: string, headers: Record<string, string> = {}): Raw => ({ status, headers: { 'content-type': 'text/html', ...headers }, body: html }),
  text: (status: number, text: string, type = 'text/plain'): Raw => ({ status, headers: { 'content-type': type }, body: text }),
};

/** Akamai's block page as ccxt users pasted it (docs/mexc-api.md §7.14). */
export const AKAMAI_PAGE =
  '<HTML><HEAD>\n<TITLE>Access Denied</TITLE>\n</HEAD><BODY>\n<H1>Access Denied</H1>\n \nYou don\'t have permission to access "http&#58;&#47;&#47;api&#46;mexc&#46;com&#47;api&#47;v3&#47;ping" on this server.<P>\nReference&#32;&#35;18&#46;5e6f1002&#46;1700000000&#46;1a2b3c4d\n</BODY>\n</HTML>\n';

/** Signs a spot query the way MEXC documents (for inspect cases). */
export function signSpot(text: string, secret = SECRET): string {
  return hmac(secret, text);
}
