import { describe, expect, it } from 'vitest';
import { runInspect } from '../../src/commands/inspect.js';
import { fakeIO } from '../support/fake-io.js';
import { DOC_KEY, DOC_SECRET, EXAMPLE3_BODY, EXAMPLE3_QUERY, EXAMPLE3_SIG, EXAMPLE_PARAMS, hmac } from './fixtures.js';

const CANARY = 'CANARYSECRET0123456789abcdef0000';
const EXAMPLE3_CURL =
  `curl -X POST -H 'X-MEXC-APIKEY: ${DOC_KEY}' -H 'Content-Type: application/json' ` +
  `'https://api.mexc.com/api/v3/order?${EXAMPLE3_QUERY}' -d '${EXAMPLE3_BODY}&signature=${EXAMPLE3_SIG}'`;
const withDocSecret = { env: { MEXC_SECRET_KEY: DOC_SECRET } };

describe('inspect exit codes and output', () => {
  it('exits 0 with the verdict first, the key masked and the signature shortened', async () => {
    const io = fakeIO(withDocSecret);
    expect(await runInspect({ input: EXAMPLE3_CURL, json: false }, io)).toBe(0);
    const out = io.out();
    expect(out.split('\n')[0]).toBe('Signature valid — MEXC would accept this request');
    expect(out).toContain('mx0a…WC5');
    expect(out).toContain('d1a6…4592');
    expect(out).not.toContain(DOC_KEY);
    expect(out).not.toContain(EXAMPLE3_SIG);
    expect(out).not.toContain(DOC_SECRET);
  });

  it('exits 1 and names the mistake first when the signature does not match', async () => {
    const sig = hmac('coin=USDT&remark=my+bot&timestamp=1644489390087');
    const io = fakeIO(withDocSecret);
    const code = await runInspect({ input: `https://api.mexc.com/api/v3/capital/withdraw?coin=USDT&remark=my%20bot&timestamp=1644489390087&signature=${sig}`, json: false }, io);
    expect(code).toBe(1);
    expect(io.out().split('\n')[0]).toBe('Signature does not match: Space encoded as "+" instead of "%20"');
    expect(io.out()).toContain('You signed  coin=USDT&remark=my+bot&timestamp=1644489390087');
  });

  it('exits 1, not 2, when there is no signature to check', async () => {
    const io = fakeIO(withDocSecret);
    expect(await runInspect({ input: 'https://api.mexc.com/api/v3/account?timestamp=1644489390087', json: true }, io)).toBe(1);
    expect(JSON.parse(io.out()).findings[0].id).toBe('signature-missing');
  });

  it('prints {valid, findings: [{id, title, detail}]} with --json', async () => {
    const io = fakeIO(withDocSecret);
    await runInspect({ input: EXAMPLE3_CURL, json: true }, io);
    const json = JSON.parse(io.out());
    expect(Object.keys(json)).toEqual(['valid', 'findings']);
    expect(json.valid).toBe(true);
    expect(Object.keys(json.findings[0])).toEqual(['id', 'title', 'detail']);
    expect(json.findings[0].id).toBe('signature-valid');
  });

  it('masks a key sent as a v2 api_key parameter', async () => {
    const io = fakeIO(withDocSecret);
    await runInspect({ input: `https://www.mexc.com/open/api/v2/account/info?api_key=${DOC_KEY}&req_time=1644489390&sign=abc`, json: false }, io);
    expect(io.out()).toContain('api_key=mx0a…WC5');
    expect(io.out()).not.toContain(DOC_KEY);
  });
});

