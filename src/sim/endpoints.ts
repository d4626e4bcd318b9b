/**
 * Spot v3 endpoints the simulator serves, with the response shapes of DOC-EN (docs/mexc-api.md §2).
 * Nothing here moves money: order/test validates and answers `{}`, real order, withdrawal and
 * transfer endpoints authenticate and then refuse.
 */
import { randomBytes } from 'node:crypto';
import { jsonResponse, mandatoryParameter, MEXC_ERRORS, realActionRefused, type SimResponse } from './errors.js';
import {
  accountInfo,
  API_ENABLED_SYMBOLS,
  exchangeInfo,
  findSymbol,
  SIM_SYMBOLS,
  tickerPrice,
  type SimSymbol,
} from './market.js';
import { parsePositiveDecimal, type RequestParams } from './params.js';
import type { Permission, ScenarioBehaviour } from './scenarios.js';

export interface EndpointContext {
  params: RequestParams;
  serverTimeMs: number;
  behaviour: ScenarioBehaviour;
  /** Listen keys handed out by POST /api/v3/userDataStream, per simulator instance. */
  listenKeys: Set<string>;
}

type Handler = (ctx: EndpointContext) => SimResponse;

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  /** Present on SIGNED endpoints: the permission the key needs (docs/mexc-api.md §5). */
  permission?: Permission;
  handle: Handler;
}

const ok = (payload: unknown): SimResponse => jsonResponse(200, payload);

/** `symbol=` or `symbols=A,B`; undefined means "all". */
function requestedSymbols(params: RequestParams): { symbols?: SimSymbol[]; unknown: boolean } {
  const names = params.get('symbols')?.split(',') ?? (params.has('symbol') ? [params.get('symbol')!] : undefined);
  if (names === undefined) return { unknown: false };
  const symbols = names.map((n) => findSymbol(n.trim().toUpperCase()));
  if (symbols.some((s) => s === undefined)) return { unknown: true };
  return { symbols: symbols as SimSymbol[], unknown: false };
}

function handleExchangeInfo({ params, serverTimeMs }: EndpointContext): SimResponse {
  const { symbols, unknown } = requestedSymbols(params);
  // The exact answer for an unknown symbol is [UNCONFIRMED]; 30014 "invalid symbol" is documented.
  if (unknown) return MEXC_ERRORS.invalidSymbol();
  return ok(exchangeInfo(symbols ?? SIM_SYMBOLS, serverTimeMs));
}

function handleTickerPrice({ params }: EndpointContext): SimResponse {
  const name = params.get('symbol');
  if (name === undefined) return ok(SIM_SYMBOLS.map(tickerPrice));
  const symbol = findSymbol(name);
  return symbol ? ok(tickerPrice(symbol)) : MEXC_ERRORS.invalidSymbol();
}

function handleOpenOrders({ params }: EndpointContext): SimResponse {
  const name = params.get('symbol');
  if (!name) return mandatoryParameter('symbol'); // symbol is mandatory ("Current Open Orders", https://mexcdevelop.github.io/apidocs/spot_v3_en/#current-open-orders)
  return findSymbol(name) ? ok([]) : MEXC_ERRORS.invalidSymbol();
}

/** `{"serverTime": ms}` ("Check Server Time", https://mexcdevelop.github.io/apidocs/spot_v3_en/#check-server-time), or what a broken scenario answers instead. */
function handleTime({ serverTimeMs, behaviour }: EndpointContext): SimResponse {
  const answer = behaviour.serverTimeAnswer;
  if (answer === 'seconds') return ok({ serverTime: Math.floor(serverTimeMs / 1000) });
  if (typeof answer === 'object') return ok({ serverTime: Math.round(serverTimeMs + (Math.random() * 2 - 1) * answer.jitterMs) });
  return ok({ serverTime: serverTimeMs });
}

const ORDER_SIDES = ['BUY', 'SELL'];
const ORDER_TYPES = ['LIMIT', 'MARKET', 'LIMIT_MAKER', 'IMMEDIATE_OR_CANCEL', 'FILL_OR_KILL'];

/**
 * `POST /api/v3/order/test`: "Creates and validates a new order but does not send it into the
 * matching engine" ("Test New Order", https://mexcdevelop.github.io/apidocs/spot_v3_en/#test-new-order). Validates as the real one would, answers `{}`.
 */
function handleOrderTest({ params, behaviour }: EndpointContext): SimResponse {
  const name = params.get('symbol');
  if (!name) return mandatoryParameter('symbol');
  const symbol = findSymbol(name);
  // Observed for pairs outside the key's API trading-pair list (docs/mexc-api.md §3, §5).
  if (!symbol || !symbol.apiEnabled || !behaviour.symbolsApiEnabled) return MEXC_ERRORS.symbolNotSupportApi();
  const side = params.get('side');
  if (!side || !ORDER_SIDES.includes(side)) return mandatoryParameter('side');
  const type = params.get('type');
  if (!type || !ORDER_TYPES.includes(type)) return mandatoryParameter('type');

  let notional: number;
  if (type === 'MARKET') {
    const quantity = parsePositiveDecimal(params.get('quantity'));
    const quoteOrderQty = parsePositiveDecimal(params.get('quoteOrderQty'));
    if (quantity === undefined && quoteOrderQty === undefined) {
      // Same wording as the documented 700004 "Param 'origClientOrderId' or 'orderId' must be sent…".
      return jsonResponse(400, {
        code: 700004,
        msg: "Param 'quantity' or 'quoteOrderQty' must be sent, but both were empty/null",
      });
    }
    notional = quoteOrderQty ?? quantity! * Number(symbol.price);
  } else {
    const quantity = parsePositiveDecimal(params.get('quantity'));
    if (quantity === undefined) return mandatoryParameter('quantity');
    const price = parsePositiveDecimal(params.get('price'));
    if (price === undefined) return mandatoryParameter('price');
    notional = quantity * price;
  }
  if (notional < Number(symbol.quoteAmountPrecision)) {
    return MEXC_ERRORS.belowMinimumNotional(symbol.quoteAmountPrecision, symbol.quoteAsset);
  }
  return ok({});
}

