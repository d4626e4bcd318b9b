import { describe, expect, it } from 'vitest';
import { runInspect } from '../../src/commands/inspect.js';
import { fakeIO } from '../helpers/fake-io.js';
import { DOC_KEY, DOC_SECRET, detailOf, hmac, ids, lab } from '../lab/fixtures.js';

const T = '1644489390087';
const HOST = 'https://api.mexc.com';
const POSITIONS = `${HOST}/api/v1/private/position/open_positions`;
const OPEN_ORDERS = `${HOST}/api/v1/private/order/list/open_orders`;
const ASSETS = `${HOST}/api/v1/private/account/assets`;
const SUBMIT = `${HOST}/api/v1/private/order/submit`;
/** The issue's vectors (openssl): key + time + symbol=BTC_USDT, and key + time alone. */
const SIG_SYMBOL = '0f4e728063ca729d9ef7c4c171d94aabf2c4c84418ee7312572901426733cb2c';
const SIG_EMPTY = '8c0d829f0a56a0c771c2e0623e07a8f20d55a32b83a7eeb3b9c1c75d20c153b6';
const SPOT_ONLY = ['query-body-joined-with-ampersand', 'binance-header', 'legacy-endpoint', 'content-type-missing', 'space-as-plus', 'lowercase-percent-escapes', 'recv-window-too-large', 'signature-signed-itself', 'stray-ampersand'];

function curl(url: string, headers: Record<string, string>, extra = ''): string {
  const h = Object.entries(headers).map(([k, v]) => `-H '${k}: ${v}'`).join(' ');
  return `curl ${extra}${h} '${url}'`;
}
const signed = (sig: string, time = T) => ({ ApiKey: DOC_KEY, 'Request-Time': time, Signature: sig });

describe('inspect: futures signature-valid', () => {
  it('accepts the issue\'s vector: key + 1644489390087 + symbol=BTC_USDT signed 0f4e…cb2c', () => {
    const r = lab(curl(`${POSITIONS}?symbol=BTC_USDT`, signed(SIG_SYMBOL)));
    expect(r.valid).toBe(true);
    expect(ids(r)).toEqual(['signature-valid']);
    expect(r.signature?.stringToSign).toBe(`${DOC_KEY}${T}symbol=BTC_USDT`);
    expect(r.verdict).toBe('Signature valid — MEXC would accept this futures request');
  });

  it('accepts a request without parameters signed 8c0d…53b6', () => {
    expect(lab(curl(ASSETS, signed(SIG_EMPTY))).valid).toBe(true);
  });

  it('accepts a query sent in any order when the signature covers it sorted', () => {
    const sig = hmac(`${DOC_KEY}${T}page_num=1&page_size=20&symbol=BTC_USDT`);
    expect(ids(lab(curl(`${OPEN_ORDERS}?symbol=BTC_USDT&page_size=20&page_num=1`, signed(sig))))).toEqual(['signature-valid']);
  });

  it('accepts a POST whose signature covers the raw JSON body', () => {
    const body = '{"symbol":"BTC_USDT","price":8800,"vol":1,"side":1,"type":1,"openType":1}';
    const r = lab(curl(SUBMIT, { ...signed(hmac(`${DOC_KEY}${T}${body}`)), 'Content-Type': 'application/json' }, `-X POST -d '${body}' `));
    expect(ids(r)).toEqual(['signature-valid']);
  });

  it('reads a log dump: method line, header lines, body', () => {
    const log = `GET ${POSITIONS}?symbol=BTC_USDT HTTP/1.1\nApiKey: ${DOC_KEY}\nRequest-Time: ${T}\nSignature: ${SIG_SYMBOL}\nContent-Type: application/json\n`;
    expect(ids(lab(log))).toEqual(['signature-valid']);
  });
});

