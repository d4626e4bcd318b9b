/**
 * `inspect` on requests as real libraries build and log them, each signed here with node:crypto
 * from MEXC's documented rule (docs/mexc-api.md §1, §6), not with the project's signer:
 *  - ccxt spot `sign()`: params, then `timestamp`, then `recvWindow`, urlencoded, signature
 *    appended last, everything in the query also for POST/DELETE; futures: keysort + urlencode
 *    for GET, the JSON body for POST (https://github.com/ccxt/ccxt/blob/master/python/ccxt/mexc.py).
 *  - ccxt's verbose log (`fetch Request: mexc GET … RequestHeaders: {…} RequestBody: None`).
 *  - Python requests (params dict + signature), requests' form body, axios, Node
 *    URLSearchParams, curl with -d, a raw HTTP log with CRLF line ends.
 * Expected finding ids: src/core/lab/types.ts (a contract).
 */
import { createHmac } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { runInspect } from '../../src/commands/inspect.js';
import { ensureBuilt, runCli } from '../support/cli.js';
import { fakeIO } from '../support/fake-io.js';
import { KEY, SECRET } from './standin.js';

const hmac = (text: string, secret = SECRET) => createHmac('sha256', secret).update(text, 'utf8').digest('hex');
const T = 1714530000123;
const HOST = 'https://api.mexc.com';
/** ccxt appends timestamp then recvWindow after the call's own params. */
const ccxtQuery = (params: string) => `${params ? `${params}&` : ''}timestamp=${T}&recvWindow=5000`;
const signedUrl = (path: string, query: string, sig = hmac(query)) => `${HOST}${path}?${query}&signature=${sig}`;

/** The official example (docs/mexc-api.md §1.2). */
const DOC_KEY = 'mx0aBYs33eIilxBWC5';
const DOC_SECRET = '45d0b3c26f2644f19bfb98b07741b2f5';
const DOC_PARAMS = 'symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=1&price=11&recvWindow=5000&timestamp=1644489390087';

const fsign = (params: string, time = String(T)) => hmac(`${KEY}${time}${params}`);

interface Case {
  name: string;
  input: string;
  /** undefined: valid (exit 0). */
  id?: string;
  /** Findings that must not appear (e.g. a spot-only one on futures). */
  not?: string[];
  secret?: string;
}

