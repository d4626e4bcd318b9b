// What the request log (issue #15) costs the simulator per request: the signature lab run on
// every signed request, the terminal line and the JSON line appended to a file, against the same
// simulator without a log.
//
//   node scripts/bench/sim-log.mjs [--requests 400] [--rounds 5] [--json out.json]
//
// The simulator runs in this process; requests are sequential over one keep-alive socket, so a
// figure is one request's round trip on loopback. Four kinds: a public ping, a correctly signed
// GET (the lab's first candidate matches), a GET signed over sorted parameters (the lab searches
// its candidates until the sorted one matches) and one signed with another secret (the lab tries
// every candidate and near-miss secret, its worst case). Rounds alternate
// with and without the log; each figure is the median over rounds of the per-round median.
import { createHmac } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { context, flags, fmt, loadSource, median, quantile, tempDir, writeJson } from './lib.mjs';

const opts = flags({ requests: 400, rounds: 5, warmup: 100, json: '' });
const { startSimulator, generateDemoCredentials, terminalLine, jsonLine } = await loadSource();

const creds = generateDemoCredentials();
const sign = (text) => createHmac('sha256', creds.secret).update(text).digest('hex');
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

const KINDS = {
  'public ping': () => ({ path: '/api/v3/ping', headers: {} }),
  'signed, valid': () => {
    const q = `symbol=BTCUSDT&recvWindow=5000&timestamp=${Date.now()}`;
    return { path: `/api/v3/openOrders?${q}&signature=${sign(q)}`, headers: { 'X-MEXC-APIKEY': creds.apiKey } };
  },
  'signed sorted, sent unsorted (700002)': () => {
    const t = Date.now();
    const sent = `symbol=BTCUSDT&timestamp=${t}&recvWindow=5000`;
    const sorted = `recvWindow=5000&symbol=BTCUSDT&timestamp=${t}`;
    return { path: `/api/v3/openOrders?${sent}&signature=${sign(sorted)}`, headers: { 'X-MEXC-APIKEY': creds.apiKey } };
  },
  // The lab's worst case: no candidate string and no near-miss secret reproduces the signature.
  'wrong secret (700002, secret-mismatch)': () => {
    const q = `symbol=BTCUSDT&recvWindow=5000&timestamp=${Date.now()}`;
    const other = createHmac('sha256', 'not-the-secret').update(q).digest('hex');
    return { path: `/api/v3/openOrders?${q}&signature=${other}`, headers: { 'X-MEXC-APIKEY': creds.apiKey } };
  },
};

function get(port, { path: target, headers }) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    http
      .get({ host: '127.0.0.1', port, path: target, headers, agent }, (res) => {
        res.resume();
        res.on('end', () => resolve(performance.now() - t0));
      })
      .on('error', reject);
  });
}

const dir = tempDir('mexc-bench-simlog-');
let lines = 0;

async function round(withLog) {
  const fd = withLog ? openSync(path.join(dir, 'requests.jsonl'), 'a') : undefined;
  const sim = await startSimulator({
    port: 0,
    ...creds,
    ...(withLog
      ? {
          onRequest: (entry) => {
            // What `sim --log` does per request, minus the terminal write itself.
            lines += terminalLine(entry).length > 0 ? 1 : 0;
            writeSync(fd, jsonLine(entry));
          },
        }
      : {}),
  });
  const out = {};
  for (const [kind, make] of Object.entries(KINDS)) {
    for (let i = 0; i < opts.warmup; i++) await get(sim.port, make());
    const ms = [];
    for (let i = 0; i < opts.requests; i++) ms.push(await get(sim.port, make()));
    out[kind] = ms;
  }
  await sim.close();
  if (fd !== undefined) closeSync(fd);
  return out;
}

const results = { without: {}, with: {} };
for (let r = 0; r < opts.rounds; r++) {
  for (const mode of r % 2 ? ['with', 'without'] : ['without', 'with']) {
    const got = await round(mode === 'with');
    for (const [kind, ms] of Object.entries(got)) (results[mode][kind] ??= []).push({ median: median(ms), p95: quantile(ms, 0.95) });
  }
}
agent.destroy();

const summary = Object.keys(KINDS).map((kind) => {
  const pick = (mode, field) => median(results[mode][kind].map((r) => r[field]));
  return {
    kind,
    withoutMs: pick('without', 'median'),
    withMs: pick('with', 'median'),
    withoutP95Ms: pick('without', 'p95'),
    withP95Ms: pick('with', 'p95'),
  };
});

console.log(`### Simulator request log cost (${context()}; ${opts.rounds} rounds × ${opts.requests} sequential requests per kind, keep-alive loopback)\n`);
console.log('| request | without log, median (p95) ms | with lab + lines + file, median (p95) ms | added per request |');
console.log('|---|---:|---:|---:|');
for (const s of summary) {
  console.log(
    `| ${s.kind} | ${fmt(s.withoutMs, 3)} (${fmt(s.withoutP95Ms, 3)}) | ${fmt(s.withMs, 3)} (${fmt(s.withP95Ms, 3)}) | ${fmt(s.withMs - s.withoutMs, 3)} ms |`,
  );
}
console.log(`\n${lines} log entries written and rendered.`);
if (opts.json) writeJson(opts.json, { summary, results });