describe('inspect input', () => {
  it('reads stdin for "-"', async () => {
    const io = fakeIO({ ...withDocSecret, stdinText: EXAMPLE3_CURL + '\n' });
    expect(await runInspect({ input: '-', json: false }, io)).toBe(0);
  });

  it('reads piped stdin when no input is given', async () => {
    const io = fakeIO({ ...withDocSecret, stdinText: `POST https://api.mexc.com/api/v3/order?${EXAMPLE_PARAMS}&signature=fd3e4e8543c5188531eb7279d68ae7d26a573d0fc5ab0d18eb692451654d837a\nX-MEXC-APIKEY: ${DOC_KEY}\nContent-Type: application/json\n` });
    expect(await runInspect({ json: false }, io)).toBe(0);
  });

  it.each([
    ['garbage', 'this is not a request'],
    ['an unterminated quote', "curl 'https://api.mexc.com/api/v3/account?timestamp=1"],
    ['empty input', ''],
  ])('exits 2 with a sentence and an example for %s, and no stack trace', async (_label, input) => {
    const io = fakeIO(withDocSecret);
    expect(await runInspect({ input, json: false }, io)).toBe(2);
    expect(io.out()).toBe('');
    expect(io.err()).toMatch(/^[A-Z"].*\./);
    expect(io.err()).toContain('https://api.mexc.com/api/v3/');
    expect(io.err()).not.toMatch(/\n\s+at /);
  });

  it('exits 2 on a terminal with no input, saying how to give one', async () => {
    const io = fakeIO({ ...withDocSecret, isTTY: true });
    expect(await runInspect({ json: false }, io)).toBe(2);
    expect(io.err()).toContain('mexc-wizard inspect');
  });
});

describe('inspect secret', () => {
  it('exits 2 with a sentence when there is no secret and no terminal', async () => {
    const io = fakeIO();
    expect(await runInspect({ input: EXAMPLE3_CURL, json: false }, io)).toBe(2);
    expect(io.err()).toContain('MEXC_SECRET_KEY');
    expect(io.out()).toBe('');
  });

  it('takes the secret from MEXC_API_SECRET and MEXC_SECRET too', async () => {
    for (const name of ['MEXC_API_SECRET', 'MEXC_SECRET']) {
      expect(await runInspect({ input: EXAMPLE3_CURL, json: false }, fakeIO({ env: { [name]: DOC_SECRET } }))).toBe(0);
    }
  });

  it('asks for the secret on a terminal', async () => {
    const labels: string[] = [];
    const io = fakeIO({ isTTY: true, promptSecret: async (label) => (labels.push(label), DOC_SECRET) });
    expect(await runInspect({ input: EXAMPLE3_CURL, json: false }, io)).toBe(0);
    expect(labels).toHaveLength(1);
  });

  it('returns 130 when the prompt is interrupted', async () => {
    const ac = new AbortController();
    const io = fakeIO({ isTTY: true, signal: ac.signal, promptSecret: async () => (ac.abort(), Promise.reject(new Error('aborted'))) });
    expect(await runInspect({ input: EXAMPLE3_CURL, json: false }, io)).toBe(130);
  });

  describe('never shows the secret', () => {
    const validSig = hmac('recvWindow=5000&timestamp=1644489390087', CANARY);
    const inputs = {
      valid: `https://api.mexc.com/api/v3/account?recvWindow=5000&timestamp=1644489390087&signature=${validSig}`,
      mismatch: `https://api.mexc.com/api/v3/account?recvWindow=5000&timestamp=1644489390087&signature=${hmac('x', 'other')}`,
      // A user who pasted their secret into the request by mistake must not see it echoed.
      pasted: `https://api.mexc.com/api/v3/account?secret=${CANARY}&timestamp=1644489390087&signature=${validSig}`,
    };
    for (const [label, input] of Object.entries(inputs)) {
      for (const json of [false, true]) {
        it(`${label} request, ${json ? 'JSON' : 'text'} output`, async () => {
          const io = fakeIO({ env: { MEXC_SECRET_KEY: CANARY } });
          await runInspect({ input, json }, io);
          expect(io.out().length).toBeGreaterThan(0);
          expect((io.out() + io.err()).toLowerCase()).not.toContain(CANARY.toLowerCase());
        });
      }
    }
  });
});
