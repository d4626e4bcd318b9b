import { describe, expect, it } from 'vitest';
import { renderDiagnosis } from '../../src/core/catalog/index.js';
import { classifyObservation } from '../../src/core/classify.js';
import { supportReportData, supportReportMarkdown, type SupportReportInput } from '../../src/core/report.js';
import type { StepResult } from '../../src/core/types.js';
import { FIX_CONTEXT, response } from './fixtures.js';

const SECRET = 'CANARYSECRET0123456789abcdef0000';
const KEY = 'mx0aBYs33eIilxBWC5';

function failedAccount(body: string): StepResult {
  const diagnoses = classifyObservation(response(400, body)).map((f) => renderDiagnosis(f, FIX_CONTEXT));
  return {
    id: 'account',
    status: 'fail',
    summary: `Refused: ${diagnoses[0]?.title}`,
    evidence: [`GET https://api.mexc.com/api/v3/account?recvWindow=5000&timestamp=1700000000000&signature=${'ab'.repeat(32)}`],
    diagnoses,
    durationMs: 120,
  };
}

const input = (over: Partial<SupportReportInput> = {}): SupportReportInput => ({
  version: '0.1.0',
  nodeVersion: 'v20.20.2',
  platform: 'linux',
  baseUrl: 'https://api.mexc.com',
  proxy: 'http://alice:hunter2@proxy.corp.example:3128',
  apiKey: KEY,
  secret: SECRET,
  clock: { localAheadMs: 1234, rttMs: 80 },
  steps: [
    { id: 'connectivity', status: 'pass', summary: 'Server reachable in 84 ms', evidence: [], diagnoses: [], durationMs: 84 },
    failedAccount('{"code":700006,"msg":"IP [198.51.100.23] not in the ip white list"}'),
    { id: 'trade', status: 'skip', summary: 'Skipped', evidence: [], diagnoses: [], skipReason: 'the account request was refused', durationMs: 0 },
  ],
  ...over,
});

describe('support report', () => {
  it('lists tool version, Node version, platform, base URL, proxy host, masked key, clock and the IP MEXC saw', () => {
    const md = supportReportMarkdown(input());
    expect(md).toContain('| Tool | mexc-wizard 0.1.0 |');
    expect(md).toContain('| Node.js | v20.20.2 |');
    expect(md).toContain('| Platform | linux |');
    expect(md).toContain('| Base URL | https://api.mexc.com |');
    expect(md).toContain('| API | spot |');
    expect(md).toContain('| Proxy | proxy.corp.example:3128 |');
    expect(md).toContain('| API key | mx0a…WC5 |');
    expect(md).toContain('| Clock | local clock 1.2 s (1234 ms) ahead of MEXC; round trip 80 ms |');
    expect(md).toContain('| IP seen by MEXC | 198.51.100.23 |');
  });

  it('a clock a few ms off reads "16 ms", not "16 ms (16 ms)"', () => {
    const md = supportReportMarkdown(input({ clock: { localAheadMs: -16, rttMs: 12 } }));
    expect(md).toContain('| Clock | local clock 16 ms behind MEXC; round trip 12 ms |');
  });

  it("reports each step's outcome and MEXC's code and message", () => {
    const md = supportReportMarkdown(input());
    expect(md).toContain('### ✓ PASS connectivity');
    expect(md).toContain('### ✗ FAIL account');
    expect(md).toContain('### - SKIP trade');
    expect(md).toContain('MEXC answered: code 700006, "IP [198.51.100.23] not in the ip white list"');
    expect(md).toContain('(ip-not-whitelisted)');
  });

  it('names the futures API when the steps were the futures ones (the wizard\'s futures path)', () => {
    expect(supportReportMarkdown(input({ api: 'futures' }))).toContain('| API | futures (contract) |');
    expect(supportReportData(input({ api: 'futures' })).api).toBe('futures');
  });

  it('gives the same facts as data', () => {
    const data = supportReportData(input());
    expect(data).toMatchObject({
      tool: { name: 'mexc-wizard', version: '0.1.0' },
      proxy: 'proxy.corp.example:3128',
      apiKey: 'mx0a…WC5',
      mexcSawIp: '198.51.100.23',
      clock: { localAheadMs: 1234, rttMs: 80 },
    });
    expect(data.steps[1]?.mexcAnswers).toEqual([{ code: '700006', msg: 'IP [198.51.100.23] not in the ip white list' }]);
  });

  it('never contains the secret, proxy credentials, the full key or a full signature', () => {
    const leaky = input({
      steps: [
        {
          ...failedAccount('{"code":700002,"msg":"Signature for this request is not valid."}'),
          evidence: [`debug: secret was ${SECRET}`, `key ${KEY}`, `signature=${'cd'.repeat(32)}`],
        },
      ],
    });
    for (const text of [supportReportMarkdown(leaky)]) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain('hunter2');
      expect(text).not.toContain('alice');
      expect(text).not.toContain(KEY);
      expect(text).not.toContain('cd'.repeat(32));
      expect(text).toContain('[REDACTED]');
    }
  });

  it('says what was not measured instead of leaving blanks', () => {
    const md = supportReportMarkdown(input({ proxy: undefined, apiKey: undefined, clock: undefined, steps: [] }));
    expect(md).toContain('| Proxy | none |');
    expect(md).toContain('| API key | not set |');
    expect(md).toContain('| Clock | not measured |');
    expect(md).toContain('| IP seen by MEXC | not reported |');
  });
});
