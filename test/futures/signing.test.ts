import { describe, expect, it } from 'vitest';
import {
  encodeFuturesValue,
  futuresParamString,
  looksLikeSeconds,
  signFuturesRaw,
  signFuturesRequest,
  sortQuerySegments,
} from '../../src/core/futures-signing.js';

// Known answers from issue #14, recomputed with `printf %s "$S" | openssl dgst -sha256 -hmac $SECRET`.
const KEY = 'mx0aBYs33eIilxBWC5';
const SECRET = '45d0b3c26f2644f19bfb98b07741b2f5';
const TIME = 1644489390087;
const SIG_SYMBOL = '0f4e728063ca729d9ef7c4c171d94aabf2c4c84418ee7312572901426733cb2c';
const SIG_EMPTY = '8c0d829f0a56a0c771c2e0623e07a8f20d55a32b83a7eeb3b9c1c75d20c153b6';
/** openssl over mx0aBYs33eIilxBWC51644489390087page_num=1&page_size=20&symbol=BTC_USDT */
const SIG_SORTED_THREE = '51a6189b23d578f1d50b14da4f4cda3cc5afb53d19095a9e9436bb1dd6ced504';
/** openssl over the key + time + {"symbol":"BTC_USDT","price":8800,"vol":1,"side":1,"type":1,"openType":1} */
const SIG_POST = 'fb451d857d6ae2cda67ea286bc9159011ef7b47b2e2c395fce222b01100035ff';

describe('futures signing vectors', () => {
  it('signs accessKey + Request-Time + symbol=BTC_USDT (0f4e…cb2c)', () => {
    const s = signFuturesRaw({ apiKey: KEY, secret: SECRET, requestTime: TIME, paramString: 'symbol=BTC_USDT' });
    expect(s.stringToSign).toBe('mx0aBYs33eIilxBWC51644489390087symbol=BTC_USDT');
    expect(s.signature).toBe(SIG_SYMBOL);
  });

  it('signs accessKey + Request-Time alone when there are no parameters (8c0d…53b6)', () => {
    expect(signFuturesRaw({ apiKey: KEY, secret: SECRET, requestTime: String(TIME), paramString: '' }).signature).toBe(SIG_EMPTY);
    expect(signFuturesRequest({ apiKey: KEY, secret: SECRET, method: 'GET', nowMs: TIME }).signature).toBe(SIG_EMPTY);
  });

  it('puts key, time and signature in the ApiKey, Request-Time and Signature headers, with a JSON content type', () => {
    const s = signFuturesRaw({ apiKey: KEY, secret: SECRET, requestTime: TIME, paramString: 'symbol=BTC_USDT', recvWindowSec: 30 });
    expect(s.headers).toEqual({ ApiKey: KEY, 'Request-Time': '1644489390087', Signature: SIG_SYMBOL, 'Content-Type': 'application/json', 'Recv-Window': '30' });
  });

  it('sorts GET parameters by name and leaves null ones out', () => {
    const s = signFuturesRequest({ apiKey: KEY, secret: SECRET, method: 'GET', params: { symbol: 'BTC_USDT', page_size: 20, page_num: 1, state: null, type: undefined }, nowMs: TIME });
    expect(s.query).toBe('page_num=1&page_size=20&symbol=BTC_USDT');
    expect(s.signature).toBe(SIG_SORTED_THREE);
  });

  it('signs a POST body as the JSON text it sends, unsorted', () => {
    const s = signFuturesRequest({ apiKey: KEY, secret: SECRET, method: 'POST', body: { symbol: 'BTC_USDT', price: 8800, vol: 1, side: 1, type: 1, openType: 1 }, nowMs: TIME });
    expect(s.body).toBe('{"symbol":"BTC_USDT","price":8800,"vol":1,"side":1,"type":1,"openType":1}');
    expect(s.query).toBe('');
    expect(s.signature).toBe(SIG_POST);
  });
});

describe('futures parameter encoding (the docs\' Java sample: URLEncoder, + as %20)', () => {
  it('keeps A-Z a-z 0-9 . - * _ and encodes everything else in uppercase hex, space as %20', () => {
    expect(encodeFuturesValue('a b')).toBe('a%20b');
    expect(encodeFuturesValue('1,2')).toBe('1%2C2');
    expect(encodeFuturesValue("a-b_c.d*e~f!g'h(i)")).toBe("a-b_c.d*e%7Ef%21g%27h%28i%29");
  });

  it('encodes values but not names, and sorts by UTF-16 code unit like a Java TreeMap', () => {
    expect(futuresParamString({ order_ids: '1,2', Symbol: 'x', a: 'y' })).toBe('Symbol=x&a=y&order_ids=1%2C2');
  });

  it('sorts the raw segments of a query without touching their bytes', () => {
    expect(sortQuerySegments('symbol=BTC_USDT&page_num=1&&ids=1%2c2')).toBe('ids=1%2c2&page_num=1&symbol=BTC_USDT');
  });

  it('recognises a seconds Request-Time', () => {
    expect(looksLikeSeconds('1644489390')).toBe(true);
    expect(looksLikeSeconds('1644489390.087')).toBe(true);
    expect(looksLikeSeconds('1644489390087')).toBe(false);
  });
});
