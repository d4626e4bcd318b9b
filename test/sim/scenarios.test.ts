import { describe, expect, it } from 'vitest';
import { GATEWAY_JSON_BODY, IP_BANNED_BODY, MAINTENANCE_BODY, TRUNCATED_BODY } from '../../src/sim/gateway.js';
import { SCENARIO_NAMES, SCENARIOS, UnknownScenarioError, type ScenarioName } from '../../src/sim/server.js';
import { mexcError, send, signedGet, signedPost, startTestSim, waitFor, type RawResponse } from './helpers.js';
import type { RunningSim } from '../../src/sim/server.js';
import { FUTURES_SCENARIO_EXPECTATIONS } from '../futures/sim-helpers.js';

/** Local clock pinned here; the client stamps requests with local time, as a real client does. */
const NOW = 1700000000000;
const ACCOUNT = () => ['/api/v3/account', 'recvWindow=5000&timestamp=1700000000000'] as const;
const OPEN_ORDERS = () => ['/api/v3/openOrders', 'symbol=BTCUSDT&recvWindow=5000&timestamp=1700000000000'] as const;
const ORDER_TEST_BODY = 'symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=0.001&price=50000&recvWindow=5000&timestamp=1700000000000';

const account = (sim: RunningSim) => signedGet(sim, ...ACCOUNT());
const openOrders = (sim: RunningSim) => signedGet(sim, ...OPEN_ORDERS());
const orderTest = (sim: RunningSim) => signedPost(sim, '/api/v3/order/test', ORDER_TEST_BODY);
const ping = (sim: RunningSim) => send(sim, { target: '/api/v3/ping' });

const PERMISSION = mexcError(700007, 'No permission to access the endpoint.');
const OUTSIDE = mexcError(700003, 'Timestamp for this request is outside of the recvWindow.');

async function expectMexcError(res: Promise<RawResponse>, code: number, msg: string) {
  const r = await res;
  expect(r.status).toBe(400);
  expect(r.json).toEqual(mexcError(code, msg));
}

