/**
 * What MEXC sends on success, per endpoint: a step passes only when the answer has this shape
 * (positive evidence). Anything else is a diagnosis, at least `unexpected-response`.
 *
 * Shapes follow MEXC's documented responses (docs/mexc-api.md §2;
 * https://mexcdevelop.github.io/apidocs/spot_v3_en/). Hand-written guards rather than a schema
 * library: the table is small and fixed, each guard must say in words what came instead, and
 * a library would add start-up time and bundle size for no gain (see the commit that added this).
 *
 * Adding an endpoint is one row. Spot answers are the bare payload; futures (contract v1)
 * answers wrap it as `{success: true, code: 0, data}` (docs/mexc-api.md §6): use `futuresShape`.
 */

export type Json = unknown;

/** `undefined` when the answer matches; otherwise what is wrong with it, in words. */
export type ShapeCheck = (json: Json) => string | undefined;

export interface SuccessShape {
  /** What MEXC sends, in words ("an empty JSON object {}"). */
  expected: string;
  check: ShapeCheck;
}

const isRecord = (v: Json): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Milliseconds between 2017-07 and 2100: anything else is not a MEXC server time in ms. */
export const PLAUSIBLE_MS_MIN = 1_500_000_000_000;
export const PLAUSIBLE_MS_MAX = 4_102_444_800_000;

/** Why a value is not a plausible millisecond timestamp, or undefined when it is. */
export function implausibleMs(value: unknown, name: string): string | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return value === undefined ? `no ${name}` : `${name} is ${describeJson(value)}, not a number of milliseconds`;
  }
  if (value >= PLAUSIBLE_MS_MIN && value <= PLAUSIBLE_MS_MAX && Number.isInteger(value)) return undefined;
  if (value >= PLAUSIBLE_MS_MIN / 1000 && value <= PLAUSIBLE_MS_MAX / 1000) return `${name} ${value} is in seconds (10 digits), not milliseconds (13 digits)`;
  if (value >= PLAUSIBLE_MS_MIN * 1000 && value <= PLAUSIBLE_MS_MAX * 1000) return `${name} ${value} is in microseconds, not milliseconds`;
  return `${name} ${value} is not a date in milliseconds`;
}

/** One line about a JSON value: "an empty object {}", "an object with keys status, message". */
export function describeJson(v: Json): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return v.length === 0 ? 'an empty list []' : `a list of ${v.length} item${v.length === 1 ? '' : 's'}`;
  if (isRecord(v)) {
    const keys = Object.keys(v);
    if (keys.length === 0) return 'an empty object {}';
    const shown = keys.slice(0, 6).map((k) => k.replace(/[^\w.-]/g, '?').slice(0, 30));
    return `an object with key${keys.length === 1 ? '' : 's'} ${shown.join(', ')}${keys.length > 6 ? ', …' : ''}`;
  }
  if (typeof v === 'string') return `the text "${v.slice(0, 40).replace(/[^\x20-\x7e]/g, '?')}${v.length > 40 ? '…' : ''}"`;
  return `the ${typeof v} ${String(v).slice(0, 40)}`;
}

export const emptyObject: ShapeCheck = (j) => (isRecord(j) && Object.keys(j).length === 0 ? undefined : `${describeJson(j)} instead of {}`);

const objectWith =
  (what: string, test: (r: Record<string, unknown>) => string | undefined): ShapeCheck =>
  (j) =>
    isRecord(j) ? test(j) : `${describeJson(j)} instead of ${what}`;

const listOfObjects =
  (what: string): ShapeCheck =>
  (j) => {
    if (!Array.isArray(j)) return `${describeJson(j)} instead of ${what}`;
    return j.every(isRecord) ? undefined : `a list whose items are not objects, instead of ${what}`;
  };

const serverTime: ShapeCheck = objectWith('{"serverTime": <ms>}', (r) => implausibleMs(r.serverTime, 'serverTime'));

const account: ShapeCheck = objectWith('an account with a balances list', (r) => {
  if (!Array.isArray(r.balances)) return `${describeJson(r)}, without the balances list of an account`;
  return r.balances.every((b) => isRecord(b) && typeof b.asset === 'string') ? undefined : 'a balances list whose items have no asset';
});

