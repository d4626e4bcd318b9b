import { describe, expect, it } from 'vitest';
import { locateSignature, splitSignatureParam } from '../../src/sim/verify.js';
import { DOC_KEY, DOC_SECRET, DOC_TIMESTAMP, hmacHex, mexcError, send, startTestSim } from './helpers.js';

const JSON_HEADERS = { 'X-MEXC-APIKEY': DOC_KEY, 'Content-Type': 'application/json' };
/** Pinned so the doc example's timestamp is 100 ms old: inside the 5000 ms recvWindow. */
const DOC_NOW = DOC_TIMESTAMP + 100;
const SIGNATURE_INVALID = mexcError(700002, 'Signature for this request is not valid.');

describe('signature vectors from the docs (docs/mexc-api.md §1.2)', () => {
  it('openssl reproduces the printed Example 2 and Example 3 signatures', () => {
    expect(
      hmacHex(DOC_SECRET, 'symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=1&price=11&recvWindow=5000&timestamp=1644489390087'),
    ).toBe('fd3e4e8543c5188531eb7279d68ae7d26a573d0fc5ab0d18eb692451654d837a');
    expect(
      hmacHex(DOC_SECRET, 'symbol=BTCUSDT&side=BUY&type=LIMITquantity=1&price=11&recvWindow=5000&timestamp=1644489390087'),
    ).toBe('d1a676610ceb39174c8039b3f548357994b2a34139a8addd33baadba65684592');
  });

  it('accepts Example 3: params split between query and body, signed with nothing between them', async () => {
    const sim = await startTestSim({ nowMs: DOC_NOW });
    const res = await send(sim, {
      method: 'POST',
      target: '/api/v3/order/test?symbol=BTCUSDT&side=BUY&type=LIMIT',
      headers: JSON_HEADERS,
      body: 'quantity=1&price=11&recvWindow=5000&timestamp=1644489390087&signature=d1a676610ceb39174c8039b3f548357994b2a34139a8addd33baadba65684592',
    });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({});
  });

  it('accepts Example 2: everything in the query string', async () => {
    const sim = await startTestSim({ nowMs: DOC_NOW });
    const res = await send(sim, {
      method: 'POST',
      target:
        '/api/v3/order/test?symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=1&price=11&recvWindow=5000&timestamp=1644489390087&signature=fd3e4e8543c5188531eb7279d68ae7d26a573d0fc5ab0d18eb692451654d837a',
      headers: JSON_HEADERS,
    });
    expect(res.json).toEqual({});
  });

  it('accepts Example 1: everything in the body, signature last', async () => {
    const sim = await startTestSim({ nowMs: DOC_NOW });
    const res = await send(sim, {
      method: 'POST',
      target: '/api/v3/order/test',
      headers: JSON_HEADERS,
      body: 'symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=1&price=11&recvWindow=5000&timestamp=1644489390087&signature=fd3e4e8543c5188531eb7279d68ae7d26a573d0fc5ab0d18eb692451654d837a',
    });
    expect(res.json).toEqual({});
  });

  it('rejects query and body signed as if joined with "&"', async () => {
    const sim = await startTestSim({ nowMs: DOC_NOW });
    // The Example 2 signature covers `type=LIMIT&quantity=1`, but the server signs `type=LIMITquantity=1`.
    const res = await send(sim, {
      method: 'POST',
      target: '/api/v3/order/test?symbol=BTCUSDT&side=BUY&type=LIMIT',
      headers: JSON_HEADERS,
      body: 'quantity=1&price=11&recvWindow=5000&timestamp=1644489390087&signature=fd3e4e8543c5188531eb7279d68ae7d26a573d0fc5ab0d18eb692451654d837a',
    });
    expect(res.status).toBe(400);
    expect(res.json).toEqual(SIGNATURE_INVALID);
  });

  it('rejects the right digest written in uppercase hex ("lowercase only", "SIGNED", https://mexcdevelop.github.io/apidocs/spot_v3_en/#signed)', async () => {
    const sim = await startTestSim({ nowMs: DOC_NOW });
    const res = await send(sim, {
      method: 'POST',
      target: '/api/v3/order/test',
      headers: JSON_HEADERS,
      body: 'symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=1&price=11&recvWindow=5000&timestamp=1644489390087&signature=FD3E4E8543C5188531EB7279D68AE7D26A573D0FC5AB0D18EB692451654D837A',
    });
    expect(res.status).toBe(400);
    expect(res.json).toEqual(SIGNATURE_INVALID);
  });

  it('rejects a signature made with another secret', async () => {
    const sim = await startTestSim({ nowMs: DOC_NOW });
    const query = 'recvWindow=5000&timestamp=1644489390087';
    const res = await send(sim, {
      target: `/api/v3/account?${query}&signature=${hmacHex('00000000000000000000000000000000', query)}`,
      headers: { 'X-MEXC-APIKEY': DOC_KEY },
    });
    expect(res.json).toEqual(SIGNATURE_INVALID);
  });
});

