/**
 * The known-good futures requests that the futures fixes hand out: each one runs against the
 * simulator (which verifies the futures signature over the bytes it received) and is accepted;
 * with a wrong secret it gets 602.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FUTURES_ASSETS_REQUEST,
  futuresCurlSnippet,
  futuresNodeSnippet,
  futuresPythonSnippet,
  type FuturesSnippetContext,
  type FuturesSnippetRequest,
} from '../../src/core/futures-snippets.js';
import { startSimulator, type RunningSim } from '../../src/sim/server.js';
import { commandRuns, snippetEnv } from '../support/child-process.js';

const run = promisify(execFile);
const KEY = 'mx0aBYs33eIilxBWC5';
const SECRET = '45d0b3c26f2644f19bfb98b07741b2f5';

const HAS_CURL_AND_OPENSSL = commandRuns('curl', ['--version']) && commandRuns('openssl', ['version']);
const HAS_PYTHON = commandRuns('python3', ['--version']);
const childEnv = (extra: Record<string, string>) => snippetEnv(SECRET, extra);

/** Unsorted on purpose: the snippets must sort them. */
const POSITIONS_WITH_PARAMS: FuturesSnippetRequest = { path: '/api/v1/private/position/open_positions', params: [['symbol', 'BTC_USDT'], ['page_size', '20']] };

describe('futures snippet text', () => {
  const ctx: FuturesSnippetContext = { apiKey: KEY, baseUrl: 'https://api.mexc.com/' };
  it('never holds the secret, reads it from the environment, and names the futures headers', () => {
    for (const code of [futuresCurlSnippet(ctx), futuresPythonSnippet(ctx), futuresNodeSnippet(ctx)]) {
      expect(code).not.toContain(SECRET);
      expect(code).toContain('MEXC_SECRET_KEY');
      expect(code).toMatch(/ApiKey/);
      expect(code).toMatch(/Request-Time/);
      expect(code).toMatch(/Signature/);
      expect(code).toContain('/api/v1/private/account/assets');
      expect(code).toContain('https://api.mexc.com');
    }
  });
  it('the curl snippet sends the parameters sorted', () => {
    expect(futuresCurlSnippet(ctx, POSITIONS_WITH_PARAMS)).toContain("PARAMS='page_size=20&symbol=BTC_USDT'");
  });
});

describe('futures snippets run against the simulator', () => {
  let sim: RunningSim;
  let dir: string;
  beforeAll(async () => {
    sim = await startSimulator({ port: 0, apiKey: KEY, secret: SECRET });
    dir = mkdtempSync(join(tmpdir(), 'mexc-futures-snippet-'));
  });
  afterAll(async () => {
    await sim?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  const ctx = (): FuturesSnippetContext => ({ apiKey: KEY, baseUrl: sim.url });

  for (const [name, request] of [
    ['assets (no parameters)', FUTURES_ASSETS_REQUEST],
    ['open positions (parameters given unsorted)', POSITIONS_WITH_PARAMS],
  ] as const) {
    it(`the Node snippet for ${name} is accepted`, async () => {
      const file = join(dir, `node-${request.params.length}.mjs`);
      writeFileSync(file, futuresNodeSnippet(ctx(), request));
      const { stdout } = await run(process.execPath, [file], { env: childEnv({}), timeout: 15_000 });
      expect(stdout).toMatch(/^200 \{"success":true,"code":0/);
    });

    it.skipIf(!HAS_PYTHON)(`the Python snippet for ${name} is accepted`, async () => {
      const file = join(dir, `py-${request.params.length}.py`);
      writeFileSync(file, futuresPythonSnippet(ctx(), request));
      const { stdout } = await run('python3', [file], { env: childEnv({}), timeout: 15_000 });
      expect(stdout).toMatch(/^200 \{"success":\s*true,\s*"code":\s*0/);
    });

    it.skipIf(!HAS_CURL_AND_OPENSSL)(`the curl snippet for ${name} is accepted`, async () => {
      const { stdout } = await run('sh', ['-c', futuresCurlSnippet(ctx(), request)], { env: childEnv({}), timeout: 15_000 });
      expect(stdout).toMatch(/"success":true,"code":0/);
      expect(stdout).toMatch(/HTTP 200\s*$/);
    });
  }

  it('fails with 602 when the secret is wrong (the simulator really checks)', async () => {
    const file = join(dir, 'node-wrong-secret.mjs');
    writeFileSync(file, futuresNodeSnippet(ctx()));
    const result = await run(process.execPath, [file], { env: childEnv({ MEXC_SECRET_KEY: 'not-the-secret' }), timeout: 15_000 }).catch((e: { stdout: string; code: number }) => e);
    expect(result.stdout).toContain('"code":602');
    expect((result as { code?: number }).code).toBe(1);
  });
});
