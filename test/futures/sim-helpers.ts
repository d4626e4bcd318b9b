/**
 * Hand-built futures requests for the simulator tests: the string to sign is written out in each
 * test and signed with openssl (test/sim/helpers.ts), never with src/core, so a bug in the
 * client's signer cannot make a test agree with it.
 */
import { expect } from 'vitest';
import type { RunningSim } from '../../src/sim/server.js';
import type { FuturesScenarioName } from '../../src/sim/futures/scenarios.js';
import { DOC_KEY, DOC_SECRET, hmacHex, send, type RawResponse } from '../sim/helpers.js';

/** The local clock the test simulators are pinned to; requests carry it as their Request-Time. */
export const NOW = 1700000000000;

export interface FuturesRequestOptions {
  method?: 'GET' | 'POST' | 'DELETE';
  /** Query exactly as sent (no `?`). */
  query?: string;
  body?: string;
  /** The parameter part of the signed string; default: the body for POST, else the query as sent. */
  signedParams?: string;
  key?: string;
  secret?: string;
  requestTime?: string;
  /** Extra or replacement headers; a value of undefined removes the header. */
  headers?: Record<string, string | undefined>;
}

export function futures(sim: RunningSim, path: string, o: FuturesRequestOptions = {}): Promise<RawResponse> {
  const method = o.method ?? 'GET';
  const key = o.key ?? DOC_KEY;
  const time = o.requestTime ?? String(NOW);
  const params = o.signedParams ?? (method === 'POST' ? (o.body ?? '') : (o.query ?? ''));
  const base: Record<string, string | undefined> = {
    ApiKey: key,
    'Request-Time': time,
    Signature: hmacHex(o.secret ?? DOC_SECRET, key + time + params),
    'Content-Type': 'application/json',
    ...o.headers,
  };
  const headers = Object.fromEntries(Object.entries(base).filter((e): e is [string, string] => e[1] !== undefined));
  return send(sim, { method, target: o.query ? `${path}?${o.query}` : path, headers, ...(o.body !== undefined ? { body: o.body } : {}) });
}

export const ASSETS = '/api/v1/private/account/assets';
export const POSITIONS = '/api/v1/private/position/open_positions';
export const OPEN_ORDERS = '/api/v1/private/order/list/open_orders';
export const SUBMIT = '/api/v1/private/order/submit';
export const ORDER_BODY = '{"symbol":"BTC_USDT","price":8800,"vol":1,"side":1,"type":1,"openType":1}';

export const failure = (code: number, message: string) => ({ success: false, code, message });

export async function expectFuturesError(res: Promise<RawResponse>, code: number, message: string): Promise<void> {
  const r = await res;
  expect(r.status).toBe(200);
  expect(r.json).toEqual(failure(code, message));
}

const spotAccount = (sim: RunningSim) =>
  send(sim, { target: `/api/v3/account?timestamp=${NOW}&signature=${hmacHex(DOC_SECRET, `timestamp=${NOW}`)}`, headers: { 'X-MEXC-APIKEY': DOC_KEY } });
const ping = async (sim: RunningSim) => (await send(sim, { target: '/api/v1/contract/ping' })).json;

/** Spot keeps working under a futures scenario: only the futures answers change. */
async function spotHealthy(sim: RunningSim): Promise<void> {
  expect((await spotAccount(sim)).status).toBe(200);
}