describe('the raw bytes received are what is verified', () => {
  it('accepts a signature sent before timestamp (as the official Python demo does)', async () => {
    const sim = await startTestSim({ nowMs: DOC_NOW });
    const sig = hmacHex(DOC_SECRET, 'recvWindow=5000&timestamp=1644489390087');
    const res = await send(sim, {
      target: `/api/v3/account?recvWindow=5000&signature=${sig}&timestamp=1644489390087`,
      headers: { 'X-MEXC-APIKEY': DOC_KEY },
    });
    expect(res.status).toBe(200);
  });

  it('accepts a value sent exactly as signed: BEP20%28BSC%29 (vector from docs/mexc-api.md §1.2)', async () => {
    const sim = await startTestSim({ nowMs: DOC_NOW });
    const res = await send(sim, {
      target:
        '/api/v3/account?coin=USDT&network=BEP20%28BSC%29&timestamp=1644489390087&signature=c776250ca6c91cab13a6eb1abd3f99ee700d2a7f27fe908c8401a8579b449d50',
      headers: { 'X-MEXC-APIKEY': DOC_KEY },
    });
    expect(res.status).toBe(200);
  });

  it('rejects a value signed encoded but sent raw: BEP20(BSC) on the wire', async () => {
    const sim = await startTestSim({ nowMs: DOC_NOW });
    const res = await send(sim, {
      target:
        '/api/v3/account?coin=USDT&network=BEP20(BSC)&timestamp=1644489390087&signature=c776250ca6c91cab13a6eb1abd3f99ee700d2a7f27fe908c8401a8579b449d50',
      headers: { 'X-MEXC-APIKEY': DOC_KEY },
    });
    expect(res.json).toEqual(SIGNATURE_INVALID);
  });

  it('rejects a space signed as %20 but sent as +', async () => {
    const sim = await startTestSim({ nowMs: DOC_NOW });
    const sig = hmacHex(DOC_SECRET, 'note=a%20b&timestamp=1644489390087');
    const res = await send(sim, {
      target: `/api/v3/account?note=a+b&timestamp=1644489390087&signature=${sig}`,
      headers: { 'X-MEXC-APIKEY': DOC_KEY },
    });
    expect(res.json).toEqual(SIGNATURE_INVALID);
  });

  it('rejects a query signed sorted but sent in another order', async () => {
    const sim = await startTestSim({ nowMs: DOC_NOW });
    const sig = hmacHex(DOC_SECRET, 'recvWindow=5000&symbol=BTCUSDT&timestamp=1644489390087');
    const res = await send(sim, {
      target: `/api/v3/openOrders?symbol=BTCUSDT&recvWindow=5000&timestamp=1644489390087&signature=${sig}`,
      headers: { 'X-MEXC-APIKEY': DOC_KEY },
    });
    expect(res.json).toEqual(SIGNATURE_INVALID);
  });

  it('rejects a signature that signed itself', async () => {
    const sim = await startTestSim({ nowMs: DOC_NOW });
    const sig = hmacHex(DOC_SECRET, 'timestamp=1644489390087&signature=');
    const res = await send(sim, {
      target: `/api/v3/account?timestamp=1644489390087&signature=${sig}`,
      headers: { 'X-MEXC-APIKEY': DOC_KEY },
    });
    expect(res.json).toEqual(SIGNATURE_INVALID);
  });
});

describe('splitSignatureParam', () => {
  it('removes the signature wherever it sits and keeps every other byte in order', () => {
    expect(splitSignatureParam('a=1&signature=ab&b=%2C')).toEqual({ withoutSignature: 'a=1&b=%2C', signature: 'ab' });
    expect(splitSignatureParam('signature=ab&a=1')).toEqual({ withoutSignature: 'a=1', signature: 'ab' });
    expect(splitSignatureParam('&timestamp=1&signature=ab')).toEqual({ withoutSignature: '&timestamp=1', signature: 'ab' });
    expect(splitSignatureParam('a=1')).toEqual({ withoutSignature: 'a=1' });
  });

  it('takes the query signature over the body one and joins the rest with nothing between', () => {
    expect(locateSignature({ rawQuery: 'a=1&signature=q', rawBody: 'b=2&signature=b' })).toEqual({
      signature: 'q',
      totalParams: 'a=1b=2',
    });
  });
});
