/**
 * What npm users get: `npm pack` → a global install of that tarball into a temp prefix
 * (offline: the package has no runtime dependencies) → the installed `mexc-wizard` runs from
 * another folder. Catches files missing from "files", a bin without its shebang or executable
 * bit, and chunks that the bundle loads lazily but the tarball does not ship.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT, userEnv } from '../support/cli.js';

const run = promisify(execFile);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string; dependencies?: Record<string, string> };

let tmp = '';
let installedBin = '';
let elsewhere = '';
let packed: { filename: string; size: number; files: Array<{ path: string }> };

/** npm's own environment from `npm test` (npm_config_*) must not redirect this install. */
function npmEnv(): NodeJS.ProcessEnv {
  const env = userEnv({ NO_COLOR: undefined });
  // The node running the tests first on PATH, so npm and the installed bin use the same one.
  env.PATH = `${path.dirname(process.execPath)}${path.delimiter}${env.PATH ?? ''}`;
  env.npm_config_cache = path.join(tmp, 'npm-cache');
  env.npm_config_update_notifier = 'false';
  env.npm_config_fund = 'false';
  env.npm_config_audit = 'false';
  return env;
}

beforeAll(async () => {
  await ensureBuilt();
  tmp = mkdtempSync(path.join(os.tmpdir(), 'mexc-pack-'));
  elsewhere = path.join(tmp, 'some-other-folder');
  mkdirSync(elsewhere);
  const { stdout } = await run(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', tmp], { cwd: ROOT, env: npmEnv() });
  packed = (JSON.parse(stdout) as (typeof packed)[])[0]!;
  const prefix = path.join(tmp, 'prefix');
  await run(npm, ['install', '-g', '--offline', '--ignore-scripts', '--prefix', prefix, path.join(tmp, packed.filename)], { cwd: elsewhere, env: npmEnv() });
  installedBin = path.join(prefix, process.platform === 'win32' ? 'mexc-wizard.cmd' : 'bin/mexc-wizard');
}, 120_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('npm pack → npm install -g → mexc-wizard', () => {
  it('ships only the launcher, the bundle and the package files, with no runtime dependencies', () => {
    const tops = new Set(packed.files.map((f) => f.path.split('/')[0]));
    expect([...tops].sort()).toEqual(expect.arrayContaining(['bin', 'dist', 'package.json']));
    expect([...tops].filter((t) => !['bin', 'dist', 'package.json', 'README.md', 'LICENSE', 'LICENSE.md', 'CHANGELOG.md'].includes(t!))).toEqual([]);
    expect(Object.keys(pkg.dependencies ?? {})).toEqual([]);
  });

  it('--version works from another folder', { timeout: 20_000 }, async () => {
    const { stdout } = await run(installedBin, ['--version'], { cwd: elsewhere, env: npmEnv() });
    expect(stdout.trim()).toBe(pkg.version);
  });

  it('check runs from the installed copy (its lazily loaded chunks are in the tarball)', { timeout: 30_000 }, async () => {
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as { port: number }).port;
    await new Promise<void>((r) => probe.close(() => r()));
    const result = await run(installedBin, ['check', '--json', '--base-url', `http://127.0.0.1:${port}`], { cwd: elsewhere, env: npmEnv() }).catch((e: { code: number; stdout: string; stderr: string }) => e);
    const json = JSON.parse(result.stdout) as { steps: Array<{ id: string; diagnoses: Array<{ id: string }> }> };
    expect(json.steps.find((s) => s.id === 'connectivity')?.diagnoses[0]?.id).toBe('connection-failed');
    expect(result.stderr).toBe('');
  });
});