const symbolList: ShapeCheck = objectWith('{"code":200,"data":[symbols]}', (r) => {
  if (r.code !== 200 && r.code !== 0 && r.code !== '200' && r.code !== '0') return `code ${describeJson(r.code)} instead of 200`;
  return Array.isArray(r.data) && r.data.every((s) => typeof s === 'string') ? undefined : `data is ${describeJson(r.data)}, not a list of symbols`;
});

const exchangeInfo: ShapeCheck = objectWith('exchange information with a symbols list', (r) =>
  Array.isArray(r.symbols) && r.symbols.every((s) => isRecord(s) && typeof s.symbol === 'string') ? undefined : `${describeJson(r)}, without a symbols list`,
);

const price = (r: unknown) => isRecord(r) && typeof r.symbol === 'string' && (typeof r.price === 'string' || typeof r.price === 'number') && Number(r.price) > 0;
const tickerPrice: ShapeCheck = (j) => (price(j) || (Array.isArray(j) && j.length > 0 && j.every(price)) ? undefined : `${describeJson(j)} instead of {"symbol":…,"price":…}`);

/**
 * MEXC's futures server time (the ping's `data`) in ms: a number, or the same digits as text
 * (some answers quote it); undefined for anything else.
 */
export function futuresTimeMs(data: unknown): number | undefined {
  const value = asDigits(data);
  return implausibleMs(value, 'data') === undefined ? (value as number) : undefined;
}

/** Digits sent as text read as the number they spell; anything else unchanged. */
const asDigits = (v: unknown): unknown => (typeof v === 'string' && /^\d{1,16}$/.test(v.trim()) ? Number(v.trim()) : v);

const futuresPing: ShapeCheck = (d) => implausibleMs(asDigits(d), 'data');

const futuresAssets: ShapeCheck = (d) => {
  if (!Array.isArray(d)) return `data is ${describeJson(d)}, not a list of assets`;
  return d.every((a) => isRecord(a) && typeof a.currency === 'string') ? undefined : 'a data list whose items have no currency';
};

/**
 * A futures success code: 0, or none at all. MEXC's futures docs print the server-time answer
 * without one, `{"success":true,"data":1587442022003}` (docs/mexc-api.md §2.1,
 * https://mexcdevelop.github.io/apidocs/contract_v1_en/#get-the-server-time); the private
 * answers carry `"code":0`.
 */
const futuresSuccessCode = (code: unknown) => code === undefined || code === 0 || code === '0';

/** Futures (contract v1) success: `{success: true, code: 0, data: …}` (the code may be absent) with `data` checked. */
export function futuresShape(expectedData: string, data: ShapeCheck, opts: { documentedCode?: boolean } = {}): SuccessShape {
  return {
    expected: opts.documentedCode === false ? `{"success":true,"data":${expectedData}}` : `{"success":true,"code":0,"data":${expectedData}}`,
    check: (j) => {
      if (!isRecord(j)) return `${describeJson(j)} instead of a futures answer`;
      if (j.success !== true) return `success is ${describeJson(j.success)}, not true`;
      if (!futuresSuccessCode(j.code)) return `code ${describeJson(j.code)} instead of 0`;
      return data(j.data);
    },
  };
}

/** Success shapes of every endpoint a step calls: spot v3 (docs/mexc-api.md §2.1, §2.2), then futures. */
export const SUCCESS_SHAPES = {
  'GET /api/v3/ping': { expected: 'an empty JSON object {}', check: emptyObject },
  'GET /api/v3/time': { expected: '{"serverTime": <milliseconds>}', check: serverTime },
  'GET /api/v3/exchangeInfo': { expected: 'exchange information with a symbols list', check: exchangeInfo },
  'GET /api/v3/defaultSymbols': { expected: '{"code":200,"data":["BTCUSDT",…],"msg":null}', check: symbolList },
  'GET /api/v3/ticker/price': { expected: '{"symbol":"BTCUSDT","price":"…"}', check: tickerPrice },
  'GET /api/v3/account': { expected: 'account information with a balances list', check: account },
  'GET /api/v3/openOrders': { expected: 'a list of open orders (possibly empty [])', check: listOfObjects('a list of orders') },
  'POST /api/v3/order/test': { expected: 'an empty JSON object {}', check: emptyObject },
  // Futures (contract) v1: https://mexcdevelop.github.io/apidocs/contract_v1_en/ (docs/mexc-api.md §2.1, §6).
  'GET /api/v1/contract/ping': futuresShape('<server time in milliseconds>', futuresPing, { documentedCode: false }),
  'GET /api/v1/private/account/assets': futuresShape('[{"currency":"USDT","availableBalance":…},…]', futuresAssets),
  'GET /api/v1/private/position/open_positions': futuresShape('[open positions] (possibly empty [])', listOfObjects('a list of positions')),
} satisfies Record<string, SuccessShape>;

