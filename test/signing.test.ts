import { describe, expect, it } from 'vitest';
import { buildQueryString, encodeMexcValue } from '../src/core/encoding.js';
import { hmacSha256Hex, RecvWindowError, signRaw, signRequest, totalParams } from '../src/core/signing.js';

// Vectors from docs/mexc-api.md §1.2 (MEXC's docs examples, verified with openssl).
const SECRET = '45d0b3c26f2644f19bfb98b07741b2f5';

describe('MEXC signing vectors', () => {
  it('signs a plain query as openssl does', () => {
    expect(hmacSha256Hex(SECRET, 'timestamp=1644489390087')).toBe('09b4b5a40aeec864d2caa60f2e6a740b61dc423d76c5615c00fd72681f52a094');
    expect(hmacSha256Hex(SECRET, 'recvWindow=5000&timestamp=1644489390087')).toBe('1103ce19f47c037fc03b8b9d674e10ee76e53272851eb2a3b10321cd353fb9bf');
  });

  it('signs query + body glued with nothing between them (Example 3 of https://mexcdevelop.github.io/apidocs/spot_v3_en/#signed-endpoint-examples-for-post-api-v3-order)', () => {
    const stringToSign = totalParams('symbol=BTCUSDT&side=BUY&type=LIMIT', 'quantity=1&price=11&recvWindow=5000&timestamp=1644489390087');
    expect(stringToSign).toBe('symbol=BTCUSDT&side=BUY&type=LIMITquantity=1&price=11&recvWindow=5000&timestamp=1644489390087');
    expect(hmacSha256Hex(SECRET, stringToSign)).toBe('d1a676610ceb39174c8039b3f548357994b2a34139a8addd33baadba65684592');
  });

  it('does not produce the 323c96ab… printed in Example 1 of https://mexcdevelop.github.io/apidocs/spot_v3_en/#signed-endpoint-examples-for-post-api-v3-order, which is not a valid HMAC', () => {
    const example1 = 'symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=1&price=11&recvWindow=5000&timestamp=1644489390087';
    expect(hmacSha256Hex(SECRET, example1).startsWith('323c96ab')).toBe(false);
  });

  it('encodes parentheses so the signed string matches what is sent (BEP20(BSC))', () => {
    const q = buildQueryString([
      ['coin', 'USDT'],
      ['network', 'BEP20(BSC)'],
      ['timestamp', 1644489390087],
    ]);
    expect(q).toBe('coin=USDT&network=BEP20%28BSC%29&timestamp=1644489390087');
    expect(hmacSha256Hex(SECRET, q)).toBe('c776250ca6c91cab13a6eb1abd3f99ee700d2a7f27fe908c8401a8579b449d50');
  });
});

describe('encodeMexcValue', () => {
  it('uses uppercase hex, %20 for space, and encodes ( ) , : [ ] { } ! \' *', () => {
    expect(encodeMexcValue('a b')).toBe('a%20b');
    expect(encodeMexcValue('(),:[]{}!\'*')).toBe('%28%29%2C%3A%5B%5D%7B%7D%21%27%2A');
    expect(encodeMexcValue('a-b_c.d~e')).toBe('a-b_c.d~e');
  });
});

describe('signRequest', () => {
  it('keeps the caller order, appends recvWindow and timestamp, and the signature last', () => {
    const s = signRequest({ secret: SECRET, params: [['symbol', 'BTCUSDT'], ['side', 'BUY']], nowMs: 1644489390087 });
    expect(s.stringToSign).toBe('symbol=BTCUSDT&side=BUY&recvWindow=5000&timestamp=1644489390087');
    expect(s.query).toBe(`${s.stringToSign}&signature=${s.signature}`);
    expect(s.signature).toMatch(/^[0-9a-f]{64}$/);
  });

  it('adds the known server offset to the local clock', () => {
    const s = signRequest({ secret: SECRET, params: {}, nowMs: 1_000_000, serverOffsetMs: -4200 });
    expect(s.timestampMs).toBe(995_800);
  });

  it('refuses a recvWindow above 60000', () => {
    expect(() => signRequest({ secret: SECRET, params: {}, nowMs: 1, recvWindowMs: 60001 })).toThrow(RecvWindowError);
    expect(() => signRequest({ secret: SECRET, params: {}, nowMs: 1, recvWindowMs: 60000 })).not.toThrow();
  });

  it('never puts the secret in the string to sign, the query or an error', () => {
    const s = signRaw(SECRET, 'timestamp=1');
    expect(JSON.stringify(s)).not.toContain(SECRET);
    try {
      signRequest({ secret: SECRET, params: {}, nowMs: 1, recvWindowMs: 99_999 });
    } catch (e) {
      expect(String((e as Error).message)).not.toContain(SECRET);
    }
  });
});
