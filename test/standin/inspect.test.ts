/**
 * `inspect` (the signature lab) on requests that carry the common signing mistakes
 * (docs/mexc-api.md §1, §6, §7), each built here with node:crypto from MEXC's documented rule,
 * not with the project's signer. Expected finding ids: src/core/lab/types.ts (a contract).
 * Every valid request is also sent to the stand-in, which must accept it (and every broken
 * spot signature must be refused there), so the lab's "valid" and the stand-in agree.
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInspect } from '../../src/commands/inspect.js';
import { ensureBuilt, runCli } from '../support/cli.js';
import { fakeIO } from '../support/fake-io.js';
import { KEY, SECRET, startStandin, type Standin } from './standin.js';

const hmac = (text: string, secret = SECRET) => createHmac('sha256', secret).update(text, 'utf8').digest('hex');
const T = Date.now();
const HOST = 'https://api.mexc.com';
const keyH = `-H 'X-MEXC-APIKEY: ${KEY}'`;
const json = `-H 'Content-Type: application/json'`;

interface InspectCase {
  name: string;
  input: string;
  /** undefined: valid (exit 0). */
  id?: string;
  /** Send to the stand-in to confirm MEXC's verdict (spot GET/POST curl). */
  confirm?: { method: 'GET' | 'POST'; path: string; query: string; body?: string; headers: Record<string, string> };
}

function getCase(name: string, signed: string, sent: string, id?: string, sig = hmac(signed)): InspectCase {
  const query = `${sent}&signature=${sig}`;
  return { name, input: `curl ${keyH} '${HOST}/api/v3/account?${query}'`, ...(id ? { id } : {}), confirm: { method: 'GET', path: '/api/v3/account', query, headers: { 'X-MEXC-APIKEY': KEY } } };
}

const base = `recvWindow=5000&timestamp=${T}`;
const order = `symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=0.0002&price=30000`;

