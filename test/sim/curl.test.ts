/**
 * The simulator against the real curl binary, with openssl-made signatures: the way a user
 * follows MEXC's own docs by hand. execFile (async) keeps the in-process server responsive.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DOC_KEY, DOC_SECRET, DOC_TIMESTAMP, HAS_CURL, hmacHex, startTestSim } from './helpers.js';

const run = promisify(execFile);

/** `--noproxy '*'`: an HTTP(S)_PROXY in the environment must not reroute loopback traffic. */
async function curl(args: string[]): Promise<{ status: number; body: string }> {
  const { stdout } = await run('curl', ['-sS', '--noproxy', '*', '--max-time', '10', '-w', '\n%{http_code}', ...args]);
  const cut = stdout.lastIndexOf('\n');
  return { body: stdout.slice(0, cut), status: Number(stdout.slice(cut + 1)) };
}

describe.skipIf(!HAS_CURL)('curl against the simulator', () => {
  it('GET /api/v3/account signed with openssl', async () => {
    const sim = await startTestSim({ nowMs: DOC_TIMESTAMP + 250 });
    const query = 'recvWindow=5000&timestamp=1644489390087';
    const res = await curl(['-H', `X-MEXC-APIKEY: ${DOC_KEY}`, `${sim.url}/api/v3/account?${query}&signature=${hmacHex(DOC_SECRET, query)}`]);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ accountType: 'SPOT', canTrade: true });
  });

  it("the docs' Example 3 curl: query plus -d body", async () => {
    const sim = await startTestSim({ nowMs: DOC_TIMESTAMP + 250 });
    const body = 'quantity=1&price=11&recvWindow=5000&timestamp=1644489390087';
    const signature = hmacHex(DOC_SECRET, `symbol=BTCUSDT&side=BUY&type=LIMIT${body}`);
    expect(signature).toBe('d1a676610ceb39174c8039b3f548357994b2a34139a8addd33baadba65684592');
    const res = await curl([
      '-X',
      'POST',
      '-H',
      `X-MEXC-APIKEY: ${DOC_KEY}`,
      '-H',
      'Content-Type: application/json',
      `${sim.url}/api/v3/order/test?symbol=BTCUSDT&side=BUY&type=LIMIT`,
      '--data-raw',
      `${body}&signature=${signature}`,
    ]);
    expect(res).toEqual({ status: 200, body: '{}' });
  });

  it('the same curl without -H Content-Type gets 700013 (curl sends form-urlencoded)', async () => {
    const sim = await startTestSim({ nowMs: DOC_TIMESTAMP + 250 });
    const body = 'symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=1&price=11&recvWindow=5000&timestamp=1644489390087';
    const res = await curl([
      '-X',
      'POST',
      '-H',
      `X-MEXC-APIKEY: ${DOC_KEY}`,
      `${sim.url}/api/v3/order/test`,
      '--data-raw',
      `${body}&signature=${hmacHex(DOC_SECRET, body)}`,
    ]);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toEqual({ code: 700013, msg: 'Invalid content Type.' });
  });
});