const SPOT: Case[] = [
  { name: 'ccxt fetchBalance URL (timestamp, then recvWindow)', input: signedUrl('/api/v3/account', ccxtQuery('')) },
  {
    name: 'ccxt py verbose log line with its headers dict',
    input: `fetch Request: mexc GET ${signedUrl('/api/v3/account', ccxtQuery(''))} RequestHeaders: {'X-MEXC-APIKEY': '${KEY}', 'source': 'CCXT', 'User-Agent': 'python-requests/2.31.0', 'Accept-Encoding': 'gzip, deflate'} RequestBody: None`,
    not: ['key-header-missing'],
  },
  {
    name: 'ccxt JS verbose log, multi-line',
    input: ['fetch Request:', ` mexc GET ${signedUrl('/api/v3/openOrders', ccxtQuery('symbol=BTCUSDT'))}`, 'RequestHeaders:', ` { 'X-MEXC-APIKEY': '${KEY}', source: 'CCXT' }`, 'RequestBody:', ' undefined'].join('\n'),
    not: ['key-header-missing'],
  },
  {
    name: 'ccxt createOrder: POST, all in the query, JSON Content-Type (log with headers)',
    input: [`POST ${signedUrl('/api/v3/order', ccxtQuery('symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=0.001&price=30000'))}`, `X-MEXC-APIKEY: ${KEY}`, 'source: CCXT', 'Content-Type: application/json'].join('\n'),
  },
  {
    name: 'ccxt cancelOrder: DELETE with a JSON Content-Type',
    input: `curl -X DELETE -H 'X-MEXC-APIKEY: ${KEY}' -H 'Content-Type: application/json' '${signedUrl('/api/v3/order', ccxtQuery('symbol=BTCUSDT&orderId=C02__443776347957968896'))}'`,
  },
  {
    name: 'ccxt py withdraw: BEP20(BSC) encoded by urlencode, signed as sent',
    input: `curl -X POST -H 'X-MEXC-APIKEY: ${KEY}' -H 'Content-Type: application/json' '${signedUrl('/api/v3/capital/withdraw', ccxtQuery('coin=USDT&network=BEP20%28BSC%29&address=0xabc&amount=10'))}'`,
  },
  {
    name: 'listenKey keep-alive PUT without Content-Type (ccxt before #21367)',
    input: `curl -X PUT -H 'X-MEXC-APIKEY: ${KEY}' '${signedUrl('/api/v3/userDataStream', ccxtQuery('listenKey=pqia91ma19a5s61cv6a81va65sdf19v8a65a1a5s61cv6a81va65sdf19v8a65a1'))}'`,
    id: 'content-type-missing',
  },
  {
    name: 'Python requests params dict + signature appended (urlencode, then sign)',
    input: `GET ${signedUrl('/api/v3/myTrades', `symbol=BTCUSDT&limit=50&timestamp=${T}`)}\nX-MEXC-APIKEY: ${KEY}\nUser-Agent: python-requests/2.31.0`,
  },
  {
    name: 'Python requests: signed sorted(params), sent in dict order',
    input: `GET ${HOST}/api/v3/openOrders?timestamp=${T}&symbol=BTCUSDT&recvWindow=5000&signature=${hmac(`recvWindow=5000&symbol=BTCUSDT&timestamp=${T}`)}\nX-MEXC-APIKEY: ${KEY}`,
    id: 'param-order-differs',
  },
  {
    name: 'Python requests POST data=params (form body, form Content-Type)',
    input: [
      `POST ${HOST}/api/v3/order/test`,
      `X-MEXC-APIKEY: ${KEY}`,
      'Content-Type: application/x-www-form-urlencoded',
      '',
      `symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=0.001&price=30000&timestamp=${T}&signature=${hmac(`symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=0.001&price=30000&timestamp=${T}`)}`,
    ].join('\n'),
    id: 'content-type-missing',
    not: ['secret-mismatch', 'signed-params-differ'],
  },
  {
    name: 'POST form body with JSON Content-Type (docs Example 1 shape), CRLF log',
    input: [
      `POST ${HOST}/api/v3/order/test HTTP/1.1`,
      'Host: api.mexc.com',
      `X-MEXC-APIKEY: ${KEY}`,
      'Content-Type: application/json',
      '',
      `symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=0.001&price=30000&timestamp=${T}&signature=${hmac(`symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=0.001&price=30000&timestamp=${T}`)}`,
    ].join('\r\n'),
  },
  {
    name: 'POST: params in the query, signature alone in the body',
    input: `curl -X POST -H 'X-MEXC-APIKEY: ${KEY}' -H 'Content-Type: application/json' '${HOST}/api/v3/order/test?symbol=BTCUSDT&side=BUY&type=MARKET&quoteOrderQty=10&timestamp=${T}' -d 'signature=${hmac(`symbol=BTCUSDT&side=BUY&type=MARKET&quoteOrderQty=10&timestamp=${T}`)}'`,
  },
  {
    name: 'axios params { timestamp, recvWindow, signature }',
    input: `GET ${signedUrl('/api/v3/account', `timestamp=${T}&recvWindow=10000`)}\nX-MEXC-APIKEY: ${KEY}\nAccept: application/json, text/plain, */*\nUser-Agent: axios/1.6.8`,
  },
  {
    name: 'Node URLSearchParams: signed before recvWindow was appended',
    input: `GET ${HOST}/api/v3/account?timestamp=${T}&signature=${hmac(`timestamp=${T}`)}&recvWindow=5000\nX-MEXC-APIKEY: ${KEY}`,
    id: 'signed-params-differ',
  },
  {
    name: 'JS SDK encodeURIComponent: raw ( ) signed and sent (mexc-api-sdk#22)',
    input: `curl -X POST -H 'X-MEXC-APIKEY: ${KEY}' -H 'Content-Type: application/json' '${HOST}/api/v3/capital/withdraw?coin=USDT&network=BEP20(BSC)&address=0xabc&amount=10&timestamp=${T}&signature=${hmac(`coin=USDT&network=BEP20(BSC)&address=0xabc&amount=10&timestamp=${T}`)}'`,
    id: 'signed-unencoded-values',
  },
  {
    name: 'secret read from a file with its trailing newline',
    input: `curl -H 'X-MEXC-APIKEY: ${KEY}' '${signedUrl('/api/v3/account', `timestamp=${T}`, hmac(`timestamp=${T}`, `${SECRET}\n`))}'`,
    id: 'secret-mismatch',
    not: ['signature-valid'],
  },
  {
    name: 'signature as base64 instead of hex',
    input: `curl -H 'X-MEXC-APIKEY: ${KEY}' '${HOST}/api/v3/account?timestamp=${T}&signature=${encodeURIComponent(createHmac('sha256', SECRET).update(`timestamp=${T}`).digest('base64'))}'`,
    id: 'secret-mismatch',
  },
  {
    name: 'docs Example 1: all in the body, the correct signature',
    input: `curl -H "X-MEXC-APIKEY: ${DOC_KEY}" -H 'Content-Type: application/json' -X POST '${HOST}/api/v3/order' -d '${DOC_PARAMS}&signature=fd3e4e8543c5188531eb7279d68ae7d26a573d0fc5ab0d18eb692451654d837a'`,
    secret: DOC_SECRET,
  },
  {
    name: "docs Example 1's misprinted signature",
    input: `curl -H "X-MEXC-APIKEY: ${DOC_KEY}" -H 'Content-Type: application/json' -X POST '${HOST}/api/v3/order' -d '${DOC_PARAMS}&signature=323c96ab85a745712e95e63cad28903dd8292e4a905e99c4ee3932023843a117'`,
    secret: DOC_SECRET,
    id: 'secret-mismatch',
  },
  {
    name: 'docs Example 3: mixed query and body',
    input: `curl -H "X-MEXC-APIKEY: ${DOC_KEY}" -H 'Content-Type: application/json' -X POST '${HOST}/api/v3/order?symbol=BTCUSDT&side=BUY&type=LIMIT' -d 'quantity=1&price=11&recvWindow=5000&timestamp=1644489390087&signature=d1a676610ceb39174c8039b3f548357994b2a34139a8addd33baadba65684592'`,
    secret: DOC_SECRET,
  },
];

