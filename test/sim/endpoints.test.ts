import { describe, expect, it } from 'vitest';
import { generateDemoCredentials, type RequestLogEntry } from '../../src/sim/server.js';
import { DOC_KEY, DOC_SECRET, hmacHex, mexcError, send, signedGet, signedPost, startTestSim } from './helpers.js';

const NOW = 1700000000000;
const mandatory = (name: string) =>
  mexcError(700004, `Mandatory parameter '${name}' was not sent, was empty/null, or malformed.`);

describe('public endpoints', () => {
  it('GET /api/v3/ping → {}', async () => {
    const sim = await startTestSim({ nowMs: NOW });
    const res = await send(sim, { target: '/api/v3/ping' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.text).toBe('{}');
  });

  it('GET /api/v3/time → {"serverTime": …}', async () => {
    const sim = await startTestSim({ nowMs: NOW });
    expect((await send(sim, { target: '/api/v3/time' })).text).toBe('{"serverTime":1700000000000}');
  });

  it('GET /api/v3/exchangeInfo lists realistic symbols', async () => {
    const sim = await startTestSim({ nowMs: NOW });
    const info = (await send(sim, { target: '/api/v3/exchangeInfo' })).json as {
      timezone: string;
      serverTime: number;
      symbols: Array<Record<string, unknown>>;
    };
    expect(info.serverTime).toBe(NOW);
    expect(info.symbols.map((s) => s.symbol)).toEqual(expect.arrayContaining(['BTCUSDT', 'ETHUSDT', 'MXUSDT']));
    expect(info.symbols.find((s) => s.symbol === 'BTCUSDT')).toMatchObject({
      status: '1',
      baseAsset: 'BTC',
      quoteAsset: 'USDT',
      isSpotTradingAllowed: true,
      baseSizePrecision: '0.000001',
      quoteAmountPrecision: '1',
      baseAssetPrecision: 6,
      quotePrecision: 2,
      permissions: ['SPOT'],
      orderTypes: ['LIMIT', 'MARKET', 'LIMIT_MAKER'],
      filters: expect.any(Array),
    });
  });

  it('GET /api/v3/exchangeInfo narrows to symbol= or symbols=A,B (comma encoded or not)', async () => {
    const sim = await startTestSim({ nowMs: NOW });
    const names = async (target: string) =>
      ((await send(sim, { target })).json as { symbols: Array<{ symbol: string }> }).symbols.map((s) => s.symbol);
    expect(await names('/api/v3/exchangeInfo?symbol=MXUSDT')).toEqual(['MXUSDT']);
    expect(await names('/api/v3/exchangeInfo?symbols=MXUSDT,BTCUSDT')).toEqual(['MXUSDT', 'BTCUSDT']);
    expect(await names('/api/v3/exchangeInfo?symbols=MXUSDT%2CETHUSDT')).toEqual(['MXUSDT', 'ETHUSDT']);
    expect((await send(sim, { target: '/api/v3/exchangeInfo?symbol=NOPEUSDT' })).json).toEqual(mexcError(30014, 'invalid symbol'));
  });

  it('GET /api/v3/defaultSymbols lists the API-enabled symbols only', async () => {
    const sim = await startTestSim({ nowMs: NOW });
    const res = (await send(sim, { target: '/api/v3/defaultSymbols' })).json as { code: number; data: string[]; msg: null };
    expect(res.code).toBe(200);
    expect(res.msg).toBeNull();
    expect(res.data).toContain('BTCUSDT');
    expect(res.data).not.toContain('KASUSDT');
  });

  it('GET /api/v3/ticker/price answers one symbol or all', async () => {
    const sim = await startTestSim({ nowMs: NOW });
    expect((await send(sim, { target: '/api/v3/ticker/price?symbol=BTCUSDT' })).json).toEqual({ symbol: 'BTCUSDT', price: '97250.12' });
    expect((await send(sim, { target: '/api/v3/ticker/price' })).json).toEqual(
      expect.arrayContaining([{ symbol: 'MXUSDT', price: '2.8312' }]),
    );
  });

  it('answers 404 JSON for an unknown path or method', async () => {
    const sim = await startTestSim({ nowMs: NOW });
    for (const req of [{ target: '/api/v3/nope' }, { target: '/api/v3/ping', method: 'POST' }, { target: '/open/api/v2/market/symbols' }]) {
      const res = await send(sim, req);
      expect(res.status).toBe(404);
      expect(res.json).toEqual({ code: 404, msg: 'Not Found' });
    }
  });
});

describe('signed endpoints', () => {
  it('GET /api/v3/account has the documented fields and a few non-zero balances', async () => {
    const sim = await startTestSim({ nowMs: NOW });
    const account = (await signedGet(sim, '/api/v3/account', 'timestamp=1700000000000')).json as Record<string, unknown>;
    expect(account).toMatchObject({ canTrade: true, canWithdraw: true, canDeposit: true, accountType: 'SPOT', permissions: ['SPOT'] });
    expect(account).toHaveProperty('updateTime');
    const balances = account.balances as Array<{ asset: string; free: string; locked: string }>;
    expect(balances.filter((b) => Number(b.free) > 0).length).toBeGreaterThanOrEqual(2);
  });

  it('GET /api/v3/openOrders needs symbol and answers []', async () => {
    const sim = await startTestSim({ nowMs: NOW });
    expect((await signedGet(sim, '/api/v3/openOrders', 'timestamp=1700000000000')).json).toEqual(mandatory('symbol'));
    expect((await signedGet(sim, '/api/v3/openOrders', 'symbol=ETHUSDT&timestamp=1700000000000')).json).toEqual([]);
  });

  it('GET /api/v3/selfSymbols and /api/v3/kyc/status', async () => {
    const sim = await startTestSim({ nowMs: NOW });
    expect((await signedGet(sim, '/api/v3/selfSymbols', 'timestamp=1700000000000')).json).toMatchObject({ code: 200, msg: null });
    expect((await signedGet(sim, '/api/v3/kyc/status', 'timestamp=1700000000000')).json).toEqual({ status: '2' });
  });

  it('POST/PUT/DELETE /api/v3/userDataStream hands out, extends and closes a listenKey', async () => {
    const sim = await startTestSim({ nowMs: NOW });
    const created = (await signedPost(sim, '/api/v3/userDataStream', 'timestamp=1700000000000')).json as { listenKey: string };
    expect(created.listenKey).toMatch(/^[0-9a-f]{64}$/);
    const keyBody = `listenKey=${created.listenKey}&timestamp=1700000000000`;
    const sendWith = (method: string) =>
      send(sim, {
        method,
        target: '/api/v3/userDataStream',
        headers: { 'X-MEXC-APIKEY': DOC_KEY, 'Content-Type': 'application/json' },
        body: `${keyBody}&signature=${hmacHex(DOC_SECRET, keyBody)}`,
      });
    expect((await sendWith('PUT')).json).toEqual({ listenKey: created.listenKey });
    expect((await sendWith('DELETE')).json).toEqual({ listenKey: created.listenKey });
    expect((await sendWith('PUT')).json).toEqual(mexcError(730708, 'listen key information error'));
  });
});

describe('POST /api/v3/order/test validation', () => {
  const orderTest = async (body: string) =>
    (await signedPost(await startTestSim({ nowMs: NOW }), '/api/v3/order/test', `${body}&timestamp=1700000000000`)).json;

  it.each([
    ['a valid LIMIT order', 'symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=0.001&price=50000', {}],
    ['a MARKET order by quote amount', 'symbol=MXUSDT&side=BUY&type=MARKET&quoteOrderQty=5', {}],
    ['a MARKET order by quantity, valued at the last price', 'symbol=MXUSDT&side=SELL&type=MARKET&quantity=1', {}],
    ['a missing symbol', 'side=BUY&type=LIMIT&quantity=1&price=1', mandatory('symbol')],
    ['an unknown symbol', 'symbol=NOPEUSDT&side=BUY&type=LIMIT&quantity=1&price=1', mexcError(10007, 'symbol not support api')],
    ['a symbol not enabled for the API', 'symbol=KASUSDT&side=BUY&type=LIMIT&quantity=100&price=0.1', mexcError(10007, 'symbol not support api')],
    ['a lowercase side', 'symbol=BTCUSDT&side=buy&type=LIMIT&quantity=0.001&price=50000', mandatory('side')],
    ['an unknown type', 'symbol=BTCUSDT&side=BUY&type=STOP&quantity=0.001&price=50000', mandatory('type')],
    ['a LIMIT without price', 'symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=0.001', mandatory('price')],
    ['a zero quantity', 'symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=0&price=50000', mandatory('quantity')],
    ['a negative price', 'symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=1&price=-1', mandatory('price')],
    [
      'a MARKET order without quantity or quoteOrderQty',
      'symbol=BTCUSDT&side=BUY&type=MARKET',
      mexcError(700004, "Param 'quantity' or 'quoteOrderQty' must be sent, but both were empty/null"),
    ],
    [
      'an order worth less than the minimum',
      'symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=0.00001&price=50000',
      mexcError(30002, 'The minimum transaction volume cannot be less than:1USDT'),
    ],
  ])('answers %s', async (_label, body, expected) => {
    expect(await orderTest(body)).toEqual(expected);
  });
});

describe('nothing that moves money is ever executed', () => {
  const REFUSED = {
    code: 30016,
    msg: 'trading disabled: the mexc-wizard simulator never places orders, withdrawals or transfers; use POST /api/v3/order/test',
  };

  it.each([
    ['POST', '/api/v3/order', 'symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=0.001&price=50000&timestamp=1700000000000'],
    ['DELETE', '/api/v3/order', 'symbol=BTCUSDT&orderId=1&timestamp=1700000000000'],
    ['POST', '/api/v3/batchOrders', 'batchOrders=%5B%5D&timestamp=1700000000000'],
    ['DELETE', '/api/v3/openOrders', 'symbol=BTCUSDT&timestamp=1700000000000'],
    ['POST', '/api/v3/capital/withdraw', 'coin=USDT&address=x&amount=10&timestamp=1700000000000'],
    ['POST', '/api/v3/capital/transfer', 'fromAccountType=SPOT&toAccountType=FUTURES&asset=USDT&amount=1&timestamp=1700000000000'],
  ])('%s %s authenticates, then refuses', async (method, path, query) => {
    const sim = await startTestSim({ nowMs: NOW });
    const res = await send(sim, {
      method,
      target: `${path}?${query}&signature=${hmacHex(DOC_SECRET, query)}`,
      headers: { 'X-MEXC-APIKEY': DOC_KEY, 'Content-Type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(res.json).toEqual(REFUSED);
  });

  it('still checks the signature on a real order endpoint, so bots can test their signing', async () => {
    const sim = await startTestSim({ nowMs: NOW });
    const res = await signedPost(sim, '/api/v3/order', 'symbol=BTCUSDT&timestamp=1700000000000', '00000000000000000000000000000000');
    expect(res.json).toEqual(mexcError(700002, 'Signature for this request is not valid.'));
  });

  it('answers a keyless real order with "api key required"', async () => {
    const sim = await startTestSim({ nowMs: NOW });
    expect((await send(sim, { method: 'POST', target: '/api/v3/order' })).json).toEqual(mexcError(400, 'api key required'));
  });
});

describe('request log and credentials', () => {
  it('records method, path, raw query, status and code, and never the secret', async () => {
    const entries: RequestLogEntry[] = [];
    const sim = await startTestSim({ nowMs: NOW, onRequest: (entry) => entries.push(entry) });
    await signedGet(sim, '/api/v3/account', 'timestamp=1700000000000', '00000000000000000000000000000000');
    await send(sim, { target: '/api/v3/ping' });
    expect(sim.requests).toEqual([
      expect.objectContaining({ method: 'GET', path: '/api/v3/account', status: 400, code: 700002, rawQuery: expect.stringMatching(/^timestamp=1700000000000&signature=/) }),
      expect.objectContaining({ method: 'GET', path: '/api/v3/ping', rawQuery: '', status: 200 }),
    ]);
    expect(entries.map((e) => [e.method, e.path, e.status, e.code])).toEqual([
      ['GET', '/api/v3/account', 400, 700002],
      ['GET', '/api/v3/ping', 200, null],
    ]);
    expect(JSON.stringify(sim.requests) + JSON.stringify(entries)).not.toContain(DOC_SECRET);
  });

  it('generates demo credentials shaped like MEXC’s', () => {
    const a = generateDemoCredentials();
    const b = generateDemoCredentials();
    expect(a.apiKey).toMatch(/^mx0[A-Za-z0-9]{15}$/);
    expect(a.secret).toMatch(/^[0-9a-f]{32}$/);
    expect(a).not.toEqual(b);
  });

  it('adds latency to every response and still answers correctly', async () => {
    const sim = await startTestSim({ nowMs: NOW, latencyMs: 40 });
    const started = performance.now();
    expect((await send(sim, { target: '/api/v3/ping' })).json).toEqual({});
    expect(performance.now() - started).toBeGreaterThanOrEqual(35);
  });

  it('reads the server clock after beforeHandleMs, so asymmetric delays shift what /time reports', async () => {
    let t = NOW;
    const sim = await startTestSim({
      now: () => t,
      delayMs: () => {
        t += 300; // the hook runs on arrival; advancing the pinned clock stands in for elapsed time
        return { beforeHandleMs: 0, beforeSendMs: 0 };
      },
    });
    expect((await send(sim, { target: '/api/v3/time' })).json).toEqual({ serverTime: NOW + 300 });
  });
});
