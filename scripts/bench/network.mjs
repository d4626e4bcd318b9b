// `check`'s network path: the simulator adds a fixed latency to every response; how long does
// check take beyond start-up, and how many sequential round trips is that?
//
//   node scripts/bench/network.mjs [--runs 9] [--latency 100] [--json out.json]
//
// The simulator runs in this process (scenario ok, its own demo credentials). For each run:
//   start-up      = spawn → first request arriving at the simulator
//   network path  = first request arriving → process exit
// Round trips are counted from the arrival times: a request that arrives more than half the
// latency after the previous wave started opens a new wave. Target: network path ≤ 4 × latency.
import { performance } from 'node:perf_hooks';
import { BIN, NODE, cleanEnv, context, flags, fmt, loadSource, median, requireBuild, timeRun, writeJson } from './lib.mjs';

const opts = flags({ runs: 9, warmup: 2, latency: 100, json: '' });
requireBuild();
const { startSimulator, generateDemoCredentials } = await loadSource();

const creds = generateDemoCredentials();
let arrivals = [];
const sim = await startSimulator({
  port: 0,
  apiKey: creds.apiKey,
  secret: creds.secret,
  scenario: 'ok',
  latencyMs: opts.latency,
  delayMs: (req) => {
    arrivals.push({ at: performance.now(), path: req.path });
    return { beforeHandleMs: 0, beforeSendMs: 0 };
  },
});
const env = cleanEnv({ MEXC_API_KEY: creds.apiKey, MEXC_SECRET_KEY: creds.secret });

function waves(list) {
  const out = [];
  for (const a of list) {
    const last = out[out.length - 1];
    if (!last || a.at - last.start > opts.latency / 2) out.push({ start: a.at, paths: [a.path] });
    else last.paths.push(a.path);
  }
  return out;
}

const rows = [];
for (let i = 0; i < opts.warmup + opts.runs; i++) {
  arrivals = [];
  const run = await timeRun(NODE, [BIN, 'check', '--json', '--base-url', sim.url], { env });
  if (run.code !== 0) throw new Error(`check exited ${run.code}: ${run.stderr.slice(0, 400)}${run.stdout.slice(0, 400)}`);
  const startupMs = arrivals[0].at - run.startedAt;
  const exitAt = run.startedAt + run.ms;
  if (i >= opts.warmup) rows.push({ startupMs, networkMs: exitAt - arrivals[0].at, totalMs: run.ms, waves: waves(arrivals), requests: arrivals.length });
}
await sim.close();

const net = median(rows.map((r) => r.networkMs));
const target = 4 * opts.latency;
const w = rows[rows.length - 1].waves;
console.log(`### check network path (${context()}; simulator latency ${opts.latency} ms; ${opts.runs} runs, medians)\n`);
console.log('| measure | median ms | target |');
console.log('|---|---:|---:|');
console.log(`| start-up (spawn → 1st request) | ${fmt(median(rows.map((r) => r.startupMs)), 1)} | |`);
console.log(`| network path (1st request → exit) | ${fmt(net, 1)} | ≤ ${target} (${fmt(net / opts.latency, 2)} × latency) |`);
console.log(`| total (spawn → exit) | ${fmt(median(rows.map((r) => r.totalMs)), 1)} | |`);
console.log(`\nRequests per run: ${rows[0].requests}, in ${w.length} sequential waves (last run):`);
for (const [i, wave] of w.entries()) console.log(`${i + 1}. +${fmt(wave.start - w[0].start, 0)} ms: ${wave.paths.join(', ')}`);
writeJson(opts.json, { context: context(), latencyMs: opts.latency, rows });
