/**
 * Driven from the catalog: every code, message, HTTP status and network error an entry says it
 * reads must classify to that entry, through the classifier and through `explain`. And every
 * diagnosis has hand-written paste cases (EXPLAIN_CASES is a full Record: a new id without
 * cases does not compile; an entry that reads something must have at least one case).
 */
import { describe, expect, it } from 'vitest';
import { runExplain } from '../../src/commands/explain.js';
import { catalogEntry, type CodeRead } from '../../src/core/catalog/index.js';
import { classifyNetworkError, classifyObservation } from '../../src/core/classify.js';
import { diagnosePaste } from '../../src/core/read-paste.js';
import { DIAGNOSIS_IDS, type DiagnosisId } from '../../src/core/types.js';
import { fakeIO } from '../support/fake-io.js';
import { AKAMAI_ACCESS_DENIED, CAPTIVE_PORTAL, FIX_CONTEXT, response } from './fixtures.js';

const explainIds = (text: string) => diagnosePaste(text, FIX_CONTEXT).diagnoses.map((d) => d.id);

function bodyFor(read: CodeRead): string {
  return read.family === 'futures' ? JSON.stringify({ success: false, code: read.code, message: read.text }) : JSON.stringify({ code: read.code, msg: read.text });
}

const codeReads = DIAGNOSIS_IDS.flatMap((id) => (catalogEntry(id).reads.codes ?? []).map((read) => ({ id, read })));
const messageReads = DIAGNOSIS_IDS.flatMap((id) =>
  (catalogEntry(id).reads.messages ?? []).map((read) => ({ id, text: 'fragment' in read ? read.fragment : read.example, futures: read.family === 'futures' })),
);
const networkCodes = DIAGNOSIS_IDS.flatMap((id) => (catalogEntry(id).reads.network?.codes ?? []).map((code) => ({ id, code })));
const networkTexts = DIAGNOSIS_IDS.flatMap((id) => (catalogEntry(id).reads.network?.texts ?? []).map((t) => ({ id, text: t.example })));
const statuses = DIAGNOSIS_IDS.flatMap((id) => {
  const s = catalogEntry(id).reads.httpStatuses?.statuses;
  if (!s) return [];
  return ('from' in s ? [s.from, s.to] : [...s]).map((status) => ({ id, status }));
});

describe('every code an entry reads classifies to it', () => {
  it.each(codeReads.map((c) => [`${c.read.family} ${c.read.code} "${c.read.text}"`, c.id, c.read] as const))('%s → %s', (_label, id, read) => {
    expect(classifyObservation(response(400, bodyFor(read)))[0]?.id).toBe(id);
    expect(explainIds(bodyFor(read))[0]).toBe(id);
  });
});

describe('every message an entry reads classifies to it on its own', () => {
  it.each(messageReads.filter((m) => !m.futures).map((m) => [m.text, m.id] as const))('"%s" → %s', (text, id) => {
    expect(explainIds(text)).toEqual([id]);
    expect(classifyObservation(response(400, JSON.stringify({ msg: text })))[0]?.id).toBe(id);
  });
  // Futures words are read as such only in a futures answer ({success:false, code, message}).
  it.each(messageReads.filter((m) => m.futures).map((m) => [m.text, m.id] as const))('futures "%s" → %s', (text, id) => {
    const body = JSON.stringify({ success: false, code: 123456, message: text });
    expect(explainIds(body)).toEqual([id]);
    expect(classifyObservation(response(200, body, {}, '/api/v1/private/account/assets'))[0]?.id).toBe(id);
    expect(explainIds(text)).not.toEqual([id]);
  });
});

describe('every network error an entry reads classifies to it', () => {
  it.each(networkCodes.map((n) => [n.code, n.id] as const))('code %s → %s', (code, id) => {
    expect(classifyNetworkError(code)).toBe(id);
  });
  it.each(networkTexts.map((n) => [n.text, n.id] as const))('pasted "%s" → %s', (text, id) => {
    expect(explainIds(text)).toEqual([id]);
  });
});

