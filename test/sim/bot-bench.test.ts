/**
 * The simulator as a bot test bench (issue #15): requests carrying each common signing mistake,
 * built by hand (node:http or fetch, signatures from openssl over the literal string, never our
 * client's signer), sent to a running `mexc-wizard sim --log FILE`; then the terminal line and
 * the log file are read.
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runSim, type SimCommandOptions } from '../../src/commands/sim.js';
import { fakeIO, type FakeIO } from '../helpers/fake-io.js';
import { BIN, ensureBuilt, userEnv } from '../robustness/cli.js';
import type { RequestLogEntry } from '../../src/sim/server.js';
import { hmacHex, send, startTestSim, waitFor, type RawRequest } from './helpers.js';

const KEY = 'mx0BenchKey4Tests9';
const SECRET = 'c0ffee11c0ffee22c0ffee33c0ffee44';
const NOW = 1_700_000_000_000;
const ENV = { MEXC_API_KEY: KEY, MEXC_SECRET_KEY: SECRET };
/** The local-time clock, method and path at the start of every request line. */
const LINE_START = /^\d\d:\d\d:\d\d\.\d{3} /;

const folder = mkdtempSync(path.join(tmpdir(), 'mexc-wizard-bench-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

interface Bench {
  io: FakeIO;
  port: number;
  logFile: string;
  stop: () => Promise<number>;
}

const running: AbortController[] = [];
afterEach(() => running.splice(0).forEach((c) => c.abort()));

let fileCounter = 0;

/** Started per test and stopped after it, unless `keep` (then the caller stops it). */
async function startBench(opts: SimCommandOptions = {}, env: Record<string, string> = ENV, keep = false): Promise<Bench> {
  const abort = new AbortController();
  if (!keep) running.push(abort);
  const logFile = opts.logFile ?? `requests-${++fileCounter}.jsonl`;
  const io = fakeIO({ env, signal: abort.signal, now: () => NOW, cwd: folder });
  const exit = runSim({ port: 0, logFile, ...opts }, io);
  await waitFor(() => io.out().includes('Press Ctrl-C to stop.') || io.err() !== '');
  return {
    io,
    port: Number(new URL(io.out().split('\n')[0]!).port),
    logFile: path.resolve(folder, logFile),
    stop: () => {
      abort.abort();
      return exit;
    },
  };
}

function requestLines(io: FakeIO): string[] {
  return io.out().split('\n').filter((line) => LINE_START.test(line));
}

function logEntries(file: string): Array<Record<string, unknown>> {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** Sends one request and returns the answer with the terminal line and log entry it produced. */
async function exchange(bench: Bench, req: RawRequest) {
  const before = requestLines(bench.io).length;
  const res = await send(bench, req);
  await waitFor(() => requestLines(bench.io).length > before);
  const line = requestLines(bench.io)[before]!;
  const entry = logEntries(bench.logFile)[before]!;
  return { res, line, entry };
}

const signedGet = (pathName: string, sentQuery: string, signedString = sentQuery, signature = hmacHex(SECRET, signedString)): RawRequest => ({
  target: `${pathName}?${sentQuery}&signature=${signature}`,
  headers: { 'X-MEXC-APIKEY': KEY },
});

const ORDER = `symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=0.001&price=30000&recvWindow=5000&timestamp=${NOW}`;

describe('a line and a log entry per request, naming the mistake (ok scenario, your own credentials)', () => {
  let bench: Bench;
  beforeAll(async () => {
    bench = await startBench({}, ENV, true);
  });
  afterAll(() => bench.stop());

  it('names the log file in the banner', () => {
    expect(bench.io.out()).toContain(`Request log: appending one JSON object per request to ${path.basename(bench.logFile)}.`);
  });

  it('a correct signed GET: 200, signature-valid', async () => {
    const { res, line, entry } = await exchange(bench, signedGet('/api/v3/account', `recvWindow=5000&timestamp=${NOW}`));
    expect(res.status).toBe(200);
    expect(line).toMatch(/^\d\d:\d\d:\d\d\.\d{3} GET \/api\/v3\/account → 200 signature-valid$/);
    expect(entry).toMatchObject({ method: 'GET', path: '/api/v3/account', status: 200, code: null, findings: ['signature-valid'], key: 'mx0B…ts9' });
    expect(entry.time).toBe(new Date(NOW).toISOString());
  });

  it('parameters signed sorted but sent in another order: 700002, param-order-differs', async () => {
    const sent = `symbol=BTCUSDT&timestamp=${NOW}&recvWindow=5000`;
    const sorted = `recvWindow=5000&symbol=BTCUSDT&timestamp=${NOW}`;
    const { res, line, entry } = await exchange(bench, signedGet('/api/v3/openOrders', sent, sorted));
    expect(res.json).toEqual({ code: 700002, msg: 'Signature for this request is not valid.' });
    expect(line).toMatch(
      / GET \/api\/v3\/openOrders → 400 700002 param-order-differs — You signed the parameters sorted by name but sent them in another order: sign the query string exactly as you send it/,
    );
    expect(entry).toMatchObject({ status: 400, code: 700002, findings: ['param-order-differs'], fix: expect.stringContaining('sorted by name') });
    expect(entry.query).toBe(`symbol=BTCUSDT&timestamp=${NOW}&recvWindow=5000&signature=${hmacHex(SECRET, sorted).slice(0, 4)}…${hmacHex(SECRET, sorted).slice(-4)}`);
  });

  it('"%20" signed but "+" sent for a space: 700002, space-as-plus', async () => {
    const signed = `symbol=BTCUSDT&label=grid%20bot&timestamp=${NOW}`;
    const { res, line, entry } = await exchange(bench, signedGet('/api/v3/openOrders', `symbol=BTCUSDT&label=grid+bot&timestamp=${NOW}`, signed));
    expect(res.status).toBe(400);
    expect(line).toMatch(/ → 400 700002 space-as-plus — Encode a space as %20, never "\+"/);
    expect(entry).toMatchObject({ code: 700002, findings: ['space-as-plus'] });
  });

  it('"+" signed and sent: accepted over the raw bytes, with a warning that real MEXC may refuse it', async () => {
    const query = `symbol=BTCUSDT&label=grid+bot&timestamp=${NOW}`;
    const { res, line, entry } = await exchange(bench, signedGet('/api/v3/openOrders', query));
    expect(res.status).toBe(200);
    expect(line).toMatch(/ → 200 signature-valid space-as-plus — Accepted here, but real MEXC may refuse it: Encode a space as %20/);
    expect(entry).toMatchObject({ status: 200, findings: ['signature-valid', 'space-as-plus'] });
  });

  it('a timestamp in seconds: 700003, timestamp-in-seconds', async () => {
    const query = `symbol=BTCUSDT&timestamp=${Math.floor(NOW / 1000)}`;
    const { res, line, entry } = await exchange(bench, signedGet('/api/v3/openOrders', query));
    expect(res.json).toEqual({ code: 700003, msg: 'Timestamp for this request is outside of the recvWindow.' });
    expect(line).toMatch(/ → 400 700003 signature-valid timestamp-in-seconds — Send the timestamp in milliseconds \(13 digits\)/);
    expect(entry).toMatchObject({ code: 700003, findings: ['signature-valid', 'timestamp-in-seconds'] });
  });

  it('an uppercase digest: 700002, signature-uppercase', async () => {
    const query = `symbol=BTCUSDT&timestamp=${NOW}`;
    const { res, line, entry } = await exchange(bench, signedGet('/api/v3/openOrders', query, query, hmacHex(SECRET, query).toUpperCase()));
    expect(res.status).toBe(400);
    expect(line).toMatch(/ → 400 700002 signature-uppercase — Send the signature as lowercase hex/);
    expect(entry).toMatchObject({ code: 700002, findings: ['signature-uppercase'] });
  });

  it('a POST without Content-Type (node:http): 700013, content-type-missing', async () => {
    const { res, line, entry } = await exchange(bench, {
      method: 'POST',
      target: '/api/v3/order/test',
      headers: { 'X-MEXC-APIKEY': KEY },
      body: `${ORDER}&signature=${hmacHex(SECRET, ORDER)}`,
    });
    expect(res.json).toEqual({ code: 700013, msg: 'Invalid content Type.' });
    expect(line).toMatch(/ POST \/api\/v3\/order\/test → 400 700013 signature-valid content-type-missing — Send "Content-Type: application\/json" on POST/);
    expect(entry).toMatchObject({ method: 'POST', code: 700013, findings: ['signature-valid', 'content-type-missing'] });
  });

  it('a POST from fetch with a string body (sent as text/plain): 700013, content-type-missing', async () => {
    const before = requestLines(bench.io).length;
    const res = await fetch(`http://127.0.0.1:${bench.port}/api/v3/order/test`, {
      method: 'POST',
      headers: { 'X-MEXC-APIKEY': KEY },
      body: `${ORDER}&signature=${hmacHex(SECRET, ORDER)}`,
    });
    expect(await res.json()).toEqual({ code: 700013, msg: 'Invalid content Type.' });
    await waitFor(() => requestLines(bench.io).length > before);
    expect(requestLines(bench.io)[before]).toContain('→ 400 700013 signature-valid content-type-missing');
    expect(logEntries(bench.logFile)[before]).toMatchObject({ code: 700013, findings: ['signature-valid', 'content-type-missing'] });
  });

  it('no signature at all: 700004, signature-missing', async () => {
    const { res, line, entry } = await exchange(bench, { target: `/api/v3/account?timestamp=${NOW}`, headers: { 'X-MEXC-APIKEY': KEY } });
    expect(res.json).toEqual({ code: 700004, msg: "Mandatory parameter 'signature' was not sent, was empty/null, or malformed." });
    expect(line).toMatch(/ → 400 700004 signature-missing — Sign every signed request/);
    expect(entry).toMatchObject({ code: 700004, findings: ['signature-missing'] });
  });

  it('a correct POST with Content-Type: application/json: 200, signature-valid', async () => {
    const { res, line, entry } = await exchange(bench, {
      method: 'POST',
      target: '/api/v3/order/test',
      headers: { 'X-MEXC-APIKEY': KEY, 'Content-Type': 'application/json' },
      body: `${ORDER}&signature=${hmacHex(SECRET, ORDER)}`,
    });
    expect(res.json).toEqual({});
    expect(line).toMatch(/ POST \/api\/v3\/order\/test → 200 signature-valid$/);
    expect(entry).toMatchObject({ status: 200, findings: ['signature-valid'] });
    expect(entry).not.toHaveProperty('query'); // everything was in the body, which is never logged
  });

  it('the key in Binance\'s header: 400 "api key required", binance-header', async () => {
    const query = `timestamp=${NOW}`;
    const { res, line, entry } = await exchange(bench, {
      target: `/api/v3/account?${query}&signature=${hmacHex(SECRET, query)}`,
      headers: { 'X-MBX-APIKEY': KEY },
    });
    expect(res.json).toEqual({ code: 400, msg: 'api key required' });
    expect(line).toMatch(/ → 400 signature-valid binance-header — Send the key in the X-MEXC-APIKEY header, not Binance's X-MBX-APIKEY\.$/);
    expect(entry).toMatchObject({ status: 400, code: 400, findings: ['signature-valid', 'binance-header'] });
    expect(entry).not.toHaveProperty('key');
  });

  it('a key the simulator does not know: 10072, with the key it accepts (masked)', async () => {
    const query = `timestamp=${NOW}`;
    const { res, line, entry } = await exchange(bench, {
      target: `/api/v3/account?${query}&signature=${hmacHex(SECRET, query)}`,
      headers: { 'X-MEXC-APIKEY': 'mx0SomeOtherKey1234' },
    });
    expect(res.json).toEqual({ code: 10072, msg: 'Api key info invalid' });
    expect(line).toContain('→ 400 10072 signature-valid — The simulator does not know the key mx0S…234: send the key it printed at start (mx0B…ts9)');
    expect(entry).toMatchObject({ code: 10072, key: 'mx0S…234' });
  });

  it('a timestamp 4.2 s ahead of the server: 700003, with the measured lead', async () => {
    const { line } = await exchange(bench, signedGet('/api/v3/account', `timestamp=${NOW + 4200}`));
    expect(line).toContain("→ 400 700003 signature-valid — Your timestamp is 4200 ms ahead of the server's clock (MEXC refuses 1000 ms or more ahead)");
  });

  it('a public request: its status and no findings', async () => {
    const { line, entry } = await exchange(bench, { target: '/api/v3/ping' });
    expect(line).toMatch(/ GET \/api\/v3\/ping → 200$/);
    expect(entry).toMatchObject({ status: 200, code: null, findings: [] });
  });

  it('an old v2 request: 404, legacy-endpoint', async () => {
    const { line, entry } = await exchange(bench, { target: `/open/api/v2/account/info?api_key=${KEY}&req_time=${NOW}&sign=${'ab'.repeat(32)}` });
    expect(line).toMatch(/ → 404 .*legacy-endpoint.* — Use the spot v3 API/);
    expect(entry.query).toBe(`api_key=mx0B…ts9&req_time=${NOW}&sign=abab…abab`);
  });

  it('wrote every request to the file in arrival order, one JSON object per line', async () => {
    expect(logEntries(bench.logFile).map((e) => e.path)).toEqual(requestLines(bench.io).map((line) => line.split(' ')[2]));
    expect(logEntries(bench.logFile)).toHaveLength(15);
  });

  it('never shows the secret, the full key or a full signature, on the terminal or in the file', async () => {
    expect(await bench.stop()).toBe(0);
    const file = readFileSync(bench.logFile, 'utf8');
    for (const text of [bench.io.out(), bench.io.err(), file]) {
      expect(text.toLowerCase()).not.toContain(SECRET);
      expect(text).not.toContain(KEY);
      expect(text).not.toMatch(/[0-9a-fA-F]{64}/);
    }
    expect(bench.io.out()).toContain('Simulator stopped.');
  });
});

describe('scenarios: the refusal your bot must handle, logged with its cause', () => {
  it('ip-not-whitelisted: a correct request gets 700006 and the scenario as the cause', async () => {
    const bench = await startBench({ scenario: 'ip-not-whitelisted' });
    const { res, line, entry } = await exchange(bench, signedGet('/api/v3/account', `timestamp=${NOW}`));
    expect(res.json).toEqual({ code: 700006, msg: 'IP [198.51.100.23] not in the ip white list' });
    expect(line).toContain('→ 400 700006 signature-valid — Scenario "ip-not-whitelisted": signed calls answer 700006');
    expect(entry).toMatchObject({ code: 700006, findings: ['signature-valid'], msg: 'IP [198.51.100.23] not in the ip white list' });
  });

  it('signature-invalid: the lab judges with the secret your bot was given, so the scenario is named, not your code', async () => {
    const bench = await startBench({ scenario: 'signature-invalid' });
    const { line, entry } = await exchange(bench, signedGet('/api/v3/account', `timestamp=${NOW}`));
    expect(line).toContain('→ 400 700002 signature-valid — Scenario "signature-invalid": the server holds another secret than the client');
    expect(entry).toMatchObject({ code: 700002, findings: ['signature-valid'] });
  });

  it('clock-ahead: 700003 for a correct request, the scenario named', async () => {
    const bench = await startBench({ scenario: 'clock-ahead' });
    const { line } = await exchange(bench, signedGet('/api/v3/account', `timestamp=${NOW}`));
    expect(line).toContain('→ 400 700003 signature-valid — Scenario "clock-ahead"');
  });

  it('rate-limited: every request, public or signed, logged as the 429 it got', async () => {
    const bench = await startBench({ scenario: 'rate-limited' });
    const { res, line, entry } = await exchange(bench, signedGet('/api/v3/account', `timestamp=${NOW}`));
    expect(res.status).toBe(429);
    expect(line).toMatch(/→ 429 — Scenario "rate-limited": every request answers HTTP 429 with Retry-After: 30\.$/);
    expect(entry).toMatchObject({ status: 429, code: 429, findings: [] });
  });

  it('timeout: the held request is logged at once as never answered', async () => {
    const bench = await startBench({ scenario: 'timeout' });
    const before = requestLines(bench.io).length;
    const pending = send(bench, { target: '/api/v3/ping' }).catch(() => undefined);
    await waitFor(() => requestLines(bench.io).length > before);
    expect(requestLines(bench.io)[before]).toMatch(/GET \/api\/v3\/ping → no answer — Scenario "timeout"/);
    expect(logEntries(bench.logFile)[before]).toMatchObject({ status: null, code: null, findings: [] });
    expect(await bench.stop()).toBe(0);
    await pending;
  });

  it('demo credentials: the lab judges with the printed secret, and the log never holds it', async () => {
    const bench = await startBench({}, {});
    const secret = /Secret {3}([0-9a-f]{32})\n/.exec(bench.io.out())![1]!;
    const key = /API key {2}(mx0[A-Za-z0-9]{15})\n/.exec(bench.io.out())![1]!;
    const query = `timestamp=${NOW}`;
    const before = requestLines(bench.io).length;
    await send(bench, { target: `/api/v3/account?${query}&signature=${hmacHex(secret, query)}`, headers: { 'X-MEXC-APIKEY': key } });
    await waitFor(() => requestLines(bench.io).length > before);
    expect(requestLines(bench.io)[before]).toMatch(/→ 200 signature-valid$/);
    expect(readFileSync(bench.logFile, 'utf8')).not.toContain(secret);
  });
});

describe('sim --log FILE', () => {
  it('appends to an existing file and keeps what was there', async () => {
    const file = path.join(folder, 'existing.jsonl');
    writeFileSync(file, '{"earlier":"run"}\n');
    const bench = await startBench({ logFile: file });
    await exchange(bench, { target: '/api/v3/ping' });
    await bench.stop();
    const lines = readFileSync(file, 'utf8').split('\n');
    expect(lines[0]).toBe('{"earlier":"run"}');
    expect(JSON.parse(lines[1]!)).toMatchObject({ path: '/api/v3/ping', status: 200 });
  });

  it('keeps arrival order when a later request is answered first', async () => {
    const entries: RequestLogEntry[] = [];
    const sim = await startTestSim({
      onRequest: (e) => entries.push(e),
      // The first request waits before its answer is sent; the second one overtakes it.
      delayMs: ({ path: p }) => ({ beforeHandleMs: 0, beforeSendMs: p === '/api/v3/time' ? 150 : 0 }),
    });
    const slow = send(sim, { target: '/api/v3/time' });
    await waitFor(() => sim.requests.length === 1);
    await send(sim, { target: '/api/v3/ping' });
    expect(entries).toEqual([]); // the ping is answered, but its line waits for the earlier request
    await slow;
    await waitFor(() => entries.length === 2);
    expect(entries.map((e) => e.path)).toEqual(['/api/v3/time', '/api/v3/ping']);
  });

  it('logs a client that hangs up in the middle of its body as never answered, and holds nothing back', async () => {
    const entries: RequestLogEntry[] = [];
    const sim = await startTestSim({ onRequest: (e) => entries.push(e) });
    await new Promise<void>((resolve) => {
      const socket = connect(sim.port, '127.0.0.1', () => {
        socket.write('POST /api/v3/order/test HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\nsymbol=BT');
        setTimeout(() => {
          socket.destroy();
          resolve();
        }, 50);
      });
    });
    await send(sim, { target: '/api/v3/ping' });
    await waitFor(() => entries.length === 2);
    expect(entries.map((e) => [e.path, e.status]).sort()).toEqual([
      ['/api/v3/order/test', null],
      ['/api/v3/ping', 200],
    ]);
  });

  it('does not hold back other lines while a client stalls in the middle of its body', async () => {
    const entries: RequestLogEntry[] = [];
    const sim = await startTestSim({ onRequest: (e) => entries.push(e) });
    const socket = connect(sim.port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.on('connect', resolve));
    socket.write('POST /api/v3/order/test HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\nsymbol=BT');
    // Let the server read the stalled request's headers first (were it late, the test could only pass).
    await new Promise((r) => setTimeout(r, 100));
    await send(sim, { target: '/api/v3/ping' });
    await waitFor(() => entries.length === 1);
    expect(entries[0]).toMatchObject({ path: '/api/v3/ping', status: 200 });
    socket.destroy();
    await waitFor(() => entries.length === 2);
    expect(entries[1]).toMatchObject({ path: '/api/v3/order/test', status: null });
  });

  it('a folder that does not exist: a usage error before anything starts', async () => {
    const io = fakeIO({ env: ENV, cwd: folder });
    expect(await runSim({ port: 0, logFile: 'no-such-folder/requests.jsonl' }, io)).toBe(2);
    expect(io.err()).toBe(
      `--log no-such-folder/requests.jsonl: the folder ${path.join(folder, 'no-such-folder')} does not exist.\n` +
        `Create it first (mkdir -p '${path.join(folder, 'no-such-folder')}'), or choose another path.\n`,
    );
    expect(io.out()).toBe('');
  });

  it('a folder given instead of a file: a usage error', async () => {
    mkdirSync(path.join(folder, 'logs'), { recursive: true });
    const io = fakeIO({ env: ENV, cwd: folder });
    expect(await runSim({ port: 0, logFile: 'logs' }, io)).toBe(2);
    expect(io.err()).toMatch(/^--log logs is a folder, not a file\.\nGive a file name inside it, e\.g\. --log logs\/requests\.jsonl\n$/);
  });

  it('an empty file name: a usage error', async () => {
    const io = fakeIO({ env: ENV, cwd: folder });
    expect(await runSim({ port: 0, logFile: '' }, io)).toBe(2);
    expect(io.err()).toContain('--log needs a file name.');
  });

  // Root writes anywhere a mode allows nothing, so it gets a place no one may create files in.
  const isRoot = process.getuid?.() === 0;
  const unwritable = isRoot ? (existsSync('/sys/kernel') ? '/sys/kernel/mexc-wizard-test.jsonl' : undefined) : 'locked/requests.jsonl';
  it.skipIf(unwritable === undefined)('a folder it may not write to: a usage error naming the permission', async () => {
    if (!isRoot) {
      mkdirSync(path.join(folder, 'locked'), { recursive: true });
      chmodSync(path.join(folder, 'locked'), 0o500);
    }
    const io = fakeIO({ env: ENV, cwd: folder });
    expect(await runSim({ port: 0, logFile: unwritable! }, io)).toBe(2);
    expect(io.err()).toMatch(/^--log .*: no permission to write .* \((EACCES|EPERM|EROFS)\)\.\nChoose a file in a folder you can write to/);
    expect(io.out()).toBe('');
  });

  it.skipIf(!existsSync('/dev/full'))('a write that fails later (disk full): said once on stderr, the simulator keeps serving', async () => {
    const bench = await startBench({ logFile: '/dev/full' });
    for (let i = 0; i < 2; i++) {
      const before = requestLines(bench.io).length;
      expect((await send(bench, { target: '/api/v3/ping' })).status).toBe(200);
      await waitFor(() => requestLines(bench.io).length > before);
    }
    expect(bench.io.err()).toBe('Cannot write to the request log /dev/full (ENOSPC); it stays as it is, the simulator keeps running.\n');
    expect(await bench.stop()).toBe(0);
  });
});


describe('the built CLI, as a bot author runs it', () => {
  it('prints a line per request and appends the JSON log, then stops on Ctrl-C', async () => {
    await ensureBuilt();
    const logFile = path.join(folder, 'cli-run.jsonl');
    const child = spawn(process.execPath, [BIN, 'sim', '--port', '0', '--log', logFile], { env: userEnv(ENV), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    try {
      await waitFor(() => out.includes('Press Ctrl-C to stop.'), 20_000);
      const port = Number(new URL(out.split('\n')[0]!).port);
      const now = Date.now();
      const sent = `symbol=BTCUSDT&timestamp=${now}&recvWindow=5000`;
      const sorted = `recvWindow=5000&symbol=BTCUSDT&timestamp=${now}`;
      const res = await send({ port }, signedGet('/api/v3/openOrders', sent, sorted));
      expect(res.status).toBe(400);
      await waitFor(() => / → 400 700002 /.test(out), 20_000);
    } finally {
      child.kill('SIGINT');
    }
    // runSim returns 0 on Ctrl-C; cli.ts reports any aborted run as 130 (interrupted).
    expect([0, 130]).toContain(await exited);
    const line = out.split('\n').find((l) => LINE_START.test(l));
    expect(line).toMatch(/^\d\d:\d\d:\d\d\.\d{3} GET \/api\/v3\/openOrders → 400 700002 param-order-differs — You signed the parameters sorted by name/);
    expect(logEntries(logFile)).toEqual([expect.objectContaining({ path: '/api/v3/openOrders', status: 400, code: 700002, findings: ['param-order-differs'] })]);
    for (const text of [out, err, readFileSync(logFile, 'utf8')]) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toMatch(/[0-9a-f]{64}/);
    }
  }, 60_000);
});
