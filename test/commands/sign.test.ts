import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/shell/io.js';
import { runSign } from '../../src/commands/sign.js';
import { fakeIO } from '../support/fake-io.js';

const DOC_SECRET = '45d0b3c26f2644f19bfb98b07741b2f5';

describe('mexc-wizard sign', () => {
  it('signs query + body the way MEXC checks it (Example 3 of https://mexcdevelop.github.io/apidocs/spot_v3_en/#signed-endpoint-examples-for-post-api-v3-order) and prints all three parts', async () => {
    const io = fakeIO({ env: { MEXC_SECRET_KEY: DOC_SECRET } });
    const code = await runSign({ query: 'symbol=BTCUSDT&side=BUY&type=LIMIT', body: 'quantity=1&price=11&recvWindow=5000&timestamp=1644489390087' }, io);
    expect(code).toBe(0);
    expect(io.out()).toContain('String to sign:  symbol=BTCUSDT&side=BUY&type=LIMITquantity=1&price=11&recvWindow=5000&timestamp=1644489390087');
    expect(io.out()).toContain('Signature:       d1a676610ceb39174c8039b3f548357994b2a34139a8addd33baadba65684592');
    expect(io.out()).toContain('Signed query:    symbol=BTCUSDT&side=BUY&type=LIMIT&signature=d1a676610ceb39174c8039b3f548357994b2a34139a8addd33baadba65684592');
  });

  it('prints {stringToSign, signature, query} with --json', async () => {
    const io = fakeIO({ env: { MEXC_API_SECRET: DOC_SECRET } });
    await runSign({ query: '?timestamp=1644489390087', json: true }, io);
    const json = JSON.parse(io.out());
    expect(json).toMatchObject({
      stringToSign: 'timestamp=1644489390087',
      signature: '09b4b5a40aeec864d2caa60f2e6a740b61dc423d76c5615c00fd72681f52a094',
      query: 'timestamp=1644489390087&signature=09b4b5a40aeec864d2caa60f2e6a740b61dc423d76c5615c00fd72681f52a094',
    });
  });

  it('drops an existing signature parameter and notes a seconds timestamp and a + for space', async () => {
    const io = fakeIO({ env: { MEXC_SECRET: DOC_SECRET } });
    await runSign({ query: 'memo=a+b&timestamp=1644489390&signature=abc' }, io);
    expect(io.out()).toContain('String to sign:  memo=a+b&timestamp=1644489390\n');
    expect(io.out()).toMatch(/never signs itself/);
    expect(io.out()).toMatch(/seconds/);
    expect(io.out()).toMatch(/%20/);
  });

  it('says so when it trimmed the secret (typed or stored with a space): the bot may not trim it', async () => {
    const typed = fakeIO({ isTTY: true, promptSecret: async () => `${DOC_SECRET} ` });
    await runSign({ query: 'timestamp=1644489390087' }, typed);
    expect(typed.out()).toContain('Signature:       09b4b5a40aeec864d2caa60f2e6a740b61dc423d76c5615c00fd72681f52a094');
    expect(typed.out()).toMatch(/Note: The secret has spaces or line breaks around it: signed without them\. If your bot signs with the value as it is stored, its signatures differ/);
    const stored = fakeIO({ env: { MEXC_SECRET_KEY: `${DOC_SECRET}\n` } });
    await runSign({ query: 'timestamp=1644489390087', json: true }, stored);
    expect((JSON.parse(stored.out()) as { notes: string[] }).notes.join('\n')).toMatch(/^The secret has spaces or line breaks around it/m);
    const clean = fakeIO({ env: { MEXC_SECRET_KEY: DOC_SECRET } });
    await runSign({ query: 'timestamp=1644489390087' }, clean);
    expect(clean.out()).not.toMatch(/spaces or line breaks around it/);
  });

  it('is a usage error without a secret (no terminal to ask on) or without a query', async () => {
    await expect(runSign({ query: 'timestamp=1' }, fakeIO())).rejects.toThrow(UsageError);
    await expect(runSign({ query: '' }, fakeIO({ env: { MEXC_SECRET_KEY: DOC_SECRET } }))).rejects.toThrow(UsageError);
    await expect(runSign({ query: 'https://api.mexc.com/api/v3/account?timestamp=1' }, fakeIO({ env: { MEXC_SECRET_KEY: DOC_SECRET } }))).rejects.toMatchObject({ hint: expect.stringMatching(/inspect/) });
  });

  it('asks for the secret at a masked prompt on a terminal', async () => {
    const io = fakeIO({ isTTY: true, promptSecret: async () => DOC_SECRET });
    await runSign({ query: 'timestamp=1644489390087' }, io);
    expect(io.out()).toContain('09b4b5a40aeec864d2caa60f2e6a740b61dc423d76c5615c00fd72681f52a094');
  });

  it('never prints the secret, even when the query contains it', async () => {
    const canary = 'deadbeefcafe0123456789abcdef0042';
    for (const json of [false, true]) {
      const io = fakeIO({ env: { MEXC_SECRET_KEY: canary } });
      await runSign({ query: `note=${canary}&timestamp=1`, json }, io);
      expect(io.out() + io.err()).not.toContain(canary);
    }
  });
});
