/**
 * Every class of wrong verdict from issue #10, reproduced against the simulator (a scenario, a
 * simulator option, or a raw fault in front of it) and run through both `check --json` and the
 * wizard's flow (src/flow/next.ts driving a real Session). A step passes only on positive
 * evidence; nothing here may end in "all good".
 */
import { describe, expect, it } from 'vitest';
import type { DiagnosisId, StepId } from '../../src/core/types.js';
import type { ScenarioName } from '../../src/sim/server.js';
import { authProxy, check, faultFront, sim, walkWizard, type CheckOutcome, type Fault, type Target, type WizardWalk } from './support.js';

interface Expectation {
  /** check's exit code (and the wizard's on quit). */
  code: 0 | 1;
  /** The step that must carry the verdict, its status and diagnosis (none: no diagnosis at all). */
  step: StepId;
  status: 'pass' | 'warn' | 'fail';
  diagnosis?: DiagnosisId;
  /** Words the step's summary, evidence or diagnosis evidence must contain. */
  says?: RegExp;
  /** Steps that must not pass (the false "all good" this class used to give). */
  notPass?: StepId[];
}

type Setup = () => Promise<Target>;

const scenario = (name: ScenarioName): Setup => async () => ({ baseUrl: (await sim({ scenario: name })).url });
const fault = (faults: Record<string, Fault>): Setup => async () => ({ baseUrl: await faultFront(await sim(), faults) });
const json = (status: number, body: unknown, headers?: Record<string, string>): Fault => ({ status, body: typeof body === 'string' ? body : JSON.stringify(body), ...(headers ? { headers } : {}) });

