/**
 * The secret never leaves memory (issue #11). The ten canary shapes of canaries.ts, plus a hex
 * and a non-hex canary through damaged and aliased credentials and several simulator scenarios,
 * go through every command and mode of the BUILT CLI without a terminal: check (text, --json,
 * --verbose), explain, sign, inspect (also unparseable input), a usage error that echoes an
 * argument, sim, and the no-terminal fallback, with the secret in the environment or only in
 * ./.env. Every byte written (stdout, stderr, every file created in the working folder) is
 * searched for the canary, any 8-character piece of it and its encodings (canaries.ts).
 * The wizard, --plain and the masked prompts in a terminal are in leak-terminal.test.ts.
 */
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSim, type ScenarioName } from '../../src/sim/server.js';
import { BIN, ensureBuilt, killAll, runCli, userEnv } from '../support/cli.js';
import { CANARIES, cleaned, dotenvLine, filesIn, KEY as CANARY_KEY, leaks, newFiles } from './canaries.js';

const HEX = 'deadbeefcafe0123456789abcdef0042';
/** Not hex: '+', '/', '=' and '~' change under URL-encoding; a real secret of another shape. */
const TEXT = 'Kx7+Leak/Canary=Secret~42qZ';
const KEY = CANARY_KEY;

const hmac = (secret: string, text: string) => createHmac('sha256', secret).update(text).digest('hex');

let root = '';
const sims = new Map<string, RunningSim>();
const simFor = (canary: string, scenario: ScenarioName) => sims.get(`${canary}|${scenario}`)!.url;

