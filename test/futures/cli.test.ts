/**
 * The built CLI end to end: `sign --futures` headers accepted by the simulator (whose verifier
 * shares no code with the signer), usage errors for futures input, and `inspect` on a request
 * that the simulator refused.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signFuturesRequest } from '../../src/core/futures-signing.js';
import { startSimulator, type RunningSim } from '../../src/sim/server.js';
import { crashSigns, ensureBuilt, killAll, runCli } from '../support/cli.js';
import { send } from '../sim/helpers.js';

const KEY = 'mx0vglFutKey123456';
const SECRET = '0123456789abcdef0123456789abcdef';
const creds = { MEXC_API_KEY: KEY, MEXC_SECRET_KEY: SECRET };
let sim: RunningSim;

beforeAll(async () => {
  await ensureBuilt();
  sim = await startSimulator({ port: 0, apiKey: KEY, secret: SECRET });
});
afterAll(async () => sim.close());
afterEach(() => killAll());

describe('sign --futures against the simulator', () => {
  it('prints headers the simulator accepts for a GET with parameters given unsorted', async () => {
    const r = await runCli(['sign', '--futures', 'symbol=BTC_USDT&page_num=1', '--json'], { env: creds });
    expect(r.code).toBe(0);
    const { headers } = JSON.parse(r.stdout) as { headers: Record<string, string> };
    const answer = await send(sim, { target: '/api/v1/private/order/list/open_orders?symbol=BTC_USDT&page_num=1', headers });
    expect(answer.json).toEqual({ success: true, code: 0, data: [] });
  });

  it('prints headers the simulator accepts for assets (no parameters)', async () => {
    const r = await runCli(['sign', '--futures', '--json'], { env: creds });
    const { headers } = JSON.parse(r.stdout) as { headers: Record<string, string> };
    expect((await send(sim, { target: '/api/v1/private/account/assets', headers })).json).toMatchObject({ success: true, code: 0 });
  });

  it('the core signer agrees with the simulator on GET and POST', async () => {
    const get = signFuturesRequest({ apiKey: KEY, secret: SECRET, method: 'GET', params: { symbol: 'ETH_USDT', note: null }, nowMs: Date.now() });
    expect((await send(sim, { target: `/api/v1/private/position/open_positions?${get.query}`, headers: get.headers })).json).toEqual({ success: true, code: 0, data: [] });
    const post = signFuturesRequest({ apiKey: KEY, secret: SECRET, method: 'POST', body: { symbol: 'BTC_USDT', vol: 1 }, nowMs: Date.now() });
    const closed = await send(sim, { method: 'POST', target: '/api/v1/private/order/submit', headers: post.headers, body: post.body });
    expect(closed.headers['x-sim-note']).toMatch(/signature of this request was valid/);
  });
});

describe('futures input mistakes on the command line', () => {
  it.each([
    [['sign', '--futures', '--body', '{"symbol":'], /--body is not valid JSON/],
    [['sign', '--futures', '--request-time', 'now'], /--request-time must be milliseconds/],
    [['sign', '--futures', 'a=1', '--body', '{}'], /either PARAMS .* or --body/],
    [['explain', '--futures', '602'], /explain does not take --futures: it works with check and sign\./],
    [['check', '--futures', '--symbol', 'BTC_USDT'], /check --futures takes no --symbol/],
    [['check', '--futures', '--recv-window', '2500'], /counts whole seconds/],
    [['inspect', 'https://api.mexc.com/api/v1/private/account/assets'], /which a URL does not show/],
  ])('%j is a usage error with a clear sentence', async (args, message) => {
    const r = await runCli(args as string[], { env: creds });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(crashSigns(r.stderr + r.stdout)).toEqual([]);
  });

  it('notes a seconds --request-time and still signs it', async () => {
    const r = await runCli(['sign', '--futures', 'symbol=BTC_USDT', '--request-time', '1644489390'], { env: creds });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Note: Request-Time 1644489390 looks like seconds/);
    expect(r.stdout).not.toContain(SECRET);
  });
});

describe('inspect names the mistake behind a 602 from the simulator', () => {
  it('param-order-differs for a GET signed in the order sent', async () => {
    const { createHmac } = await import('node:crypto');
    const time = String(Date.now());
    const query = 'symbol=BTC_USDT&page_num=1';
    const signature = createHmac('sha256', SECRET).update(`${KEY}${time}${query}`).digest('hex');
    const headers = { ApiKey: KEY, 'Request-Time': time, Signature: signature };
    const url = `${sim.url}/api/v1/private/order/list/open_orders?${query}`;
    expect((await send(sim, { target: url.slice(sim.url.length), headers })).json).toMatchObject({ success: false, code: 602 });
    const curl = `curl -H 'ApiKey: ${KEY}' -H 'Request-Time: ${time}' -H 'Signature: ${signature}' '${url}'`;
    const r = await runCli(['inspect', '--json', curl], { env: creds });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).findings.map((f: { id: string }) => f.id)).toEqual(['param-order-differs']);
  });
});