const SCENARIO_EXPECTATIONS: Record<ScenarioName, (sim: RunningSim) => Promise<void>> = {
  ...FUTURES_SCENARIO_EXPECTATIONS,
  ok: async (sim) => {
    expect((await account(sim)).json).toMatchObject({ canTrade: true, accountType: 'SPOT', permissions: ['SPOT'] });
    expect((await openOrders(sim)).json).toEqual([]);
    expect((await orderTest(sim)).json).toEqual({});
  },
  'key-invalid': async (sim) => {
    expect((await ping(sim)).json).toEqual({});
    await expectMexcError(account(sim), 10072, 'Api key info invalid');
    await expectMexcError(orderTest(sim), 10072, 'Api key info invalid');
  },
  'signature-invalid': async (sim) => {
    await expectMexcError(account(sim), 700002, 'Signature for this request is not valid.');
  },
  'clock-ahead': async (sim) => {
    expect((await send(sim, { target: '/api/v3/time' })).json).toEqual({ serverTime: NOW - 4200 });
    await expectMexcError(account(sim), OUTSIDE.code, OUTSIDE.msg);
    // A bigger recvWindow cannot help a clock that runs ahead (docs/mexc-api.md §1.1).
    await expectMexcError(signedGet(sim, '/api/v3/account', 'recvWindow=60000&timestamp=1700000000000'), OUTSIDE.code, OUTSIDE.msg);
  },
  'clock-behind': async (sim) => {
    expect((await send(sim, { target: '/api/v3/time' })).json).toEqual({ serverTime: NOW + 9000 });
    await expectMexcError(account(sim), OUTSIDE.code, OUTSIDE.msg);
    // ...but a larger recvWindow does cover a clock that lags.
    expect((await signedGet(sim, '/api/v3/account', 'recvWindow=10000&timestamp=1700000000000')).status).toBe(200);
  },
  'ip-not-whitelisted': async (sim) => {
    await expectMexcError(account(sim), 700006, 'IP [198.51.100.23] not in the ip white list');
  },
  'permission-denied': async (sim) => {
    expect((await account(sim)).status).toBe(200);
    expect((await openOrders(sim)).json).toEqual([]);
    await expectMexcError(orderTest(sim), PERMISSION.code, PERMISSION.msg);
  },
  'permission-denied-read': async (sim) => {
    expect((await account(sim)).status).toBe(200);
    await expectMexcError(openOrders(sim), PERMISSION.code, PERMISSION.msg);
    await expectMexcError(orderTest(sim), PERMISSION.code, PERMISSION.msg);
  },
  'rate-limited': async (sim) => {
    for (const res of [await ping(sim), await account(sim)]) {
      expect(res.status).toBe(429);
      expect(res.headers['retry-after']).toBe('30');
      expect(res.json).toEqual({ code: 429, msg: 'Too Many Requests' });
    }
  },
  blocked: async (sim) => {
    const res = await ping(sim);
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toContain('<TITLE>Access Denied</TITLE>');
    // Akamai writes "Reference #18." with entities (ccxt issue 15873).
    expect(res.text).toMatch(/Reference&#32;&#35;18&#46;/);
  },
  'server-error': async (sim) => {
    for (const res of [await ping(sim), await account(sim)]) {
      expect(res.status).toBe(503);
      expect(res.json).toEqual(MAINTENANCE_BODY);
    }
  },
  timeout: async (sim) => {
    const pending = ping(sim).then(
      () => 'answered',
      () => 'connection closed',
    );
    await waitFor(() => sim.requests.length > 0);
    expect(sim.requests[0]?.status).toBeNull();
    await sim.close();
    expect(await pending).toBe('connection closed');
  },
  'html-200': async (sim) => {
    const res = await account(sim);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.json).toBeUndefined();
    expect(res.text).toContain('<html>');
  },
  'symbol-not-api-enabled': async (sim) => {
    expect((await account(sim)).status).toBe(200);
    await expectMexcError(orderTest(sim), 10007, 'symbol not support api');
    expect((await signedGet(sim, '/api/v3/selfSymbols', 'timestamp=1700000000000')).json).toEqual({ code: 200, data: [], msg: null });
  },
  'account-abnormal': async (sim) => {
    await expectMexcError(account(sim), 60005, 'your account is abnormal');
  },
  'ip-banned': async (sim) => {
    for (const res of [await ping(sim), await account(sim)]) {
      expect(res.status).toBe(418);
      expect(res.headers['retry-after']).toBe('120');
      expect(res.json).toEqual(IP_BANNED_BODY);
    }
  },
  'empty-200': async (sim) => {
    const res = await account(sim);
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
  },
  'truncated-200': async (sim) => {
    const res = await ping(sim);
    expect(res.status).toBe(200);
    expect(res.text).toBe(TRUNCATED_BODY);
    expect(res.json).toBeUndefined();
  },
  'gateway-json': async (sim) => {
    expect((await openOrders(sim)).json).toEqual(GATEWAY_JSON_BODY);
  },
  'time-in-seconds': async (sim) => {
    expect((await send(sim, { target: '/api/v3/time' })).json).toEqual({ serverTime: Math.floor(NOW / 1000) });
    expect((await account(sim)).status).toBe(200);
  },
  'clock-jitter': async (sim) => {
    const times = await Promise.all(Array.from({ length: 20 }, async () => ((await send(sim, { target: '/api/v3/time' })).json as { serverTime: number }).serverTime));
    for (const t of times) expect(Math.abs(t - NOW)).toBeLessThanOrEqual(1500);
    expect(new Set(times).size).toBeGreaterThan(1);
    // Signed calls are judged by the true time: a request stamped now passes.
    expect((await account(sim)).status).toBe(200);
  },
};

describe('scenarios', () => {
  it('lists every scenario once, each with a one-line description', () => {
    expect(new Set(SCENARIO_NAMES).size).toBe(SCENARIOS.length);
    for (const s of SCENARIOS) expect(s.description).toMatch(/^[^\n]{10,}$/);
    expect(Object.keys(SCENARIO_EXPECTATIONS).sort()).toEqual([...SCENARIO_NAMES].sort());
  });

  it.each(SCENARIO_NAMES)('%s provokes its diagnosis', async (name) => {
    const sim = await startTestSim({ nowMs: NOW, scenario: name });
    await SCENARIO_EXPECTATIONS[name](sim);
  });

  it('switches scenario for the following requests with setScenario', async () => {
    const sim = await startTestSim({ nowMs: NOW });
    expect((await account(sim)).status).toBe(200);
    sim.setScenario('account-abnormal');
    await expectMexcError(account(sim), 60005, 'your account is abnormal');
  });

  it('lets serverClockOffsetMs override the scenario clock', async () => {
    const sim = await startTestSim({ nowMs: NOW, scenario: 'clock-ahead', serverClockOffsetMs: 0 });
    expect((await account(sim)).status).toBe(200);
  });

  it('throws for an unknown scenario, listing the valid ones', async () => {
    const sim = await startTestSim({ nowMs: NOW });
    expect(() => sim.setScenario('clock-sideways')).toThrow(UnknownScenarioError);
    expect(() => sim.setScenario('clock-sideways')).toThrow(/Valid scenarios: ok, key-invalid, .*account-abnormal/);
    await expect(startTestSim({ scenario: 'nope' as ScenarioName })).rejects.toThrow(UnknownScenarioError);
  });
});