describe('every HTTP status an entry reads classifies to it', () => {
  it.each(statuses.map((s) => [s.status, s.id] as const))('HTTP %i → %s', (status, id) => {
    expect(classifyObservation(response(status, ''))[0]?.id).toBe(id);
    expect(explainIds(`HTTP/1.1 ${status}`)).toEqual([id]);
  });
});

/**
 * What users paste, per diagnosis: real error texts and the classes issue #10 lists. Ids that no
 * paste can produce (a local lint, a measured clock) have none, and their entries read nothing.
 */
const EXPLAIN_CASES = {
  'key-missing': ['ccxt.base.errors.AuthenticationError: mexc requires "apiKey" credential'],
  'secret-missing': ['AuthenticationError: mexc requires "secret" credential\n    at mexc.checkRequiredCredentials'],
  'key-format': [],
  'secret-format': [],
  'key-secret-swapped': [],
  'dns-failure': ['Error: getaddrinfo ENOTFOUND api.mexc.com', 'curl: (6) Could not resolve host: api.mexc.com'],
  'connection-failed': ['Error: connect ECONNREFUSED 127.0.0.1:443', "requests.exceptions.ConnectionError: ('Connection aborted.', ConnectionResetError(104, 'Connection reset by peer'))"],
  timeout: ["ReadTimeout: HTTPSConnectionPool(host='api.mexc.com', port=443): Read timed out. (read timeout=10)", 'TimeoutError: Timeout awaiting \'request\' for 10000ms'],
  'tls-error': [
    "requests.exceptions.SSLError: HTTPSConnectionPool(host='api.mexc.com', port=443): Max retries exceeded with url: /api/v3/account (Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self signed certificate in certificate chain (_ssl.c:1006)')))",
    'Error: unable to verify the first certificate\n    at TLSSocket.onConnectSecure (node:_tls_wrap:1674:34)',
    'curl: (60) SSL certificate problem: unable to get local issuer certificate',
    'Get "https://api.mexc.com/api/v3/ping": x509: certificate signed by unknown authority',
  ],
  blocked: [AKAMAI_ACCESS_DENIED, 'HTTP/1.1 403 Forbidden'],
  'rate-limited': [
    'HTTP/1.1 418 I\'m a teapot\nRetry-After: 120\n{"code":-1003,"msg":"Way too many requests; IP banned until 1700000000000."}',
    'HTTP/1.1 418\n{"code":418,"msg":"IP banned"}',
    "httpx.HTTPStatusError: Client error '429 Too Many Requests' for url 'https://api.mexc.com/api/v3/account'",
    '{"success":false,"code":510,"message":"Excessive frequency of requests"}',
  ],
  'server-error': ['{"code":500,"message":"Under maintenance, please try again later","announcement":"https://www.mexc.com/support/articles/17827791510263"}', '{"code":11444,"msg":"This feature is temporarily unavailable"}', 'HTTP/1.1 502 Bad Gateway'],
  'unexpected-response': [CAPTIVE_PORTAL],
  'base-url-wrong': ['GET https://api.mexc.com/api/v3/api/v3/account → 404 Not Found', '{"code":404,"msg":"Not Found"}', 'Request failed with status code 404'],
  'proxy-auth-required': [
    "requests.exceptions.ProxyError: HTTPSConnectionPool(host='api.mexc.com', port=443): Max retries exceeded (Caused by ProxyError('Cannot connect to proxy.', OSError('Tunnel connection failed: 407 Proxy Authentication Required')))",
    'HTTP/1.1 407 Proxy Authentication Required',
  ],
  'clock-ahead': ['{"code":-1021,"msg":"Timestamp for this request was 1000ms ahead of the server\'s time."}'],
  'clock-behind': [],
  'key-invalid': ['{"code":10072,"msg":"Api key info invalid"}', '{"code":-2014,"msg":"API-key format invalid."}', '{"code":-2015,"msg":"Invalid API-key, IP, or permissions for action."}', '{"success":false,"code":401,"message":"Unauthorized"}'],
  'key-expired': ['{"success":false,"code":402,"message":"API key expired!"}'],
  'key-header-missing': ['{"code":400,"msg":"api key required"}', 'parameter api key is required'],
  'signature-invalid': [
    '{"code":700002,"msg":"Signature for this request is not valid."}',
    '{"code":-1022,"msg":"Signature for this request is not valid."}',
    // A known message wins over a code this tool does not know.
    '{"code":123456,"msg":"Signature for this request is not valid."}',
  ],
  'signature-missing': ['{"code":700004,"msg":"Mandatory parameter \'signature\' was not sent, was empty/null, or malformed."}'],
  'timestamp-outside-recv-window': [
    '{"code":700003,"msg":"Timestamp for this request is outside of the recvWindow."}',
    '{"code":-1021,"msg":"Timestamp for this request is outside of the recvWindow."}',
    '{"code":10073,"msg":"Invalid Request-Time"}',
    "MEXC Private API Error code 10073 'Invalid Request-Time'",
  ],
  'recv-window-too-large': ['{"code":700005,"msg":"recvWindow must less than 60000"}', '{"code":-1131,"msg":"recvWindow must be less than 60000."}'],
  'ip-not-whitelisted': ['{"code":700006,"msg":"IP [168.181.160.97] not in the ip white list"}'],
  'permission-denied': ['{"code":700007,"msg":"No permission to access the endpoint."}', '{"code":-1002,"msg":"You are not authorized to execute this request."}'],
  'illegal-characters': ['{"code":700008,"msg":"Illegal characters found in parameter"}'],
  'content-type-invalid': ['{"code":700013,"msg":"Invalid content Type."}'],
  'symbol-not-api-enabled': ['{"code":10007,"msg":"symbol not support api"}', '{"code":30019,"msg":"api market order is disabled"}'],
  'account-abnormal': ['{"code":60005,"msg":"your account is abnormal"}', '{"code":730100,"msg":"Unusual user status"}'],
  'futures-api-unavailable': [
    '{"success":false,"code":511,"message":"Endpoint inaccessible"}',
    'ccxt.base.errors.AccountNotEnabled: mexc {"success":false,"code":1000,"message":"Please open contract account first!"}',
    'ccxt.base.errors.InvalidOrder: mexc {"success":false,"code":1002,"message":"Contract not allow place order!"}',
    '{"success":false,"code":600,"message":"This feature is under maintenance"}',
    // Futures messages may come in Chinese: the code decides.
    '{"success":false,"code":511,"message":"接口不可访问"}',
  ],
  'unknown-error': ['{"code":730708,"msg":"listen key information error"}', '{"code":123456,"msg":"Something new"}'],
} satisfies Record<DiagnosisId, readonly string[]>;

