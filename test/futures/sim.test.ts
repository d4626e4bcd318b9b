import { describe, expect, it } from 'vitest';
import { DOC_KEY, DOC_SECRET, hmacHex, send, startTestSim } from '../sim/helpers.js';
import { ASSETS, NOW, OPEN_ORDERS, ORDER_BODY, POSITIONS, SUBMIT, expectFuturesError, futures } from './sim-helpers.js';

const SIGNATURE_FAILED = [602, 'Signature verification failed!'] as const;
const OUTSIDE_WINDOW = [513, 'Invalid request(for open api serves time more or less than 10s)'] as const;

describe('futures public endpoints', () => {
  // As MEXC's futures docs print it: no `code` (https://mexcdevelop.github.io/apidocs/contract_v1_en/#get-the-server-time).
  it('GET /api/v1/contract/ping answers {"success":true,"data":<server ms>}', async () => {
    const sim = await startTestSim({ nowMs: NOW, serverClockOffsetMs: 1234 });
    const r = await send(sim, { target: '/api/v1/contract/ping' });
    expect(r.status).toBe(200);
    expect(r.text).toBe(`{"success":true,"data":${NOW + 1234}}`);
  });

  it('answers an unknown futures path with 404 in the futures envelope', async () => {
    const sim = await startTestSim({ nowMs: NOW });
    const r = await send(sim, { target: '/api/v1/private/nothing/here' });
    expect(r.status).toBe(404);
    expect(r.json).toMatchObject({ success: false, code: 404 });
  });

  it('puts the gateway failures of the spot scenarios in front of futures too', async () => {
    const sim = await startTestSim({ nowMs: NOW, scenario: 'server-error' });
    expect((await send(sim, { target: '/api/v1/contract/ping' })).status).toBe(503);
  });
});

describe('futures private endpoints, correctly signed', () => {
  it('GET account/assets answers the documented asset list', async () => {
    const sim = await startTestSim({ nowMs: NOW });
    const r = await futures(sim, ASSETS);
    expect(r.json).toMatchObject({ success: true, code: 0 });
    const usdt = (r.json as { data: Array<Record<string, unknown>> }).data.find((a) => a.currency === 'USDT');
    expect(Object.keys(usdt!).sort()).toEqual(['availableBalance', 'bonus', 'cashBalance', 'currency', 'equity', 'frozenBalance', 'positionMargin', 'unrealized']);
  });

  it('GET open_positions and open_orders answer empty lists', async () => {
    const sim = await startTestSim({ nowMs: NOW });
    expect((await futures(sim, POSITIONS, { query: 'symbol=BTC_USDT' })).json).toEqual({ success: true, code: 0, data: [] });
    expect((await futures(sim, OPEN_ORDERS, { query: 'page_num=1&page_size=20' })).json).toEqual({ success: true, code: 0, data: [] });
  });

  it('leaves the path parameter of open_orders/{symbol} out of the signed string', async () => {
    const sim = await startTestSim({ nowMs: NOW });
    expect((await futures(sim, `${OPEN_ORDERS}/BTC_USDT`, { query: 'page_num=1' })).json).toEqual({ success: true, code: 0, data: [] });
  });

  it('answers 1001 for an unknown contract and 600 for a page_size above 100', async () => {
    const sim = await startTestSim({ nowMs: NOW });
    await expectFuturesError(futures(sim, POSITIONS, { query: 'symbol=BTCUSDT' }), 1001, 'Contract does not exist');
    await expectFuturesError(futures(sim, OPEN_ORDERS, { query: 'page_size=101' }), 600, 'Param error!');
  });
});

