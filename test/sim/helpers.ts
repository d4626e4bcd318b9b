/**
 * Test helpers for the simulator. Requests are sent byte for byte as written (node:http, no
 * URL normalisation) and signatures come from openssl over the literal string, never from
 * src/core, so a bug in the client's signing code cannot make these tests agree with it.
 */
import { execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { request } from 'node:http';
import { afterEach } from 'vitest';
import { startSimulator, type RunningSim, type SimOptions } from '../../src/sim/server.js';

/** The official example credentials (docs/mexc-api.md §1.2). */
export const DOC_KEY = 'mx0aBYs33eIilxBWC5';
export const DOC_SECRET = '45d0b3c26f2644f19bfb98b07741b2f5';
/** The official example's timestamp. */
export const DOC_TIMESTAMP = 1644489390087;

function commandExists(cmd: string): boolean {
  try {
    execFileSync(cmd, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export const HAS_OPENSSL = (() => {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
export const HAS_CURL = commandExists('curl');

/** `echo -n MESSAGE | openssl dgst -sha256 -hmac SECRET`, or node crypto where openssl is missing. */
export function hmacHex(secret: string, message: string): string {
  if (!HAS_OPENSSL) return createHmac('sha256', secret).update(message).digest('hex');
  const out = execFileSync('openssl', ['dgst', '-sha256', '-hmac', secret], { input: message }).toString('utf8');
  const hex = out.trim().split(/\s+/).pop() ?? '';
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error(`unexpected openssl output: ${out}`);
  return hex;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: unknown;
}

export interface RawRequest {
  method?: string;
  /** Path and query exactly as sent, e.g. `/api/v3/account?timestamp=1&signature=…`. */
  target: string;
  headers?: Record<string, string>;
  body?: string;
}

export function send(sim: Pick<RunningSim, 'port'>, req: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const r = request(
      {
        host: '127.0.0.1',
        port: sim.port,
        method: req.method ?? 'GET',
        path: req.target,
        // An explicit length: node would send a DELETE body without any framing otherwise.
        headers: { ...(req.body !== undefined ? { 'Content-Length': String(Buffer.byteLength(req.body)) } : {}), ...req.headers },
        agent: false, // no keep-alive socket left behind
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
      },
    );
    r.on('error', reject);
    if (req.body !== undefined) r.write(req.body);
    r.end();
  });
}

/** A signed GET: literal query, openssl signature appended last, key header set. */
export function signedGet(sim: RunningSim, path: string, query: string, secret = DOC_SECRET, key = DOC_KEY) {
  return send(sim, {
    target: `${path}?${query}&signature=${hmacHex(secret, query)}`,
    headers: { 'X-MEXC-APIKEY': key },
  });
}

/** A signed POST with all params in the body (Example 1 of https://mexcdevelop.github.io/apidocs/spot_v3_en/#signed-endpoint-examples-for-post-api-v3-order style). */
export function signedPost(sim: RunningSim, path: string, body: string, secret = DOC_SECRET, key = DOC_KEY) {
  return send(sim, {
    method: 'POST',
    target: path,
    headers: { 'X-MEXC-APIKEY': key, 'Content-Type': 'application/json' },
    body: `${body}&signature=${hmacHex(secret, body)}`,
  });
}

const running: RunningSim[] = [];

/** Starts a simulator with the doc credentials and a pinned clock; closed after each test. */
export async function startTestSim(opts: Partial<SimOptions> & { nowMs?: number } = {}): Promise<RunningSim> {
  const { nowMs, ...rest } = opts;
  const sim = await startSimulator({
    apiKey: DOC_KEY,
    secret: DOC_SECRET,
    port: 0,
    ...(nowMs !== undefined ? { now: () => nowMs } : {}),
    ...rest,
  });
  running.push(sim);
  return sim;
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((sim) => sim.close()));
});

/** Waits until `condition` holds (checked every 5 ms); fails after `timeoutMs`. */
export async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}

export const mexcError = (code: number, msg: string) => ({ code, msg });