const FUTURES: Case[] = [
  {
    name: 'ccxt futures GET: keysort + urlencode, its headers',
    input: [
      `GET ${HOST}/api/v1/private/order/list/history_orders?page_num=1&page_size=20&symbol=BTC_USDT`,
      `ApiKey: ${KEY}`,
      `Request-Time: ${T}`,
      'Content-Type: application/json',
      'source: CCXT',
      `Signature: ${fsign('page_num=1&page_size=20&symbol=BTC_USDT')}`,
    ].join('\n'),
    not: ['content-type-missing', 'timestamp-missing'],
  },
  {
    name: 'ccxt futures POST: the JSON body signed as sent',
    input: `curl -X POST -H 'ApiKey: ${KEY}' -H 'Request-Time: ${T}' -H 'Content-Type: application/json' -H 'Signature: ${fsign('{"symbol":"BTC_USDT","price":30000,"vol":1,"side":1,"type":1,"openType":1,"leverage":5}')}' '${HOST}/api/v1/private/order/submit' -d '{"symbol":"BTC_USDT","price":30000,"vol":1,"side":1,"type":1,"openType":1,"leverage":5}'`,
  },
  {
    name: 'ccxt py verbose log of a futures POST',
    input: `fetch Request: mexc POST ${HOST}/api/v1/private/order/submit RequestHeaders: {'ApiKey': '${KEY}', 'Request-Time': '${T}', 'Content-Type': 'application/json', 'source': 'CCXT', 'Signature': '${fsign('{"symbol":"BTC_USDT","vol":1,"side":1}')}'} RequestBody: {"symbol":"BTC_USDT","vol":1,"side":1}`,
  },
  {
    name: 'futures on the old contract host, no params',
    input: `curl -H 'ApiKey: ${KEY}' -H 'Request-Time: ${T}' -H 'Signature: ${fsign('')}' -H 'Content-Type: application/json' 'https://contract.mexc.com/api/v1/private/account/assets'`,
    not: ['legacy-endpoint'],
  },
  {
    name: 'futures signed the spot way (params only, no key and time)',
    input: `curl -H 'ApiKey: ${KEY}' -H 'Request-Time: ${T}' -H 'Signature: ${hmac('symbol=BTC_USDT')}' '${HOST}/api/v1/private/position/open_positions?symbol=BTC_USDT'`,
    id: 'signed-params-differ',
    not: ['timestamp-missing', 'content-type-missing', 'signature-missing'],
  },
  {
    name: 'futures POST body signed compact, sent pretty (Python json.dumps default)',
    input: `curl -X POST -H 'ApiKey: ${KEY}' -H 'Request-Time: ${T}' -H 'Content-Type: application/json' -H 'Signature: ${fsign('{"symbol":"BTC_USDT","vol":1}')}' '${HOST}/api/v1/private/order/submit' -d '{"symbol": "BTC_USDT", "vol": 1}'`,
    id: 'signed-params-differ',
  },
  {
    name: 'futures request signed with a spot-style signature param in the query',
    input: `curl -H 'ApiKey: ${KEY}' -H 'Request-Time: ${T}' '${HOST}/api/v1/private/account/assets?timestamp=${T}&signature=${hmac(`timestamp=${T}`)}'`,
    id: 'signature-missing',
    not: ['content-type-missing', 'timestamp-in-seconds'],
  },
];