describe('futures signature: accessKey + Request-Time + parameters, verified over the raw bytes', () => {
  it('accepts the issue\'s vector request: key + 1644489390087 + symbol=BTC_USDT signs 0f4e…cb2c', async () => {
    const sim = await startTestSim({ nowMs: 1644489390087 });
    const signature = '0f4e728063ca729d9ef7c4c171d94aabf2c4c84418ee7312572901426733cb2c';
    expect(hmacHex(DOC_SECRET, `${DOC_KEY}1644489390087symbol=BTC_USDT`)).toBe(signature);
    const r = await send(sim, { target: `${POSITIONS}?symbol=BTC_USDT`, headers: { ApiKey: DOC_KEY, 'Request-Time': '1644489390087', Signature: signature } });
    expect(r.json).toEqual({ success: true, code: 0, data: [] });
  });

  it('sorts the parameters itself: a query sent unsorted but signed sorted passes', async () => {
    const sim = await startTestSim({ nowMs: NOW });
    const r = await futures(sim, OPEN_ORDERS, { query: 'page_size=20&page_num=1', signedParams: 'page_num=1&page_size=20' });
    expect(r.json).toMatchObject({ success: true });
  });

  it('refuses parameters signed in the order sent instead of sorted (602)', async () => {
    const sim = await startTestSim({ nowMs: NOW });
    await expectFuturesError(futures(sim, OPEN_ORDERS, { query: 'page_size=20&page_num=1' }), ...SIGNATURE_FAILED);
  });

  it('verifies the bytes as sent: an encoded value signed decoded fails, signed as sent passes', async () => {
    const sim = await startTestSim({ nowMs: NOW });
    await expectFuturesError(futures(sim, POSITIONS, { query: 'symbol=BTC%5FUSDT', signedParams: 'symbol=BTC_USDT' }), ...SIGNATURE_FAILED);
    expect((await futures(sim, POSITIONS, { query: 'symbol=BTC%5FUSDT' })).json).toMatchObject({ success: true });
  });

  it('signs key + time alone without parameters (assets)', async () => {
    const sim = await startTestSim({ nowMs: NOW });
    expect((await futures(sim, ASSETS, { signedParams: '' })).json).toMatchObject({ success: true });
    await expectFuturesError(futures(sim, ASSETS, { signedParams: '&' }), ...SIGNATURE_FAILED);
  });

  it('refuses another secret, an uppercase signature and a signature that skips the key', async () => {
    const sim = await startTestSim({ nowMs: NOW });
    await expectFuturesError(futures(sim, ASSETS, { secret: '0123456789abcdef0123456789abcdef' }), ...SIGNATURE_FAILED);
    const upper = hmacHex(DOC_SECRET, `${DOC_KEY}${NOW}`).toUpperCase();
    await expectFuturesError(futures(sim, ASSETS, { headers: { Signature: upper } }), ...SIGNATURE_FAILED);
    await expectFuturesError(futures(sim, ASSETS, { headers: { Signature: hmacHex(DOC_SECRET, String(NOW)) } }), ...SIGNATURE_FAILED);
  });

  it('signs a POST over the raw JSON body: other whitespace than sent fails', async () => {
    const sim = await startTestSim({ nowMs: NOW });
    await expectFuturesError(futures(sim, SUBMIT, { method: 'POST', body: ORDER_BODY, signedParams: ORDER_BODY.replace(/,/g, ', ') }), ...SIGNATURE_FAILED);
  });
});

