import { describe, expect, it } from 'vitest';
import { classifyObservation, parseWhitelistIp } from '../../src/core/classify.js';
import type { DiagnosisId, Observation } from '../../src/core/types.js';
import { AKAMAI_ACCESS_DENIED, CAPTIVE_PORTAL, networkFailure, response } from './fixtures.js';

const only = (obs: Observation, ctx?: Parameters<typeof classifyObservation>[1]) => {
  const findings = classifyObservation(obs, ctx);
  expect(findings).toHaveLength(1);
  return findings[0]!;
};

/** MEXC's exact bodies (docs/mexc-api.md §3, §6), old variants and trailing periods included. */
const RESPONSE_CASES: Array<[name: string, status: number, body: string, id: DiagnosisId]> = [
  ['700001 API-key format invalid', 400, '{"code":700001,"msg":"API-key format invalid."}', 'key-invalid'],
  ['10072 Api key info invalid (observed)', 400, '{"code":10072,"msg":"Api key info invalid"}', 'key-invalid'],
  ['10072 invalid access key (documented)', 400, '{"code":10072,"msg":"invalid access key"}', 'key-invalid'],
  ['futures 402 Api_key expired', 200, '{"success":false,"code":402,"message":"Api_key expired"}', 'key-expired'],
  ['v1/v2 402 API key expired!', 200, '{"success":false,"code":402,"message":"API key expired!"}', 'key-expired'],
  ['a spot answer that says the key expired, whatever its code', 400, '{"code":10072,"msg":"Api key expired"}', 'key-expired'],
  ['an apikey-has-expired wording', 400, '{"code":700001,"msg":"This apikey has expired."}', 'key-expired'],
  ["the guide's wording: invalid signature", 400, '{"msg":"Invalid signature"}', 'signature-invalid'],
  ["the guide's wording: timestamp out of range", 400, '{"msg":"Timestamp out of range"}', 'timestamp-outside-recv-window'],
  ["the guide's wording: IP not in whitelist", 400, '{"msg":"IP not in whitelist"}', 'ip-not-whitelisted'],
  ["the guide's wording: invalid API-key", 400, '{"msg":"Invalid API-key"}', 'key-invalid'],
  ['400 api key required', 400, '{"code":400,"msg":"api key required"}', 'key-header-missing'],
  ['700002 with trailing period', 400, '{"code":700002,"msg":"Signature for this request is not valid."}', 'signature-invalid'],
  ['700002 documented text', 400, '{"code":700002,"msg":"Signature for this request is not valid"}', 'signature-invalid'],
  [
    '700004 signature variant',
    400,
    '{"code":700004,"msg":"Mandatory parameter \'signature\' was not sent, was empty/null, or malformed."}',
    'signature-missing',
  ],
  ['700003 with trailing period', 400, '{"code":700003,"msg":"Timestamp for this request is outside of the recvWindow."}', 'timestamp-outside-recv-window'],
  ['700005', 400, '{"code":700005,"msg":"recvWindow must less than 60000"}', 'recv-window-too-large'],
  ['700006 with IP', 400, '{"code":700006,"msg":"IP [168.181.160.97] not in the ip white list"}', 'ip-not-whitelisted'],
  ['700006 old text', 400, '{"code":700006,"msg":"IP non white list"}', 'ip-not-whitelisted'],
  ['700007', 400, '{"code":700007,"msg":"No permission to access the endpoint."}', 'permission-denied'],
  ['30020', 400, '{"code":30020,"msg":"no permission for the symbol"}', 'permission-denied'],
  ['401 No authority', 401, '{"code":401,"msg":"No authority"}', 'permission-denied'],
  ['futures 701', 200, '{"success":false,"code":701,"message":"Account read permission is required"}', 'permission-denied'],
  ['futures 704', 200, '{"success":false,"code":704,"message":"Transaction information modify permission is required"}', 'permission-denied'],
  ['700008', 400, '{"code":700008,"msg":"Illegal characters found in parameter"}', 'illegal-characters'],
  ['700013', 400, '{"code":700013,"msg":"Invalid content Type."}', 'content-type-invalid'],
  ['10007 observed', 400, '{"code":10007,"msg":"symbol not support api"}', 'symbol-not-api-enabled'],
  ['10007 documented', 400, '{"code":10007,"msg":"bad symbol"}', 'symbol-not-api-enabled'],
  ['70011', 400, '{"code":70011,"msg":"Pair user ban trade apikey."}', 'symbol-not-api-enabled'],
  ['60005', 400, '{"code":60005,"msg":"your account is abnormal"}', 'account-abnormal'],
  ['futures 602', 200, '{"success":false,"code":602,"message":"Signature verification failed!"}', 'signature-invalid'],
  ['futures 406', 200, '{"success":false,"code":406,"message":"Accessed IP is not in the whitelist"}', 'ip-not-whitelisted'],
  ['futures 401 (an unknown or wrong key)', 200, '{"success":false,"code":401,"message":"Unauthorized"}', 'key-invalid'],
  ['11444 maintenance', 200, '{"code":11444,"msg":"This feature is temporarily unavailable"}', 'server-error'],
  [
    'maintenance body',
    503,
    '{"code":500,"message":"Under maintenance, please try again later","announcement":"https://www.mexc.com/support/articles/17827791510263"}',
    'server-error',
  ],
  ['730708 listen key (string code)', 400, '{"code":"730708","msg":"listen key information error"}', 'unknown-error'],
];

