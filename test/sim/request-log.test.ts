import { describe, expect, it } from 'vitest';
import { LAB_CATALOG, LAB_FINDING_IDS } from '../../src/core/lab/index.js';
import { shortFix } from '../../src/core/lab/short-fixes.js';
import type { SimResponse } from '../../src/sim/errors.js';
import {
  createRequestLog,
  firstFindings,
  jsonLine,
  shortenSignatures,
  terminalLine,
  visible,
  type FindingsSource,
  type RequestLogEntry,
} from '../../src/sim/request-log.js';

const SECRET = '45d0b3c26f2644f19bfb98b07741b2f5';
const KEY = 'mx0aBYs33eIilxBWC5';
const SIGNATURE = 'fd3e4e8543c5188531eb7279d68ae7d26a573d0fc5ab0d18eb692451654d837a';

const entry = (over: Partial<RequestLogEntry> = {}): RequestLogEntry => ({
  time: new Date(2026, 0, 2, 14, 2, 11, 532).toISOString(),
  method: 'GET',
  path: '/api/v3/account',
  status: 400,
  code: 700002,
  findings: ['param-order-differs'],
  fix: 'Sign it as sent.',
  ...over,
});

const ok = (status = 200, code?: number): SimResponse => ({
  status,
  headers: { 'content-type': 'application/json' },
  body: code === undefined ? '{}' : JSON.stringify({ code, msg: 'Signature for this request is not valid.' }),
  ...(code !== undefined ? { code } : {}),
});

function logWith(findings: FindingsSource, secrets: string[] = [SECRET]) {
  const entries: RequestLogEntry[] = [];
  const log = createRequestLog({
    findings,
    context: () => ({ clientSecret: SECRET, apiKey: KEY, scenario: 'ok', serverTimeMs: 0 }),
    secrets: () => secrets,
    onEntry: (e) => entries.push(e),
  });
  const arrive = (path: string, rawQuery = '', headers: Record<string, string> = {}) =>
    log.arrive({ receivedAtMs: 1_700_000_000_000, method: 'GET', path, rawQuery, headers, rawHeaders: Object.entries(headers).flat() });
  return { entries, arrive };
}

describe('the terminal line', () => {
  it('reads: local time, method, path → status, code, finding ids — the fix', () => {
    expect(terminalLine(entry())).toBe('14:02:11.532 GET /api/v3/account → 400 700002 param-order-differs — Sign it as sent.');
  });

  it('leaves out a code equal to the status, and quotes MEXC\'s message when there is no fix', () => {
    expect(terminalLine(entry({ status: 404, code: 404, findings: [], fix: undefined, msg: 'Not Found' }))).toBe(
      '14:02:11.532 GET /api/v3/account → 404 — "Not Found"',
    );
  });

  it('says "no answer" for a request that was never answered', () => {
    expect(terminalLine(entry({ status: null, code: null, findings: [], fix: 'Scenario "timeout".' }))).toContain('→ no answer — Scenario "timeout".');
  });

  it('shows control characters from a request as escapes, never raw', () => {
    const hostile = '/api/\u001b[2J\u001b]0;pwned\u0007\u009b31m\u202eevil\r\n';
    const line = terminalLine(entry({ path: hostile, msg: 'x\u001b[31m', fix: undefined }));
    expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202e]/);
    expect(line).toContain('/api/\\x1b[2J\\x1b]0;pwned\\x07\\x9b31m\\u202eevil\\x0d\\x0a');
  });

  it('keeps a long path to one readable line', () => {
    expect(terminalLine(entry({ path: `/${'a'.repeat(500)}` })).length).toBeLessThan(250);
  });
});

describe('the JSON line', () => {
  it('is one line of JSON with the contract fields first', () => {
    const line = jsonLine(entry({ query: 'timestamp=1', key: 'mx0a…WC5' }));
    expect(line.endsWith('\n')).toBe(true);
    expect(line.slice(0, -1)).not.toContain('\n');
    expect(Object.keys(JSON.parse(line)).slice(0, 6)).toEqual(['time', 'method', 'path', 'status', 'code', 'findings']);
  });

  it('escapes C1 and bidi controls that JSON.stringify would leave raw', () => {
    const line = jsonLine(entry({ key: 'mx0\u009b…\u202e1' }));
    expect(line).not.toMatch(/[\u007f-\u009f\u202e]/);
    expect(JSON.parse(line).key).toBe('mx0\u009b…\u202e1');
  });

  it('keeps the masking ellipsis readable', () => {
    expect(jsonLine(entry({ key: 'mx0a…WC5' }))).toContain('"key":"mx0a…WC5"');
  });
});

