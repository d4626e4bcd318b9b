import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ACCOUNT_REQUEST,
  curlSnippet,
  nodeSnippet,
  pythonSnippet,
  snippetRequestFor,
  type SnippetContext,
  type SnippetRequest,
} from '../../src/core/snippets.js';
import { startSimulator, type RunningSim } from '../../src/sim/server.js';
import { commandRuns, snippetEnv } from '../support/child-process.js';

const run = promisify(execFile);

/** The official example credentials (docs/mexc-api.md §1.2). */
const KEY = 'mx0aBYs33eIilxBWC5';
const SECRET = '45d0b3c26f2644f19bfb98b07741b2f5';

const HAS_CURL_AND_OPENSSL = commandRuns('curl', ['--version']) && commandRuns('openssl', ['version']) && commandRuns('sh', ['-c', 'true']);
const HAS_PYTHON = commandRuns('python3', ['--version']);

const REQUESTS: Record<string, SnippetRequest> = {
  'GET /api/v3/account': ACCOUNT_REQUEST,
  'GET /api/v3/openOrders': snippetRequestFor('GET /api/v3/openOrders', 'BTCUSDT'),
  'POST /api/v3/order/test': snippetRequestFor('POST /api/v3/order/test', 'BTCUSDT'),
};

/** Child env without proxies (the sim is on loopback) and with only our credentials. */
const childEnv = (extra: Record<string, string>) => snippetEnv(SECRET, extra);

describe('snippet text', () => {
  const ctx: SnippetContext = { apiKey: KEY, baseUrl: 'https://api.mexc.com/', recvWindowMs: 5000 };

  it('never contains the secret, and reads it from the environment in every language', () => {
    expect(curlSnippet(ctx)).toContain('-hmac "$MEXC_SECRET_KEY"');
    expect(pythonSnippet(ctx)).toContain('os.environ["MEXC_SECRET_KEY"]');
    expect(nodeSnippet(ctx)).toContain('process.env.MEXC_SECRET_KEY');
    for (const s of [curlSnippet(ctx), pythonSnippet(ctx), nodeSnippet(ctx)]) expect(s).not.toContain(SECRET);
  });

  it("fills in the user's key, base URL (without a trailing slash), symbol and recvWindow", () => {
    const code = nodeSnippet({ ...ctx, recvWindowMs: 7000 }, REQUESTS['GET /api/v3/openOrders']);
    expect(code).toContain(`"${KEY}"`);
    expect(code).toContain('"https://api.mexc.com"');
    expect(code).toContain('["symbol", "BTCUSDT"]');
    expect(code).toContain('["recvWindow", "7000"]');
  });

  it('reads the key from MEXC_API_KEY when the user has not given one', () => {
    const noKey = { baseUrl: 'https://api.mexc.com', recvWindowMs: 5000 };
    expect(curlSnippet(noKey)).toContain('API_KEY="$MEXC_API_KEY"');
    expect(pythonSnippet(noKey)).toContain('API_KEY = os.environ["MEXC_API_KEY"]');
    expect(nodeSnippet(noKey)).toContain('const apiKey = process.env.MEXC_API_KEY;');
  });

  it('sends Content-Type: application/json on POST only (700013)', () => {
    for (const make of [curlSnippet, pythonSnippet, nodeSnippet]) {
      expect(make(ctx, REQUESTS['POST /api/v3/order/test'])).toMatch(/Content-Type.{0,4}application\/json/);
      expect(make(ctx, ACCOUNT_REQUEST)).not.toMatch(/Content-Type/);
    }
  });

  it('pre-encodes curl values with uppercase hex and %20', () => {
    const code = curlSnippet(ctx, { method: 'GET', path: '/api/v3/openOrders', params: [['symbol', 'A B(C)']] });
    expect(code).toContain('symbol=A%20B%28C%29&recvWindow=5000');
  });

  it('quotes a key with a quote in it safely for the shell', () => {
    expect(curlSnippet({ ...ctx, apiKey: "mx0it's" })).toContain(`API_KEY='mx0it'\\''s'`);
  });
});