describe('classifyObservation: MEXC error bodies', () => {
  for (const [name, status, body, id] of RESPONSE_CASES) {
    it(`maps ${name} to ${id}`, () => {
      expect(only(response(status, body)).id).toBe(id);
    });
  }

  it('accepts the code as a string ("700002") as well as a number', () => {
    expect(only(response(400, '{"code":"700002","msg":"Signature for this request is not valid."}')).id).toBe('signature-invalid');
  });

  it('reads code and msg from the parsed JSON when the client did not lift them out', () => {
    const obs = response(400, '{"code":700002,"msg":"Signature for this request is not valid."}');
    delete obs.mexcCode;
    delete obs.mexcMsg;
    expect(only(obs).id).toBe('signature-invalid');
  });

  it('keeps the raw code and message of an unknown error', () => {
    const finding = only(response(400, '{"code":"730708","msg":"listen key information error"}'));
    expect(finding.facts).toMatchObject({ mexcCode: '730708', mexcMsg: 'listen key information error', httpStatus: 400 });
  });

  it('keeps an error code it has never seen as unknown-error with code and message', () => {
    const finding = only(response(400, '{"code":123456,"msg":"Something new"}'));
    expect(finding).toMatchObject({ id: 'unknown-error', facts: { mexcCode: 123456, mexcMsg: 'Something new' } });
  });

  it('parses the IP MEXC saw from a 700006 message', () => {
    const finding = only(response(400, '{"code":700006,"msg":"IP [168.181.160.97] not in the ip white list"}'));
    expect(finding.facts.ip).toBe('168.181.160.97');
  });

  it('reports no IP for the old 700006 text "IP non white list"', () => {
    expect(only(response(400, '{"code":700006,"msg":"IP non white list"}')).facts.ip).toBeUndefined();
  });

  it('parses an IPv6 address in brackets', () => {
    expect(parseWhitelistIp('IP [2001:db8::1] not in the ip white list')).toBe('2001:db8::1');
  });

  it('treats 700004 about another parameter as unknown-error naming that parameter', () => {
    const finding = only(
      response(400, `{"code":700004,"msg":"Param 'origClientOrderId' or 'orderId' must be sent, but both were empty/null!"}`),
    );
    expect(finding).toMatchObject({ id: 'unknown-error', facts: { missingParam: 'origClientOrderId', hint: 'missing-parameter' } });
  });

  it('marks futures answers (602, 406, 401) as the futures API', () => {
    for (const body of [
      '{"success":false,"code":602,"message":"Signature verification failed!"}',
      '{"success":false,"code":406,"message":"Accessed IP is not in the whitelist"}',
      '{"success":false,"code":401,"message":"Unauthorized"}',
    ]) {
      expect(only(response(200, body)).facts.api).toBe('futures');
    }
  });

  it('does not mark a spot 700002 as futures', () => {
    expect(only(response(400, '{"code":700002,"msg":"Signature for this request is not valid."}')).facts.api).toBeUndefined();
  });

  it('records the endpoint and HTTP status as evidence facts', () => {
    const finding = only(response(400, '{"code":700007,"msg":"No permission to access the endpoint."}', {}, '/api/v3/order/test'));
    expect(finding.facts).toMatchObject({ endpoint: 'POST /api/v3/order/test', httpStatus: 400 });
  });

  it('finds nothing wrong in a healthy answer', () => {
    expect(classifyObservation(response(200, '{}'))).toEqual([]);
    expect(classifyObservation(response(200, '{"code":200,"data":["BTCUSDT"],"msg":null}'))).toEqual([]);
    expect(classifyObservation(response(200, '{"success":true,"code":0,"data":1587442022003}'))).toEqual([]);
  });
});

