/**
 * The simulator's request log on futures requests: judged by the futures lab (never called a
 * legacy endpoint by the spot source), with futures sentences. Requests are hand-built and
 * signed with openssl over the literal string (sim-helpers.ts), never with src/core.
 */
import { describe, expect, it } from 'vitest';
import type { RequestLogEntry } from '../../src/sim/request-log.js';
import { terminalLine } from '../../src/sim/server.js';
import type { ScenarioName } from '../../src/sim/server.js';
import { DOC_KEY, DOC_SECRET, hmacHex, send, startTestSim } from '../sim/helpers.js';
import { ASSETS, futures, NOW, OPEN_ORDERS, ORDER_BODY, POSITIONS } from './sim-helpers.js';

async function logged(scenario: ScenarioName = 'ok') {
  const entries: RequestLogEntry[] = [];
  const sim = await startTestSim({ nowMs: NOW, scenario, onRequest: (e) => entries.push(e) });
  return { sim, entries, last: () => entries[entries.length - 1]! };
}

describe('sim request log: futures requests get futures findings', () => {
  it('a correct GET with its parameters sorted: accepted, signature-valid, no fix', async () => {
    const { sim, last } = await logged();
    await futures(sim, OPEN_ORDERS, { query: 'page_num=1&page_size=20' });
    expect(last()).toMatchObject({ path: OPEN_ORDERS, status: 200, code: 0, findings: ['signature-valid'] });
    expect(last().fix).toBeUndefined();
    expect(last().key).toBe('mx0a…WC5');
    // A futures success carries code 0: the terminal line shows no code for it, as for spot.
    expect(terminalLine(last())).toMatch(/open_orders → 200 signature-valid$/);
  });

  it('a GET signed in the order sent instead of sorted: 602 param-order-differs, with the futures fix (not legacy-endpoint)', async () => {
    const { sim, last } = await logged();
    await futures(sim, OPEN_ORDERS, { query: 'page_size=20&page_num=1' });
    const entry = last();
    expect(entry).toMatchObject({ status: 200, code: 602, findings: ['param-order-differs'] });
    expect(entry.fix).toMatch(/Sort the GET parameters by name before signing/);
    expect(entry.findings).not.toContain('legacy-endpoint');
    expect(terminalLine(entry)).toMatch(/GET \/api\/v1\/private\/order\/list\/open_orders → 200 602 param-order-differs — Sort the GET parameters/);
  });

  it('a Request-Time in seconds: 513 timestamp-in-seconds', async () => {
    const { sim, last } = await logged();
    await futures(sim, ASSETS, { requestTime: String(NOW / 1000) });
    expect(last()).toMatchObject({ code: 513 });
    expect(last().findings).toContain('timestamp-in-seconds');
    expect(last().fix).toMatch(/Request-Time in milliseconds \(13 digits\)/);
  });

  it('an uppercase digest: 602 signature-uppercase', async () => {
    const { sim, last } = await logged();
    await futures(sim, POSITIONS, { query: 'symbol=BTC_USDT', headers: { Signature: hmacHex(DOC_SECRET, `${DOC_KEY}${NOW}symbol=BTC_USDT`).toUpperCase() } });
    expect(last()).toMatchObject({ code: 602, findings: ['signature-uppercase'] });
    expect(last().fix).toMatch(/lowercase hex/);
  });

  it('the spot key header on a futures path: 401 key-header-missing, named as the spot header', async () => {
    const { sim, last } = await logged();
    await futures(sim, ASSETS, { headers: { ApiKey: undefined, 'X-MEXC-APIKEY': DOC_KEY } });
    expect(last()).toMatchObject({ code: 401 });
    expect(last().findings).toContain('key-header-missing');
    expect(last().fix).toMatch(/ApiKey header \(X-MEXC-APIKEY is the spot header\)/);
  });

  it('a correctly signed order: 602, and the log says the signature was valid and no order was placed', async () => {
    const { sim, last } = await logged();
    await futures(sim, '/api/v1/private/order/create', { method: 'POST', body: ORDER_BODY });
    expect(last()).toMatchObject({ method: 'POST', code: 602, findings: ['signature-valid'] });
    expect(last().fix).toMatch(/^Signature valid: futures orders are closed to API users here.*no order was placed/);
  });

  it('an unknown key: 401 with the key the simulator knows', async () => {
    const { sim, last } = await logged();
    await futures(sim, ASSETS, { key: 'mx0SomeoneElse1234' });
    expect(last()).toMatchObject({ code: 401 });
    expect(last().fix).toMatch(/does not know the key mx0S…234: send the key it printed at start \(mx0a…WC5\)/);
  });

  it('a clock outside the window: the lead in ms and the window', async () => {
    const { sim, last } = await logged('futures-clock-behind');
    await futures(sim, ASSETS);
    expect(last()).toMatchObject({ code: 513, findings: ['signature-valid'] });
    expect(last().fix).toMatch(/Request-Time is 15000 ms behind the server's clock, more than the futures window \(10 s either way\)/);
  });

  it.each([
    ['futures-api-unavailable', 511],
    ['futures-no-account', 1000],
    ['futures-permission-denied', 701],
  ] as const)('scenario %s: the scenario is the reason (code %i)', async (scenario, code) => {
    const { sim, last } = await logged(scenario);
    await futures(sim, ASSETS);
    expect(last()).toMatchObject({ code });
    expect(last().fix).toMatch(new RegExp(`^Scenario "${scenario}"`));
  });

  it('a public futures request needs no findings; a spot request is still judged by the spot lab', async () => {
    const { sim, entries } = await logged();
    await send(sim, { target: '/api/v1/contract/ping' });
    await send(sim, { target: `/api/v3/account?timestamp=${NOW}&signature=${hmacHex(DOC_SECRET, `timestamp=${NOW}`)}`, headers: { 'X-MEXC-APIKEY': DOC_KEY } });
    expect(entries.map((e) => [e.path, e.findings])).toEqual([
      ['/api/v1/contract/ping', []],
      ['/api/v3/account', ['signature-valid']],
    ]);
  });
});