describe('explain: paste cases for every diagnosis', () => {
  it('has cases for every diagnosis that a paste can produce (entries that read something)', () => {
    for (const id of DIAGNOSIS_IDS) {
      const reads = catalogEntry(id).reads;
      const readsSomething = Boolean(reads.codes?.length || reads.messages?.length || reads.httpStatuses || reads.network);
      if (readsSomething) expect(EXPLAIN_CASES[id].length, `${id} reads codes or messages but has no explain case`).toBeGreaterThan(0);
      else expect(EXPLAIN_CASES[id], `${id} has paste cases but its entry reads nothing`).toEqual([]);
    }
  });

  it.each(DIAGNOSIS_IDS.flatMap((id) => EXPLAIN_CASES[id].map((text) => [text.slice(0, 80).replace(/\n/g, ' '), id, text] as const)))('%s → %s', (_label, id, text) => {
    expect(explainIds(text)[0]).toBe(id);
  });
});

describe('explain: details the issue asks for', () => {
  it('a 418 is rate-limited with the ban and the Retry-After seconds', () => {
    const d = diagnosePaste(EXPLAIN_CASES['rate-limited'][0]!, FIX_CONTEXT).diagnoses[0]!;
    expect(d.evidence).toContain('Retry-After: 120 s');
    expect(d.evidence.join('\n')).toMatch(/HTTP 418: MEXC has banned this IP/);
  });

  it('maintenance keeps MEXC’s announcement URL, as evidence and as the first fix', () => {
    const d = diagnosePaste(EXPLAIN_CASES['server-error'][0]!, FIX_CONTEXT).diagnoses[0]!;
    expect(d.evidence).toContain("MEXC's announcement: https://www.mexc.com/support/articles/17827791510263");
    expect(d.fixes[0]?.text).toBe('https://www.mexc.com/support/articles/17827791510263');
  });

  it('an announcement that does not point at mexc.com is not shown', () => {
    const d = diagnosePaste('{"code":500,"message":"Under maintenance","announcement":"https://evil.example/phish"}', FIX_CONTEXT).diagnoses[0]!;
    expect(d.id).toBe('server-error');
    expect(JSON.stringify(d)).not.toContain('evil.example');
  });

  it('a base URL ending in /api/v3 gets the corrected URL', () => {
    const d = diagnosePaste(EXPLAIN_CASES['base-url-wrong'][0]!, FIX_CONTEXT).diagnoses[0]!;
    expect(d.title).toBe('Wrong base URL: use https://api.mexc.com');
    expect(d.evidence).toContain('Base URL: https://api.mexc.com/api/v3');
  });

  it('10073 says seconds instead of milliseconds or a clock ahead, and leads with the milliseconds fix', () => {
    const d = diagnosePaste(EXPLAIN_CASES['timestamp-outside-recv-window'][2]!, FIX_CONTEXT).diagnoses[0]!;
    expect(d.explanation).toMatch(/seconds instead of milliseconds, a clock that runs ahead/);
    expect(d.fixes[0]?.title).toBe('Send the timestamp in milliseconds');
  });

  it('30019 says market orders are disabled and offers a LIMIT order first', () => {
    const d = diagnosePaste(EXPLAIN_CASES['symbol-not-api-enabled'][1]!, FIX_CONTEXT).diagnoses[0]!;
    expect(d.title).toMatch(/Market orders through the API are disabled/);
    expect(d.fixes[0]?.title).toMatch(/LIMIT/);
  });

  it('a pasted 700002 (the user’s own code) leads with the signature lab', () => {
    const d = diagnosePaste(EXPLAIN_CASES['signature-invalid'][0]!, FIX_CONTEXT).diagnoses[0]!;
    expect(d.fixes[0]?.title).toMatch(/find the mistake in the request your code sent/);
  });
});