describe('classifyObservation: 700003 and the clock', () => {
  const body = '{"code":700003,"msg":"Timestamp for this request is outside of the recvWindow."}';

  it('ties a 700003 to the clock verdict when one is given', () => {
    const finding = only(response(400, body), { clockVerdict: { localAheadMs: 1200, rttMs: 80, verdict: 'ahead' } });
    expect(finding).toMatchObject({
      id: 'timestamp-outside-recv-window',
      facts: { clockVerdict: 'ahead', localAheadMs: 1200, rttMs: 80 },
    });
  });

  it('notices a timestamp sent in seconds', () => {
    const obs = { ...response(400, body), signed: { stringToSign: 'timestamp=1700000000', timestampMs: 1_700_000_000, recvWindowMs: 5000 } };
    expect(only(obs).facts.timestampInSeconds).toBe(true);
  });

  it('reads timestamp and recvWindow from the URL when the request was not signed by us', () => {
    const facts = only(response(400, body)).facts;
    expect(facts).toMatchObject({ timestampMs: 1_700_000_000_000, recvWindowMs: 5000 });
    expect(facts.timestampInSeconds).toBeUndefined();
  });
});

describe('classifyObservation: HTTP status and body shape', () => {
  it('reports blocked for an Akamai "Access Denied" HTML 403, with the reference number', () => {
    const finding = only(response(403, AKAMAI_ACCESS_DENIED, { 'akamai-grn': '0.1234' }));
    expect(finding).toMatchObject({ id: 'blocked', facts: { reference: '18.5f3c1402.1700000000.2a1b3c4d', cdn: 'Akamai' } });
  });

  it('reports rate-limited for 429 with the Retry-After seconds', () => {
    const obs = { ...response(429, '', {}), retryAfterSec: 30 };
    expect(only(obs)).toMatchObject({ id: 'rate-limited', facts: { retryAfterSec: 30 } });
  });

  it('reports rate-limited with an IP ban for 418', () => {
    const obs = { ...response(418, ''), retryAfterSec: 120 };
    expect(only(obs)).toMatchObject({ id: 'rate-limited', facts: { ipBanned: true, retryAfterSec: 120 } });
  });

  it('reports server-error for 502/503 and notes maintenance', () => {
    expect(only(response(502, '<html>Bad Gateway</html>')).id).toBe('server-error');
    expect(only(response(503, 'Under maintenance, please try again later')).facts.maintenance).toBe(true);
  });

  it('reports unexpected-response for a 200 captive-portal page', () => {
    const finding = only(response(200, CAPTIVE_PORTAL));
    expect(finding.id).toBe('unexpected-response');
    expect(finding.facts).toMatchObject({ pageTitle: 'Hotel WiFi', answerKind: 'captive-portal' });
  });

  it('keeps an escape sequence written as HTML entities in a page title visible, never raw', () => {
    const finding = only(response(200, '<html><head><title>Wi&#70;i &#27;]52;c;AAAA&#7;</title></head></html>', { 'content-type': 'text/html' }));
    expect(finding.facts.pageTitle).toBe('WiFi \\x1b]52;c;AAAA\\x07');
  });

  it('reports unexpected-response for a redirect, with where it points', () => {
    const finding = only(response(302, '', { location: 'http://login.hotspot.example/' }));
    expect(finding).toMatchObject({ id: 'unexpected-response', facts: { location: 'http://login.hotspot.example/' } });
  });

  it('reports base-url-wrong for a pasted HTML 404 (a URL that is not the API)', () => {
    expect(only(response(404, '<html>Not Found</html>')).id).toBe('base-url-wrong');
  });
});

describe('classifyObservation: network errors', () => {
  const cases: Array<[string, DiagnosisId]> = [
    ['ENOTFOUND', 'dns-failure'],
    ['EAI_AGAIN', 'dns-failure'],
    ['ECONNREFUSED', 'connection-failed'],
    ['ECONNRESET', 'connection-failed'],
    ['EPIPE', 'connection-failed'],
    ['ETIMEDOUT', 'timeout'],
    ['ESOCKETTIMEDOUT', 'timeout'],
    ['CERT_HAS_EXPIRED', 'tls-error'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'tls-error'],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'tls-error'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'tls-error'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'tls-error'],
  ];
  for (const [code, id] of cases) {
    it(`maps ${code} to ${id}`, () => {
      expect(only(networkFailure(code))).toMatchObject({ id, facts: { errorCode: code } });
    });
  }

  it('maps "socket hang up" to connection-failed', () => {
    expect(only(networkFailure('ERR_GOT_REQUEST_ERROR', 'socket hang up')).id).toBe('connection-failed');
  });

  it("maps got's TimeoutError message to timeout", () => {
    expect(only(networkFailure('ERR_GOT_REQUEST_ERROR', "Timeout awaiting 'request' for 10000ms")).id).toBe('timeout');
  });

  it('keeps an unknown network error code as unknown-error', () => {
    expect(only(networkFailure('ERR_SOMETHING_NEW', 'odd'))).toMatchObject({ id: 'unknown-error', facts: { errorCode: 'ERR_SOMETHING_NEW' } });
  });
});
