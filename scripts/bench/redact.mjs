// Secret redaction speed (issue #11): a 32-character and a 10 KB secret, 256 KB of text.
//
//   node scripts/bench/redact.mjs [--runs 15] [--json out.json]
//
// In process: building the redactor (every form's 8-grams indexed) and one redact() pass over
// 256 KB of text with no piece of the secret, and with ten pieces of it. End to end: `explain -`
// on 256 KB of stdin with the 10 KB secret in MEXC_SECRET_KEY, against the same run without a
// secret (the difference is what redaction costs a user).
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { BIN, NODE, ROOT, cleanEnv, context, flags, fmt, median, requireBuild, timeRun, writeJson } from './lib.mjs';

const opts = flags({ runs: 15, json: '' });
requireBuild();

const { build } = await import(pathToFileURL(path.join(ROOT, 'node_modules/esbuild/lib/main.js')).href);
const outfile = path.join(mkdtempSync(path.join(os.tmpdir(), 'mexc-bench-redact-')), 'redactor.mjs');
await build({ absWorkingDir: ROOT, entryPoints: ['src/core/secret-redactor.ts'], bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'warning' });
const { SecretRedactor } = await import(pathToFileURL(outfile).href);

// mulberry32: a linear congruential generator's low bits repeat within a few KB, which would
// plant pieces of the secret in the text by accident.
let seed = 42;
const next = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const random = (n, alphabet) => {
  let out = '';
  while (out.length < n) out += alphabet[Math.floor(next() * alphabet.length)];
  return out;
};
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const secrets = { '32-char hex': random(32, '0123456789abcdef'), '10 KB': random(10_240, B64) };
// Log-like text: words, numbers, JSON, hex signatures; nothing taken from the secret.
const line = () => `2026-11-24 12:00:01 DEBUG GET /api/v3/account?timestamp=1700000000000&signature=${random(64, '0123456789abcdef')} {"code":700002,"msg":"${random(40, B64)}"}\n`;
let text = '';
while (text.length < 256 * 1024) text += line();
text = text.slice(0, 256 * 1024);

function time(fn) {
  const samples = [];
  for (let i = 0; i < opts.runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

const rows = [];
for (const [name, secret] of Object.entries(secrets)) {
  const buildMs = time(() => new SecretRedactor([secret]));
  const r = new SecretRedactor([secret]);
  const withPieces = Array.from({ length: 10 }, (_, i) => text.slice(i * 25_000, i * 25_000 + 24_000) + secret.slice(i, i + 20)).join('');
  const cleanMs = time(() => r.redact(text));
  const piecesMs = time(() => r.redact(withPieces));
  rows.push({ secret: name, buildMs, cleanMs, piecesMs, masked: (r.redact(withPieces).match(/\[REDACTED\]/g) ?? []).length });
}

// End to end: explain of 256 KB from stdin, with and without the 10 KB secret.
const cwd = mkdtempSync(path.join(os.tmpdir(), 'mexc-bench-redact-cwd-'));
const paste = `${text.slice(0, 200_000)}{"code":700002,"msg":"Signature for this request is not valid."}\n${text.slice(200_000)}`;
const e2e = {};
for (const [label, env] of [['no secret', cleanEnv()], ['10 KB secret', cleanEnv({ MEXC_SECRET_KEY: secrets['10 KB'] })]]) {
  const samples = [];
  for (let i = 0; i < Math.max(5, Math.floor(opts.runs / 2)); i++) samples.push((await timeRun(NODE, [BIN, 'explain', '-'], { env, cwd, input: paste })).ms);
  e2e[label] = median(samples);
}

const target = 50;
console.log(`### Secret redaction (${context()}; ${opts.runs} runs, medians)\n`);
console.log('| secret | build the redactor ms | redact 256 KB, no piece ms | redact 256 KB with 10 pieces ms | pieces masked | target |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.secret} | ${fmt(r.buildMs, 1)} | ${fmt(r.cleanMs, 1)} | ${fmt(r.piecesMs, 1)} | ${r.masked}/10 | each ≤ ${target} ms |`);
console.log('');
console.log('| `explain -` on 256 KB of stdin | wall ms |');
console.log('|---|---:|');
for (const [label, ms] of Object.entries(e2e)) console.log(`| ${label} | ${fmt(ms)} |`);
const worst = Math.max(...rows.flatMap((r) => [r.buildMs, r.cleanMs, r.piecesMs]));
console.log(`\nTarget: building and each pass ≤ ${target} ms with a 10 KB secret and 256 KB of text: ${worst <= target ? 'met' : 'missed'} (worst ${fmt(worst, 1)} ms).`);
writeJson(opts.json, { rows, e2e });
