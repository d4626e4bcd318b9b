import { describe, expect, it } from 'vitest';
import { parseRequestText } from '../../src/core/lab/index.js';
import { parse } from './fixtures.js';

function parseError(text: string): string {
  const parsed = parseRequestText(text);
  if (!('error' in parsed)) throw new Error('expected an error');
  return parsed.error;
}

describe('a bare URL', () => {
  it('keeps the raw query byte for byte, in received order', () => {
    const req = parse('https://API.mexc.com/api/v3/capital/withdraw?network=BEP20(BSC)&symbols=A%2cB&remark=a+b&timestamp=1#frag');
    expect(req).toMatchObject({ source: 'url', method: undefined, host: 'api.mexc.com', path: '/api/v3/capital/withdraw', body: '', headers: undefined });
    expect(req.rawQuery).toBe('network=BEP20(BSC)&symbols=A%2cB&remark=a+b&timestamp=1');
    expect(req.query.map((p) => p.name)).toEqual(['network', 'symbols', 'remark', 'timestamp']);
    expect(req.query[1]?.rawValue).toBe('A%2cB');
  });

  it('accepts a URL without scheme and surrounding whitespace', () => {
    expect(parse('  api.mexc.com/api/v3/account?timestamp=1\n')).toMatchObject({ host: 'api.mexc.com', rawQuery: 'timestamp=1' });
  });
});

describe('a curl command', () => {
  it('reads a multi-line command with single and double quotes and line continuations', () => {
    const req = parse(
      [
        'curl -s -X POST \\',
        '  -H "X-MEXC-APIKEY: mx0aBYs33eIilxBWC5" \\',
        "  -H 'Content-Type: application/json' \\",
        '  "https://api.mexc.com/api/v3/order?symbol=BTCUSDT&side=BUY&type=LIMIT" \\',
        "  --data-raw 'quantity=1&price=11&timestamp=1644489390087&signature=abc'",
      ].join('\n'),
    );
    expect(req).toMatchObject({
      source: 'curl',
      method: 'POST',
      host: 'api.mexc.com',
      path: '/api/v3/order',
      rawQuery: 'symbol=BTCUSDT&side=BUY&type=LIMIT',
      body: 'quantity=1&price=11&timestamp=1644489390087&signature=abc',
    });
    expect(req.headers).toEqual([
      { name: 'X-MEXC-APIKEY', value: 'mx0aBYs33eIilxBWC5' },
      { name: 'Content-Type', value: 'application/json' },
    ]);
  });

  it('unescapes backslashes inside double quotes the way a shell does', () => {
    const req = parse('curl "https://api.mexc.com/api/v3/account?remark=\\"x\\"&note=\\$HOME&timestamp=1"');
    expect(req.rawQuery).toBe('remark="x"&note=$HOME&timestamp=1');
  });

  it('defaults to POST with -d and to GET with -G, which moves the data into the query', () => {
    expect(parse("curl https://api.mexc.com/api/v3/order -d 'a=1' -d 'b=2'")).toMatchObject({ method: 'POST', body: 'a=1&b=2' });
    expect(parse("curl -G 'https://api.mexc.com/api/v3/account?x=1' -d 'timestamp=1'")).toMatchObject({ method: 'GET', rawQuery: 'x=1&timestamp=1', body: '' });
  });

  it('reads -XPOST, --url, -HName:value clusters and stops at a pipe', () => {
    const req = parse("curl -sSXPOST --url 'https://api.mexc.com/api/v3/order/test?timestamp=1' -H'X-MEXC-APIKEY: k' | jq .");
    expect(req).toMatchObject({ method: 'POST', path: '/api/v3/order/test', rawQuery: 'timestamp=1' });
    expect(req.headers?.[0]).toEqual({ name: 'X-MEXC-APIKEY', value: 'k' });
  });

  it('encodes --data-urlencode values the way curl does', () => {
    expect(parse("curl https://api.mexc.com/api/v3/capital/withdraw --data-urlencode 'network=BEP20(BSC) x'").body).toBe('network=BEP20%28BSC%29%20x');
  });

  it('records the form Content-Type curl adds to a -d request', () => {
    expect(parse("curl https://api.mexc.com/api/v3/order -d 'a=1'").headers).toContainEqual({ name: 'Content-Type', value: 'application/x-www-form-urlencoded', addedBy: 'curl' });
  });
});

describe('a log dump', () => {
  it('reads a method line, header lines and a body after a blank line', () => {
    const req = parse(
      [
        '2024-05-01 12:00:00 DEBUG POST https://api.mexc.com/api/v3/order?symbol=BTCUSDT HTTP/1.1',
        'X-MEXC-APIKEY: mx0aBYs33eIilxBWC5',
        'content-type:application/json',
        '',
        'quantity=1&timestamp=1644489390087&signature=abc',
        '',
      ].join('\r\n'),
    );
    expect(req).toMatchObject({ source: 'log', method: 'POST', host: 'api.mexc.com', rawQuery: 'symbol=BTCUSDT', body: 'quantity=1&timestamp=1644489390087&signature=abc' });
    expect(req.headers).toHaveLength(2);
  });

  it('takes the host from a Host header when the request line has a path only', () => {
    const req = parse('GET /api/v3/account?timestamp=1&signature=abc HTTP/1.1\nHost: api.mexc.com\nX-MEXC-APIKEY: k');
    expect(req).toMatchObject({ host: 'api.mexc.com', path: '/api/v3/account', rawQuery: 'timestamp=1&signature=abc' });
  });

  it('reads a body given after a "body:" label', () => {
    expect(parse('PUT https://api.mexc.com/api/v3/userDataStream\nbody: listenKey=abc&timestamp=1').body).toBe('listenKey=abc&timestamp=1');
  });

  it('treats a log without header lines as showing no headers', () => {
    expect(parse('POST https://api.mexc.com/api/v3/order?a=1\n\nb=2').headers).toBeUndefined();
  });
});

describe('unusable input', () => {
  it.each([
    ['empty input', '   \n '],
    ['plain words', 'hello world'],
    ['a JSON error body', '{"code":700002,"msg":"Signature for this request is not valid."}'],
    ['a curl without URL', 'curl -X POST -H "X-MEXC-APIKEY: k"'],
    ['an ftp URL', 'ftp://api.mexc.com/file'],
  ])('explains what was expected for %s', (_label, text) => {
    const error = parseError(text);
    expect(error).toContain('Expected the request your code sent');
    expect(error).toContain('https://api.mexc.com/api/v3/');
  });

  it('names an unterminated quote in a broken curl line', () => {
    expect(parseError("curl -H 'X-MEXC-APIKEY: k' 'https://api.mexc.com/api/v3/account?timestamp=1")).toContain('single quote');
    expect(parseError('curl "https://api.mexc.com/api/v3/account?timestamp=1')).toContain('double quote');
  });

  it('cannot read a body from a file and says what to paste instead', () => {
    expect(parseError('curl https://api.mexc.com/api/v3/order -d @body.txt')).toContain('@file');
  });
});
