import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { runExplain } from '../../src/commands/explain.js';
import type { CommandIO } from '../../src/shell/io.js';
import { fakeIO } from '../support/fake-io.js';
import { AKAMAI_ACCESS_DENIED, CAPTIVE_PORTAL } from './fixtures.js';

const CANARY = 'CANARYSECRET0123456789abcdef0000';

interface JsonDiagnosis {
  id: string;
  title: string;
  explanation: string;
  evidence: string[];
  fixes: Array<{ title: string; lang: string; text: string }>;
}

async function explain(text: string | undefined, opts: { json?: boolean; io?: Partial<CommandIO> & { stdinText?: string } } = {}) {
  const io = fakeIO({ env: { MEXC_SECRET_KEY: CANARY }, ...opts.io });
  const code = await runExplain({ ...(text !== undefined ? { text } : {}), json: Boolean(opts.json) }, io);
  return { code, out: io.out(), err: io.err() };
}

async function explainJson(text: string) {
  const { code, out } = await explain(text, { json: true });
  return { code, diagnoses: (JSON.parse(out) as { diagnoses: JsonDiagnosis[] }).diagnoses };
}

const ids = async (text: string) => (await explainJson(text)).diagnoses.map((d) => d.id);

describe('explain finds the error in what users paste', () => {
  it('explains a bare MEXC JSON body', async () => {
    expect(await ids('{"code":700002,"msg":"Signature for this request is not valid."}')).toEqual(['signature-invalid']);
  });

  it('700007 names the permission only when the paste says the method: reading and placing orders need different ones', async () => {
    const body = '{"code":700007,"msg":"No permission to access the endpoint."}';
    const withoutMethod = await explain(`400 Client Error: Bad Request for url: https://api.mexc.com/api/v3/order?symbol=BTCUSDT ${body}`);
    expect(withoutMethod.out).toContain('Request: /api/v3/order');
    expect(withoutMethod.out).not.toMatch(/GET \/api\/v3\/order|needs the permission "Trade/);
    const placing = await explain(`POST https://api.mexc.com/api/v3/order?symbol=BTCUSDT ${body}`);
    expect(placing.out.replace(/\s+/g, ' ')).toContain('This endpoint needs the permission "Trade: Trade"');
    const reading = await explain(`GET https://api.mexc.com/api/v3/order?symbol=BTCUSDT ${body}`);
    expect(reading.out.replace(/\s+/g, ' ')).toContain('This endpoint needs the permission "Trade: View Order Details"');
  });

  it('explains a ccxt Python exception line', async () => {
    const line = 'ccxt.base.errors.AuthenticationError: mexc {"code":700002,"msg":"Signature for this request is not valid."}';
    expect(await ids(line)).toEqual(['signature-invalid']);
  });

  it('explains a ccxt JavaScript exception line', async () => {
    const line = 'AuthenticationError: mexc {"code":10072,"msg":"Api key info invalid"}\n    at mexc.throwExactlyMatchedException (node_modules/ccxt/js/src/base/Exchange.js:3271:19)';
    expect(await ids(line)).toEqual(['key-invalid']);
  });

  it('explains a ccxt InvalidNonce line with the method and URL, naming the endpoint', async () => {
    const line =
      'ccxt.base.errors.InvalidNonce: mexc GET https://api.mexc.com/api/v3/account?timestamp=1700000000000&recvWindow=5000&signature=0f4e 400 Bad Request {"code":700003,"msg":"Timestamp for this request is outside of the recvWindow."}';
    const { diagnoses } = await explainJson(line);
    expect(diagnoses[0]?.id).toBe('timestamp-outside-recv-window');
    expect(diagnoses[0]?.evidence).toContain('Request: GET /api/v3/account');
    expect(diagnoses[0]?.evidence).toContain('HTTP status: 400');
  });

  it('explains a Python requests error line followed by the printed response.json()', async () => {
    const text =
      "requests.exceptions.HTTPError: 400 Client Error: Bad Request for url: https://api.mexc.com/api/v3/openOrders?symbol=BTCUSDT&timestamp=1700000000000&signature=abc\n{'code': 700007, 'msg': 'No permission to access the endpoint.'}";
    const { diagnoses } = await explainJson(text);
    expect(diagnoses[0]?.id).toBe('permission-denied');
    expect(diagnoses[0]?.explanation).toContain('Trade: View Order Details');
  });

  it('says a Python requests line without the body needs the body, and still exits 1', async () => {
    const { code, diagnoses } = await explainJson(
      'requests.exceptions.HTTPError: 400 Client Error: Bad Request for url: https://api.mexc.com/api/v3/account?timestamp=1700000000000&signature=abc',
    );
    expect(code).toBe(1);
    expect(diagnoses[0]?.id).toBe('unknown-error');
    expect(diagnoses[0]?.evidence.join('\n')).toMatch(/MEXC puts the reason in the response body/);
  });

  it('explains an httpx 429 line', async () => {
    expect(await ids("httpx.HTTPStatusError: Client error '429 Too Many Requests' for url 'https://api.mexc.com/api/v3/account'")).toEqual([
      'rate-limited',
    ]);
  });

  it('explains a Node axios error as util.inspect prints it', async () => {
    const text = `AxiosError: Request failed with status code 400
  code: 'ERR_BAD_REQUEST',
  response: {
    status: 400,
    statusText: 'Bad Request',
    data: { code: 700006, msg: 'IP [168.181.160.97] not in the ip white list' }
  }`;
    const { diagnoses } = await explainJson(text);
    expect(diagnoses[0]?.id).toBe('ip-not-whitelisted');
    expect(diagnoses[0]?.evidence).toContain('MEXC saw your IP as 168.181.160.97');
  });

  it('explains a got HTTPError with the body', async () => {
    const text = "HTTPError: Response code 400 (Bad Request)\n  response.body: '{\"code\":700013,\"msg\":\"Invalid content Type.\"}'";
    expect(await ids(text)).toEqual(['content-type-invalid']);
  });

  it('explains a JSON body that was escaped inside another string', async () => {
    expect(await ids('{"error":"{\\"code\\":700003,\\"msg\\":\\"Timestamp for this request is outside of the recvWindow.\\"}"}')).toEqual([
      'timestamp-outside-recv-window',
    ]);
  });

  it('explains a bare code', async () => {
    expect(await ids('700003')).toEqual(['timestamp-outside-recv-window']);
    expect(await ids(' "730708" ')).toEqual(['unknown-error']);
  });

  it('explains a bare message regardless of case and trailing period', async () => {
    expect(await ids('Signature for this request is not valid')).toEqual(['signature-invalid']);
    expect(await ids('signature for this request is not valid.')).toEqual(['signature-invalid']);
    expect(await ids('IP non white list')).toEqual(['ip-not-whitelisted']);
    expect(await ids("Mandatory parameter 'signature' was not sent, was empty/null, or malformed.")).toEqual(['signature-missing']);
  });

  it('explains an Akamai 403 "Access Denied" page as blocked, with its reference', async () => {
    const { diagnoses } = await explainJson(AKAMAI_ACCESS_DENIED);
    expect(diagnoses[0]?.id).toBe('blocked');
    expect(diagnoses[0]?.evidence.join('\n')).toContain('18.5f3c1402.1700000000.2a1b3c4d');
  });

  it('explains "429 Too Many Requests"', async () => {
    expect(await ids('429 Too Many Requests')).toEqual(['rate-limited']);
  });

  it('explains a futures body and says it is the futures API', async () => {
    const { diagnoses } = await explainJson('{"success":false,"code":602,"message":"Signature verification failed!"}');
    expect(diagnoses[0]?.id).toBe('signature-invalid');
    expect(diagnoses[0]?.evidence.join('\n')).toMatch(/futures \(contract\) API/);
  });

  it('explains a network error from a stack trace', async () => {
    expect(await ids('Error: getaddrinfo ENOTFOUND api.mexc.com\n    at GetAddrInfoReqWrap.onlookup')).toEqual(['dns-failure']);
    expect(await ids('Error: self-signed certificate in certificate chain\n  code: SELF_SIGNED_CERT_IN_CHAIN')).toEqual(['tls-error']);
  });

  it('explains a captive-portal page as not MEXC, without inventing a status', async () => {
    const { diagnoses } = await explainJson(CAPTIVE_PORTAL);
    expect(diagnoses[0]?.id).toBe('unexpected-response');
    expect(diagnoses[0]?.evidence.join('\n')).not.toMatch(/HTTP status/);
  });

  it('reports each distinct error in a log once', async () => {
    const log = [
      '{"code":700003,"msg":"Timestamp for this request is outside of the recvWindow."}',
      '{"code":700003,"msg":"Timestamp for this request is outside of the recvWindow."}',
      '{"code":700002,"msg":"Signature for this request is not valid."}',
    ].join('\n');
    expect(await ids(log)).toEqual(['timestamp-outside-recv-window', 'signature-invalid']);
  });
});

describe('explain output and exit codes', () => {
  it('prints title, explanation, evidence and numbered fixes for humans, and exits 1', async () => {
    const { code, out } = await explain('{"code":700006,"msg":"IP [198.51.100.23] not in the ip white list"}');
    expect(code).toBe(1);
    expect(out).toContain("✗ Problem: Your IP 198.51.100.23 is not on the key's whitelist");
    expect(out).toMatch(/^ {3}Evidence$/m);
    expect(out).toContain('   • MEXC saw your IP as 198.51.100.23');
    expect(out).toMatch(/^ {3}Fix 1: Add 198\.51\.100\.23/m);
    expect(out).toMatch(/^ {3}Fix 2: /m);
  });

  it('prints fix code flush left so a pasted Python snippet keeps its indentation', async () => {
    const { out } = await explain('700002');
    expect(out).toMatch(/^import hashlib$/m);
    expect(out).toMatch(/^ {4}\("recvWindow", "5000"\),$/m);
  });

  it('--json gives {diagnoses: [{id, title, evidence, fixes}]}', async () => {
    const { code, out } = await explain('700002', { json: true });
    expect(code).toBe(1);
    const parsed = JSON.parse(out) as { diagnoses: JsonDiagnosis[] };
    expect(Object.keys(parsed)).toEqual(['diagnoses']);
    const d = parsed.diagnoses[0]!;
    expect(d).toMatchObject({ id: 'signature-invalid', title: expect.any(String), evidence: expect.any(Array) });
    expect(d.fixes[0]).toMatchObject({ title: expect.any(String), lang: expect.any(String), text: expect.any(String) });
  });

  it('says honestly when there is no MEXC error in the text, shows it trimmed, and exits 1', async () => {
    const { code, out } = await explain(`something odd happened ${'x'.repeat(500)}`);
    expect(code).toBe(1);
    expect(out).toContain('No MEXC error found in this text');
    expect(out).toContain('Paste the full response body');
    expect(out).toContain('[unknown-error]');
    expect(out).toContain(`Your text: something odd happened ${'x'.repeat(177)}…`);
  });

  it('exits 2 with a sentence for empty or whitespace input', async () => {
    for (const text of ['', '   \n\t ']) {
      const { code, out, err } = await explain(text);
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err).toMatch(/explain needs the error to explain/);
    }
  });

  it('reads standard input when no text is given and stdin is not a terminal', async () => {
    const { code, out } = await explain(undefined, { io: { stdinText: '{"code":60005,"msg":"your account is abnormal"}', isTTY: false } });
    expect(code).toBe(1);
    expect(out).toContain('Your MEXC account is restricted');
  });

  it('treats "-" as standard input, even on a terminal (paste, then Ctrl-D)', async () => {
    const { out } = await explain('-', { io: { stdinText: '700005', isTTY: true } });
    expect(out).toContain('recvWindow is too large');
  });

  it('asks for the text instead of waiting on a terminal', async () => {
    const { code, err } = await explain(undefined, { io: { isTTY: true } });
    expect(code).toBe(2);
    expect(err).toMatch(/pipe it in/);
  });

  it('colours only when allowed, and never colour alone', async () => {
    const coloured = await explain('700002', { io: { color: true } });
    expect(coloured.out).toContain('\u001b[31m✗ Problem:');
    const plain = await explain('700002', { io: { color: false } });
    // eslint-disable-next-line no-control-regex
    expect(plain.out).not.toMatch(/\u001b\[/);
    expect(plain.out).toContain('✗ Problem:');
  });

  it('fills snippets with the key from MEXC_API_KEY and the base URL from MEXC_BASE_URL', async () => {
    const { out } = await explain('700002', { io: { env: { MEXC_API_KEY: 'mx0aBYs33eIilxBWC5', MEXC_BASE_URL: 'http://127.0.0.1:9999' } } });
    expect(out).toContain('const apiKey = "mx0aBYs33eIilxBWC5";');
    expect(out).toContain('const baseUrl = "http://127.0.0.1:9999";');
  });
});

describe('explain never leaks the secret', () => {
  const inputs = [
    '{"code":700002,"msg":"Signature for this request is not valid."}',
    `my code: secret = '${CANARY}' and it fails`,
    `MEXC_SECRET_KEY=${CANARY}`,
    `{"code":700002,"msg":"Signature for this request is not valid.","echo":"${CANARY}"}`,
    `unrecognised ${CANARY} text`,
    `${CANARY.toLowerCase()} lowercased`,
    `https://api.mexc.com/api/v3/account?secret=${encodeURIComponent(CANARY)}`,
  ];
  for (const input of inputs) {
    it(`keeps the canary out of text and JSON output for: ${input.slice(0, 50)}`, async () => {
      for (const json of [false, true]) {
        for (const env of [{ MEXC_SECRET_KEY: CANARY }, { MEXC_API_SECRET: CANARY }, { MEXC_SECRET: CANARY }]) {
          const io = fakeIO({ env });
          await runExplain({ text: input, json }, io);
          expect((io.out() + io.err()).toLowerCase()).not.toContain(CANARY.toLowerCase());
        }
      }
    });
  }

  it('keeps the canary out of the output even when no secret variable is set and the paste assigns it', async () => {
    const io = fakeIO({ env: {} });
    await runExplain({ text: `const secret = "${CANARY}"; // then 700002`, json: false }, io);
    expect(io.out()).not.toContain(CANARY);
  });
});

describe('explain on hostile input', () => {
  it('handles a 10 MB paste with the error at the end quickly', async () => {
    const text = `${'x'.repeat(10 * 1024 * 1024)}\n{"code":700002,"msg":"Signature for this request is not valid."}`;
    const started = performance.now();
    expect(await ids(text)).toEqual(['signature-invalid']);
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('handles 10 MB of near-miss patterns quickly', async () => {
    const text = '{"code":"msg":\'\\"code: "'.repeat(400_000) + ' IP [ '.repeat(100_000) + '<html'.repeat(100_000);
    const started = performance.now();
    const { code } = await explain(text);
    expect(code).toBe(1);
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('does not crash on binary garbage', async () => {
    const garbage = randomBytes(200_000).toString('latin1') + randomBytes(200_000).toString('utf8');
    const { code, out } = await explain(garbage);
    expect(code).toBe(1);
    expect(out.length).toBeGreaterThan(0);
  });
});