/** A fresh working folder per run, so "files created" means files this run created. */
function workdir(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(root, 'cwd-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

const SCENARIOS: ScenarioName[] = ['ok', 'signature-invalid', 'clock-ahead', 'key-invalid', 'ip-not-whitelisted', 'permission-denied'];

beforeAll(async () => {
  await ensureBuilt();
  root = mkdtempSync(path.join(os.tmpdir(), 'mexc-leak-'));
  for (const canary of [HEX, TEXT]) {
    for (const scenario of canary === HEX ? SCENARIOS : (['ok', 'signature-invalid'] as ScenarioName[])) {
      sims.set(`${canary}|${scenario}`, await startSimulator({ port: 0, apiKey: KEY, secret: canary, scenario }));
    }
  }
  // One simulator per shape, holding the secret as the credentials step signs with it.
  for (const canary of Object.values(CANARIES)) sims.set(`${canary}|ok`, await startSimulator({ port: 0, apiKey: KEY, secret: cleaned(canary), scenario: 'ok' }));
}, 30_000);

afterAll(async () => {
  killAll();
  await Promise.all([...sims.values()].map((s) => s.close()));
  rmSync(root, { recursive: true, force: true });
});

interface LeakCase {
  name: string;
  /** Text the output must show: proof the secret came from where the case put it. */
  shows?: RegExp;
  canary: string;
  args: () => string[];
  env?: () => Record<string, string>;
  files?: () => Record<string, string>;
  input?: () => string;
  /** Exit code that proves the secret was really used (a signed call the server accepted). */
  exit?: number;
}

const creds = (canary: string) => ({ MEXC_API_KEY: KEY, MEXC_SECRET_KEY: canary });

function checkCases(): LeakCase[] {
  const cases: LeakCase[] = [];
  for (const canary of [HEX, TEXT]) {
    const label = canary === HEX ? 'hex' : 'non-hex';
    const scenarios = canary === HEX ? SCENARIOS : (['ok', 'signature-invalid'] as ScenarioName[]);
    for (const scenario of scenarios) {
      const full = scenario === 'ok' || scenario === 'signature-invalid';
      const modes = canary === HEX && full ? [[], ['--json'], ['--verbose'], ['--json', '--verbose']] : [['--verbose'], ['--json', '--verbose']];
      for (const mode of modes) {
        cases.push({
          name: `check ${mode.join(' ') || '(text)'} · ${scenario} · ${label}`,
          canary,
          args: () => ['check', ...mode, '--base-url', simFor(canary, scenario)],
          env: () => creds(canary),
          ...(scenario === 'ok' && canary === HEX ? { exit: 0 } : {}),
        });
      }
    }
  }
  const ok = () => simFor(HEX, 'ok');
  const damaged: Array<[string, string]> = [
    ['padded with spaces', `  ${HEX}  `],
    ['in double quotes', `"${HEX}"`],
    ['in single quotes', `'${HEX}'`],
    ['with a trailing newline', `${HEX}\n`],
    ['with a Windows line ending', `${HEX}\r\n`],
    ['with a zero-width space', `${HEX.slice(0, 10)}\u200b${HEX.slice(10)}`],
    ['in upper case', HEX.toUpperCase()],
    ['cut short', HEX.slice(0, 28)],
  ];
  for (const [how, value] of damaged) {
    cases.push({ name: `check --verbose · secret ${how}`, canary: HEX, args: () => ['check', '--verbose', '--base-url', ok()], env: () => ({ MEXC_API_KEY: KEY, MEXC_SECRET_KEY: value }) });
  }
  cases.push(
    { name: 'check --json --verbose · key and secret swapped', canary: HEX, args: () => ['check', '--json', '--verbose', '--base-url', ok()], env: () => ({ MEXC_API_KEY: HEX, MEXC_SECRET_KEY: KEY }) },
    { name: 'check --verbose · secret in MEXC_API_SECRET', canary: HEX, args: () => ['check', '--verbose', '--base-url', ok()], env: () => ({ MEXC_API_KEY: KEY, MEXC_API_SECRET: HEX }) },
    { name: 'check --json · secret in MEXC_SECRET', canary: HEX, args: () => ['check', '--json', '--base-url', ok()], env: () => ({ MEXC_API_KEY: KEY, MEXC_SECRET: HEX }) },
    { name: 'check --verbose · credentials from ./.env', canary: HEX, args: () => ['check', '--verbose', '--base-url', ok()], files: () => ({ '.env': `MEXC_API_KEY=${KEY}\nMEXC_SECRET_KEY="${HEX}"\n` }) },
    { name: 'check --json --verbose · credentials from --env-file', canary: TEXT, args: () => ['check', '--json', '--verbose', '--env-file', 'bot.env', '--base-url', simFor(TEXT, 'ok')], files: () => ({ 'bot.env': `export MEXC_API_KEY=${KEY}\nexport MEXC_SECRET_KEY='${TEXT}'\n` }) },
    { name: 'check · .env with a broken line around the secret', canary: HEX, args: () => ['check', '--verbose', '--base-url', ok()], files: () => ({ '.env': `MEXC_API_KEY=${KEY}\nMEXC_SECRET_KEY=${HEX.slice(0, 16)}\n${HEX.slice(16)}\n` }) },
    { name: 'wizard without a terminal falls back to check', canary: HEX, args: () => ['--base-url', ok(), '--verbose'], env: () => creds(HEX) },
    { name: '--demo without a terminal, user secret in the environment', canary: HEX, args: () => ['--demo', '--json', '--verbose'], env: () => creds(HEX) },
  );
  return cases;
}

/**
 * The ten shapes (canaries.ts) through every command and mode, with the secret in the
 * environment or only in ./.env (the masked prompts are in leak-terminal.test.ts).
 */
function tenShapeCases(): LeakCase[] {
  const cases: LeakCase[] = [];
  const query = 'recvWindow=5000&timestamp=1700000000000';
  for (const [shape, canary] of Object.entries(CANARIES)) {
    const sim = () => simFor(canary, 'ok');
    const paste = `2024-05-01 12:00:01 DEBUG signing with secret=${canary} key=${KEY}\n400 {"code":700002,"msg":"Signature for this request is not valid."}`;
    const signedQuery = `${query}&note=${encodeURIComponent(canary)}`;
    const url = `https://api.mexc.com/api/v3/account?${signedQuery}&signature=${hmac(canary.trim(), signedQuery)}`;
    const sources: Array<[string, Pick<LeakCase, 'env' | 'files'>, RegExp, boolean]> = [
      ['environment', { env: () => creds(canary) }, /environment variable MEXC_SECRET_KEY/, true],
      ['./.env only', { files: () => ({ '.env': `MEXC_API_KEY=${KEY}\n${dotenvLine(canary)}\n` }) }, /MEXC_SECRET_KEY in \.env/, false],
    ];
    for (const [source, where, shows, everyMode] of sources) {
      const label = `${shape} · ${source}`;
      const add = (name: string, c: Omit<LeakCase, 'name' | 'canary'>) => cases.push({ name: `${name} · ${label}`, canary, ...where, ...c });
      add('check --verbose', { args: () => ['check', '--verbose', '--base-url', sim()], shows });

      add('explain (argument)', { args: () => ['explain', paste], shows: /This text contains your secret/ });
      add('sign', { args: () => ['sign', `apiSecret=${encodeURIComponent(canary)}&timestamp=1700000000000`] });
      add('inspect', { args: () => ['inspect', url], shows: /secret-exposed/ });
      add('inspect of code it cannot parse', { args: () => ['inspect', `exchange = ccxt.mexc({'secret': '${canary.slice(0, 27)}'})`], shows: /starts like Python code|No request line/ });
      add('a usage error echoing an argument', { args: () => ['check', '--symbol', `x${canary}y`], shows: /not a MEXC spot symbol/ });
      if (!everyMode) continue;
      // --verbose text is a superset of the plain text output; --json --verbose of --json.
      add('check --json --verbose', { args: () => ['check', '--json', '--verbose', '--base-url', sim()] });
      add('explain --json (stdin)', { args: () => ['explain', '--json', '-'], input: () => paste });
      add('sign --json --body', { args: () => ['sign', '--json', 'symbol=BTCUSDT', '--body', `memo=${canary}&timestamp=1700000000000`] });
      add('inspect --json (curl on stdin)', { args: () => ['inspect', '--json', '-'], input: () => `curl -H 'X-MEXC-APIKEY: ${KEY}' -H $'X-Secret: ${canary.replace(/[\\']/g, '\\$&').replace(/\n/g, '\\n').replace(/\t/g, '\\t').replace(/\u001b/g, '\\e')}' '${url}'` });
    }
  }
  return cases;
}

function otherCommandCases(): LeakCase[] {
  const query = 'symbol=BTCUSDT&recvWindow=5000&timestamp=1700000000000';
  const url = (canary: string) => `https://api.mexc.com/api/v3/account?${query}&signature=${hmac(canary, query)}`;
  const cases: LeakCase[] = [];
  for (const canary of [HEX, TEXT]) {
    const label = canary === HEX ? 'hex' : 'non-hex';
    const env = () => ({ MEXC_SECRET_KEY: canary, MEXC_API_KEY: KEY });
    const paste = `2024-05-01 12:00:01 DEBUG signing with secret=${canary} key=${KEY}\n400 {"code":700002,"msg":"Signature for this request is not valid."}`;
    cases.push(
      { name: `explain (argument with the secret in it) · ${label}`, canary, args: () => ['explain', paste], env },
      { name: `explain --json (stdin with the secret in it) · ${label}`, canary, args: () => ['explain', '--json', '-'], env, input: () => paste },
      { name: `sign · ${label}`, canary, args: () => ['sign', query], env },
      { name: `sign --json --body · ${label}`, canary, args: () => ['sign', '--json', 'symbol=BTCUSDT', '--body', 'quantity=1&timestamp=1700000000000'], env },
      { name: `sign of a query that contains the secret · ${label}`, canary, args: () => ['sign', `apiSecret=${encodeURIComponent(canary)}&timestamp=1700000000000`], env },
      { name: `inspect a valid URL · ${label}`, canary, args: () => ['inspect', url(canary)], env },
      { name: `inspect --json a wrongly signed URL · ${label}`, canary, args: () => ['inspect', '--json', `https://api.mexc.com/api/v3/account?${query}&signature=${'0'.repeat(64)}`], env },
      { name: `inspect a URL that carries the secret · ${label}`, canary, args: () => ['inspect', `https://api.mexc.com/api/v3/account?secretKey=${encodeURIComponent(canary)}&${query}&signature=abc`], env },
      { name: `inspect --json a curl line from stdin with the secret in a header · ${label}`, canary, args: () => ['inspect', '--json', '-'], env, input: () => `curl -H 'X-MEXC-APIKEY: ${KEY}' -H 'X-Secret: ${canary}' '${url(canary)}'` },
    );
  }
  return cases;
}

describe('the leak detector', () => {
  it('finds the canary raw, encoded, in any case, wrapped across lines, in 8-character pieces and inside an OSC 52 copy', () => {
    const osc52 = `\x1b]52;c;${Buffer.from(`report: ${TEXT} end`).toString('base64')}\x07`;
    expect(leaks(TEXT, { a: `x ${TEXT} y` })).not.toEqual([]);
    expect(leaks(TEXT, { a: encodeURIComponent(TEXT) })).not.toEqual([]);
    expect(leaks(HEX, { a: HEX.toUpperCase() })).not.toEqual([]);
    expect(leaks(HEX, { a: `${HEX.slice(0, 20)}\n    ${HEX.slice(20)}` })).not.toEqual([]);
    expect(leaks(HEX, { a: `..${HEX.slice(9, 17)}..` })).not.toEqual([]);
    expect(leaks(TEXT, { a: osc52 })).not.toEqual([]);
    const esc = CANARIES['quotes, backslashes and ESC']!;
    expect(leaks(esc, { a: JSON.stringify({ v: esc }) })).not.toEqual([]);
    expect(leaks(esc, { a: esc.replace(/\u001b/g, '\\x1b') })).not.toEqual([]);
    expect(leaks(HEX, { a: `${HEX.slice(9, 16)} mx0v…345 and a signature 8acb…547a` })).toEqual([]);
  });
});

describe.concurrent('the canary secret never leaves memory: commands without a terminal', () => {
  for (const c of [...tenShapeCases(), ...checkCases(), ...otherCommandCases()]) {
    it(c.name, { timeout: 30_000 }, async () => {
      const cwd = workdir(c.files?.() ?? {});
      const before = filesIn(cwd);
      const r = await runCli(c.args(), { env: c.env?.() ?? {}, cwd, timeoutMs: 25_000, ...(c.input ? { input: c.input() } : {}) });
      expect(r.timedOut).toBe(false);
      expect(r.stdout.length + r.stderr.length, 'the command printed nothing').toBeGreaterThan(0);
      if (c.exit !== undefined) expect(r.code, r.stdout.slice(0, 800)).toBe(c.exit);
      if (c.shows) expect(r.stdout + r.stderr).toMatch(c.shows);
      expect(leaks(c.canary, { stdout: r.stdout, stderr: r.stderr, ...newFiles(cwd, before) })).toEqual([]);
    });
  }

  const simShapes: Array<[string, string]> = [['hex', HEX], ['non-hex', TEXT], ...Object.entries(CANARIES)];
  for (const [shape, canary] of simShapes) {
    it(`sim: banner, request lines, --log file and shutdown with the user's secret · ${shape}`, { timeout: 30_000 }, async () => {
      const cwd = workdir();
      const child = spawn(process.execPath, [BIN, 'sim', '--port', '0', '--log', 'requests.jsonl'], { cwd, env: userEnv(creds(canary)), stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
      child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
      const closed = new Promise<number | null>((r) => child.on('close', (code) => r(code)));
      try {
        const started = Date.now();
        while (!out.includes('Ctrl-C') && Date.now() - started < 15_000) await new Promise((r) => setTimeout(r, 50));
        const base = out.split('\n')[0]!;
        expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
        const query = `timestamp=${Date.now()}&recvWindow=60000`;
        const get = (p: string, headers: Record<string, string> = {}) =>
          new Promise<void>((resolve) => request(`${base}${p}`, { headers, agent: false }, (res) => (res.resume(), res.on('end', () => resolve()))).on('error', () => resolve()).end());
        await get(`/api/v3/account?${query}&signature=${hmac(canary, query)}`, { 'X-MEXC-APIKEY': KEY });
        await get(`/api/v3/account?${query}&signature=bad`, { 'X-MEXC-APIKEY': KEY });
        await get(`/api/v3/${encodeURIComponent(canary)}?secret=${encodeURIComponent(canary)}`);
        await get(`/api/v3/ping?apiSecret=${encodeURIComponent(canary)}`);
        await new Promise((r) => setTimeout(r, 200));
      } finally {
        child.kill('SIGINT');
      }
      await closed;
      expect(out).toContain('Simulator stopped.');
      expect(out).toContain('secret from MEXC_SECRET_KEY (not shown)');
      const files = newFiles(cwd, new Set());
      expect(files['file requests.jsonl']?.split('\n').length, 'the request log was written').toBeGreaterThan(3);
      expect(leaks(canary, { stdout: out, stderr: err, ...files })).toEqual([]);
    });
  }

  it('sim: only the secret is set (demo credentials are used instead)', { timeout: 20_000 }, async () => {
    const cwd = workdir();
    const child = spawn(process.execPath, [BIN, 'sim', '--port', '0'], { cwd, env: userEnv({ MEXC_SECRET_KEY: HEX }), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    const closed = new Promise((r) => child.on('close', r));
    const started = Date.now();
    while (!out.includes('Ctrl-C') && Date.now() - started < 15_000) await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGINT');
    await closed;
    expect(out).toContain('Only MEXC_SECRET_KEY is set');
    expect(leaks(HEX, { stdout: out })).toEqual([]);
  });
});

