// Start-up of the non-interactive paths against bare Node, measured side by side (interleaved
// runs, one process at a time) and reported as medians and ratios of medians.
//
//   node scripts/bench/startup.mjs [--runs 21] [--json out.json] [--against OTHER/bin/mexc-wizard.js]
//
// --version / --help: spawn → exit, against `node -e 0` (spawn → exit).
// check: spawn → the first HTTP request reaching a local server, against a bare
//   `node -e "require('node:http').get(url)"` (spawn → its request reaching the same server).
//   That is everything check does before it can talk to MEXC: launcher, bundle, argument
//   parsing, credential lint, got, the session. The server answers at once; the run is awaited
//   so runs never overlap.
// Also lists which bundle chunks each command loads (module hooks), to prove Ink stays out.
// --against: another build's launcher (e.g. a `git worktree` of an older commit, built), run
//   interleaved with this one, so a change is compared with its parent under the same load.
import { createServer } from 'node:http';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { BIN, NODE, cleanEnv, context, flags, fmt, median, requireBuild, tempDir, timeRun, writeJson } from './lib.mjs';

const opts = flags({ runs: 21, warmup: 3, json: '', against: '' });
requireBuild();

/** A local server that notes when each request arrives and answers `{}` at once. */
async function firstRequestServer() {
  const arrivals = [];
  const server = createServer((req, res) => {
    arrivals.push(performance.now());
    req.resume();
    const body = req.url?.startsWith('/api/v3/time') ? JSON.stringify({ serverTime: Date.now() }) : '{}';
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${server.address().port}`;
  return {
    url,
    /** Runs the command and returns spawn → first request (ms). */
    async timeToFirstRequest(cmd, args, env) {
      arrivals.length = 0;
      const run = await timeRun(cmd, args, { env });
      if (arrivals.length === 0) throw new Error(`${args.join(' ')} sent no request (exit ${run.code}): ${run.stderr.slice(0, 300)}`);
      return { ms: arrivals[0] - run.startedAt, total: run.ms };
    },
    close: () => new Promise((r) => server.close(r)),
  };
}

const server = await firstRequestServer();
const creds = { MEXC_API_KEY: 'mx0vglBenchKey0000', MEXC_SECRET_KEY: '0123456789abcdef0123456789abcdef' };
const cwd = tempDir();
const checkEnv = cleanEnv(creds);

const variants = {
  'node -e 0': () => timeRun(NODE, ['-e', '0'], { cwd }),
  '--version': () => timeRun(NODE, [BIN, '--version'], { cwd }),
  '--help': () => timeRun(NODE, [BIN, '--help'], { cwd }),
  'node http.get': () =>
    server.timeToFirstRequest(NODE, ['-e', `require('node:http').get(${JSON.stringify(`${server.url}/api/v3/ping`)}, (r) => r.resume()).on('error', () => {})`], checkEnv),
  'check → 1st request': () => server.timeToFirstRequest(NODE, [BIN, 'check', '--base-url', server.url], checkEnv),
  ...(opts.against
    ? {
        'against --version': () => timeRun(NODE, [opts.against, '--version'], { cwd }),
        'against check → 1st request': () => server.timeToFirstRequest(NODE, [opts.against, 'check', '--base-url', server.url], checkEnv),
      }
    : {}),
};

const samples = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
for (let i = 0; i < opts.warmup + opts.runs; i++) {
  for (const [name, run] of Object.entries(variants)) {
    const { ms } = await run();
    if (i >= opts.warmup) samples[name].push(ms);
  }
}
await server.close();

// Which chunks each path loads (separate runs: the hooks add their own cost).
function loadedChunks(args, env) {
  const trace = path.join(cwd, `trace-${Math.random().toString(36).slice(2)}.txt`);
  return timeRun(NODE, ['--import', new URL('./trace-register.mjs', import.meta.url).href, BIN, ...args], { env: { ...env, MEXC_TRACE_FILE: trace }, cwd }).then(() => {
    let urls = [];
    try {
      urls = readFileSync(trace, 'utf8').split('\n').filter((u) => u.includes('/dist/'));
    } catch {}
    const files = [...new Set(urls)].map((u) => new URL(u).pathname);
    const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
    const text = files.map((f) => readFileSync(f, 'utf8')).join('\n');
    // Ink's bundle carries yoga's WASM loader and React's element symbol; neither belongs here.
    const ink = /yoga|react\.transitional\.element|react\.element/i.test(text);
    return { files: files.map((f) => path.basename(f)), bytes, ink };
  });
}
const traceServer = await firstRequestServer();
const chunks = {
  '--version': await loadedChunks(['--version'], cleanEnv()),
  '--help': await loadedChunks(['--help'], cleanEnv()),
  check: await loadedChunks(['check', '--base-url', traceServer.url], checkEnv),
};
await traceServer.close();

const med = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)]));
const rows = [
  ['`--version` (spawn → exit)', med['--version'], med['node -e 0'], 'node -e 0'],
  ['`--help` (spawn → exit)', med['--help'], med['node -e 0'], 'node -e 0'],
  ['`check` (spawn → 1st request)', med['check → 1st request'], med['node http.get'], 'node http.get'],
  ['`check` (spawn → 1st request)', med['check → 1st request'], med['node -e 0'], 'node -e 0 (exit)'],
  ...(opts.against
    ? [
        ['`--version` (spawn → exit)', med['--version'], med['against --version'], `--version of ${opts.against}`],
        ['`check` (spawn → 1st request)', med['check → 1st request'], med['against check → 1st request'], `check of ${opts.against}`],
      ]
    : []),
];

console.log(`### Start-up (${context()}; ${opts.runs} interleaved runs each, medians)\n`);
console.log('| path | median ms | baseline | baseline median ms | ratio | target |');
console.log('|---|---:|---|---:|---:|---:|');
for (const [name, ms, base, baseName] of rows) console.log(`| ${name} | ${fmt(ms, 1)} | ${baseName} | ${fmt(base, 1)} | ${fmt(ms / base, 2)}× | ≤ 1.30× |`);
console.log('\nChunks loaded (module hooks):\n');
for (const [name, c] of Object.entries(chunks)) console.log(`- ${name}: ${c.files.length} files, ${fmt(c.bytes / 1024, 1)} KB, Ink/React loaded: ${c.ink ? '**yes**' : 'no'}`);

writeJson(opts.json, { context: context(), runs: opts.runs, samples, medians: med, chunks });
