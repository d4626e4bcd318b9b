import net, { type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { checkBaseUrl, isInsecureRemote, isLoopbackHost } from '../../src/core/base-url.js';
import { InsecureTransportError, MexcClient } from '../../src/core/client.js';
import { assertAllowedRequest, ForbiddenEndpointError } from '../../src/core/endpoints.js';
import { maskProxyPassword, proxyPassword, proxyProblem, proxySettingFor } from '../../src/core/proxy.js';

describe('base URL policy', () => {
  it('accepts https to any host and http to loopback, and strips a trailing slash', () => {
    expect(checkBaseUrl('https://api.mexc.com/', '--base-url')).toEqual({ ok: true, baseUrl: 'https://api.mexc.com' });
    expect(checkBaseUrl('http://127.0.0.1:8799', '--base-url')).toEqual({ ok: true, baseUrl: 'http://127.0.0.1:8799' });
    expect(checkBaseUrl('http://localhost:1/', '--base-url')).toEqual({ ok: true, baseUrl: 'http://localhost:1' });
    expect(checkBaseUrl('http://[::1]:9/', '--base-url')).toEqual({ ok: true, baseUrl: 'http://[::1]:9' });
    expect(checkBaseUrl('https://mexc-gateway.corp.example', '--base-url')).toMatchObject({ ok: true });
  });

  it('refuses plain http to another machine unless allowed, naming the flag', () => {
    const refused = checkBaseUrl('http://api.mexc.com', '--base-url');
    expect(refused).toMatchObject({ ok: false, problem: expect.stringMatching(/plain http.*unencrypted/), hint: expect.stringContaining('--allow-insecure-http') });
    expect(checkBaseUrl('http://api.mexc.com', '--base-url', { allowInsecureHttp: true })).toEqual({ ok: true, baseUrl: 'http://api.mexc.com' });
    expect(checkBaseUrl('http://192.168.1.5:8080', 'MEXC_BASE_URL')).toMatchObject({ ok: false, problem: expect.stringMatching(/^MEXC_BASE_URL/) });
  });

  it('accepts a path only on loopback or as the API root of a known host', () => {
    expect(checkBaseUrl('http://127.0.0.1:9/mexc/', '--base-url')).toEqual({ ok: true, baseUrl: 'http://127.0.0.1:9/mexc' });
    expect(checkBaseUrl('https://api.mexc.com/api/v3', '--base-url')).toEqual({ ok: true, baseUrl: 'https://api.mexc.com' });
    expect(checkBaseUrl('https://api.mexc.com/api/v3/capital/withdraw/apply#', '--base-url')).toMatchObject({ ok: false, problem: expect.stringContaining('has a path') });
    expect(checkBaseUrl('https://evil.example/api/v3', '--base-url')).toMatchObject({ ok: false });
  });

  it('refuses credentials, a query or a fragment in the base URL', () => {
    expect(checkBaseUrl('https://u:p@api.mexc.com', 'x')).toMatchObject({ ok: false, problem: expect.stringContaining('password') });
    expect(checkBaseUrl('https://api.mexc.com/?a=1', 'x')).toMatchObject({ ok: false });
    expect(checkBaseUrl('ftp://api.mexc.com', 'x')).toMatchObject({ ok: false });
    expect(checkBaseUrl('not a url', 'x')).toMatchObject({ ok: false });
  });

  it('knows loopback hosts', () => {
    for (const h of ['localhost', '127.0.0.1', '127.9.8.7', '[::1]', 'app.localhost']) expect(isLoopbackHost(h), h).toBe(true);
    for (const h of ['api.mexc.com', '10.0.0.1', 'localhost.evil.example', '128.0.0.1']) expect(isLoopbackHost(h), h).toBe(false);
    expect(isInsecureRemote('http://api.mexc.com')).toBe(true);
    expect(isInsecureRemote('https://api.mexc.com')).toBe(false);
    expect(isInsecureRemote('http://127.0.0.1:1')).toBe(false);
  });
});

describe('endpoint allowlist on the full path', () => {
  it('allows an endpoint only at the API root', () => {
    expect(() => assertAllowedRequest('GET', 'https://api.mexc.com', 'https://api.mexc.com/api/v3/account?x=1')).not.toThrow();
    expect(() => assertAllowedRequest('GET', 'http://127.0.0.1:9/sim', 'http://127.0.0.1:9/sim/api/v3/ping')).not.toThrow();
  });

  it('refuses a request whose path in front makes it another endpoint', () => {
    // The end of the path is an allowed endpoint; the whole path is not.
    expect(() => assertAllowedRequest('POST', 'https://h.example', 'https://h.example/api/v3/order/api/v3/order/test')).toThrow(ForbiddenEndpointError);
    expect(() => assertAllowedRequest('GET', 'https://h.example/x', 'https://h.example/y/api/v3/ping')).toThrow(ForbiddenEndpointError);
    expect(() => assertAllowedRequest('GET', 'https://h.example', 'https://other.example/api/v3/ping')).toThrow(ForbiddenEndpointError);
  });
});

describe('proxy settings', () => {
  it('names the variable in use and honours NO_PROXY', () => {
    expect(proxySettingFor('https://api.mexc.com', { HTTPS_PROXY: 'http://p:1', HTTP_PROXY: 'http://q:2' })).toEqual({ variable: 'HTTPS_PROXY', value: 'http://p:1' });
    expect(proxySettingFor('https://api.mexc.com', { ALL_PROXY: 'http://p:1' })).toEqual({ variable: 'ALL_PROXY', value: 'http://p:1' });
    expect(proxySettingFor('https://api.mexc.com', { HTTPS_PROXY: 'http://p:1', NO_PROXY: 'mexc.com' })).toBeUndefined();
  });

  it('says what is wrong with a malformed proxy, the password masked', () => {
    const problem = proxyProblem('HTTPS_PROXY', 'http://alice:s3cr3t pass@bad host:3128');
    expect(problem).toMatch(/^HTTPS_PROXY is not a valid proxy URL/);
    expect(problem).toContain('alice:****@');
    expect(problem).not.toContain('s3cr3t');
    expect(proxyProblem('HTTP_PROXY', 'socks5://u:pw@h:1080')).toMatch(/socks5.*only http/);
    expect(proxyProblem('HTTPS_PROXY', 'http://proxy.corp:3128')).toBeUndefined();
    expect(proxyProblem('HTTPS_PROXY', 'proxy.corp:3128')).toBeUndefined();
  });

  it('masks and extracts the password, also with an @ inside it', () => {
    expect(maskProxyPassword('http://u:p@ss@h:1')).toBe('http://u:****@h:1');
    expect(maskProxyPassword('u:pw@h:1')).toBe('u:****@h:1');
    expect(maskProxyPassword('http://h:3128')).toBe('http://h:3128');
    expect(proxyPassword('http://u:p%40ss@h:1')).toBe('p@ss');
    expect(proxyPassword('http://h:3128')).toBeUndefined();
  });
});

/** Every string in a value that holds a raw control character (what a terminal would act on). */
function controlCharsIn(value: unknown, at = '$'): string[] {
  if (typeof value === 'string') return /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(value) ? [at] : [];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => controlCharsIn(v, `${at}.${k}`));
  return [];
}