const SPOT: InspectCase[] = [
  getCase('valid GET account', base, base),
  getCase('valid GET with timestamp only', `timestamp=${T}`, `timestamp=${T}`),
  getCase('secret of another key', base, base, 'secret-mismatch', hmac(base, 'ffeeddccbbaa99887766554433221100')),
  getCase('signature in uppercase hex', base, base, 'signature-uppercase', hmac(base).toUpperCase()),
  getCase('signed sorted, sent in another order', `recvWindow=5000&symbol=BTCUSDT&timestamp=${T}`, `symbol=BTCUSDT&timestamp=${T}&recvWindow=5000`, 'param-order-differs'),
  getCase('signed with a leading &', `&${base}`, base, 'stray-ampersand'),
  getCase('signed with a trailing &', `${base}&`, base, 'stray-ampersand'),
  getCase('recvWindow added after signing', `timestamp=${T}`, `timestamp=${T}&recvWindow=5000`, 'signed-params-differ'),
  getCase('signed with an empty signature= placeholder', `${base}&signature=`, base, 'signature-signed-itself'),
  getCase('timestamp in seconds', `timestamp=${Math.floor(T / 1000)}`, `timestamp=${Math.floor(T / 1000)}`, 'timestamp-in-seconds'),
  getCase('recvWindow 70000', `recvWindow=70000&timestamp=${T}`, `recvWindow=70000&timestamp=${T}`, 'recv-window-too-large'),
  getCase('no timestamp', 'recvWindow=5000', 'recvWindow=5000', 'timestamp-missing'),
  {
    name: 'signed raw parentheses, sent encoded',
    input: `curl ${keyH} '${HOST}/api/v3/capital/deposit/address?coin=USDT&network=BEP20%28BSC%29&timestamp=${T}&signature=${hmac(`coin=USDT&network=BEP20(BSC)&timestamp=${T}`)}'`,
    id: 'signed-unencoded-values',
  },
  {
    name: 'signed lowercase escapes, sent uppercase',
    input: `curl ${keyH} '${HOST}/api/v3/openOrders?symbols=BTCUSDT%2CETHUSDT&timestamp=${T}&signature=${hmac(`symbols=BTCUSDT%2cETHUSDT&timestamp=${T}`)}'`,
    id: 'lowercase-percent-escapes',
  },
  {
    name: 'signed %20, sent + for the space',
    input: `curl ${keyH} '${HOST}/api/v3/capital/withdraw?coin=USDT&memo=a+b&timestamp=${T}&signature=${hmac(`coin=USDT&memo=a%20b&timestamp=${T}`)}'`,
    id: 'space-as-plus',
  },
  {
    name: 'valid, signature before the other parameters (MEXC Python demo)',
    input: `curl ${keyH} '${HOST}/api/v3/account?signature=${hmac(base)}&${base}'`,
    confirm: { method: 'GET', path: '/api/v3/account', query: `signature=${hmac(base)}&${base}`, headers: { 'X-MEXC-APIKEY': KEY } },
  },
  {
    name: 'valid, lowercase key header name',
    input: `curl -H 'x-mexc-apikey: ${KEY}' '${HOST}/api/v3/account?timestamp=${T}&recvWindow=5000&signature=${hmac(`timestamp=${T}&recvWindow=5000`)}'`,
  },
  { name: 'no signature', input: `curl ${keyH} '${HOST}/api/v3/account?${base}'`, id: 'signature-missing' },
  { name: 'Binance key header', input: `curl -H 'X-MBX-APIKEY: ${KEY}' '${HOST}/api/v3/account?${base}&signature=${hmac(base)}'`, id: 'binance-header' },
  { name: 'no key header', input: `curl '${HOST}/api/v3/account?${base}&signature=${hmac(base)}'`, id: 'key-header-missing' },
  { name: 'old v2 endpoint', input: `curl ${keyH} 'https://www.mexc.com/open/api/v2/account/info?${base}&signature=${hmac(base)}'`, id: 'legacy-endpoint' },
  {
    name: 'valid POST order/test, all in the query',
    input: `curl -X POST ${keyH} ${json} '${HOST}/api/v3/order/test?${order}&${base}&signature=${hmac(`${order}&${base}`)}'`,
    confirm: { method: 'POST', path: '/api/v3/order/test', query: `${order}&${base}&signature=${hmac(`${order}&${base}`)}`, headers: { 'X-MEXC-APIKEY': KEY, 'Content-Type': 'application/json' } },
  },
  {
    name: 'valid POST, query + body glued with nothing (docs Example 3)',
    input: `curl -X POST ${keyH} ${json} '${HOST}/api/v3/order/test?symbol=BTCUSDT&side=BUY&type=LIMIT' -d 'quantity=0.0002&price=30000&${base}&signature=${hmac(`symbol=BTCUSDT&side=BUY&type=LIMITquantity=0.0002&price=30000&${base}`)}'`,
    confirm: {
      method: 'POST',
      path: '/api/v3/order/test',
      query: 'symbol=BTCUSDT&side=BUY&type=LIMIT',
      body: `quantity=0.0002&price=30000&${base}&signature=${hmac(`symbol=BTCUSDT&side=BUY&type=LIMITquantity=0.0002&price=30000&${base}`)}`,
      headers: { 'X-MEXC-APIKEY': KEY, 'Content-Type': 'application/json' },
    },
  },
  {
    name: 'query and body signed with & between them',
    input: `curl -X POST ${keyH} ${json} '${HOST}/api/v3/order/test?symbol=BTCUSDT&side=BUY&type=LIMIT' -d 'quantity=0.0002&price=30000&${base}&signature=${hmac(`symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=0.0002&price=30000&${base}`)}'`,
    id: 'query-body-joined-with-ampersand',
    confirm: {
      method: 'POST',
      path: '/api/v3/order/test',
      query: 'symbol=BTCUSDT&side=BUY&type=LIMIT',
      body: `quantity=0.0002&price=30000&${base}&signature=${hmac(`symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=0.0002&price=30000&${base}`)}`,
      headers: { 'X-MEXC-APIKEY': KEY, 'Content-Type': 'application/json' },
    },
  },
  {
    name: 'POST without Content-Type',
    input: `curl -X POST ${keyH} '${HOST}/api/v3/order/test?${order}&${base}&signature=${hmac(`${order}&${base}`)}'`,
    id: 'content-type-missing',
    confirm: { method: 'POST', path: '/api/v3/order/test', query: `${order}&${base}&signature=${hmac(`${order}&${base}`)}`, headers: { 'X-MEXC-APIKEY': KEY } },
  },
  {
    name: 'raw HTTP log of a valid GET',
    input: `GET /api/v3/account?${base}&signature=${hmac(base)} HTTP/1.1\nHost: api.mexc.com\nX-MEXC-APIKEY: ${KEY}\n`,
  },
];

/** Futures: accessKey + Request-Time + sorted params (docs/mexc-api.md §6). */
const fsign = (params: string, time = String(T), secret = SECRET) => hmac(`${KEY}${time}${params}`, secret);
const fcurl = (query: string, headers: Record<string, string>) =>
  `curl ${Object.entries(headers)
    .map(([k, v]) => `-H '${k}: ${v}'`)
    .join(' ')} '${HOST}/api/v1/private/position/open_positions${query ? `?${query}` : ''}'`;