/** What each futures scenario does, on both APIs: each provokes the futures code of its diagnosis. */
export const FUTURES_SCENARIO_EXPECTATIONS: Record<FuturesScenarioName, (sim: RunningSim) => Promise<void>> = {
  'futures-key-invalid': async (sim) => {
    expect(await ping(sim)).toEqual({ success: true, data: NOW });
    await expectFuturesError(futures(sim, ASSETS), 401, 'Unauthorized');
    await spotHealthy(sim);
  },
  'futures-key-expired': async (sim) => {
    await expectFuturesError(futures(sim, ASSETS), 402, 'API key expired!');
    await spotHealthy(sim);
  },
  'futures-signature-invalid': async (sim) => {
    await expectFuturesError(futures(sim, ASSETS), 602, 'Signature verification failed!');
    await expectFuturesError(futures(sim, POSITIONS), 602, 'Signature verification failed!');
    await spotHealthy(sim);
  },
  'futures-ip-not-whitelisted': async (sim) => {
    await expectFuturesError(futures(sim, ASSETS), 406, 'Accessed IP is not in the whitelist');
    await spotHealthy(sim);
  },
  'futures-clock-ahead': async (sim) => {
    expect(await ping(sim)).toEqual({ success: true, data: NOW - 15_000 });
    await expectFuturesError(futures(sim, ASSETS), 513, 'Invalid request(for open api serves time more or less than 10s)');
    // The futures window is symmetric: a Recv-Window of 20 s covers 15 s either way.
    expect((await futures(sim, ASSETS, { headers: { 'Recv-Window': '20' } })).json).toMatchObject({ success: true });
    expect((await spotAccount(sim)).json).toEqual({ code: 700003, msg: 'Timestamp for this request is outside of the recvWindow.' });
  },
  'futures-clock-behind': async (sim) => {
    expect(await ping(sim)).toEqual({ success: true, data: NOW + 15_000 });
    await expectFuturesError(futures(sim, ASSETS), 513, 'Invalid request(for open api serves time more or less than 10s)');
    expect((await futures(sim, ASSETS, { headers: { 'Recv-Window': '20' } })).json).toMatchObject({ success: true });
  },
  'futures-permission-denied': async (sim) => {
    await expectFuturesError(futures(sim, ASSETS), 701, 'Account read permission is required');
    await expectFuturesError(futures(sim, POSITIONS), 703, 'Require trade read permission!');
    await expectFuturesError(futures(sim, OPEN_ORDERS), 703, 'Require trade read permission!');
    await spotHealthy(sim);
  },
  'futures-permission-denied-read': async (sim) => {
    expect((await futures(sim, ASSETS)).json).toMatchObject({ success: true, code: 0 });
    await expectFuturesError(futures(sim, POSITIONS), 703, 'Require trade read permission!');
    await expectFuturesError(futures(sim, OPEN_ORDERS), 703, 'Require trade read permission!');
  },
  'futures-rate-limited': async (sim) => {
    await expectFuturesError(send(sim, { target: '/api/v1/contract/ping' }), 510, 'Excessive frequency of requests');
    await expectFuturesError(futures(sim, ASSETS), 510, 'Excessive frequency of requests');
    await spotHealthy(sim);
  },
  'futures-api-unavailable': async (sim) => {
    expect(await ping(sim)).toEqual({ success: true, data: NOW });
    await expectFuturesError(futures(sim, ASSETS), 511, 'Endpoint inaccessible');
    await expectFuturesError(futures(sim, OPEN_ORDERS), 511, 'Endpoint inaccessible');
    await spotHealthy(sim);
  },
  'futures-no-account': async (sim) => {
    expect(await ping(sim)).toEqual({ success: true, data: NOW });
    await expectFuturesError(futures(sim, ASSETS), 1000, 'Please open contract account first!');
    await expectFuturesError(futures(sim, POSITIONS), 1000, 'Please open contract account first!');
    // Authentication comes first: a wrong secret is still a 602.
    await expectFuturesError(futures(sim, ASSETS, { secret: '0123456789abcdef0123456789abcdef' }), 602, 'Signature verification failed!');
    await spotHealthy(sim);
  },
  'futures-base-url-wrong': async (sim) => {
    for (const r of [await send(sim, { target: '/api/v1/contract/ping' }), await futures(sim, ASSETS)]) {
      expect(r.status).toBe(404);
      expect(r.json).toEqual({ code: 404, msg: 'Not Found' });
    }
    await spotHealthy(sim);
  },
};