describe('the client with a hostile or plain-http server', () => {
  const closers: Array<() => void> = [];
  afterEach(() => closers.splice(0).forEach((c) => c()));

  /** A server that writes raw bytes (Node's own server refuses control characters in headers). */
  function serveRaw(respond: (requestHead: string) => string): Promise<string> {
    const server = net.createServer((socket) => {
      let head = '';
      socket.on('data', (d: Buffer) => {
        head += d.toString('latin1');
        if (head.includes('\r\n\r\n')) socket.end(Buffer.from(respond(head), 'utf8'));
      });
      socket.on('error', () => undefined);
    });
    return new Promise((resolve) =>
      server.listen(0, '127.0.0.1', () => {
        closers.push(() => server.close());
        resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
      }),
    );
  }
  const raw = (status: string, headers: string[], body: string) =>
    [`HTTP/1.1 ${status}`, ...headers, `content-length: ${Buffer.byteLength(body)}`, 'connection: close', '', body].join('\r\n');

  const KEY = 'mx0aBYs33eIilxBWC5';
  const SECRET = '0123456789abcdef0123456789abcdef';
  const client = (baseUrl: string, extra: Partial<ConstructorParameters<typeof MexcClient>[0]> = {}) => {
    const c = new MexcClient({ baseUrl, now: () => Date.now(), apiKey: KEY, secret: SECRET, timeoutMs: 2000, ...extra });
    closers.push(() => c.close());
    return c;
  };

  it('makes escape sequences in msg, body, headers and JSON visible, and masks an echoed key and secret', async () => {
    const url = await serveRaw((head) => {
      const key = /x-mexc-apikey: (\S+)/i.exec(head)?.[1];
      const body = JSON.stringify({ code: 700002, msg: `Bad key ${key}\u001b]52;c;SGk=\u0007 ${SECRET.slice(3, 20)}`, extra: ['\u009b2J'] });
      // Node's parser refuses C0 controls in a header, but passes bytes >= 0x80 (a C1 CSI here).
      return raw('400 Bad Request', ['content-type: application/json', 'server: evil\u009b2J'], body);
    });
    const obs = await client(url).signed('GET', '/api/v3/account');
    const all = JSON.stringify(obs);
    expect(obs.mexcMsg).toBe('Bad key mx0a…WC5\\x1b]52;c;SGk=\\x07 [REDACTED]');
    expect(obs.headers?.server).toBe('evil\u00c2\\x9b2J');
    expect(obs.json).toMatchObject({ extra: ['\\x9b2J'] });
    expect(all).not.toContain(KEY);
    expect(controlCharsIn(obs)).toEqual([]);
    expect(obs.bodySnippet).not.toContain(SECRET.slice(3, 20));
  });

  it('does not follow a redirect and keeps its Location as data', async () => {
    let hits = 0;
    const url = await serveRaw(() => (hits++, raw('302 Found', ['location: https://evil.example/\u202esteal'], '')));
    const obs = await client(url).publicGet('/api/v3/ping');
    expect(obs.status).toBe(302);
    expect(hits).toBe(1);
    expect(obs.headers?.location).toMatch(/^https:\/\/evil\.example\/.*\\x\w\w.*steal$/);
    expect(JSON.stringify(obs)).not.toMatch(/[\u0080-\u009f\u202e]/);
  });

  it('turns a header with an escape sequence into a network error without the raw bytes', async () => {
    const url = await serveRaw(() => raw('200 OK', ['x-evil: \u001b]0;PWNED\u0007'], '{}'));
    const obs = await client(url).publicGet('/api/v3/ping');
    expect(obs.networkError).toBeDefined();
    expect(controlCharsIn(obs)).toEqual([]);
  });

  it('refuses a signed request to a plain-http host that is not loopback, unless allowed', async () => {
    const c = client('http://api.mexc.invalid', { timeoutMs: 300, dnsLookup: (_h, _o, cb) => (cb as (e: Error) => void)(Object.assign(new Error('nope'), { code: 'ENOTFOUND' })) });
    await expect(c.signed('GET', '/api/v3/account')).rejects.toThrow(InsecureTransportError);
    const allowed = client('http://api.mexc.invalid', { allowInsecureHttp: true, timeoutMs: 300, dnsLookup: (_h, _o, cb) => (cb as (e: Error) => void)(Object.assign(new Error('nope'), { code: 'ENOTFOUND' })) });
    expect((await allowed.signed('GET', '/api/v3/account')).networkError).toBeDefined();
  });

  it('will not be built on a base URL with a path in front of the API', () => {
    expect(() => client('https://api.example/api/v3/order')).toThrow(/has a path/);
  });
});