describe('inspect: futures mistakes', () => {
  it('param-order-differs: GET parameters signed in the order sent instead of sorted', () => {
    const sig = hmac(`${DOC_KEY}${T}symbol=BTC_USDT&page_num=1`);
    const r = lab(curl(`${OPEN_ORDERS}?symbol=BTC_USDT&page_num=1`, signed(sig)));
    expect(r.valid).toBe(false);
    expect(ids(r)).toEqual(['param-order-differs']);
    expect(r.signature?.signedString).toBe(`${DOC_KEY}${T}symbol=BTC_USDT&page_num=1`);
    expect(detailOf(r, 'param-order-differs')).toContain('MEXC sorts them by name ("page_num=1&symbol=BTC_USDT")');
  });

  it('secret-mismatch: the secret of another key', () => {
    const sig = hmac(`${DOC_KEY}${T}symbol=BTC_USDT`, '0123456789abcdef0123456789abcdef');
    const r = lab(curl(`${POSITIONS}?symbol=BTC_USDT`, signed(sig)));
    expect(ids(r)).toEqual(['secret-mismatch']);
    expect(r.verdict).toMatch(/^Signature does not match/);
  });

  it('secret-mismatch: names a secret read with its trailing newline', () => {
    const sig = hmac(`${DOC_KEY}${T}symbol=BTC_USDT`, `${DOC_SECRET}\n`);
    const r = lab(curl(`${POSITIONS}?symbol=BTC_USDT`, signed(sig)));
    expect(ids(r)).toEqual(['secret-mismatch']);
    expect(detailOf(r, 'secret-mismatch')).toContain('newline');
  });

  it('timestamp-in-seconds: a Request-Time of 10 digits, even when the signature matches it', () => {
    const sig = hmac(`${DOC_KEY}1644489390symbol=BTC_USDT`);
    const r = lab(curl(`${POSITIONS}?symbol=BTC_USDT`, signed(sig, '1644489390')));
    expect(ids(r)).toEqual(['signature-valid', 'timestamp-in-seconds']);
    expect(r.valid).toBe(false);
    expect(detailOf(r, 'timestamp-in-seconds')).toContain('513');
  });

  it('key-header-missing: the spot header X-MEXC-APIKEY instead of ApiKey', () => {
    const r = lab(curl(`${POSITIONS}?symbol=BTC_USDT`, { 'X-MEXC-APIKEY': DOC_KEY, 'Request-Time': T, Signature: SIG_SYMBOL }));
    expect(ids(r)).toEqual(['key-header-missing']);
    expect(r.findings[0]!.title).toBe('No ApiKey header');
    expect(detailOf(r, 'key-header-missing')).toContain('X-MEXC-APIKEY, the spot header');
    expect(r.verdict).toBe('Cannot check the signature: no ApiKey header');
  });

  it('signature-missing and timestamp-missing: spot-style signing on a futures endpoint', () => {
    const query = `symbol=BTC_USDT&timestamp=${T}&signature=${hmac(`symbol=BTC_USDT&timestamp=${T}`)}`;
    const r = lab(curl(`${POSITIONS}?${query}`, { ApiKey: DOC_KEY }));
    expect(ids(r)).toEqual(['timestamp-missing', 'signature-missing']);
    expect(r.findings.map((f) => f.title)).toEqual(['No Request-Time header', 'No Signature header']);
    expect(detailOf(r, 'signature-missing')).toContain('spot-style signing');
  });

  it('signed-params-differ: a POST body signed as Python json.dumps() writes it, sent compact', () => {
    const sent = '{"symbol":"BTC_USDT","vol":1}';
    const sig = hmac(`${DOC_KEY}${T}{"symbol": "BTC_USDT", "vol": 1}`);
    const r = lab(curl(SUBMIT, { ...signed(sig), 'Content-Type': 'application/json' }, `-X POST -d '${sent}' `));
    expect(ids(r)).toEqual(['signed-params-differ']);
    expect(detailOf(r, 'signed-params-differ')).toContain('json.dumps()');
  });

  it('signed-params-differ: only the parameters signed, the spot way', () => {
    const r = lab(curl(`${POSITIONS}?symbol=BTC_USDT`, signed(hmac('symbol=BTC_USDT'))));
    expect(ids(r)).toEqual(['signed-params-differ']);
    expect(detailOf(r, 'signed-params-differ')).toContain('the spot way');
  });

  it('signature-uppercase: the right digest in uppercase hex', () => {
    expect(ids(lab(curl(`${POSITIONS}?symbol=BTC_USDT`, signed(SIG_SYMBOL.toUpperCase()))))).toEqual(['signature-uppercase']);
  });

  it('never gives a spot-only finding on a futures request', () => {
    const inputs = [
      curl(SUBMIT, { 'X-MBX-APIKEY': DOC_KEY, 'Request-Time': T, Signature: SIG_EMPTY }, "-X POST -d 'a=1 2&b=%2c&recvWindow=90000' "),
      curl(`https://contract.mexc.com/api/v1/private/account/assets?signature=&x=a+b%2c`, { ApiKey: DOC_KEY, 'Request-Time': '1644489390', Signature: 'zz' }),
      `POST ${SUBMIT}\nApiKey: ${DOC_KEY}\nRequest-Time: ${T}\nSignature: ${SIG_EMPTY}\n\nsymbol=BTC_USDT&vol=1`,
    ];
    for (const input of inputs) {
      const found = ids(lab(input));
      expect(found.length).toBeGreaterThan(0);
      for (const id of found) expect(SPOT_ONLY).not.toContain(id);
    }
  });

  it('judges a /api/v3 request with futures headers by spot rules', () => {
    const r = lab(curl(`${HOST}/api/v3/account?timestamp=${T}`, signed(SIG_SYMBOL)));
    expect(ids(r)).toContain('signature-missing');
    expect(ids(r)).toContain('key-header-missing');
    expect(r.findings.find((f) => f.id === 'key-header-missing')!.title).toBe('No X-MEXC-APIKEY header');
  });
});