export type ShapedEndpoint = keyof typeof SUCCESS_SHAPES;

export function shapeOf(endpoint: ShapedEndpoint): SuccessShape {
  return SUCCESS_SHAPES[endpoint];
}

/** Which success answer a JSON value is (for a pasted answer): the first endpoint whose shape matches. */
export function recogniseSuccess(json: Json): { endpoint?: ShapedEndpoint; futures?: boolean } | undefined {
  if (isRecord(json) && json.success === true && futuresSuccessCode(json.code)) return { futures: true };
  // {} is the answer of both ping and order/test: name neither.
  if (isRecord(json) && Object.keys(json).length === 0) return {};
  const order: ShapedEndpoint[] = ['GET /api/v3/time', 'GET /api/v3/account', 'GET /api/v3/exchangeInfo', 'GET /api/v3/defaultSymbols', 'GET /api/v3/ticker/price'];
  const endpoint = order.find((e) => SUCCESS_SHAPES[e].check(json) === undefined);
  if (endpoint) return { endpoint };
  if (Array.isArray(json) && json.every(isRecord) && json.every((o) => typeof o.orderId === 'string' || typeof o.orderId === 'number')) return { endpoint: 'GET /api/v3/openOrders' };
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Order validation as proof of the Trade permission

export interface PermissionProof {
  code: number;
  /** MEXC's published text (docs/mexc-api.md §3). */
  text: string;
  /** What MEXC must have checked to answer it. */
  checked: string;
}

/**
 * POST /api/v3/order/test answers `{}` for a valid order. These codes validate the order itself
 * (size, price, balance, parameters), which MEXC can only do for a request that passed
 * authentication and the Trade permission check, so they prove the permission as well as `{}`.
 * Codes about the account or the symbol's state (26, 730100, 10001, 60005, 10098, 30000, 30014,
 * 30016, 30018, 30019, 30021, 30041) say nothing about the permission and are not here.
 * Source: MEXC spot v3 error codes (docs/mexc-api.md §3, "Order-validation and business codes";
 * https://mexcdevelop.github.io/apidocs/spot_v3_en/). Which codes come only after the permission
 * check is not documented by MEXC; it is inferred from what each code validates.
 */
export const ORDER_TEST_PROOFS: readonly PermissionProof[] = [
  { code: 30002, text: 'The minimum transaction volume cannot be less than :', checked: "the order's size against the symbol's minimum" },
  { code: 30003, text: 'The maximum transaction volume cannot be greater than :', checked: "the order's size against the symbol's maximum" },
  { code: 30004, text: 'Insufficient position', checked: "the account's position for the order" },
  { code: 30005, text: 'Oversold', checked: "the order's quantity against what the account holds" },
  { code: 30010, text: 'no valid trade price', checked: "the order's price" },
  { code: 10101, text: 'Insufficient balance', checked: "the account's balance for the order" },
  { code: 33333, text: 'param is error', checked: "the order's parameters" },
  { code: 44444, text: 'param cannot be null', checked: "the order's parameters" },
];

/** The proof in an order/test answer, if it carries one of the codes above. */
export function orderTestProof(code: number | string | undefined): PermissionProof | undefined {
  const n = typeof code === 'number' ? code : /^\d{1,9}$/.test(String(code ?? '').trim()) ? Number(code) : undefined;
  return ORDER_TEST_PROOFS.find((p) => p.code === n);
}
