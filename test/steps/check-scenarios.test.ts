import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/commands/check.js';
import { startSimulator, type RunningSim, type ScenarioName } from '../../src/sim/server.js';
import { fakeIO } from '../helpers/fake-io.js';

const KEY = 'mx0aBYs33eIilxBWC5';
const SECRET = 'deadbeefcafe0123456789abcdef0042'; // canary: must never appear in output

let sim: RunningSim | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function check(scenario: ScenarioName, extra: string[] = [], env: Record<string, string> = {}) {
  sim = await startSimulator({ port: 0, apiKey: KEY, secret: SECRET, scenario });
  const io = fakeIO({ env: { MEXC_API_KEY: KEY, MEXC_SECRET_KEY: SECRET, ...env } });
  const flags: Record<string, unknown> = { baseUrl: sim.url, json: true, timeout: '1500' };
  if (extra.includes('--symbol')) flags.symbol = extra[extra.indexOf('--symbol') + 1];
  const code = await runCheck(flags, io);
  const json = JSON.parse(io.out()) as {
    ok: boolean;
    steps: Array<{ id: string; status: string; diagnoses: Array<{ id: string; evidence: string[] }> }>;
    clock?: { localAheadMs: number; rttMs: number; samples: Array<{ serverTimeMs: number; rttMs: number }> };
  };
  const status = Object.fromEntries(json.steps.map((s) => [s.id, s.status]));
  const diagnoses = json.steps.flatMap((s) => s.diagnoses.map((d) => d.id));
  return { code, json, status, diagnoses, io };
}

