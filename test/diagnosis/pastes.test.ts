/**
 * Error texts as bots, libraries and tools print them (ccxt, python-binance style, requests, curl,
 * Node, browsers), each with the diagnosis it must get. A second, wider net than the catalog's
 * own cases in catalog-reads.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { diagnosePaste } from '../../src/core/extract-error.js';
import { FIX_CONTEXT } from './fixtures.js';

const CASES: Array<[string, string]> = [
  ['mexc {"code":700003,"msg":"Timestamp for this request is outside of the recvWindow."}', 'timestamp-outside-recv-window'],
  ["{'code': 700002, 'msg': 'Signature for this request is not valid.'}", 'signature-invalid'],
  ['ccxt.base.errors.AuthenticationError: mexc {"code":10072,"msg":"Api key info invalid"}', 'key-invalid'],
  ['Error: Request failed with status code 403', 'blocked'],
  ['requests.exceptions.HTTPError: 503 Server Error: Service Unavailable for url: https://api.mexc.com/api/v3/account', 'server-error'],
  ['{"msg":"API key expired"}', 'key-expired'],
  ['ccxt.base.errors.PermissionDenied: mexc {"code":700007,"msg":"No permission to access the endpoint."}', 'permission-denied'],
  ['{"code":-2015,"msg":"Invalid API-key, IP, or permissions for action, request ip: 1.2.3.4"}', 'key-invalid'],
  ['Error: connect ETIMEDOUT 18.1.2.3:443', 'timeout'],
  ['Error: read ECONNRESET', 'connection-failed'],
  ['Error: getaddrinfo EAI_AGAIN api.mexc.com', 'dns-failure'],
  ['Error: self signed certificate in certificate chain', 'tls-error'],
  ['Error: tunneling socket could not be established, statusCode=407', 'proxy-auth-required'],
  ['GET https://api.mexc.com/api/v3/api/v3/ping 404 (Not Found)', 'base-url-wrong'],
  ['{"code":404,"msg":"Not Found","path":"/api/v3/acount"}', 'base-url-wrong'],
  ['{"success":false,"code":513,"message":"Invalid request(for open api serves time more or less than 10s)"}', 'timestamp-outside-recv-window'],
  ['{"success":false,"code":406,"message":"Accessed IP is not in the whitelist"}', 'ip-not-whitelisted'],
  ['{"success":false,"code":701,"message":"Account read permission is required"}', 'permission-denied'],
  ['{"code":700013,"msg":"Invalid content Type."}', 'content-type-invalid'],
  ['HTTP 429 Too Many Requests Retry-After: 60', 'rate-limited'],
  ['binance.exceptions: APIError(code=-1021): Timestamp for this request was 1000ms ahead of the server\'s time.', 'clock-ahead'],
  ['APIError(code=-1022): Signature for this request is not valid.', 'signature-invalid'],
  ['APIError(code=-2014): API-key format invalid.', 'key-invalid'],
  ["MEXC Private API Error code 10073 'Invalid Request-Time'", 'timestamp-outside-recv-window'],
  ['{"code":30019,"msg":"api market order is disabled"}', 'symbol-not-api-enabled'],
  ['{"code":10007,"msg":"symbol not support api"}', 'symbol-not-api-enabled'],
  ['{"code":60005,"msg":"your account is abnormal"}', 'account-abnormal'],
  ['{"code":700006,"msg":"IP [2a01:4f8::1] not in the ip white list"}', 'ip-not-whitelisted'],
  ['{"code":700005,"msg":"recvWindow must less than 60000"}', 'recv-window-too-large'],
  ['{"code":700008,"msg":"Illegal characters found in parameter \'newClientOrderId\'"}', 'illegal-characters'],
  ['{"code":400,"msg":"api key required"}', 'key-header-missing'],
  ['parameter api key is required', 'key-header-missing'],
  ['mexc requires "apiKey" credential', 'key-missing'],
  ['mexc requires "secret" credential', 'secret-missing'],
  ['<html><head><title>Access Denied</title></head><body>Reference #18.abc</body></html>', 'blocked'],
  ['<!DOCTYPE html><html><head><title>Sign in to Wi-Fi</title></head></html>', 'unexpected-response'],
  ['HTTP/1.1 418 I\'m a teapot\n{"code":-1003,"msg":"Way too many requests; IP banned until 1700000000000."}', 'rate-limited'],
  ['{"code":418,"msg":"banned"} (HTTP 418)', 'rate-limited'],
  ["requests.exceptions.SSLError: HTTPSConnectionPool(host='api.mexc.com', port=443): Max retries exceeded with url: /api/v3/ping (Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate (_ssl.c:1007)')))", 'tls-error'],
  ["ProxyError('Cannot connect to proxy.', OSError('Tunnel connection failed: 407 Proxy Authentication Required'))", 'proxy-auth-required'],
  ['{"code":500,"message":"Under maintenance, please try again later","announcement":"https://www.mexc.com/support/articles/17827791510263"}', 'server-error'],
  ['{"code":11444,"msg":"This feature is temporarily unavailable"}', 'server-error'],
  ['{"code":700004,"msg":"Mandatory parameter \'signature\' was not sent, was empty/null, or malformed."}', 'signature-missing'],
  ['Error: Timestamp for this request is outside of the recvWindow', 'timestamp-outside-recv-window'],
  ['{"code":-1003,"msg":"Too many requests; current limit is 1200 requests per minute."}', 'rate-limited'],
  ['{"code":12345,"msg":"IP [1.2.3.4] not in the ip white list"}', 'ip-not-whitelisted'],
  ['{"code":"700002","msg":"Signature for this request is not valid."}', 'signature-invalid'],
  ['{"code":730708,"msg":"listen key information error"}', 'unknown-error'],
  ['{"success":false,"code":602,"message":"Signature verification failed!"}', 'signature-invalid'],
  ['{"success":false,"code":402,"message":"Api_key expired"}', 'key-expired'],
  ['{"success":false,"code":401,"message":"Not logged in"}', 'key-invalid'],
  ['{"success":false,"code":510,"message":"Excessive frequency of requests"}', 'rate-limited'],
  ['curl: (35) OpenSSL SSL_connect: SSL_ERROR_SYSCALL in connection to api.mexc.com:443', 'tls-error'],
  ['curl: (7) Failed to connect to api.mexc.com port 443 after 3 ms: Connection refused', 'connection-failed'],
  ['curl: (28) Operation timed out after 10001 milliseconds with 0 bytes received', 'timeout'],
  ['HTTP/2 502', 'server-error'],
  ['HTTP/1.1 401 Unauthorized\n{"code":401,"msg":"No authority"}', 'permission-denied'],
];

describe('explain: error texts as they are printed in the wild', () => {
  it.each(CASES.map(([text, id]) => [text.slice(0, 90).replace(/\n/g, ' '), id, text] as const))('%s → %s', (_label, id, text) => {
    expect(diagnosePaste(text, FIX_CONTEXT).diagnoses[0]?.id).toBe(id);
  });
});
