/**
 * Futures endpoints the simulator serves, with the paths and response shapes of MEXC's futures
 * docs (https://www.mexc.com/api-docs/futures/market-endpoints and
 * …/account-and-trading-endpoints). Nothing here trades: the order endpoints authenticate and
 * then answer as MEXC does while futures order placement is closed to API users.
 */
import type { SimResponse } from '../errors.js';
import { FUTURES_ERRORS, futuresOk, futuresPingOk } from './errors.js';
import type { FuturesPermission } from './scenarios.js';

export interface FuturesEndpointContext {
  method: string;
  /** Decoded query parameters (values for the handler only; the signature uses the raw text). */
  query: ReadonlyMap<string, string>;
  /** Path parameter, e.g. the `{symbol}` of open_orders/{symbol}. */
  pathParam?: string;
  rawBody: string;
  serverTimeMs: number;
}

export interface FuturesRoute {
  method: 'GET' | 'POST';
  /** Present on private endpoints: the permission the key needs. */
  permission?: FuturesPermission;
  handle: (ctx: FuturesEndpointContext) => SimResponse;
}

/** USDT-margined perpetuals the simulator knows (contract names use an underscore). */
export const SIM_CONTRACTS = ['BTC_USDT', 'ETH_USDT', 'SOL_USDT'] as const;

/** Shape of the docs' "Get all informations of user's asset" example. */
const ASSETS = [
  { currency: 'USDT', positionMargin: 0, availableBalance: 250.5, cashBalance: 250.5, frozenBalance: 0, equity: 250.5, unrealized: 0, bonus: 0 },
  { currency: 'BTC', positionMargin: 0, availableBalance: 0, cashBalance: 0, frozenBalance: 0, equity: 0, unrealized: 0, bonus: 0 },
];

function knownSymbol(symbol: string | undefined): boolean {
  return symbol === undefined || symbol === '' || (SIM_CONTRACTS as readonly string[]).includes(symbol);
}

/** open_positions: `symbol` optional; no positions are ever open here. */
function openPositions({ query }: FuturesEndpointContext): SimResponse {
  return knownSymbol(query.get('symbol')) ? futuresOk([]) : FUTURES_ERRORS.contractNotFound();
}

/**
 * open_orders: symbol in the path (https://mexcdevelop.github.io/apidocs/contract_v1_en/) or the
 * query (https://www.mexc.com/api-docs/futures/update-log, 2025-12-02); "page size … maximum 100".
 */
function openOrders({ query, pathParam }: FuturesEndpointContext): SimResponse {
  const pageSize = query.get('page_size');
  const pageNum = query.get('page_num');
  if ((pageSize !== undefined && !/^([1-9]\d?|100)$/.test(pageSize)) || (pageNum !== undefined && !/^[1-9]\d{0,5}$/.test(pageNum))) {
    return FUTURES_ERRORS.paramError('page_num must be 1 or more, page_size 1 to 100');
  }
  return knownSymbol(pathParam ?? query.get('symbol')) ? futuresOk([]) : FUTURES_ERRORS.contractNotFound();
}

/**
 * Futures order placement and cancelling have been closed to API users for long periods (update
 * log 2022-07-25: "place order endpoints and cancel orders endpoints will be closed"). Users then
 * report 602 "Signature verification failed!" on order and cancel calls while reads work
 * (https://github.com/makarworld/pymexc/issues/6, https://github.com/makarworld/pymexc/issues/14),
 * so a correctly signed order gets exactly that here, with a header saying why.
 */
function orderPlacementClosed({ rawBody }: FuturesEndpointContext): SimResponse {
  try {
    JSON.parse(rawBody === '' ? '{}' : rawBody);
  } catch {
    return FUTURES_ERRORS.dataDecoding();
  }
  return FUTURES_ERRORS.signatureFailed(
    'futures order placement is closed to API users here; the signature of this request was valid; no order was placed',
  );
}

const CLOSED_POSTS = [
  'order/submit',
  'order/submit_batch',
  'order/create',
  'order/cancel',
  'order/cancel_all',
  'order/cancel_with_external',
  'order/batch_cancel_with_external',
  'order/chase_limit_order',
  'order/change_limit_order',
  'planorder/place',
  'planorder/cancel',
  'planorder/cancel_all',
  'stoporder/cancel',
  'stoporder/cancel_all',
  'stoporder/change_price',
  'stoporder/change_plan_price',
  'position/change_margin',
  'position/change_leverage',
  'position/change_position_mode',
];

// account/assets asks for account read here (701 when missing). MEXC's futures docs
// (https://mexcdevelop.github.io/apidocs/contract_v1_en/) label it "Trade reading
// permission", unlike its siblings asset/{currency} and transfer_record ("Account reading
// permission"); we read that label as a slip [INFERENCE], so a key with account read only can
// still pass the account check and fail the trade-read one (futures-permission-denied-read).
const ROUTES: Record<string, FuturesRoute> = {
  'GET /api/v1/contract/ping': { method: 'GET', handle: ({ serverTimeMs }) => futuresPingOk(serverTimeMs) },
  'GET /api/v1/private/account/assets': { method: 'GET', permission: 'CONTRACT_ACCOUNT_READ', handle: () => futuresOk(ASSETS) },
  'GET /api/v1/private/position/open_positions': { method: 'GET', permission: 'CONTRACT_DEAL_READ', handle: openPositions },
  'GET /api/v1/private/order/list/open_orders': { method: 'GET', permission: 'CONTRACT_DEAL_READ', handle: openOrders },
  ...Object.fromEntries(
    CLOSED_POSTS.map((p) => [`POST /api/v1/private/${p}`, { method: 'POST', permission: 'CONTRACT_DEAL_WRITE', handle: orderPlacementClosed } satisfies FuturesRoute]),
  ),
};

const OPEN_ORDERS_BY_SYMBOL = /^\/api\/v1\/private\/order\/list\/open_orders\/([^/]+)$/;

export function findFuturesRoute(method: string, path: string): { route: FuturesRoute; pathParam?: string } | undefined {
  const exact = ROUTES[`${method} ${path}`];
  if (exact) return { route: exact };
  const bySymbol = method === 'GET' ? OPEN_ORDERS_BY_SYMBOL.exec(path) : null;
  if (bySymbol) return { route: ROUTES['GET /api/v1/private/order/list/open_orders']!, pathParam: decodeURIComponent(bySymbol[1]!) };
  return undefined;
}
