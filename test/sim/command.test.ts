import { createServer, type Server } from 'node:net';
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { runSim, type SimCommandOptions } from '../../src/commands/sim.js';
import { SCENARIO_NAMES } from '../../src/sim/server.js';
import { fakeIO, type FakeIO } from '../support/fake-io.js';
import { hmacHex, waitFor } from './helpers.js';

const CANARY = 'CANARYSECRET0123456789abcdef0000';
const USER_KEY = 'mx0aBYs33eIilxBWC5';
const NOW = 1700000000000;

interface Running {
  io: FakeIO;
  url: string;
  stop: () => Promise<number>;
}

const started: AbortController[] = [];
// A failed assertion must not leave a simulator running and the test file hanging.
afterEach(() => started.splice(0).forEach((c) => c.abort()));

/** Starts `sim` in-process on a free port and waits for its banner. */
async function startCommand(env: Record<string, string>, opts: SimCommandOptions = {}, platform: NodeJS.Platform = 'linux'): Promise<Running> {
  const abort = new AbortController();
  started.push(abort);
  const io = fakeIO({ env, signal: abort.signal, now: () => NOW, platform });
  const exit = runSim({ port: 0, ...opts }, io);
  await waitFor(() => io.out().includes('Press Ctrl-C to stop.'));
  return {
    io,
    url: io.out().split('\n')[0]!,
    stop: async () => {
      abort.abort();
      return exit;
    },
  };
}

function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request(url, { headers, agent: false }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    })
      .on('error', reject)
      .end();
  });
}

describe('mexc-wizard sim', () => {
  it('prints exactly the base URL on the first line', async () => {
    const sim = await startCommand({});
    expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await sim.stop()).toBe(0);
  });

  it('accepts the credentials from the environment, masks the key and never prints the secret', async () => {
    const sim = await startCommand({ MEXC_API_KEY: USER_KEY, MEXC_SECRET_KEY: CANARY });
    const query = 'timestamp=1700000000000';
    const signed = await get(`${sim.url}/api/v3/account?${query}&signature=${hmacHex(CANARY, query)}`, { 'X-MEXC-APIKEY': USER_KEY });
    expect(signed.status).toBe(200);
    // Even a path that carries the secret is redacted before it reaches the log line.
    expect((await get(`${sim.url}/api/v3/${CANARY}`)).status).toBe(404);
    await waitFor(() => sim.io.out().includes('→ 404'));
    expect(await sim.stop()).toBe(0);

    const out = sim.io.out();
    expect(out).toContain('mx0a…WC5');
    expect(out).toContain('MEXC_SECRET_KEY (not shown)');
    expect(out).toContain(`export MEXC_BASE_URL=${sim.url}\n`);
    expect(out).toContain('GET /api/v3/account → 200');
    expect(out).toContain('Simulator stopped.');
    for (const text of [out, sim.io.err()]) {
      expect(text).not.toContain(CANARY);
      expect(text).not.toContain(CANARY.toLowerCase());
      expect(text).not.toContain(USER_KEY);
      expect(text).not.toMatch(/[0-9a-f]{64}/); // no full signature either
    }
  });

  it('takes the secret from MEXC_API_SECRET when MEXC_SECRET_KEY is not set', async () => {
    const sim = await startCommand({ MEXC_API_KEY: USER_KEY, MEXC_API_SECRET: CANARY });
    await sim.stop();
    expect(sim.io.out()).toContain('secret from MEXC_API_SECRET (not shown)');
    expect(sim.io.out()).not.toContain(CANARY);
  });

  it('without credentials, prints throwaway demo credentials in full and ready-to-paste exports', async () => {
    const sim = await startCommand({});
    const out = sim.io.out();
    const key = /API key {2}(mx0[A-Za-z0-9]{15})\n/.exec(out)?.[1];
    const secret = /Secret {3}([0-9a-f]{32})\n/.exec(out)?.[1];
    expect(key).toBeDefined();
    expect(secret).toBeDefined();
    expect(out).toContain(`  export MEXC_BASE_URL=${sim.url} MEXC_API_KEY=${key} MEXC_SECRET_KEY=${secret}\n`);
    // The printed credentials are the ones the simulator accepts.
    const query = 'timestamp=1700000000000';
    const res = await get(`${sim.url}/api/v3/account?${query}&signature=${hmacHex(secret!, query)}`, { 'X-MEXC-APIKEY': key! });
    expect(res.status).toBe(200);
    await sim.stop();
  });

  it('falls back to demo credentials, and says why, when only the key is set', async () => {
    const sim = await startCommand({ MEXC_API_KEY: USER_KEY });
    await sim.stop();
    expect(sim.io.out()).toContain('Only MEXC_API_KEY is set');
    expect(sim.io.out()).toMatch(/Secret {3}[0-9a-f]{32}/);
  });

  it('adds PowerShell lines on Windows', async () => {
    const sim = await startCommand({}, {}, 'win32');
    await sim.stop();
    expect(sim.io.out()).toMatch(/\$env:MEXC_BASE_URL="http:\/\/127\.0\.0\.1:\d+"; \$env:MEXC_API_KEY="mx0/);
  });

  it('announces the scenario and serves it', async () => {
    const sim = await startCommand({}, { scenario: 'rate-limited' });
    expect(sim.io.out()).toContain('scenario "rate-limited"');
    expect((await get(`${sim.url}/api/v3/ping`)).status).toBe(429);
    await sim.stop();
  });

  it('returns 0 at once when the signal is already aborted', async () => {
    const abort = new AbortController();
    abort.abort();
    const io = fakeIO({ signal: abort.signal });
    expect(await runSim({ port: 0 }, io)).toBe(0);
    expect(io.out()).toContain('Simulator stopped.');
  });
});

describe('mexc-wizard sim usage errors (exit 2, no stack trace)', () => {
  it('reports a port in use with a hint', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const io = fakeIO();
      expect(await runSim({ port }, io)).toBe(2);
      expect(io.err()).toBe(
        `Port ${port} on 127.0.0.1 is already in use.\nHint: choose another port with --port N, or --port 0 to let the system pick a free one.\n`,
      );
      expect(io.out()).toBe('');
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('lists the valid scenarios for an unknown one', async () => {
    const io = fakeIO();
    expect(await runSim({ port: 0, scenario: 'clock-sideways' }, io)).toBe(2);
    expect(io.err()).toMatch(/^Unknown scenario "clock-sideways"\. Valid scenarios:\n/);
    for (const name of SCENARIO_NAMES) expect(io.err()).toContain(`  ${name} `);
    expect(io.err()).not.toMatch(/\n\s+at /);
  });

  it.each([[-1], [65536], [1.5]])('rejects --port %s', async (port) => {
    const io = fakeIO();
    expect(await runSim({ port }, io)).toBe(2);
    expect(io.err()).toContain('--port must be a whole number from 0 to 65535');
  });

  it('rejects a negative --latency', async () => {
    const io = fakeIO();
    expect(await runSim({ port: 0, latencyMs: -5 }, io)).toBe(2);
  });
});

describe('sim --scenario list', () => {
  it('prints every scenario with its description and exits 0 without starting a server', async () => {
    const { runSim } = await import('../../src/commands/sim.js');
    const { SCENARIOS } = await import('../../src/sim/server.js');
    const io = fakeIO();
    expect(await runSim({ scenario: 'list' }, io)).toBe(0);
    for (const s of SCENARIOS) expect(io.out()).toContain(s.name);
    expect(io.out()).not.toContain('http://127.0.0.1');
  });
});