const CLASSES: Array<[name: string, setup: Setup, expected: Expectation]> = [
  // 200 without proof
  ['a captive-portal HTML page with 200', scenario('html-200'), { code: 1, step: 'connectivity', status: 'fail', diagnosis: 'unexpected-response', says: /HTML page titled "Welcome - Guest Wi-Fi"/ }],
  ['an empty body with 200', scenario('empty-200'), { code: 1, step: 'connectivity', status: 'fail', diagnosis: 'unexpected-response', says: /an empty body/ }],
  ['a body cut off in the middle', scenario('truncated-200'), { code: 1, step: 'connectivity', status: 'fail', diagnosis: 'unexpected-response', says: /cut off after 33 bytes/ }],
  ["a corporate gateway's own JSON", scenario('gateway-json'), { code: 1, step: 'connectivity', status: 'fail', diagnosis: 'unexpected-response', says: /keys status, message/ }],
  ['{} from the account endpoint', fault({ 'GET /api/v3/account': json(200, {}) }), { code: 1, step: 'account', status: 'fail', diagnosis: 'unexpected-response', says: /without the balances list/ }],
  ['[] from the account endpoint', fault({ 'GET /api/v3/account': json(200, []) }), { code: 1, step: 'account', status: 'fail', diagnosis: 'unexpected-response', says: /an empty list/ }],
  ['an object where openOrders sends a list', fault({ 'GET /api/v3/openOrders': json(200, { orders: [] }) }), { code: 1, step: 'trade-read', status: 'fail', diagnosis: 'unexpected-response', says: /an object with key orders/ }],
  ['a non-empty object from order/test', fault({ 'POST /api/v3/order/test': json(200, { status: 'ok' }) }), { code: 1, step: 'trade', status: 'fail', diagnosis: 'unexpected-response' }],
  // The trade step proves the permission, or says what went wrong
  ['a 404 for order/test', fault({ 'POST /api/v3/order/test': json(404, '<html><title>404 Not Found</title></html>', { 'content-type': 'text/html' }) }), { code: 1, step: 'trade', status: 'fail', diagnosis: 'unexpected-response', says: /404/ }],
  ['a 418 ban on order/test', fault({ 'POST /api/v3/order/test': json(418, { code: -1003, msg: 'Way too many requests; IP banned until 1700000000000.' }, { 'retry-after': '300' }) }), { code: 1, step: 'trade', status: 'fail', diagnosis: 'rate-limited', says: /Retry-After: 300 s/ }],
  ['10073 Invalid Request-Time on order/test', fault({ 'POST /api/v3/order/test': json(400, { code: 10073, msg: 'Invalid Request-Time' }) }), { code: 1, step: 'trade', status: 'fail', diagnosis: 'timestamp-outside-recv-window' }],
  ['an unknown code on order/test', fault({ 'POST /api/v3/order/test': json(400, { code: 123456, msg: 'Something new' }) }), { code: 1, step: 'trade', status: 'fail', diagnosis: 'unknown-error', says: /123456/ }],
  ['an unknown code on openOrders', fault({ 'GET /api/v3/openOrders': json(400, { code: 123456, msg: 'Something new' }) }), { code: 1, step: 'trade-read', status: 'fail', diagnosis: 'unknown-error' }],
  ['a symbol not open to API trading', scenario('symbol-not-api-enabled'), { code: 1, step: 'trade', status: 'fail', diagnosis: 'symbol-not-api-enabled' }],
  [
    'order-validation 30002 from order/test (proves the permission)',
    fault({ 'POST /api/v3/order/test': json(400, { code: 30002, msg: 'The minimum transaction volume cannot be less than:5USDT' }) }),
    { code: 0, step: 'trade', status: 'pass', says: /30002.*only after the key, the signature and the Trade permission were accepted/ },
  ],
  ['order-validation 10101 from order/test (proves the permission)', fault({ 'POST /api/v3/order/test': json(400, { code: 10101, msg: 'Insufficient balance' }) }), { code: 0, step: 'trade', status: 'pass', says: /10101/ }],
  // The clock claims only what it measured
  ['jittery server time while MEXC accepts signed requests', scenario('clock-jitter'), { code: 0, step: 'clock', status: 'pass', says: /MEXC accepted a request signed with your clock/ }],
  ['/api/v3/time in seconds', scenario('time-in-seconds'), { code: 1, step: 'clock', status: 'fail', diagnosis: 'unexpected-response', says: /in seconds \(10 digits\), not milliseconds/ }],
  ['a clock 4.2 s ahead: one problem, proven by signing with MEXC time', scenario('clock-ahead'), { code: 1, step: 'clock', status: 'fail', diagnosis: 'clock-ahead', says: /accepted the same request signed with MEXC's time/ }],
  // Wrong place, proxy, maintenance, bans
  ['a base URL ending in /api/v3', async () => ({ baseUrl: `${(await sim()).url}/api/v3` }), { code: 1, step: 'connectivity', status: 'fail', diagnosis: 'base-url-wrong', says: /Use this base URL instead: http:\/\/127\.0\.0\.1:\d+$/m }],
  ['a proxy that answers 407', async () => ({ baseUrl: (await sim()).url, env: { HTTP_PROXY: await authProxy() } }), { code: 1, step: 'connectivity', status: 'fail', diagnosis: 'proxy-auth-required', says: /Proxy: 127\.0\.0\.1:\d+/ }],
  ['maintenance with its announcement', scenario('server-error'), { code: 1, step: 'connectivity', status: 'fail', diagnosis: 'server-error', says: /announcement: https:\/\/www\.mexc\.com\/support\/articles\/17827791510263/ }],
  ['an IP ban (418 with JSON and Retry-After)', scenario('ip-banned'), { code: 1, step: 'connectivity', status: 'fail', diagnosis: 'rate-limited', says: /HTTP 418: MEXC has banned this IP[\s\S]*Retry-After: 120 s|Retry-After: 120 s[\s\S]*HTTP 418/ }],
];

function stepText(r: CheckOutcome, id: StepId): string {
  const s = r.json.steps.find((x) => x.id === id);
  return [s?.summary, ...(s?.evidence ?? []), ...(s?.diagnoses ?? []).flatMap((d) => [d.title, ...d.evidence])].join('\n');
}

describe('verdicts need proof: every class through check --json', () => {
  it.each(CLASSES)('%s', async (_name, setup, expected) => {
    const r = await check(await setup());
    expect(r.code).toBe(expected.code);
    expect(r.status[expected.step]).toBe(expected.status);
    if (expected.diagnosis) expect(r.byStep[expected.step]).toContain(expected.diagnosis);
    else expect(r.byStep[expected.step]).toEqual([]);
    if (expected.says) expect(stepText(r, expected.step)).toMatch(expected.says);
    // Never "all good" with a failed step, never a failure without its problem in the text report:
    // the verdict is the line under the header, the count closes the report.
    const verdict = r.text.split('\n')[1];
    if (expected.code === 1) {
      expect(verdict).toMatch(/^✗ \d+ problems?\b/);
      expect(r.text).toMatch(/^\d+ problems? found\./m);
    } else expect(verdict).toMatch(/^(✓ No problems: all 6 steps passed\.|! No problems, \d+ warnings?)/);
  });
});

describe('verdicts need proof: every class through the wizard', () => {
  it.each(CLASSES)('%s', async (_name, setup, expected) => {
    const w: WizardWalk = await walkWizard(await setup());
    expect(w.exitCode).toBe(expected.code);
    expect(w.results[expected.step]?.status).toBe(expected.status);
    if (expected.diagnosis) {
      expect(w.fixScreens.some((f) => f.step === expected.step && f.ids.includes(expected.diagnosis!))).toBe(true);
      expect(w.problems.length).toBeGreaterThan(0);
    }
    if (expected.code === 0) expect(w.problems.filter((p) => !/^Clock: /.test(p))).toEqual([]);
  });
});

describe('one cause, one problem', () => {
  it('a clock that runs ahead is the clock step’s problem only; the account step points to it', async () => {
    const target = await scenario('clock-ahead')();
    const r = await check(target);
    expect(r.byStep.clock).toEqual(['clock-ahead']);
    expect(r.status.account).toBe('fail');
    expect(r.byStep.account).toEqual([]);
    expect(stepText(r, 'account')).toMatch(/Signed again with MEXC's time .*accepted/);
    expect(r.text.split('\n')[1]).toMatch(/^✗ 1 problem\b/);
    expect(r.text).toMatch(/^1 problem found\. /m);
    const w = await walkWizard(target);
    expect(w.problems).toEqual(['Clock: Your clock is ahead of MEXC']);
    expect(w.fixScreens.map((f) => f.step)).toEqual(['clock']);
  });

  it('a clock that runs behind: the same', async () => {
    const r = await check(await scenario('clock-behind')());
    expect(r.diagnoses).toEqual(['clock-behind']);
    expect(r.text.split('\n')[1]).toMatch(/^✗ 1 problem\b/);
    expect(r.text).toMatch(/^1 problem found\. /m);
  });
});

describe("the wizard's own 700002 leads with the secret", () => {
  it('check and the wizard put "Re-check the secret" first, the signature lab later', async () => {
    const target = await scenario('signature-invalid')();
    const r = await check(target);
    const d = r.json.steps.find((s) => s.id === 'account')!.diagnoses[0]!;
    expect(d.id).toBe('signature-invalid');
    expect(d.fixes[0]?.title).toBe('Re-check the secret');
    expect(d.explanation).toMatch(/so the secret is the cause/);
    const labAt = d.fixes.findIndex((f) => /find the mistake in the request your code sent/.test(f.title));
    expect(labAt).toBeGreaterThan(0);
    const w = await walkWizard(target);
    expect(w.fixScreens[0]).toMatchObject({ step: 'account', ids: ['signature-invalid'], firstFix: 'Re-check the secret' });
  });
});

describe('clock: honest uncertainty', () => {
  it('4 s of latency is reported as latency: a warning without a clock diagnosis, and MEXC still accepts', async () => {
    const s = await sim({ delayMs: () => ({ beforeHandleMs: 4000, beforeSendMs: 0 }) });
    const r = await check({ baseUrl: s.url, timeout: '15000' });
    expect(r.status.clock).toBe('warn');
    expect(r.byStep.clock).toEqual([]);
    expect(stepText(r, 'clock')).toMatch(/Slow network/);
    expect(stepText(r, 'clock')).not.toMatch(/2\.0 s behind MEXC \(/);
    expect(r.status.account).toBe('pass');
    expect(r.code).toBe(0);
  }, 60_000);

  it('jittery server time without a key to sign with: a warning that says it is uncertain, never a failure', async () => {
    const s = await sim({ scenario: 'clock-jitter' });
    const statuses = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const r = await check({ baseUrl: s.url, env: { MEXC_API_KEY: '', MEXC_SECRET_KEY: '' } });
      statuses.add(String(r.status.clock));
      expect(r.status.clock).not.toBe('fail');
    }
    expect([...statuses].every((x) => x === 'pass' || x === 'warn')).toBe(true);
  });

  it('/api/v3/time in seconds claims no offset at all', async () => {
    const r = await check(await scenario('time-in-seconds')());
    expect(r.json.clock).toBeUndefined();
    expect(stepText(r, 'clock')).not.toMatch(/ahead of MEXC|behind MEXC/);
  });
});
