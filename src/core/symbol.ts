/**
 * A MEXC spot symbol as a user may type it ("btc/usdt", "BTC-USDT", "BTC_USDT") in the form
 * the spot API takes ("BTCUSDT"), or undefined when it cannot be one. Whether MEXC lists it
 * and lets the API trade it is for MEXC to say (exchangeInfo, defaultSymbols: steps/market.ts).
 */
export function normalizeSymbol(raw: string): string | undefined {
  const symbol = raw.trim().toUpperCase().replace(/[/_-]/g, '');
  return /^[A-Z0-9]{2,30}$/.test(symbol) ? symbol : undefined;
}