/** Listen keys are 64 characters ("Websocket User Data Streams", https://mexcdevelop.github.io/apidocs/spot_v3_en/#websocket-user-data-streams example). */
function newListenKey(): string {
  return randomBytes(32).toString('hex');
}

function handleListenKeyChange(remove: boolean): Handler {
  return ({ params, listenKeys }) => {
    const listenKey = params.get('listenKey');
    if (!listenKey) return mandatoryParameter('listenKey');
    if (!listenKeys.has(listenKey)) return MEXC_ERRORS.listenKeyInvalid();
    if (remove) listenKeys.delete(listenKey);
    return ok({ listenKey });
  };
}

const refuse: Handler = () => realActionRefused();

export const ROUTES: readonly Route[] = [
  // Public (docs/mexc-api.md §2.1)
  { method: 'GET', path: '/api/v3/ping', handle: () => ok({}) },
  { method: 'GET', path: '/api/v3/time', handle: handleTime },
  { method: 'GET', path: '/api/v3/exchangeInfo', handle: handleExchangeInfo },
  { method: 'GET', path: '/api/v3/defaultSymbols', handle: () => ok({ code: 200, data: API_ENABLED_SYMBOLS, msg: null }) },
  { method: 'GET', path: '/api/v3/ticker/price', handle: handleTickerPrice },

  // Signed (docs/mexc-api.md §2.2)
  { method: 'GET', path: '/api/v3/account', permission: 'SPOT_ACCOUNT_READ', handle: () => ok(accountInfo()) },
  { method: 'GET', path: '/api/v3/openOrders', permission: 'SPOT_DEAL_READ', handle: handleOpenOrders },
  { method: 'POST', path: '/api/v3/order/test', permission: 'SPOT_DEAL_WRITE', handle: handleOrderTest },
  {
    method: 'GET',
    path: '/api/v3/selfSymbols',
    permission: 'SPOT_ACCOUNT_READ',
    handle: ({ behaviour }) => ok({ code: 200, data: behaviour.symbolsApiEnabled ? API_ENABLED_SYMBOLS : [], msg: null }),
  },
  // "1 unverified … 4 institutional" ("Query KYC status", https://mexcdevelop.github.io/apidocs/spot_v3_en/#query-kyc-status); 2 = primary verification.
  { method: 'GET', path: '/api/v3/kyc/status', permission: 'SPOT_ACCOUNT_READ', handle: () => ok({ status: '2' }) },
  {
    method: 'POST',
    path: '/api/v3/userDataStream',
    permission: 'SPOT_ACCOUNT_READ',
    handle: ({ listenKeys }) => {
      const listenKey = newListenKey();
      listenKeys.add(listenKey);
      return ok({ listenKey });
    },
  },
  {
    method: 'GET',
    path: '/api/v3/userDataStream',
    permission: 'SPOT_ACCOUNT_READ',
    handle: ({ listenKeys }) => ok({ listenKey: [...listenKeys] }),
  },
  { method: 'PUT', path: '/api/v3/userDataStream', permission: 'SPOT_ACCOUNT_READ', handle: handleListenKeyChange(false) },
  { method: 'DELETE', path: '/api/v3/userDataStream', permission: 'SPOT_ACCOUNT_READ', handle: handleListenKeyChange(true) },

  // Endpoints that would move money: authenticated like the real ones, then refused.
  { method: 'POST', path: '/api/v3/order', permission: 'SPOT_DEAL_WRITE', handle: refuse },
  { method: 'DELETE', path: '/api/v3/order', permission: 'SPOT_DEAL_WRITE', handle: refuse },
  { method: 'POST', path: '/api/v3/batchOrders', permission: 'SPOT_DEAL_WRITE', handle: refuse },
  { method: 'DELETE', path: '/api/v3/openOrders', permission: 'SPOT_DEAL_WRITE', handle: refuse },
  { method: 'POST', path: '/api/v3/capital/withdraw', permission: 'SPOT_WITHDRAW_WRITE', handle: refuse },
  { method: 'POST', path: '/api/v3/capital/withdraw/apply', permission: 'SPOT_WITHDRAW_WRITE', handle: refuse },
  { method: 'DELETE', path: '/api/v3/capital/withdraw', permission: 'SPOT_WITHDRAW_WRITE', handle: refuse },
  { method: 'POST', path: '/api/v3/capital/transfer', permission: 'SPOT_TRANSFER_WRITE', handle: refuse },
  { method: 'POST', path: '/api/v3/capital/transfer/internal', permission: 'SPOT_WITHDRAW_WRITE', handle: refuse },
];

export function findRoute(method: string, path: string): Route | undefined {
  return ROUTES.find((r) => r.method === method && r.path === path);
}
