// Clock estimate accuracy against the simulator with its clock offset by ±N s and per-request
// delays on GET /api/v3/time, three ways, each trial against the same simulator:
//   session  the real path: createSession + runAll (the concurrent requests `check` sends),
//            MexcClient's timings, estimateClock → report.clock.localAheadMs
//   raw      estimateClock over 4 concurrent raw node:http exchanges timed here (request
//            written → response headers), i.e. the estimator alone, without the client's timing
//   naive    one request, `now − serverTime` after the reply (what many bots do)
//
//   node scripts/bench/clock.mjs [--trials 16] [--json out.json]
//
// The simulator runs in a worker thread (its own event loop, like a real server). Truth: the
// simulator's clock is local now + offset, so the true localAheadMs is −offset.
// Bound: the midpoint estimate cannot be off by more than half the round trip of its sample.
import http from 'node:http';
import { Worker } from 'node:worker_threads';
import { context, flags, fmt, loadSource, median, quantile, sourceFile, writeJson } from './lib.mjs';

const opts = flags({ trials: 16, json: '' });
const { generateDemoCredentials, createSession, MexcClient, estimateClock } = await loadSource();

/** The naive method many bots use: `serverTime − now`, read after the reply. */
const naiveLocalAheadMs = (sample) => sample.localReceivedMs - sample.serverTimeMs;

const PROFILES = [
  ['symmetric50', 'symmetric: 50 ms each way'],
  ['slowRequest', 'asymmetric: request 0–150 ms, response 0–20 ms'],
  ['slowResponse', 'asymmetric: request 0–20 ms, response 0–150 ms'],
  ['jitter', 'random: 0–200 ms each way'],
];
const OFFSETS_MS = [-30_000, -3_000, 3_000, 30_000];

const creds = generateDemoCredentials();
const worker = new Worker(new URL('./sim-worker.mjs', import.meta.url), { workerData: { srcFile: await sourceFile(), ...creds } });
const replies = [];
let waiting;
worker.on('message', (m) => (waiting ? (waiting(m), (waiting = undefined)) : replies.push(m)));
const ask = (msg) =>
  new Promise((resolve) => {
    if (msg) worker.postMessage(msg);
    if (replies.length) resolve(replies.shift());
    else waiting = resolve;
  });
await ask(); // ready

function rawSample(url) {
  return new Promise((resolve, reject) => {
    const req = http.get(`${url}/api/v3/time`, { agent: false }, (res) => {
      const localReceivedMs = Date.now();
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ localSentMs, localReceivedMs, serverTimeMs: JSON.parse(body).serverTime }));
    });
    let localSentMs = Date.now();
    // Stamp when the request is on the wire, not when it was queued behind a connect.
    req.on('socket', (s) => s.once('connect', () => (localSentMs = Date.now())));
    req.on('error', reject);
  });
}

const results = [];
for (const [profile, label] of PROFILES) {
  const rows = [];
  for (let t = 0; t < opts.trials; t++) {
    const offsetMs = OFFSETS_MS[t % OFFSETS_MS.length] + Math.round(Math.random() * 1000 - 500);
    const truth = -offsetMs;
    const { url } = await ask({ start: { offsetMs, profile } });
    const env = { MEXC_API_KEY: creds.apiKey, MEXC_SECRET_KEY: creds.secret };
    const session = createSession({ baseUrl: url, timeoutMs: 10_000, recvWindowMs: 5000, verbose: false, env, now: () => Date.now(), platform: process.platform });
    const report = await session.runAll();
    session.close();
    if (!report.clock) throw new Error(`no clock estimate: ${JSON.stringify(report.steps.find((s) => s.id === 'clock'))}`);
    const raw = estimateClock(await Promise.all([0, 1, 2, 3].map(() => rawSample(url))));
    const client = new MexcClient({ baseUrl: url, now: () => Date.now() });
    const obs = await client.publicGet('/api/v3/time');
    client.close();
    const naive = naiveLocalAheadMs({ localSentMs: obs.sentAtMs, localReceivedMs: obs.receivedAtMs, serverTimeMs: Number(obs.json.serverTime) });
    rows.push({ offsetMs, truth, session: report.clock.localAheadMs, sessionRttMs: report.clock.rttMs, raw: raw.localAheadMs, rawRttMs: raw.rttMs, naive });
    await ask({ stop: true });
  }
  const summary = (est, rtt) => {
    const err = rows.map((r) => Math.abs(r[est] - r.truth));
    return {
      median: median(err),
      p90: quantile(err, 0.9),
      max: Math.max(...err),
      medianRtt: median(rows.map((r) => r[rtt])),
      // +1 ms: both clocks are read in whole milliseconds.
      withinHalfRtt: rows.filter((r) => Math.abs(r[est] - r.truth) <= r[rtt] / 2 + 1).length,
      worstRatio: Math.max(...rows.map((r) => Math.abs(r[est] - r.truth) / Math.max(1, r[rtt] / 2))),
    };
  };
  const naiveErr = rows.map((r) => Math.abs(r.naive - r.truth));
  results.push({ profile: label, session: summary('session', 'sessionRttMs'), raw: summary('raw', 'rawRttMs'), naive: { median: median(naiveErr), max: Math.max(...naiveErr) }, rows });
}
await worker.terminate();

console.log(`### Clock estimate (${context()}; ${opts.trials} trials per profile; offsets ±3 s and ±30 s with ±0.5 s jitter)\n`);
console.log('|\\|err\\| in ms | session median | session max | session RTT (median) | session within RTT/2 | raw estimateClock median | raw max | raw within RTT/2 | naive median | naive max |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of results) {
  const s = r.session;
  const w = r.raw;
  console.log(`| ${r.profile} | ${fmt(s.median, 1)} | ${fmt(s.max, 0)} | ${fmt(s.medianRtt, 0)} | ${s.withinHalfRtt}/${r.rows.length} (worst ${fmt(s.worstRatio, 2)}×) | ${fmt(w.median, 1)} | ${fmt(w.max, 0)} | ${w.withinHalfRtt}/${r.rows.length} | ${fmt(r.naive.median, 1)} | ${fmt(r.naive.max, 0)} |`);
}
const sym = results[0];
const bound = (k) => results.every((r) => r[k].withinHalfRtt === r.rows.length);
console.log(
  `\nTargets: session |err| ≤ RTT/2 in every trial: ${bound('session') ? 'met' : '**missed**'} (raw estimator: ${bound('raw') ? 'met' : 'missed'}); ` +
    `symmetric 50 ms: session max |err| ${fmt(sym.session.max, 0)} ms, raw ${fmt(sym.raw.max, 0)} ms (target ≤ 5 ms): ${sym.session.max <= 5 ? 'met' : '**missed**'}.`,
);
writeJson(opts.json, { context: context(), results });