describe('mexc-wizard inspect on futures requests', () => {
  const withSecret = { env: { MEXC_SECRET_KEY: DOC_SECRET } };

  it('exits 0 on a valid request, with the key masked and shown as [ApiKey] in the signed string', async () => {
    const io = fakeIO(withSecret);
    expect(await runInspect({ input: curl(`${POSITIONS}?symbol=BTC_USDT`, signed(SIG_SYMBOL)), json: false }, io)).toBe(0);
    expect(io.out()).toContain('API key     mx0a…WC5');
    expect(io.out()).toContain(`MEXC signs  [ApiKey]${T}symbol=BTC_USDT`);
    expect(io.out()).not.toContain(DOC_KEY);
    expect(io.out()).not.toContain(DOC_SECRET);
  });

  it('exits 1 with --json on a mistake, the key masked in the details', async () => {
    const io = fakeIO(withSecret);
    const sig = hmac(`${DOC_KEY}${T}symbol=BTC_USDT&page_num=1`);
    expect(await runInspect({ input: curl(`${OPEN_ORDERS}?symbol=BTC_USDT&page_num=1`, signed(sig)), json: true }, io)).toBe(1);
    const json = JSON.parse(io.out());
    expect(json.valid).toBe(false);
    expect(json.findings.map((f: { id: string }) => f.id)).toEqual(['param-order-differs']);
    expect(io.out()).not.toContain(DOC_KEY);
  });

  it('exits 2 on a bare futures URL: the headers that carry the signature are not in it', async () => {
    const io = fakeIO(withSecret);
    expect(await runInspect({ input: `${ASSETS}?timestamp=${T}&signature=abc`, json: false }, io)).toBe(2);
    expect(io.err()).toMatch(/ApiKey, Request-Time and Signature headers, which a URL does not show/);
    expect(io.err()).toMatch(/spot-style timestamp\/signature parameters/);
    expect(io.out()).toBe('');
  });

  it('exits 0 on a public futures endpoint: nothing to sign', async () => {
    const io = fakeIO(withSecret);
    expect(await runInspect({ input: `${HOST}/api/v1/contract/ping`, json: true }, io)).toBe(0);
    expect(JSON.parse(io.out())).toEqual({ valid: true, findings: [] });
  });
});
