/**
 * Issue #13: the commands a fix names start the way the user started the tool, and they run.
 * Each way of starting mexc-wizard (from the clone with node, relative and absolute, npm start,
 * a global install, a project's dependency through npx, npx from its cache) runs `check`
 * against the simulator on 127.0.0.1; the command printed in the first fix ("Save, then run: …")
 * is then run as printed, by a shell, in the same folder: it must be mexc-wizard's check again.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSim } from '../../src/sim/server.js';
import { BIN, ensureBuilt, ROOT, userEnv } from '../support/cli.js';

const run = promisify(execFile);
const KEY = 'mx0aBYs33eIilxBWC5';
const SECRET = '45d0b3c26f2644f19bfb98b07741b2f5';
const posixOnly = process.platform === 'win32' ? it.skip : it;

let sim: RunningSim;
let tmp = '';
let tarball = '';

/** A user's shell: the node running the tests first on PATH, npm kept quiet and offline. */
function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { PATH: before, ...rest } = extra;
  // `before` goes in front of the user's PATH, never instead of it (sh and npm live there).
  const e = userEnv({ MEXC_API_KEY: KEY, MEXC_SECRET_KEY: SECRET, MEXC_BASE_URL: sim.url, ...rest });
  e.PATH = `${before ? `${before}${path.delimiter}` : ''}${path.dirname(process.execPath)}${path.delimiter}${e.PATH ?? ''}`;
  e.npm_config_cache = path.join(tmp, 'npm-cache');
  e.npm_config_update_notifier = 'false';
  e.npm_config_fund = 'false';
  e.npm_config_audit = 'false';
  e.npm_config_offline = 'true';
  return e;
}

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

function spawnRun(command: string, args: string[], cwd: string, environment: NodeJS.ProcessEnv): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: environment, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** The command the first fix of the permission problem prints ("3. Save, then run: <command>"). */
function printedCommand(r: Ran): string {
  const line = r.stdout.split('\n').find((l) => /^3\. Save, then run: /.test(l));
  if (!line) throw new Error(`no "Save, then run" line in:\n${r.stdout}\n${r.stderr}`);
  return line.replace(/^3\. Save, then run: /, '');
}

/** Runs the printed command as a user pasting it would: by a shell, in the same folder. */
async function runsAsPrinted(command: string, cwd: string, environment: NodeJS.ProcessEnv): Promise<void> {
  const again = await spawnRun('sh', ['-c', command], cwd, environment);
  expect(again.stdout, again.stderr).toMatch(/^mexc-wizard check · http:\/\/127\.0\.0\.1:\d+ · key mx0a…WC5\n✗ 1 problem: The key lacks permission for this request$/m);
  expect(again.code).toBe(1);
  // The command it prints in turn is the same one: the round trip is stable.
  expect(printedCommand(again)).toBe(command);
}

beforeAll(async () => {
  await ensureBuilt();
  sim = await startSimulator({ port: 0, apiKey: KEY, secret: SECRET, scenario: 'permission-denied' });
  tmp = mkdtempSync(path.join(os.tmpdir(), 'mexc-invocation-'));
  const { stdout } = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', tmp], { cwd: ROOT, env: env() });
  tarball = path.join(tmp, (JSON.parse(stdout) as Array<{ filename: string }>)[0]!.filename);
}, 120_000);

afterAll(async () => {
  await sim?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('fixes name the tool the way it was started, and the command runs', () => {
  posixOnly('node bin/mexc-wizard.js from the clone: "node bin/mexc-wizard.js check"', { timeout: 60_000 }, async () => {
    const r = await spawnRun(process.execPath, ['bin/mexc-wizard.js', 'check'], ROOT, env());
    expect(printedCommand(r)).toBe('node bin/mexc-wizard.js check');
    expect(r.stdout).toMatch(/^1 problem found\. After a fix, run node bin\/mexc-wizard\.js check again\.$/m);
    await runsAsPrinted('node bin/mexc-wizard.js check', ROOT, env());
  });

  posixOnly('node /abs/path/bin/mexc-wizard.js from another folder: the absolute path', { timeout: 60_000 }, async () => {
    const elsewhere = mkdtempSync(path.join(tmp, 'bot-'));
    const r = await spawnRun(process.execPath, [BIN, 'check'], elsewhere, env());
    const command = printedCommand(r);
    expect(command).toBe(`node ${BIN} check`);
    await runsAsPrinted(command, elsewhere, env());
  });

  posixOnly('npm start from the clone: "npm start --silent -- check"', { timeout: 90_000 }, async () => {
    const r = await spawnRun('npm', ['start', '--silent', '--', 'check'], ROOT, env());
    const command = printedCommand(r);
    expect(command).toBe('npm start --silent -- check');
    await runsAsPrinted(command, ROOT, env());
    // The report redirected to a file is JSON alone: npm's banner stays out of it.
    const report = await spawnRun('sh', ['-c', 'npm start --silent -- check --json'], ROOT, env());
    expect(() => JSON.parse(report.stdout)).not.toThrow();
  });

  posixOnly('a global install on PATH: "mexc-wizard check"', { timeout: 90_000 }, async () => {
    const prefix = path.join(tmp, 'global');
    await run('npm', ['install', '-g', '--ignore-scripts', '--prefix', prefix, tarball], { cwd: tmp, env: env() });
    const onPath = env({ PATH: path.join(prefix, 'bin') });
    const elsewhere = mkdtempSync(path.join(tmp, 'bot-'));
    const r = await spawnRun('mexc-wizard', ['check'], elsewhere, onPath);
    expect(printedCommand(r)).toBe('mexc-wizard check');
    await runsAsPrinted('mexc-wizard check', elsewhere, onPath);
  });

  posixOnly("a project's dependency run with npx: \"npx mexc-wizard check\"", { timeout: 90_000 }, async () => {
    const project = path.join(tmp, 'mybot');
    mkdirSync(project);
    writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'mybot', version: '1.0.0', private: true }));
    await run('npm', ['install', '--ignore-scripts', '--no-save', tarball], { cwd: project, env: env() });
    const r = await spawnRun('npx', ['mexc-wizard', 'check'], project, env());
    expect(printedCommand(r)).toBe('npx mexc-wizard check');
    await runsAsPrinted('npx mexc-wizard check', project, env());
  });

  posixOnly('npx from its cache (a published package): "npx mexc-wizard check"', { timeout: 90_000 }, async () => {
    // Running the printed `npx mexc-wizard` again would ask the registry for the package, which
    // tests never do: this case checks the words only.
    const elsewhere = mkdtempSync(path.join(tmp, 'bot-'));
    const r = await spawnRun('npx', ['--yes', '--package', tarball, 'mexc-wizard', 'check'], elsewhere, env());
    expect(printedCommand(r)).toBe('npx mexc-wizard check');
    expect(r.stdout).toMatch(/^1 problem found\. After a fix, run npx mexc-wizard check again\.$/m);
  });

  posixOnly('help and usage hints name it the same way', { timeout: 30_000 }, async () => {
    const help = await spawnRun(process.execPath, ['bin/mexc-wizard.js', 'help', 'check'], ROOT, env());
    expect(help.stdout).toMatch(/^Usage\n {2}node bin\/mexc-wizard\.js check \[options\]$/m);
    const typo = await spawnRun(process.execPath, ['bin/mexc-wizard.js', 'chek'], ROOT, env());
    expect(typo.stderr).toContain('Run node bin/mexc-wizard.js --help');
  });
});
