/** The built CLI: usage errors for the transport rules and the env file, each naming what to fix. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crashSigns, ensureBuilt, runCli } from '../support/cli.js';

let cwd = '';
beforeAll(async () => {
  await ensureBuilt();
  cwd = mkdtempSync(path.join(os.tmpdir(), 'mexc-cli-secrets-'));
});
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

describe.concurrent('transport and env-file usage errors (exit 2, no stack)', () => {
  it('a malformed HTTPS_PROXY names the variable and masks the password', async () => {
    const r = await runCli(['check'], { cwd, env: { HTTPS_PROXY: 'http://alice:hunter2 x@bad host:3128', MEXC_API_KEY: 'mx0k', MEXC_SECRET_KEY: 'x'.repeat(32) } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('HTTPS_PROXY is not a valid proxy URL: "http://alice:****@bad host:3128"');
    expect(r.stderr).not.toContain('hunter2');
    expect(crashSigns(r.stderr)).toEqual([]);
  });

  it('plain http to another machine is refused unless --allow-insecure-http', async () => {
    const r = await runCli(['check', '--base-url', 'http://api.mexc.com'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/plain http.*\n.*--allow-insecure-http/);
    const env = await runCli(['check'], { cwd, env: { MEXC_BASE_URL: 'http://203.0.113.9' } });
    expect(env.code).toBe(2);
    expect(env.stderr).toMatch(/^mexc-wizard: MEXC_BASE_URL http:\/\/203\.0\.113\.9 is plain http/);
  });

  it('a base URL with a path in front of the API is refused', async () => {
    const r = await runCli(['check', '--base-url', 'https://api.mexc.com/api/v3/capital/withdraw/apply'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('has a path');
  });

  it('--dotenv reads the file; --env-file is its alias; a device is refused', async () => {
    writeFileSync(path.join(cwd, 'bot.env'), 'MEXC_SECRET_KEY=45d0b3c26f2644f19bfb98b07741b2f5\n');
    for (const flag of ['--dotenv', '--env-file']) {
      const r = await runCli(['sign', 'timestamp=1644489390087', flag, 'bot.env'], { cwd });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain('09b4b5a40aeec864d2caa60f2e6a740b61dc423d76c5615c00fd72681f52a094');
    }
    const dev = await runCli(['check', '--dotenv', '/dev/zero'], { cwd, timeoutMs: 10_000 });
    expect(dev.timedOut).toBe(false);
    expect(dev.code).toBe(2);
    expect(dev.stderr).toContain('--dotenv /dev/zero: not a regular file');
  });

  it('a usage error that echoes an argument masks the secret in it', async () => {
    const secret = 'Us4ge"Err\u001b[31mCanary\\9x';
    const r = await runCli(['check', '--symbol', `x${secret}y`], { cwd, env: { MEXC_SECRET_KEY: secret } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('[REDACTED]');
    expect(r.stderr).not.toContain('Canary');
    expect(r.stderr).not.toContain('\u001b');
  });
});
