import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/commands/io.js';
import { runSign } from '../../src/commands/sign.js';
import { fakeIO } from '../helpers/fake-io.js';

const KEY = 'mx0aBYs33eIilxBWC5';
const SECRET = '45d0b3c26f2644f19bfb98b07741b2f5';
const creds = { env: { MEXC_API_KEY: KEY, MEXC_SECRET_KEY: SECRET } };
const SIG_SYMBOL = '0f4e728063ca729d9ef7c4c171d94aabf2c4c84418ee7312572901426733cb2c';
const SIG_EMPTY = '8c0d829f0a56a0c771c2e0623e07a8f20d55a32b83a7eeb3b9c1c75d20c153b6';

describe('mexc-wizard sign --futures', () => {
  it('prints {stringToSign, signature, headers} with --json for the issue\'s vector', async () => {
    const io = fakeIO(creds);
    expect(await runSign({ futures: true, query: 'symbol=BTC_USDT', requestTime: '1644489390087', json: true }, io)).toBe(0);
    expect(JSON.parse(io.out())).toEqual({
      stringToSign: 'mx0aBYs33eIilxBWC51644489390087symbol=BTC_USDT',
      signature: SIG_SYMBOL,
      headers: { ApiKey: KEY, 'Request-Time': '1644489390087', Signature: SIG_SYMBOL },
    });
  });

  it('signs key + time alone without parameters (8c0d…53b6)', async () => {
    const io = fakeIO(creds);
    await runSign({ futures: true, requestTime: '1644489390087', json: true }, io);
    expect(JSON.parse(io.out()).signature).toBe(SIG_EMPTY);
  });

  it('shows the key masked in the text output, with the three headers and the content type', async () => {
    const io = fakeIO(creds);
    await runSign({ futures: true, query: 'symbol=BTC_USDT', requestTime: '1644489390087' }, io);
    const out = io.out();
    expect(out).toContain('String to sign:  [ApiKey]1644489390087symbol=BTC_USDT\n');
    expect(out).toContain(`Signature:       ${SIG_SYMBOL}\n`);
    expect(out).toContain('  ApiKey: mx0a…WC5\n  Request-Time: 1644489390087\n');
    expect(out).toContain(`  Signature: ${SIG_SYMBOL}\n  Content-Type: application/json\n`);
    expect(out).not.toContain(KEY);
    expect(out).not.toContain(SECRET);
  });

  it('signs the sorted parameters and says so when they were given unsorted', async () => {
    const io = fakeIO(creds);
    await runSign({ futures: true, query: 'symbol=BTC_USDT&page_num=1', requestTime: '1644489390087', json: true }, io);
    const json = JSON.parse(io.out());
    expect(json.stringToSign).toBe('mx0aBYs33eIilxBWC51644489390087page_num=1&symbol=BTC_USDT');
    expect(json.notes.join(' ')).toMatch(/not in dictionary order.*602/);
    expect(json.notes).toHaveLength(1);
  });

  it('signs a POST body byte for byte and refuses one that is not JSON', async () => {
    const io = fakeIO(creds);
    const body = '{"symbol":"BTC_USDT","vol":1}';
    await runSign({ futures: true, body, requestTime: '1644489390087', json: true }, io);
    expect(JSON.parse(io.out()).stringToSign).toBe(`${KEY}1644489390087${body}`);
    await expect(runSign({ futures: true, body: '{"symbol":BTC_USDT}', requestTime: '1644489390087' }, fakeIO(creds))).rejects.toThrow(/--body is not valid JSON/);
    await expect(runSign({ futures: true, body, query: 'symbol=BTC_USDT' }, fakeIO(creds))).rejects.toThrow(UsageError);
  });

  it('notes a seconds Request-Time and refuses one that is not a number', async () => {
    const io = fakeIO(creds);
    await runSign({ futures: true, query: 'symbol=BTC_USDT', requestTime: '1644489390' }, io);
    expect(io.out()).toMatch(/Note: Request-Time 1644489390 looks like seconds.*513/);
    await expect(runSign({ futures: true, requestTime: 'yesterday' }, fakeIO(creds))).rejects.toThrow(/milliseconds/);
  });

  it('notes a value the docs\' Java sample would encode', async () => {
    const io = fakeIO(creds);
    await runSign({ futures: true, query: 'order_ids=1,2', requestTime: '1644489390087' }, io);
    expect(io.out()).toMatch(/Note: A value has characters .* %2C/);
  });

  it('uses the local clock when --request-time is not given', async () => {
    const io = fakeIO({ ...creds, now: () => 1644489390087 });
    await runSign({ futures: true, query: 'symbol=BTC_USDT', json: true }, io);
    expect(JSON.parse(io.out()).signature).toBe(SIG_SYMBOL);
  });

  it('reads key and secret from ./.env, and needs the key', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mw-sign-'));
    try {
      writeFileSync(path.join(dir, '.env'), `MEXC_API_KEY=${KEY}\nMEXC_SECRET_KEY=${SECRET}\n`);
      const io = fakeIO({ cwd: dir });
      await runSign({ futures: true, query: 'symbol=BTC_USDT', requestTime: '1644489390087', json: true }, io);
      expect(JSON.parse(io.out()).signature).toBe(SIG_SYMBOL);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    await expect(runSign({ futures: true, query: 'symbol=BTC_USDT' }, fakeIO({ env: { MEXC_SECRET_KEY: SECRET } }))).rejects.toThrow(/No API key/);
  });

  it('refuses a URL and a --request-time without --futures', async () => {
    await expect(runSign({ futures: true, query: 'https://api.mexc.com/api/v1/private/account/assets' }, fakeIO(creds))).rejects.toMatchObject({ hint: expect.stringMatching(/inspect/) });
    await expect(runSign({ query: 'timestamp=1', requestTime: '1644489390087' }, fakeIO(creds))).rejects.toThrow(/futures/);
  });

  it('never prints the secret, even when the parameters contain it', async () => {
    const canary = 'deadbeefcafe0123456789abcdef0042';
    for (const json of [false, true]) {
      const io = fakeIO({ env: { MEXC_API_KEY: KEY, MEXC_SECRET_KEY: canary } });
      await runSign({ futures: true, query: `note=${canary}`, requestTime: '1644489390087', json }, io);
      expect(io.out() + io.err()).not.toContain(canary);
    }
  });
});