describe('futures headers and time window', () => {
  it('answers 401 without an ApiKey header, and names a spot-style X-MEXC-APIKEY', async () => {
    const sim = await startTestSim({ nowMs: NOW });
    await expectFuturesError(futures(sim, ASSETS, { headers: { ApiKey: undefined } }), 401, 'Unauthorized');
    const spotStyle = await futures(sim, ASSETS, { headers: { ApiKey: undefined, 'X-MEXC-APIKEY': DOC_KEY } });
    expect(spotStyle.headers['x-sim-note']).toMatch(/X-MEXC-APIKEY is the spot header/);
    await expectFuturesError(futures(sim, ASSETS, { key: 'mx0SomeoneElse1234' }), 401, 'Unauthorized');
  });

  it('answers 602 without a Signature header and 600 without a Request-Time header', async () => {
    const sim = await startTestSim({ nowMs: NOW });
    await expectFuturesError(futures(sim, ASSETS, { headers: { Signature: undefined } }), ...SIGNATURE_FAILED);
    await expectFuturesError(futures(sim, ASSETS, { headers: { 'Request-Time': undefined } }), 600, 'Param error!');
  });

  it('reads the header names in any case', async () => {
    const sim = await startTestSim({ nowMs: NOW });
    const signature = hmacHex(DOC_SECRET, `${DOC_KEY}${NOW}`);
    const r = await send(sim, { target: ASSETS, headers: { apikey: DOC_KEY, 'REQUEST-TIME': String(NOW), signature } });
    expect(r.json).toMatchObject({ success: true });
  });

  it('refuses a Request-Time in seconds with 513', async () => {
    const sim = await startTestSim({ nowMs: NOW });
    await expectFuturesError(futures(sim, ASSETS, { requestTime: String(NOW / 1000) }), ...OUTSIDE_WINDOW);
  });

  it('allows 10 s either way by default, and up to Recv-Window seconds (at most 60)', async () => {
    const sim = await startTestSim({ nowMs: NOW });
    expect((await futures(sim, ASSETS, { requestTime: String(NOW - 10_000) })).json).toMatchObject({ success: true });
    expect((await futures(sim, ASSETS, { requestTime: String(NOW + 10_000) })).json).toMatchObject({ success: true });
    await expectFuturesError(futures(sim, ASSETS, { requestTime: String(NOW - 10_001) }), ...OUTSIDE_WINDOW);
    await expectFuturesError(futures(sim, ASSETS, { requestTime: String(NOW + 10_001) }), ...OUTSIDE_WINDOW);
    expect((await futures(sim, ASSETS, { requestTime: String(NOW - 25_000), headers: { 'Recv-Window': '30' } })).json).toMatchObject({ success: true });
    await expectFuturesError(futures(sim, ASSETS, { requestTime: String(NOW - 61_000), headers: { 'Recv-Window': '5000' } }), ...OUTSIDE_WINDOW);
    await expectFuturesError(futures(sim, ASSETS, { headers: { 'Recv-Window': 'ten' } }), 600, 'Param error!');
  });
});

describe('futures order placement is closed to API users', () => {
  it('answers a correctly signed order with 602, saying in a header that the signature was valid', async () => {
    const sim = await startTestSim({ nowMs: NOW });
    const r = await futures(sim, SUBMIT, { method: 'POST', body: ORDER_BODY });
    expect(r.json).toEqual({ success: false, code: 602, message: 'Signature verification failed!' });
    expect(r.headers['x-sim-note']).toMatch(/closed to API users.*signature of this request was valid.*no order was placed/);
  });

  it('answers a badly signed order with the same 602 but no note', async () => {
    const sim = await startTestSim({ nowMs: NOW });
    const r = await futures(sim, SUBMIT, { method: 'POST', body: ORDER_BODY, secret: '0123456789abcdef0123456789abcdef' });
    expect(r.json).toMatchObject({ code: 602 });
    expect(r.headers['x-sim-note']).toBeUndefined();
  });

  it('answers cancel the same way, 601 to a body that is not JSON, and 704 to a key without trade permission', async () => {
    const sim = await startTestSim({ nowMs: NOW });
    expect((await futures(sim, '/api/v1/private/order/cancel', { method: 'POST', body: '[101]' })).json).toMatchObject({ code: 602 });
    await expectFuturesError(futures(sim, SUBMIT, { method: 'POST', body: 'symbol=BTC_USDT' }), 601, 'Data decoding error');
    sim.setScenario('futures-permission-denied');
    await expectFuturesError(futures(sim, SUBMIT, { method: 'POST', body: ORDER_BODY }), 704, 'Transaction information modify permission is required');
  });
});
