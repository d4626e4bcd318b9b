import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { MexcClient } from '../src/core/client.js';
import { ForbiddenEndpointError } from '../src/core/endpoints.js';
import { proxyForUrl } from '../src/core/proxy.js';

const SECRET = 'deadbeefcafe0123456789abcdef0042';
const closers: Array<() => void> = [];
afterEach(() => {
  while (closers.length) closers.pop()!();
});

function serve(handler: http.RequestListener): Promise<string> {
  const server = http.createServer(handler);
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      closers.push(() => server.closeAllConnections?.() ?? server.close());
      closers.push(() => server.close());
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    }),
  );
}

function client(baseUrl: string, extra: Partial<ConstructorParameters<typeof MexcClient>[0]> = {}) {
  const c = new MexcClient({ baseUrl, now: () => Date.now(), apiKey: 'mx0aBYs33eIilxBWC5', secret: SECRET, timeoutMs: 1000, ...extra });
  closers.push(() => c.close());
  return c;
}

describe('MexcClient', () => {
  it('refuses a real order or a withdrawal in code, before any request', async () => {
    let hits = 0;
    const url = await serve((_q, r) => {
      hits++;
      r.end('{}');
    });
    const c = client(url);
    await expect(c.signed('POST', '/api/v3/order', { symbol: 'BTCUSDT' })).rejects.toThrow(ForbiddenEndpointError);
    await expect(c.signed('POST', '/api/v3/capital/withdraw', { coin: 'USDT' })).rejects.toThrow(ForbiddenEndpointError);
    await expect(c.signed('DELETE', '/api/v3/openOrders', { symbol: 'BTCUSDT' })).rejects.toThrow(ForbiddenEndpointError);
    expect(hits).toBe(0);
  });

  it('sends the key header, a JSON content type on POST, and the signature last', async () => {
    let seen: http.IncomingMessage | undefined;
    const url = await serve((q, r) => {
      seen = q;
      r.setHeader('content-type', 'application/json');
      r.end('{}');
    });
    const obs = await client(url).signed('POST', '/api/v3/order/test', [['symbol', 'BTCUSDT']]);
    expect(obs.status).toBe(200);
    expect(seen?.headers['x-mexc-apikey']).toBe('mx0aBYs33eIilxBWC5');
    expect(seen?.headers['content-type']).toBe('application/json');
    expect(seen?.url).toMatch(/^\/api\/v3\/order\/test\?symbol=BTCUSDT&recvWindow=5000&timestamp=\d{13}&signature=[0-9a-f]{64}$/);
  });

  it('returns MEXC error codes as an observation, not an exception', async () => {
    const url = await serve((_q, r) => {
      r.statusCode = 400;
      r.setHeader('content-type', 'application/json');
      r.end('{"code":700002,"msg":"Signature for this request is not valid."}');
    });
    const obs = await client(url).signed('GET', '/api/v3/account');
    expect(obs).toMatchObject({ status: 400, mexcCode: 700002, mexcMsg: 'Signature for this request is not valid.' });
    expect(obs.signed?.stringToSign).toMatch(/^recvWindow=5000&timestamp=\d+$/);
  });

  it('reports a refused connection at once, without retries', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = net.createServer();
      s.listen(0, '127.0.0.1', () => {
        const p = (s.address() as AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    const obs = await client(`http://127.0.0.1:${port}`).publicGet('/api/v3/ping');
    expect(obs.networkError?.code).toBe('ECONNREFUSED');
  });

  it('reports a DNS failure from the injected lookup', async () => {
    const dnsLookup = ((_h: string, _o: unknown, cb: (e: NodeJS.ErrnoException) => void) => {
      const e = Object.assign(new Error('getaddrinfo ENOTFOUND api.mexc.invalid'), { code: 'ENOTFOUND' });
      cb(e);
    }) as unknown as net.LookupFunction;
    const obs = await client('http://api.mexc.invalid', { dnsLookup }).publicGet('/api/v3/ping');
    expect(obs.networkError?.code).toBe('ENOTFOUND');
  });

  it('calls a DNS lookup that never answers a DNS failure, not a slow server', async () => {
    const dnsLookup = (() => undefined) as unknown as net.LookupFunction;
    const obs = await client('http://api.mexc.invalid', { dnsLookup, timeoutMs: 300 }).publicGet('/api/v3/ping');
    expect(obs.networkError?.code).toBe('EAI_AGAIN');
  });

  it('times out a server that never answers', async () => {
    const url = await serve(() => undefined);
    const obs = await client(url, { timeoutMs: 300 }).publicGet('/api/v3/ping');
    expect(obs.networkError?.code).toBe('ETIMEDOUT');
  });

  it('reports a connection reset mid-response', async () => {
    const url = await serve((q) => q.socket.destroy());
    const obs = await client(url).publicGet('/api/v3/ping');
    expect(obs.networkError?.code).toMatch(/ECONNRESET|ERR_|EPIPE/);
  });

  it('cuts off a huge body instead of reading it all', async () => {
    const url = await serve((_q, r) => {
      r.setHeader('content-type', 'text/html');
      const chunk = 'x'.repeat(64 * 1024);
      let sent = 0;
      const push = () => {
        while (sent < 10 * 1024 * 1024) {
          sent += chunk.length;
          if (!r.write(chunk)) return r.once('drain', push);
        }
        r.end();
      };
      push();
    });
    const obs = await client(url, { timeoutMs: 5000 }).publicGet('/api/v3/ping');
    expect(obs.networkError?.code).toBe('ERR_BODY_TOO_LARGE');
  });

  it('strips the secret from any body it keeps', async () => {
    const url = await serve((_q, r) => r.end(`<html>echo ${SECRET}</html>`));
    const obs = await client(url).publicGet('/api/v3/ping');
    expect(JSON.stringify(obs)).not.toContain(SECRET);
  });

  it('can be aborted (Ctrl-C) while a request is in flight', async () => {
    const url = await serve(() => undefined);
    const controller = new AbortController();
    const pending = client(url, { signal: controller.signal, timeoutMs: 10_000 }).publicGet('/api/v3/ping');
    setTimeout(() => controller.abort(), 50);
    const obs = await pending;
    expect(obs.networkError).toBeDefined();
  });
});

describe('proxyForUrl', () => {
  it('uses HTTPS_PROXY for https and honours NO_PROXY', () => {
    expect(proxyForUrl('https://api.mexc.com', { HTTPS_PROXY: 'http://proxy:3128' })).toBe('http://proxy:3128');
    expect(proxyForUrl('https://api.mexc.com', { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: '.mexc.com' })).toBeUndefined();
    expect(proxyForUrl('http://127.0.0.1:1', { HTTP_PROXY: 'http://p:1', NO_PROXY: 'localhost,127.0.0.1' })).toBeUndefined();
    expect(proxyForUrl('https://api.mexc.com', { HTTP_PROXY: 'http://p:1' })).toBeUndefined();
  });
});
