import { describe, expect, it } from 'vitest';
import { DOC_KEY, DOC_SECRET, hmacHex, mexcError, send, signedGet, startTestSim } from './helpers.js';

/** Server clock pinned here (offset 0): every timestamp below is written relative to it. */
const NOW = 1700000000000;

const API_KEY_REQUIRED = mexcError(400, 'api key required');
const KEY_INVALID = mexcError(10072, 'Api key info invalid');
const CONTENT_TYPE = mexcError(700013, 'Invalid content Type.');
const RECV_WINDOW_TOO_LARGE = mexcError(700005, 'recvWindow must less than 60000');
const OUTSIDE_RECV_WINDOW = mexcError(700003, 'Timestamp for this request is outside of the recvWindow.');
const SIGNATURE_INVALID = mexcError(700002, 'Signature for this request is not valid.');
const mandatory = (name: string) =>
  mexcError(700004, `Mandatory parameter '${name}' was not sent, was empty/null, or malformed.`);

describe('API key header', () => {
  it('answers 400 "api key required" without X-MEXC-APIKEY', async () => {
    const sim = await startTestSim({ nowMs: NOW });
    const query = 'timestamp=1700000000000';
    const res = await send(sim, { target: `/api/v3/account?${query}&signature=${hmacHex(DOC_SECRET, query)}` });
    expect(res.status).toBe(400);
    expect(res.json).toEqual(API_KEY_REQUIRED);
  });

  it('ignores the Binance header name X-MBX-APIKEY', async () => {
    const sim = await startTestSim({ nowMs: NOW });
    const query = 'timestamp=1700000000000';
    const res = await send(sim, {
      target: `/api/v3/account?${query}&signature=${hmacHex(DOC_SECRET, query)}`,
      headers: { 'X-MBX-APIKEY': DOC_KEY },
    });
    expect(res.json).toEqual(API_KEY_REQUIRED);
  });

  it('treats an empty header as missing', async () => {
    const sim = await startTestSim({ nowMs: NOW });
    const res = await send(sim, { target: '/api/v3/account?timestamp=1700000000000', headers: { 'X-MEXC-APIKEY': '' } });
    expect(res.json).toEqual(API_KEY_REQUIRED);
  });

  it('reads the header name case-insensitively', async () => {
    const sim = await startTestSim({ nowMs: NOW });
    const query = 'timestamp=1700000000000';
    const res = await send(sim, {
      target: `/api/v3/account?${query}&signature=${hmacHex(DOC_SECRET, query)}`,
      headers: { 'x-mexc-apikey': DOC_KEY },
    });
    expect(res.status).toBe(200);
  });

  it('answers 400 10072 for a key it does not know', async () => {
    const sim = await startTestSim({ nowMs: NOW });
    const res = await signedGet(sim, '/api/v3/account', 'timestamp=1700000000000', DOC_SECRET, 'mx0UnknownKey12345');
    expect(res.status).toBe(400);
    expect(res.json).toEqual(KEY_INVALID);
  });
});