describe('snippets run against the simulator', () => {
  let sim: RunningSim;
  let dir: string;

  beforeAll(async () => {
    sim = await startSimulator({ port: 0, apiKey: KEY, secret: SECRET });
    dir = mkdtempSync(join(tmpdir(), 'mexc-snippet-'));
  });
  afterAll(async () => {
    await sim?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const ctx = (): SnippetContext => ({ apiKey: KEY, baseUrl: sim.url, recvWindowMs: 5000 });

  for (const [name, request] of Object.entries(REQUESTS)) {
    it(`the Node snippet for ${name} is accepted (HTTP 200)`, async () => {
      const file = join(dir, `node-${request.path.replace(/\W/g, '_')}.mjs`);
      writeFileSync(file, nodeSnippet(ctx(), request));
      const { stdout } = await run(process.execPath, [file], { env: childEnv({}), timeout: 15_000 });
      expect(stdout).toMatch(/^200 /);
    });

    it.skipIf(!HAS_PYTHON)(`the Python snippet for ${name} is accepted (HTTP 200)`, async () => {
      const file = join(dir, `py-${request.path.replace(/\W/g, '_')}.py`);
      writeFileSync(file, pythonSnippet(ctx(), request));
      const { stdout } = await run('python3', [file], { env: childEnv({}), timeout: 15_000 });
      expect(stdout).toMatch(/^200 /);
    });

    it.skipIf(!HAS_CURL_AND_OPENSSL)(`the curl snippet for ${name} is accepted (HTTP 200)`, async () => {
      const { stdout } = await run('sh', ['-c', curlSnippet(ctx(), request)], { env: childEnv({}), timeout: 15_000 });
      expect(stdout).toMatch(/HTTP 200\s*$/);
    });
  }

  it('the Node snippet takes the key from MEXC_API_KEY when none was filled in', async () => {
    const file = join(dir, 'node-env-key.mjs');
    writeFileSync(file, nodeSnippet({ baseUrl: sim.url, recvWindowMs: 5000 }));
    const { stdout } = await run(process.execPath, [file], { env: childEnv({ MEXC_API_KEY: KEY }), timeout: 15_000 });
    expect(stdout).toMatch(/^200 /);
  });

  it('signs values with spaces and brackets the way the server verifies them (no 700002)', async () => {
    // An unknown symbol gets past signature verification and fails later, as "invalid symbol".
    const request: SnippetRequest = { method: 'GET', path: '/api/v3/openOrders', params: [['symbol', "BTC USDT(1)!'*~"]] };
    const file = join(dir, 'node-odd-chars.mjs');
    writeFileSync(file, nodeSnippet(ctx(), request));
    const node = await run(process.execPath, [file], { env: childEnv({}), timeout: 15_000 }).catch((e: { stdout: string }) => e);
    expect(node.stdout).not.toContain('700002');
    expect(node.stdout).toContain('invalid symbol');
    if (HAS_PYTHON) {
      const py = join(dir, 'py-odd-chars.py');
      writeFileSync(py, pythonSnippet(ctx(), request));
      const python = await run('python3', [py], { env: childEnv({}), timeout: 15_000 }).catch((e: { stdout: string }) => e);
      expect(python.stdout).not.toContain('700002');
      expect(python.stdout).toContain('invalid symbol');
    }
  });

  it('fails with 700002 when the secret is wrong (the simulator really checks)', async () => {
    const file = join(dir, 'node-wrong-secret.mjs');
    writeFileSync(file, nodeSnippet(ctx()));
    const result = await run(process.execPath, [file], { env: childEnv({ MEXC_SECRET_KEY: 'not-the-secret' }), timeout: 15_000 }).catch(
      (e: { stdout: string; code: number }) => e,
    );
    expect(result.stdout).toContain('700002');
  });
});
