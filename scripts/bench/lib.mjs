// Shared helpers for the benchmarks in scripts/bench/. Plain Node (no TypeScript, no vitest), so
// anyone can re-run them with `node scripts/bench/<name>.mjs` after `npm run build`.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The launcher the user runs; MEXC_WIZARD_BIN points elsewhere (e.g. a build in another folder). */
export const BIN = process.env.MEXC_WIZARD_BIN ?? path.join(ROOT, 'bin/mexc-wizard.js');
export const NODE = process.execPath;

/** Fails with a clear sentence when dist/ is missing. */
export function requireBuild() {
  const cli = path.join(path.dirname(BIN), '../dist/cli.js');
  if (!existsSync(cli)) {
    console.error(`No build at ${path.relative(process.cwd(), cli)}: run "npm run build" first.`);
    process.exit(1);
  }
}

/** Whether the Ink wizard has landed in src/ui (until then its benchmarks are reported as pending). */
export function wizardSourcePresent() {
  return ['src/ui/index.ts', 'src/ui/index.tsx'].some((f) => existsSync(path.join(ROOT, f)));
}

export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export function quantile(values, q) {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}

export const fmt = (n, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');

/** Parses `--runs 15 --json` style flags. */
export function flags(defaults) {
  const out = { ...defaults };
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) continue;
    const name = a.slice(2);
    const def = defaults[name];
    if (typeof def === 'boolean') out[name] = true;
    else out[name] = typeof def === 'number' ? Number(argv[++i]) : argv[++i];
  }
  return out;
}

/** A clean environment for the CLI: no CI (it changes modes), no credentials, no colour. */
export function cleanEnv(extra = {}) {
  const env = { ...process.env };
  for (const name of ['CI', 'CONTINUOUS_INTEGRATION', 'MEXC_API_KEY', 'MEXC_SECRET_KEY', 'MEXC_API_SECRET', 'MEXC_SECRET', 'MEXC_BASE_URL', 'NODE_OPTIONS', 'HTTPS_PROXY', 'HTTP_PROXY', 'https_proxy', 'http_proxy']) delete env[name];
  return { ...env, NO_COLOR: '1', ...extra };
}

/** Runs a command to completion; resolves with wall time from spawn to exit (ms) and output. */
export function timeRun(cmd, args, { env = cleanEnv(), cwd = os.tmpdir(), input } = {}) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { env, cwd, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    if (input !== undefined) child.stdin.end(input);
    child.on('error', reject);
    child.on('close', (code) => resolve({ ms: performance.now() - t0, code, stdout, stderr, startedAt: t0 }));
  });
}

const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78]/g;
export const stripAnsi = (s) => s.replace(ANSI, '');

/**
 * A pseudo-terminal session through util-linux `script`: spawn time, the screen text so far
 * (ANSI stripped), waitFor(regex) → ms since spawn, write(keys), kill().
 */