const FUTURES: InspectCase[] = [
  { name: 'futures valid, no params', input: fcurl('', { ApiKey: KEY, 'Request-Time': String(T), Signature: fsign('') }) },
  { name: 'futures valid, sorted params', input: fcurl('symbol=BTC_USDT', { ApiKey: KEY, 'Request-Time': String(T), Signature: fsign('symbol=BTC_USDT') }) },
  {
    name: 'futures valid POST with a JSON body',
    input: `curl -X POST -H 'ApiKey: ${KEY}' -H 'Request-Time: ${T}' -H 'Signature: ${fsign('{"symbol":"BTC_USDT","vol":1}')}' -H 'Content-Type: application/json' '${HOST}/api/v1/private/order/submit' -d '{"symbol":"BTC_USDT","vol":1}'`,
  },
  { name: 'futures signed unsorted', input: fcurl('symbol=BTC_USDT&page_num=1', { ApiKey: KEY, 'Request-Time': String(T), Signature: fsign('symbol=BTC_USDT&page_num=1') }), id: 'param-order-differs' },
  { name: 'futures wrong secret', input: fcurl('', { ApiKey: KEY, 'Request-Time': String(T), Signature: fsign('', String(T), 'ffeeddccbbaa99887766554433221100') }), id: 'secret-mismatch' },
  { name: 'futures uppercase signature', input: fcurl('', { ApiKey: KEY, 'Request-Time': String(T), Signature: fsign('').toUpperCase() }), id: 'signature-uppercase' },
  { name: 'futures Request-Time in seconds', input: fcurl('', { ApiKey: KEY, 'Request-Time': String(Math.floor(T / 1000)), Signature: fsign('', String(Math.floor(T / 1000))) }), id: 'timestamp-in-seconds' },
  { name: 'futures no Signature header', input: fcurl('', { ApiKey: KEY, 'Request-Time': String(T) }), id: 'signature-missing' },
  { name: 'futures spot key header', input: fcurl('', { 'X-MEXC-APIKEY': KEY, 'Request-Time': String(T), Signature: fsign('') }), id: 'key-header-missing' },
];

let standin: Standin;
beforeAll(async () => {
  standin = await startStandin();
  standin.set({});
});
afterAll(() => standin.close());

async function inspect(input: string): Promise<{ code: number; valid?: boolean; ids: string[]; err: string }> {
  const io = fakeIO({ env: { MEXC_SECRET_KEY: SECRET } });
  const code = await runInspect({ input, json: true }, io);
  if (code === 2) return { code, ids: [], err: io.err() };
  const out = JSON.parse(io.out()) as { valid: boolean; findings: Array<{ id: string }> };
  return { code, valid: out.valid, ids: out.findings.map((f) => f.id), err: io.err() };
}

async function mexcAccepts(c: NonNullable<InspectCase['confirm']>): Promise<boolean> {
  const r = await fetch(`${standin.url}${c.path}?${c.query}`, { method: c.method, headers: c.headers, ...(c.body !== undefined ? { body: c.body } : {}) });
  const body = (await r.json()) as { code?: number };
  return r.status === 200 && body.code === undefined;
}

describe.each([
  ['spot', SPOT],
  ['futures', FUTURES],
] as const)('inspect %s requests', (_api, cases) => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_n, c) => {
    const r = await inspect(c.input);
    const said = `${c.name} → exit ${r.code} valid=${r.valid} [${r.ids.join(',')}] ${r.err}`;
    if (c.id === undefined) {
      expect(r.code, said).toBe(0);
      expect(r.valid, said).toBe(true);
    } else {
      expect(r.code, said).toBe(1);
      expect(r.valid, said).toBe(false);
      expect(r.ids, said).toContain(c.id);
    }
    if (c.confirm) expect(await mexcAccepts(c.confirm), `${said} (stand-in disagrees)`).toBe(c.id === undefined);
  });
});

describe('inspect through the built CLI', () => {
  beforeAll(() => ensureBuilt());
  it('names the uppercase signature and exits 1', async () => {
    const r = await runCli(['inspect', '--json', SPOT[3]!.input], { env: { MEXC_SECRET_KEY: SECRET }, cwd: '/tmp' });
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as { findings: Array<{ id: string }> }).findings.map((f) => f.id)).toContain('signature-uppercase');
  });
});