describe('check against the simulator', () => {
  it('passes every step on a healthy exchange and exits 0', async () => {
    const r = await check('ok');
    expect(r.status).toEqual({ credentials: 'pass', connectivity: 'pass', clock: 'pass', account: 'pass', 'trade-read': 'pass', trade: 'pass' });
    expect(r.code).toBe(0);
    expect(r.json.steps.map((s) => s.id)).toEqual(['credentials', 'connectivity', 'clock', 'account', 'trade-read', 'trade']);
  });

  it.each([
    ['key-invalid', 'account', 'key-invalid'],
    ['signature-invalid', 'account', 'signature-invalid'],
    ['ip-not-whitelisted', 'account', 'ip-not-whitelisted'],
    ['account-abnormal', 'account', 'account-abnormal'],
  ] as const)('scenario %s fails the %s step with %s and skips the trade steps', async (scenario, step, diagnosis) => {
    const r = await check(scenario);
    expect(r.status[step]).toBe('fail');
    expect(r.diagnoses).toContain(diagnosis);
    expect(r.status['trade-read']).toBe('skip');
    expect(r.status.trade).toBe('skip');
    expect(r.code).toBe(1);
  });

  it('reports the IP MEXC saw for ip-not-whitelisted', async () => {
    const r = await check('ip-not-whitelisted');
    const ipDiag = r.json.steps.flatMap((s) => s.diagnoses).find((d) => d.id === 'ip-not-whitelisted');
    expect(ipDiag?.evidence.join(' ')).toContain('198.51.100.23');
  });

  it('diagnoses clock-ahead and proves the clock by re-signing with the measured offset', async () => {
    const r = await check('clock-ahead');
    expect(r.status.clock).toBe('fail');
    expect(r.diagnoses).toContain('clock-ahead');
    expect(r.json.clock?.localAheadMs).toBeGreaterThan(4000);
    expect(r.json.clock?.localAheadMs).toBeLessThan(4400);
    expect(r.json.clock?.samples.length).toBe(4);
    expect(r.json.clock?.rttMs).toBe(Math.min(...(r.json.clock?.samples ?? []).map((x) => x.rttMs)));
    expect(r.status.account).toBe('fail');
    expect(JSON.stringify(r.json)).toContain('The clock is the cause');
  });

  it('diagnoses clock-behind beyond the default recvWindow', async () => {
    const r = await check('clock-behind');
    expect(r.diagnoses).toContain('clock-behind');
    expect(r.json.clock?.localAheadMs).toBeLessThan(-8500);
    expect(r.code).toBe(1);
  });

  it('finds a missing Trade permission only on the trade step', async () => {
    const r = await check('permission-denied');
    expect(r.status.account).toBe('pass');
    expect(r.status['trade-read']).toBe('pass');
    expect(r.status.trade).toBe('fail');
    expect(r.diagnoses).toEqual(['permission-denied']);
  });

  it('finds a missing View Order Details permission on trade-read', async () => {
    const r = await check('permission-denied-read');
    expect(r.status['trade-read']).toBe('fail');
    expect(r.diagnoses).toContain('permission-denied');
  });

  it('does not confirm the Trade permission when the symbol is not open to API trading', async () => {
    const r = await check('symbol-not-api-enabled');
    expect(r.status.trade).toBe('fail');
    expect(r.diagnoses).toContain('symbol-not-api-enabled');
    expect(r.code).toBe(1);
  });

  it.each([
    ['rate-limited', 'rate-limited'],
    ['blocked', 'blocked'],
    ['server-error', 'server-error'],
    ['html-200', 'unexpected-response'],
    ['timeout', 'timeout'],
  ] as const)('scenario %s fails connectivity with %s and skips the rest', async (scenario, diagnosis) => {
    const r = await check(scenario);
    expect(r.status.connectivity).toBe('fail');
    expect(r.diagnoses[0]).toBe(diagnosis);
    for (const id of ['clock', 'account', 'trade-read', 'trade']) expect(r.status[id]).toBe('skip');
    expect(r.code).toBe(1);
  });

  it('fails credentials and skips the signed steps without a key', async () => {
    sim = await startSimulator({ port: 0, apiKey: KEY, secret: SECRET, scenario: 'ok' });
    const io = fakeIO({ env: {} });
    const code = await runCheck({ baseUrl: sim.url, json: true }, io);
    const json = JSON.parse(io.out());
    const status = Object.fromEntries(json.steps.map((s: { id: string; status: string }) => [s.id, s.status]));
    expect(status).toMatchObject({ credentials: 'fail', connectivity: 'pass', clock: 'pass', account: 'skip', 'trade-read': 'skip', trade: 'skip' });
    expect(code).toBe(1);
  });

  it('reports a trailing newline in the secret yet still finds the next cause with the cleaned value', async () => {
    const r = await check('ip-not-whitelisted', [], { MEXC_SECRET_KEY: `${SECRET}\n` });
    expect(r.status.credentials).toBe('fail');
    expect(r.diagnoses).toContain('secret-format');
    expect(r.diagnoses).toContain('ip-not-whitelisted');
  });

  it('names the real cause when the server time cannot be read (429 on /api/v3/time only)', async () => {
    const server = http.createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      if (req.url?.startsWith('/api/v3/time')) {
        res.statusCode = 429;
        res.setHeader('retry-after', '7');
        return res.end('{"code":429,"msg":"Too Many Requests"}');
      }
      res.end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const io = fakeIO({ env: {} });
      await runCheck({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, json: true }, io);
      const clock = JSON.parse(io.out()).steps.find((x: { id: string }) => x.id === 'clock');
      expect(clock.status).toBe('fail');
      expect(clock.diagnoses[0].id).toBe('rate-limited');
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('names the tool, Node and platform, and shows a proxy as host:port only', async () => {
    sim = await startSimulator({ port: 0, apiKey: KEY, secret: SECRET, scenario: 'ok' });
    const io = fakeIO({ env: { MEXC_API_KEY: KEY, MEXC_SECRET_KEY: SECRET, HTTP_PROXY: 'http://bob:hunter2pass@127.0.0.1:9' }, runtime: { node: 'v20.0.0', arch: 'x64' } });
    const code = await runCheck({ baseUrl: sim.url, json: true, timeout: '1500' }, io);
    const json = JSON.parse(io.out());
    expect(json).toMatchObject({ tool: { name: 'mexc-wizard' }, node: 'v20.0.0', platform: 'linux x64', proxy: '127.0.0.1:9' });
    expect(io.out()).not.toContain('hunter2pass');
    expect(json.steps.find((s: { id: string }) => s.id === 'connectivity').diagnoses[0].id).toBe('connection-failed');
    expect(code).toBe(1);
  });

  it('never prints the secret, in text or JSON, verbose or not', async () => {
    for (const json of [true, false]) {
      sim = await startSimulator({ port: 0, apiKey: KEY, secret: SECRET, scenario: 'signature-invalid' });
      const io = fakeIO({ env: { MEXC_API_KEY: KEY, MEXC_SECRET_KEY: SECRET } });
      await runCheck({ baseUrl: sim.url, json, verbose: true }, io);
      expect(io.out() + io.err()).not.toContain(SECRET);
      await sim.close();
      sim = undefined;
    }
  });
});
