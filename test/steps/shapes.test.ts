import { describe, expect, it } from 'vitest';
import { describeJson, futuresShape, implausibleMs, ORDER_TEST_PROOFS, orderTestProof, recogniseSuccess, SUCCESS_SHAPES } from '../../src/core/answers.js';
import { judgeAnswer } from '../../src/core/classify.js';
import { response } from '../diagnosis/fixtures.js';

describe('success shapes (positive evidence)', () => {
  const cases: Array<[keyof typeof SUCCESS_SHAPES, unknown, boolean]> = [
    ['GET /api/v3/ping', {}, true],
    ['GET /api/v3/ping', [], false],
    ['GET /api/v3/ping', { status: 'ok' }, false],
    ['GET /api/v3/time', { serverTime: 1_700_000_000_000 }, true],
    ['GET /api/v3/time', { serverTime: 1_700_000_000 }, false],
    ['GET /api/v3/time', { serverTime: '1700000000000' }, false],
    ['GET /api/v3/time', {}, false],
    ['GET /api/v3/account', { balances: [], canTrade: true }, true],
    ['GET /api/v3/account', { balances: [{ asset: 'USDT', free: '1', locked: '0' }] }, true],
    ['GET /api/v3/account', {}, false],
    ['GET /api/v3/account', { balances: {} }, false],
    ['GET /api/v3/openOrders', [], true],
    ['GET /api/v3/openOrders', [{ symbol: 'BTCUSDT', orderId: '1' }], true],
    ['GET /api/v3/openOrders', {}, false],
    ['GET /api/v3/openOrders', [1, 2], false],
    ['POST /api/v3/order/test', {}, true],
    ['POST /api/v3/order/test', { orderId: '1' }, false],
    ['GET /api/v3/defaultSymbols', { code: 200, data: ['BTCUSDT'], msg: null }, true],
    ['GET /api/v3/defaultSymbols', { code: 200, data: null }, false],
    ['GET /api/v3/exchangeInfo', { symbols: [{ symbol: 'BTCUSDT' }] }, true],
    ['GET /api/v3/exchangeInfo', { symbols: 'BTCUSDT' }, false],
    ['GET /api/v3/ticker/price', { symbol: 'BTCUSDT', price: '65000.1' }, true],
    ['GET /api/v3/ticker/price', [], false],
  ];
  it.each(cases)('%s %j → %s', (endpoint, json, ok) => {
    expect(SUCCESS_SHAPES[endpoint].check(json) === undefined).toBe(ok);
    expect(judgeAnswer(response(200, JSON.stringify(json), {}, endpoint.split(' ')[1]), endpoint).ok).toBe(ok);
  });

  it('says why a server time is not one, in words', () => {
    expect(implausibleMs(1_794_119_967, 'serverTime')).toBe('serverTime 1794119967 is in seconds (10 digits), not milliseconds (13 digits)');
    expect(implausibleMs(1_700_000_000_000_000, 'serverTime')).toMatch(/microseconds/);
    expect(implausibleMs(undefined, 'serverTime')).toBe('no serverTime');
  });

  it('describes what came instead without echoing arbitrary text in full', () => {
    expect(describeJson({})).toBe('an empty object {}');
    expect(describeJson({ status: 'ok', message: 'x' })).toBe('an object with keys status, message');
    expect(describeJson([1, 2, 3])).toBe('a list of 3 items');
    expect(describeJson('x'.repeat(100))).toMatch(/^the text "x{40}…"$/);
  });

  it('a futures endpoint is one row: {success:true, code:0, data} with its data checked', () => {
    const ping = futuresShape('<ms>', (d) => implausibleMs(d, 'data'));
    expect(ping.check({ success: true, code: 0, data: 1_587_442_022_003 })).toBeUndefined();
    expect(ping.check({ success: false, code: 602, message: 'Signature verification failed!' })).toBe('success is the boolean false, not true');
    expect(ping.check({ success: true, code: 0, data: 1_587_442_022 })).toMatch(/in seconds/);
  });

  it('a non-200 answer with the right body is still not a pass', () => {
    expect(judgeAnswer(response(500, '{}', {}, '/api/v3/ping'), 'GET /api/v3/ping').ok).toBe(false);
  });
});

describe('order/test: which codes prove the Trade permission', () => {
  it('names the order-validation codes of docs/mexc-api.md §3, and no account or symbol state code', () => {
    expect(ORDER_TEST_PROOFS.map((p) => p.code)).toEqual([30002, 30003, 30004, 30005, 30010, 10101, 33333, 44444]);
    for (const code of [26, 730100, 10001, 60005, 10098, 30000, 30014, 30016, 30018, 30019, 30021, 30041, 10007, 700007]) expect(orderTestProof(code)).toBeUndefined();
    expect(orderTestProof('30002')?.code).toBe(30002);
  });
});

describe('recogniseSuccess (pasted answers)', () => {
  it('names the endpoint whose answer it is', () => {
    expect(recogniseSuccess({ serverTime: 1_700_000_000_000 })).toEqual({ endpoint: 'GET /api/v3/time' });
    expect(recogniseSuccess({})).toEqual({});
    expect(recogniseSuccess({ success: true, code: 0, data: 1 })).toEqual({ futures: true });
    expect(recogniseSuccess({ code: 700002, msg: 'x' })).toBeUndefined();
  });
});
