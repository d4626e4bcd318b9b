import { isSuccess } from '../core/classify.js';
import type { MexcClient } from '../core/client.js';
import type { Observation } from '../core/types.js';

export interface SymbolRules {
  symbol: string;
  /** Decimals allowed in the price. */
  priceDecimals: number;
  /** Decimals allowed in the quantity. */
  quantityDecimals: number;
  /** Smallest order value in quote currency (MEXC's `quoteAmountPrecision`). */
  minNotional: number;
}

export interface MarketInfo {
  symbol: string;
  /** Whether the symbol is in /api/v3/defaultSymbols (tradable through the API). */
  apiEnabled: boolean | undefined;
  /** Whether /api/v3/exchangeInfo lists it (false: MEXC answered it with an error code). */
  listed?: boolean;
  /** The code exchangeInfo answered an unlisted symbol with. */
  unlistedCode?: number | string;
  rules?: SymbolRules;
  lastPrice?: number;
  observations: Observation[];
}

const PREFERRED = ['BTCUSDT', 'ETHUSDT', 'MXUSDT', 'XRPUSDT', 'SOLUSDT'];

/**
 * Finds a symbol to probe with and what it takes for order/test to pass validation. Requests
 * run concurrently; with `--symbol` the three lookups go out at once.
 */
export async function loadMarket(client: MexcClient, wanted?: string): Promise<MarketInfo> {
  const defaults = client.publicGet('/api/v3/defaultSymbols');
  if (wanted) {
    const [d, info, ticker] = await Promise.all([defaults, exchangeInfo(client, wanted), tickerPrice(client, wanted)]);
    const list = symbolList(d);
    return describe(wanted, list ? list.includes(wanted) : undefined, info, ticker, [d, info, ticker]);
  }
  // Guess BTCUSDT in parallel with the list: it is API-enabled on MEXC today, and a wrong guess
  // only costs one more round trip.
  const guess = PREFERRED[0]!;
  const [d, info, ticker] = await Promise.all([defaults, exchangeInfo(client, guess), tickerPrice(client, guess)]);
  const list = symbolList(d);
  const symbol = list ? (PREFERRED.find((s) => list.includes(s)) ?? list[0] ?? guess) : guess;
  if (symbol === guess) return describe(symbol, list ? list.includes(symbol) : undefined, info, ticker, [d, info, ticker]);
  const [info2, ticker2] = await Promise.all([exchangeInfo(client, symbol), tickerPrice(client, symbol)]);
  return describe(symbol, true, info2, ticker2, [d, info2, ticker2]);
}

function exchangeInfo(client: MexcClient, symbol: string) {
  return client.publicGet('/api/v3/exchangeInfo', { symbol });
}
function tickerPrice(client: MexcClient, symbol: string) {
  return client.publicGet('/api/v3/ticker/price', { symbol });
}

/** The API-enabled symbols, when the answer is MEXC's `{"code":200,"data":[…]}`. */
function symbolList(obs: Observation): string[] | undefined {
  if (!isSuccess(obs, 'GET /api/v3/defaultSymbols')) return undefined;
  return (obs.json as { data: string[] }).data;
}

function describe(symbol: string, apiEnabled: boolean | undefined, info: Observation, ticker: Observation, observations: Observation[]): MarketInfo {
  const market: MarketInfo = { symbol, apiEnabled, observations };
  const rules = isSuccess(info, 'GET /api/v3/exchangeInfo') ? parseRules(info.json, symbol) : undefined;
  if (rules) market.rules = rules;
  if (rules) market.listed = true;
  else if (info.mexcCode !== undefined && info.status !== undefined && info.status >= 400) {
    market.listed = false;
    market.unlistedCode = info.mexcCode;
  }
  const price = isSuccess(ticker, 'GET /api/v3/ticker/price') ? Number((ticker.json as { price?: unknown }).price) : NaN;
  if (Number.isFinite(price) && price > 0) market.lastPrice = price;
  return market;
}

function parseRules(json: unknown, symbol: string): SymbolRules | undefined {
  const symbols = (json as { symbols?: unknown } | undefined)?.symbols;
  if (!Array.isArray(symbols)) return undefined;
  const s = symbols.find((x) => (x as { symbol?: unknown })?.symbol === symbol) as Record<string, unknown> | undefined;
  if (!s) return undefined;
  const priceDecimals = toInt(s.quotePrecision ?? s.quoteAssetPrecision, 2);
  const quantityDecimals = decimalsOf(s.baseSizePrecision) ?? toInt(s.baseAssetPrecision, 6);
  const minNotional = Number(s.quoteAmountPrecision ?? 1);
  return { symbol, priceDecimals, quantityDecimals, minNotional: Number.isFinite(minNotional) && minNotional > 0 ? minNotional : 1 };
}

function toInt(value: unknown, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 && n <= 18 ? n : fallback;
}

/** `baseSizePrecision` is a step like "0.0001": its decimals are the quantity's. */
function decimalsOf(step: unknown): number | undefined {
  if (typeof step !== 'string' || !/^\d+(\.\d+)?$/.test(step) || Number(step) <= 0) return undefined;
  const [, frac = ''] = step.split('.');
  return frac.replace(/0+$/, '').length;
}

/**
 * Parameters for POST /api/v3/order/test that pass MEXC's validation: a LIMIT buy 10 % under
 * the last price, worth a little more than the minimum order. It is validated, never executed.
 */
export function testOrderParams(market: MarketInfo): Array<[string, string]> {
  const { rules, lastPrice } = market;
  if (!rules || !lastPrice) {
    return [
      ['symbol', market.symbol],
      ['side', 'BUY'],
      ['type', 'MARKET'],
      ['quoteOrderQty', '10'],
    ];
  }
  const priceStep = 10 ** -rules.priceDecimals;
  const price = Math.max(priceStep, floorTo(lastPrice * 0.9, rules.priceDecimals));
  const quantity = ceilTo((rules.minNotional * 1.5) / price, rules.quantityDecimals);
  return [
    ['symbol', market.symbol],
    ['side', 'BUY'],
    ['type', 'LIMIT'],
    ['quantity', quantity.toFixed(rules.quantityDecimals)],
    ['price', price.toFixed(rules.priceDecimals)],
  ];
}

function floorTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.floor(value * f) / f;
}
function ceilTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.max(1 / f, Math.ceil(value * f - 1e-9) / f);
}

/**
 * What MEXC says about the symbol the trade steps use, for their evidence: listed by
 * exchangeInfo, open to API trading (defaultSymbols), or neither. Undefined when MEXC said
 * nothing usable (the lookups failed).
 */
export function describeSymbol(market: MarketInfo): string | undefined {
  const { symbol, listed, apiEnabled } = market;
  if (listed === false) return `Symbol ${symbol}: MEXC does not list it (GET /api/v3/exchangeInfo answered code ${market.unlistedCode}): check the spelling your bot uses`;
  if (apiEnabled === false) return `Symbol ${symbol}: listed by MEXC, but not in GET /api/v3/defaultSymbols: MEXC refuses API orders on it (10007 "symbol not support api")`;
  if (apiEnabled === true) return `Symbol ${symbol}: listed by MEXC and open to API trading (GET /api/v3/defaultSymbols)`;
  return undefined;
}