export function startPty(commandLine, { env = cleanEnv(), cwd = os.tmpdir(), cols = 100, rows = 30 } = {}) {
  const t0 = performance.now();
  const wrapped = `stty cols ${cols} rows ${rows} 2>/dev/null; exec ${commandLine}`;
  const child = spawn('script', ['-q', '-e', '-c', wrapped, '/dev/null'], { env: { ...env, TERM: 'xterm-256color' }, cwd, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
  let raw = '';
  const waiters = new Set();
  const check = () => {
    const text = stripAnsi(raw);
    for (const w of [...waiters]) {
      if (w.regex.test(text.slice(w.from))) {
        waiters.delete(w);
        clearTimeout(w.timer);
        w.resolve(performance.now() - t0);
      }
    }
  };
  child.stdout.on('data', (chunk) => {
    raw += chunk.toString('utf8');
    check();
  });
  child.stdin.on('error', () => {});
  child.on('error', () => {});
  const closed = new Promise((r) => child.once('close', r));
  return {
    child,
    startedAt: t0,
    screen: () => stripAnsi(raw),
    /** Resolves with ms since spawn once `regex` matches text that appeared after `from` chars. */
    waitFor(regex, { timeoutMs = 15_000, from = 0 } = {}) {
      return new Promise((resolve, reject) => {
        const w = { regex, from, resolve };
        w.timer = setTimeout(() => {
          waiters.delete(w);
          reject(new Error(`no ${regex} on screen within ${timeoutMs} ms; screen ends: ${JSON.stringify(stripAnsi(raw).slice(-500))}`));
        }, timeoutMs);
        waiters.add(w);
        check();
      });
    },
    write: (text) => child.stdin.write(text),
    async kill() {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
      if (child.exitCode === null && child.signalCode === null) await closed;
    },
  };
}

/** Spawn → first match of `marker` on the pty screen (ms); the process is killed afterwards. */
export async function ptyTimeToText(commandLine, { marker = /\S/, timeoutMs = 15_000, ...rest } = {}) {
  const pty = startPty(commandLine, rest);
  try {
    return await pty.waitFor(marker, { timeoutMs });
  } finally {
    await pty.kill();
  }
}

/** Descendant pids of `pid` (depth first), from /proc. */
export function descendants(pid) {
  const out = [];
  const walk = (p) => {
    let kids = [];
    try {
      for (const task of readdirSync(`/proc/${p}/task`)) {
        kids.push(...readFileSync(`/proc/${p}/task/${task}/children`, 'utf8').split(' ').filter(Boolean).map(Number));
      }
    } catch {}
    for (const k of kids) {
      out.push(k);
      walk(k);
    }
  };
  walk(pid);
  return out;
}

/** Peak resident set (kB) of a live process, from /proc/PID/status VmHWM. */
export function vmHwmKb(pid) {
  const m = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : NaN;
}

export function commandOf(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    return [];
  }
}

let srcModule;
let srcPath;
/**
 * The simulator, session and clock estimator from src/, bundled on the fly with esbuild (a
 * devDependency) so this plain-Node script uses the real TypeScript code, not a copy.
 */
export async function loadSource() {
  if (srcModule) return srcModule;
  srcModule = await import(pathToFileURL(await sourceFile()).href);
  return srcModule;
}

/** Path of the bundled source module (for worker threads). */
export async function sourceFile() {
  if (srcPath) return srcPath;
  // A pre-built module with the same exports (e.g. to compare a patched client).
  if (process.env.MEXC_BENCH_SRC) return (srcPath = path.resolve(process.env.MEXC_BENCH_SRC));
  const { build } = await import(pathToFileURL(path.join(ROOT, 'node_modules/esbuild/lib/main.js')).href);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mexc-bench-src-'));
  const outfile = path.join(dir, 'src.mjs');
  await build({
    absWorkingDir: ROOT,
    stdin: {
      contents: [
        "export { startSimulator, generateDemoCredentials, terminalLine, jsonLine } from './src/sim/server.ts';",
        "export { createSession } from './src/steps/session.ts';",
        "export { MexcClient } from './src/core/client.ts';",
        "export { estimateClock, naiveLocalAheadMs } from './src/core/clock.ts';",
      ].join('\n'),
      resolveDir: ROOT,
      loader: 'ts',
      sourcefile: 'bench-entry.ts',
    },
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    define: { __MEXC_WIZARD_VERSION__: '"bench"' },
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'error',
  });
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  srcPath = outfile;
  return srcPath;
}

export function tempDir(prefix = 'mexc-bench-') {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Header line for a result block: what ran, where, when. */
export function context() {
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {}
  const cpu = os.cpus()[0]?.model?.trim() ?? 'cpu';
  const load = os.loadavg()[0].toFixed(1);
  return `${new Date().toISOString().slice(0, 10)} · Node ${process.versions.node} · ${os.cpus().length} × ${cpu} · ${os.platform()} · load ${load} · commit ${commit}`;
}

export function writeJson(file, data) {
  if (file) writeFileSync(file, JSON.stringify(data, null, 2));
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