describe('Content-Type on POST/PUT/DELETE', () => {
  const body = 'symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=1&price=11&timestamp=1700000000000';
  const signedBody = `${body}&signature=${hmacHex(DOC_SECRET, body)}`;

  it('answers 700013 without a Content-Type', async () => {
    const sim = await startTestSim({ nowMs: NOW });
    const res = await send(sim, { method: 'POST', target: '/api/v3/order/test', headers: { 'X-MEXC-APIKEY': DOC_KEY }, body: signedBody });
    expect(res.status).toBe(400);
    expect(res.json).toEqual(CONTENT_TYPE);
  });

  it('answers 700013 for application/x-www-form-urlencoded', async () => {
    const sim = await startTestSim({ nowMs: NOW });
    const res = await send(sim, {
      method: 'POST',
      target: '/api/v3/order/test',
      headers: { 'X-MEXC-APIKEY': DOC_KEY, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: signedBody,
    });
    expect(res.json).toEqual(CONTENT_TYPE);
  });

  it('accepts application/json with a charset parameter', async () => {
    const sim = await startTestSim({ nowMs: NOW });
    const res = await send(sim, {
      method: 'POST',
      target: '/api/v3/order/test',
      headers: { 'X-MEXC-APIKEY': DOC_KEY, 'Content-Type': 'application/json; charset=UTF-8' },
      body: signedBody,
    });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({});
  });

  it('answers 700013 on a listenKey keep-alive PUT without Content-Type (ccxt PR 21367)', async () => {
    const sim = await startTestSim({ nowMs: NOW });
    const query = 'listenKey=abc&timestamp=1700000000000';
    const res = await send(sim, {
      method: 'PUT',
      target: `/api/v3/userDataStream?${query}&signature=${hmacHex(DOC_SECRET, query)}`,
      headers: { 'X-MEXC-APIKEY': DOC_KEY },
    });
    expect(res.json).toEqual(CONTENT_TYPE);
  });
});

describe('mandatory parameters', () => {
  it('answers 700004 about signature when none was sent', async () => {
    const sim = await startTestSim({ nowMs: NOW });
    const res = await send(sim, { target: '/api/v3/account?timestamp=1700000000000', headers: { 'X-MEXC-APIKEY': DOC_KEY } });
    expect(res.status).toBe(400);
    expect(res.json).toEqual(mandatory('signature'));
  });

  it('answers 700004 about signature for a GET with no parameters at all (before timestamp)', async () => {
    const sim = await startTestSim({ nowMs: NOW });
    const res = await send(sim, { target: '/api/v3/account', headers: { 'X-MEXC-APIKEY': DOC_KEY } });
    expect(res.json).toEqual(mandatory('signature'));
  });

  it('treats an empty signature as missing', async () => {
    const sim = await startTestSim({ nowMs: NOW });
    const res = await send(sim, { target: '/api/v3/account?timestamp=1700000000000&signature=', headers: { 'X-MEXC-APIKEY': DOC_KEY } });
    expect(res.json).toEqual(mandatory('signature'));
  });

  it('answers 700004 about timestamp when it is missing', async () => {
    const sim = await startTestSim({ nowMs: NOW });
    const res = await signedGet(sim, '/api/v3/account', 'recvWindow=5000');
    expect(res.json).toEqual(mandatory('timestamp'));
  });

  it('answers 700004 about timestamp when it is not a number', async () => {
    const sim = await startTestSim({ nowMs: NOW });
    const res = await signedGet(sim, '/api/v3/account', 'timestamp=2023-11-14T22:13:20Z');
    expect(res.json).toEqual(mandatory('timestamp'));
  });
});

describe('recvWindow bound', () => {
  it('answers 700005 for recvWindow=60001', async () => {
    const sim = await startTestSim({ nowMs: NOW });
    const res = await signedGet(sim, '/api/v3/account', 'recvWindow=60001&timestamp=1700000000000');
    expect(res.status).toBe(400);
    expect(res.json).toEqual(RECV_WINDOW_TOO_LARGE);
  });

  it('accepts recvWindow=60000 (the documented maximum)', async () => {
    const sim = await startTestSim({ nowMs: NOW });
    const res = await signedGet(sim, '/api/v3/account', 'recvWindow=60000&timestamp=1699999940000');
    expect(res.status).toBe(200);
  });
});

describe('timing rule: timestamp < serverTime + 1000 && serverTime - timestamp <= recvWindow', () => {
  it.each([
    ['serverTime + 999 (client 999 ms ahead)', 'timestamp=1700000000999', 200],
    ['serverTime + 1000 (client 1 s ahead)', 'timestamp=1700000001000', 400],
    ['serverTime - 5000 (default recvWindow)', 'timestamp=1699999995000', 200],
    ['serverTime - 5001 (default recvWindow)', 'timestamp=1699999994999', 400],
    ['serverTime - 10000 with recvWindow=10000', 'recvWindow=10000&timestamp=1699999990000', 200],
    ['serverTime - 10001 with recvWindow=10000', 'recvWindow=10000&timestamp=1699999989999', 400],
    ['serverTime + 1000 even with recvWindow=60000', 'recvWindow=60000&timestamp=1700000001000', 400],
    ['a timestamp in seconds', 'timestamp=1700000000', 400],
  ])('timestamp at %s → HTTP %i', async (_label, query, status) => {
    const sim = await startTestSim({ nowMs: NOW });
    const res = await signedGet(sim, '/api/v3/account', query);
    expect(res.status).toBe(status);
    if (status === 400) expect(res.json).toEqual(OUTSIDE_RECV_WINDOW);
  });

  it('uses the server clock offset: local time + serverClockOffsetMs', async () => {
    const sim = await startTestSim({ nowMs: NOW, serverClockOffsetMs: -1500 });
    const time = await send(sim, { target: '/api/v3/time' });
    expect(time.json).toEqual({ serverTime: 1699999998500 });
    expect((await signedGet(sim, '/api/v3/account', 'timestamp=1700000000000')).json).toEqual(OUTSIDE_RECV_WINDOW);
    expect((await signedGet(sim, '/api/v3/account', 'timestamp=1699999998500')).status).toBe(200);
  });
});

describe('check order', () => {
  it('reports the missing key before anything else', async () => {
    const sim = await startTestSim({ nowMs: NOW });
    const res = await send(sim, { method: 'POST', target: '/api/v3/order/test?recvWindow=99999' });
    expect(res.json).toEqual(API_KEY_REQUIRED);
  });

  it('reports an unknown key before a wrong Content-Type', async () => {
    const sim = await startTestSim({ nowMs: NOW });
    const res = await send(sim, { method: 'POST', target: '/api/v3/order/test', headers: { 'X-MEXC-APIKEY': 'mx0other' } });
    expect(res.json).toEqual(KEY_INVALID);
  });

  it('reports a stale timestamp before a wrong signature (the clock is the real cause)', async () => {
    const sim = await startTestSim({ nowMs: NOW });
    const res = await signedGet(sim, '/api/v3/account', 'timestamp=1600000000000', '00000000000000000000000000000000');
    expect(res.json).toEqual(OUTSIDE_RECV_WINDOW);
  });

  it('reports recvWindow too large before a missing timestamp', async () => {
    const sim = await startTestSim({ nowMs: NOW });
    const res = await signedGet(sim, '/api/v3/account', 'recvWindow=70000');
    expect(res.json).toEqual(RECV_WINDOW_TOO_LARGE);
  });

  it('reports a wrong signature before the IP whitelist', async () => {
    const sim = await startTestSim({ nowMs: NOW, scenario: 'ip-not-whitelisted' });
    const res = await signedGet(sim, '/api/v3/account', 'timestamp=1700000000000', '00000000000000000000000000000000');
    expect(res.json).toEqual(SIGNATURE_INVALID);
  });
});