describe('what a logged query may show', () => {
  it('shortens the signature to its first and last four characters', () => {
    expect(shortenSignatures(`timestamp=1&signature=${SIGNATURE}`)).toBe('timestamp=1&signature=fd3e…837a');
  });

  it('hides a short or non-hex signature whole', () => {
    expect(shortenSignatures('signature=abc&x=1')).toBe('signature=…&x=1');
    expect(shortenSignatures('signature=&x=1')).toBe('signature=&x=1');
  });

  it('shortens the old v2 "sign" parameter too', () => {
    expect(shortenSignatures(`api_key=k&req_time=1&sign=${SIGNATURE}`)).toBe('api_key=k&req_time=1&sign=fd3e…837a');
  });
});

describe('createRequestLog', () => {
  const none: FindingsSource = () => ({ ids: [] });

  it('hands entries over in arrival order, whatever order the answers finish in', () => {
    const { entries, arrive } = logWith(none);
    const first = arrive('/a');
    const second = arrive('/b');
    const third = arrive('/c');
    third.finish(Buffer.alloc(0), ok());
    second.finish(Buffer.alloc(0), ok());
    expect(entries).toEqual([]);
    first.finish(Buffer.alloc(0), ok());
    expect(entries.map((e) => e.path)).toEqual(['/a', '/b', '/c']);
  });

  it('logs each request once, however often it is finished', () => {
    const { entries, arrive } = logWith(none);
    const one = arrive('/a');
    one.finish(undefined, undefined);
    one.finish(Buffer.alloc(0), ok());
    expect(entries).toEqual([expect.objectContaining({ path: '/a', status: null, code: null })]);
  });

  it('masks the key and removes the secret and the signature wherever the request put them', () => {
    const { entries, arrive } = logWith(none);
    arrive(`/api/v3/${SECRET}/${KEY}`, `api_key=${KEY}&s=${SECRET.toUpperCase()}&signature=${SIGNATURE}`, { 'x-mexc-apikey': KEY }).finish(
      Buffer.alloc(0),
      ok(400, 700002),
    );
    const text = JSON.stringify(entries);
    expect(text).not.toContain(KEY);
    expect(text.toLowerCase()).not.toContain(SECRET);
    expect(text).not.toContain(SIGNATURE);
    expect(entries[0]).toMatchObject({ key: 'mx0a…WC5', query: 'api_key=mx0a…WC5&s=[REDACTED]&signature=fd3e…837a' });
  });

  it('still logs the request when a findings source throws', () => {
    const { entries, arrive } = logWith(() => {
      throw new Error('bug');
    });
    arrive('/a').finish(Buffer.alloc(0), ok());
    expect(entries).toEqual([expect.objectContaining({ path: '/a', findings: [], fix: expect.stringContaining('internal error') })]);
  });

  it('asks the findings sources in turn, so another kind of request can plug in its own', () => {
    const futures: FindingsSource = (req) => (req.path.startsWith('/api/v1/') ? { ids: ['futures-check'] } : undefined);
    const spot: FindingsSource = () => ({ ids: ['spot-check'] });
    const { entries, arrive } = logWith(firstFindings(futures, spot));
    arrive('/api/v1/private/account/assets').finish(Buffer.alloc(0), ok());
    arrive('/api/v3/account').finish(Buffer.alloc(0), ok());
    expect(entries.map((e) => e.findings)).toEqual([['futures-check'], ['spot-check']]);
  });
});

describe('the lab\'s one-sentence fixes', () => {
  it.each(LAB_FINDING_IDS.map((id) => [id]))('%s has one short sentence of its own', (id) => {
    const fix = shortFix(id);
    expect(fix).not.toBe(`${LAB_CATALOG[id].title}.`);
    expect(fix).toMatch(/^[A-Z].*\.$/);
    expect(fix).not.toContain('\n');
    expect(fix.length).toBeLessThanOrEqual(160);
  });

  it('names the sorted-parameters mistake the way a bot author would say it', () => {
    expect(shortFix('param-order-differs')).toContain('sorted by name but sent them in another order');
  });

  it('escapes nothing in our own text', () => {
    for (const id of LAB_FINDING_IDS) expect(visible(shortFix(id))).toBe(shortFix(id));
  });
});
