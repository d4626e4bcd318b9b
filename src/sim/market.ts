/**
 * Fixed market data: a handful of real spot symbols with the fields MEXC's exchangeInfo
 * returns ("Exchange Information", https://mexcdevelop.github.io/apidocs/spot_v3_en/#exchange-information, response example), static prices and balances.
 */

export interface SimSymbol {
  symbol: string;
  baseAsset: string;
  quoteAsset: string;
  fullName: string;
  baseAssetPrecision: number;
  quotePrecision: number;
  /** Smallest base step, e.g. "0.000001". */
  baseSizePrecision: string;
  /** Minimum order value in the quote asset (MEXC names it a precision; it is the minimum). */
  quoteAmountPrecision: string;
  /** Last price in the quote asset, as MEXC sends it: a decimal string. */
  price: string;
  /** In `/api/v3/defaultSymbols`: tradable through the API at all (docs/mexc-api.md §2.1). */
  apiEnabled: boolean;
}

export const SIM_SYMBOLS: readonly SimSymbol[] = [
  {
    symbol: 'BTCUSDT',
    baseAsset: 'BTC',
    quoteAsset: 'USDT',
    fullName: 'Bitcoin',
    baseAssetPrecision: 6,
    quotePrecision: 2,
    baseSizePrecision: '0.000001',
    quoteAmountPrecision: '1',
    price: '97250.12',
    apiEnabled: true,
  },
  {
    symbol: 'ETHUSDT',
    baseAsset: 'ETH',
    quoteAsset: 'USDT',
    fullName: 'Ethereum',
    baseAssetPrecision: 5,
    quotePrecision: 2,
    baseSizePrecision: '0.00001',
    quoteAmountPrecision: '1',
    price: '3412.55',
    apiEnabled: true,
  },
  {
    symbol: 'MXUSDT',
    baseAsset: 'MX',
    quoteAsset: 'USDT',
    fullName: 'MX Token',
    baseAssetPrecision: 2,
    quotePrecision: 4,
    baseSizePrecision: '0.01',
    quoteAmountPrecision: '1',
    price: '2.8312',
    apiEnabled: true,
  },
  {
    // Listed and tradable on the web, but not in defaultSymbols: order/test answers 10007.
    symbol: 'KASUSDT',
    baseAsset: 'KAS',
    quoteAsset: 'USDT',
    fullName: 'Kaspa',
    baseAssetPrecision: 2,
    quotePrecision: 6,
    baseSizePrecision: '0.01',
    quoteAmountPrecision: '1',
    price: '0.112340',
    apiEnabled: false,
  },
];

export function findSymbol(name: string): SimSymbol | undefined {
  return SIM_SYMBOLS.find((s) => s.symbol === name);
}

export const API_ENABLED_SYMBOLS: readonly string[] = SIM_SYMBOLS.filter((s) => s.apiEnabled).map((s) => s.symbol);

/** One symbol object as `/api/v3/exchangeInfo` returns it. */
export function exchangeInfoSymbol(s: SimSymbol) {
  return {
    symbol: s.symbol,
    status: '1', // "1 online, 2 pause, 3 offline" since 2024-08-16 (docs/mexc-api.md §2.1)
    baseAsset: s.baseAsset,
    baseAssetPrecision: s.baseAssetPrecision,
    quoteAsset: s.quoteAsset,
    quotePrecision: s.quotePrecision,
    quoteAssetPrecision: s.quotePrecision,
    baseCommissionPrecision: s.baseAssetPrecision,
    quoteCommissionPrecision: s.quotePrecision,
    orderTypes: ['LIMIT', 'MARKET', 'LIMIT_MAKER'],
    isSpotTradingAllowed: true,
    isMarginTradingAllowed: false,
    quoteAmountPrecision: s.quoteAmountPrecision,
    baseSizePrecision: s.baseSizePrecision,
    permissions: ['SPOT'],
    filters: [{ filterType: 'PERCENT_PRICE_BY_SIDE', bidMultiplierUp: '5', askMultiplierDown: '0.2' }],
    maxQuoteAmount: '2000000',
    makerCommission: '0',
    takerCommission: '0.0005',
    quoteAmountPrecisionMarket: s.quoteAmountPrecision,
    maxQuoteAmountMarket: '100000',
    fullName: s.fullName,
    tradeSideType: 1,
    contractAddress: '',
    st: false,
  };
}

export function exchangeInfo(symbols: readonly SimSymbol[], serverTimeMs: number) {
  return {
    timezone: 'CST',
    serverTime: serverTimeMs,
    rateLimits: [],
    exchangeFilters: [],
    symbols: symbols.map(exchangeInfoSymbol),
  };
}

export function tickerPrice(s: SimSymbol) {
  return { symbol: s.symbol, price: s.price };
}

export const SIM_BALANCES: ReadonlyArray<{ asset: string; free: string; locked: string }> = [
  { asset: 'USDT', free: '1523.40781', locked: '0' },
  { asset: 'BTC', free: '0.012503', locked: '0.001' },
  { asset: 'MX', free: '310.52', locked: '0' },
  { asset: 'ETH', free: '0', locked: '0' },
];

/** `GET /api/v3/account` ("Account Information", https://mexcdevelop.github.io/apidocs/spot_v3_en/#account-information; docs/mexc-api.md §2.2). */
export function accountInfo() {
  return {
    makerCommission: null,
    takerCommission: null,
    buyerCommission: null,
    sellerCommission: null,
    canTrade: true,
    canWithdraw: true,
    canDeposit: true,
    updateTime: null,
    accountType: 'SPOT',
    balances: SIM_BALANCES,
    permissions: ['SPOT'],
  };
}