async function inspect(input: string, secret = SECRET): Promise<{ code: number; valid?: boolean; ids: string[]; err: string }> {
  const io = fakeIO({ env: { MEXC_SECRET_KEY: secret } });
  const code = await runInspect({ input, json: true }, io);
  if (code === 2) return { code, ids: [], err: io.err() };
  const out = JSON.parse(io.out()) as { valid: boolean; findings: Array<{ id: string }> };
  return { code, valid: out.valid, ids: out.findings.map((f) => f.id), err: io.err() };
}

describe.each([
  ['spot', SPOT],
  ['futures', FUTURES],
] as const)('inspect: %s requests as libraries build them', (_api, cases) => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_n, c) => {
    const r = await inspect(c.input, c.secret);
    const said = `${c.name} → exit ${r.code} valid=${r.valid} [${r.ids.join(',')}] ${r.err}`;
    if (c.id === undefined) {
      expect(r.code, said).toBe(0);
      expect(r.valid, said).toBe(true);
      expect(r.ids, said).toContain('signature-valid');
    } else {
      expect(r.code, said).toBe(1);
      expect(r.valid, said).toBe(false);
      expect(r.ids, said).toContain(c.id);
    }
    for (const id of c.not ?? []) expect(r.ids, said).not.toContain(id);
  });
});

describe('inspect real requests through the built CLI', () => {
  beforeAll(() => ensureBuilt());
  it.each([SPOT[1]!, FUTURES[0]!])('$name', async (c) => {
    const r = await runCli(['inspect', '--json', '-'], { env: { MEXC_SECRET_KEY: SECRET }, cwd: '/tmp', input: c.input });
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { valid: boolean }).valid).toBe(true);
  });
});
