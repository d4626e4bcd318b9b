/**
 * close() must leave nothing behind: not the `timeout` scenario's held request, not a latency
 * wait, not a keep-alive socket. Checked in a child process, where anything left would keep
 * Node alive and the child would be killed by the execFile timeout instead of exiting.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send, startTestSim, waitFor } from './helpers.js';

const run = promisify(execFile);
const SERVER_SOURCE = fileURLToPath(new URL('../../src/sim/server.ts', import.meta.url));

const DRIVER = `
import { request } from 'node:http';
import { startSimulator } from './server.mjs';

const [scenario, latencyMs] = [process.argv[2], Number(process.argv[3])];
const sim = await startSimulator({ apiKey: 'mx0aBYs33eIilxBWC5', secret: '45d0b3c26f2644f19bfb98b07741b2f5', scenario, latencyMs });
const outcome = new Promise((resolve) => {
  // keep-alive agent on purpose: an idle socket must not hold the process either
  const req = request({ host: '127.0.0.1', port: sim.port, path: '/api/v3/ping' }, (res) => { res.resume(); res.on('end', () => resolve('answered')); });
  req.on('error', () => resolve('connection closed'));
  req.end();
});
while (sim.requests.length === 0) await new Promise((r) => setTimeout(r, 5));
await sim.close();
console.log(await outcome);
`;

let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mexc-sim-lifecycle-'));
  await build({ entryPoints: [SERVER_SOURCE], bundle: true, platform: 'node', format: 'esm', outfile: join(dir, 'server.mjs'), logLevel: 'silent' });
  writeFileSync(join(dir, 'driver.mjs'), DRIVER);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('close()', () => {
  it.each([
    ['timeout', '0'],
    ['ok', '60000'],
  ])('lets the process exit with a request held by scenario %s, latency %s ms', async (scenario, latency) => {
    const { stdout } = await run(process.execPath, [join(dir, 'driver.mjs'), scenario, latency], { timeout: 15_000 });
    expect(stdout.trim()).toBe('connection closed');
  });

  it('can be called twice: both calls resolve and the held request ends', async () => {
    const sim = await startTestSim();
    const held = send(sim, { target: '/api/v3/ping' }).catch(() => 'closed');
    sim.setScenario('timeout');
    await waitFor(() => sim.requests.length > 0);
    await Promise.all([sim.close(), sim.close()]);
    expect(await held).toBe('closed');
  });
});