describe('explain: a pasted success answer says so and exits 0', () => {
  const SUCCESSES: Array<[string, string | undefined]> = [
    ['{}', undefined],
    ['{"serverTime":1700000000000}', 'GET /api/v3/time'],
    ['{"makerCommission":0,"canTrade":true,"accountType":"SPOT","balances":[{"asset":"USDT","free":"12.5","locked":"0"}],"permissions":["SPOT"]}', 'GET /api/v3/account'],
    ['{"code":200,"data":["BTCUSDT","ETHUSDT"],"msg":null}', 'GET /api/v3/defaultSymbols'],
    ['[]', 'GET /api/v3/openOrders'],
    ['{"success":true,"code":0,"data":1587442022003}', undefined],
    ['response: {"code":0,"msg":"success"}', undefined],
  ];
  it.each(SUCCESSES)('%s', async (text, endpoint) => {
    const result = diagnosePaste(text, FIX_CONTEXT);
    expect(result.diagnoses).toEqual([]);
    expect(result.success).toEqual(endpoint ? { endpoint } : expect.any(Object));
    const io = fakeIO();
    expect(await runExplain({ text, json: false }, io)).toBe(0);
    expect(io.out()).toMatch(/successful MEXC answer/);
  });

  it('a success body next to an HTTP error status is not a success', () => {
    expect(diagnosePaste('Error: Request failed with status code 401\n{}', FIX_CONTEXT).success).toBeUndefined();
    expect(diagnosePaste('HTTP/1.1 503 Service Unavailable\n{}', FIX_CONTEXT).diagnoses.map((d) => d.id)).toEqual(['server-error']);
  });

  it('an error next to a success in a log is still the error', () => {
    expect(explainIds('{"serverTime":1700000000000}\n{"code":700002,"msg":"Signature for this request is not valid."}')).toEqual(['signature-invalid']);
  });
});
