/**
 * `check --futures` against the simulator's futures scenarios (and raw faults in front of it):
 * each futures diagnosis through the text report and `--json`, the step table's skips, and the
 * promise that no futures order endpoint is ever requested.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/commands/check.js';
import { assertAllowedEndpoint } from '../../src/core/endpoints.js';
import { FUTURES_STEP_IDS } from '../../src/core/step-table.js';
import type { DiagnosisId, StepId } from '../../src/core/types.js';
import { FUTURES_SCENARIOS } from '../../src/sim/futures/scenarios.js';
import type { RunningSim, ScenarioName } from '../../src/sim/server.js';
import { createSession } from '../../src/steps/session.js';
import { fakeIO } from '../support/fake-io.js';
import { faultFront, KEY, SECRET, sim, type Fault } from '../steps/support.js';

interface FuturesOutcome {
  code: number;
  status: Partial<Record<StepId, string>>;
  byStep: Partial<Record<StepId, DiagnosisId[]>>;
  json: {
    ok: boolean;
    api?: string;
    steps: Array<{ id: StepId; status: string; summary: string; evidence: string[]; skipReason?: string; diagnoses: Array<{ id: DiagnosisId; title: string; explanation: string; evidence: string[]; fixes: Array<{ title: string; text: string }> }> }>;
    clock?: { localAheadMs: number };
  };
  text: string;
}

/** `check --futures --json`, then the same run as text. */
async function checkFutures(baseUrl: string, flags: { recvWindow?: string } = {}, env: Record<string, string> = {}): Promise<FuturesOutcome> {
  const ioEnv = { MEXC_API_KEY: KEY, MEXC_SECRET_KEY: SECRET, ...env };
  const base = { baseUrl, timeout: '3000', futures: true, ...flags };
  const io = fakeIO({ env: ioEnv });
  const code = await runCheck({ ...base, json: true }, io);
  const json = JSON.parse(io.out()) as FuturesOutcome['json'];
  const textIo = fakeIO({ env: ioEnv });
  await runCheck({ ...base, json: false }, textIo);
  return {
    code,
    json,
    status: Object.fromEntries(json.steps.map((s) => [s.id, s.status])),
    byStep: Object.fromEntries(json.steps.map((s) => [s.id, s.diagnoses.map((d) => d.id)])),
    text: textIo.out(),
  };
}

const stepText = (r: FuturesOutcome, id: StepId) => {
  const s = r.json.steps.find((x) => x.id === id);
  return [s?.summary, ...(s?.evidence ?? []), ...(s?.diagnoses ?? []).flatMap((d) => [d.title, d.explanation, ...d.evidence, ...d.fixes.map((f) => `${f.title}\n${f.text}`)])].join('\n');
};

interface Expectation {
  status: Partial<Record<StepId, 'pass' | 'fail' | 'skip' | 'warn'>>;
  /** The step that carries the verdict and its diagnosis. */
  step: StepId;
  diagnosis?: DiagnosisId;
  says?: RegExp;
}

const EXPECTED: Record<(typeof FUTURES_SCENARIOS)[number]['name'], Expectation> = {
  'futures-key-invalid': {
    step: 'futures-account',
    diagnosis: 'key-invalid',
    status: { connectivity: 'pass', clock: 'pass', 'futures-account': 'fail', 'futures-trade-read': 'skip' },
    // The simulator's spot side accepts the same key: the diagnosis names a key without futures access.
    says: /401 "Unauthorized", yet the spot API accepts the same key and secret/,
  },
  'futures-key-expired': { step: 'futures-account', diagnosis: 'key-expired', status: { 'futures-account': 'fail', 'futures-trade-read': 'skip' } },
  'futures-signature-invalid': {
    step: 'futures-account',
    diagnosis: 'signature-invalid',
    status: { 'futures-account': 'fail', 'futures-trade-read': 'skip' },
    says: /String signed: \[ApiKey\]\d{13}[\s\S]*could not verify mexc-wizard's signature \(602\)/,
  },
  'futures-ip-not-whitelisted': { step: 'futures-account', diagnosis: 'ip-not-whitelisted', status: { 'futures-account': 'fail', 'futures-trade-read': 'skip' } },
  'futures-clock-ahead': {
    step: 'clock',
    diagnosis: 'clock-ahead',
    status: { clock: 'fail', 'futures-account': 'fail', 'futures-trade-read': 'skip' },
    says: /within 10 s of MEXC's clock, either way[\s\S]*accepted the same request signed with MEXC's time/,
  },
  // The server clock runs 15 s ahead: a Recv-Window that covers it, with room to spare.
  'futures-clock-behind': { step: 'clock', diagnosis: 'clock-behind', status: { clock: 'fail', 'futures-account': 'fail', 'futures-trade-read': 'skip' }, says: /Recv-Window: (20|25) \(seconds, at most 60/ },
  'futures-permission-denied': {
    step: 'futures-account',
    diagnosis: 'permission-denied',
    status: { 'futures-account': 'fail', 'futures-trade-read': 'fail' },
    says: /This is a spot key without futures permissions[\s\S]*Account read \(futures\)/,
  },
  'futures-permission-denied-read': {
    step: 'futures-trade-read',
    diagnosis: 'permission-denied',
    status: { 'futures-account': 'pass', 'futures-trade-read': 'fail' },
    says: /Trade information read \(futures\)/,
  },
  'futures-rate-limited': { step: 'connectivity', diagnosis: 'rate-limited', status: { connectivity: 'fail', clock: 'skip', 'futures-account': 'skip' }, says: /510 "Excessive frequency of requests"/ },
  'futures-api-unavailable': {
    step: 'futures-account',
    diagnosis: 'futures-api-unavailable',
    status: { connectivity: 'pass', clock: 'pass', 'futures-account': 'fail', 'futures-trade-read': 'fail' },
    says: /511 "Endpoint inaccessible"[\s\S]*update-log/,
  },
  'futures-no-account': {
    step: 'futures-account',
    diagnosis: 'futures-api-unavailable',
    status: { 'futures-account': 'fail' },
    says: /no futures account yet[\s\S]*Open the futures account once/,
  },
  'futures-base-url-wrong': {
    step: 'connectivity',
    diagnosis: 'base-url-wrong',
    status: { connectivity: 'fail', clock: 'skip', 'futures-account': 'skip', 'futures-trade-read': 'skip' },
    says: /does not serve MEXC's futures API[\s\S]*the way the spot API answers/,
  },
};

describe('check --futures on a healthy simulator', () => {
  it('passes the five futures steps in order, with positive evidence, and exits 0', async () => {
    const s = await sim();
    const r = await checkFutures(s.url);
    expect(r.code).toBe(0);
    expect(r.json.api).toBe('futures');
    expect(r.json.steps.map((x) => x.id)).toEqual([...FUTURES_STEP_IDS]);
    expect(r.json.steps.map((x) => x.id)).toEqual(['credentials', 'connectivity', 'clock', 'futures-account', 'futures-trade-read']);
    expect(Object.values(r.status).every((x) => x === 'pass')).toBe(true);
    expect(stepText(r, 'clock')).toMatch(/MEXC accepted a request signed with your clock in this run \(GET \/api\/v1\/private\/account\/assets\)/);
    expect(stepText(r, 'futures-account')).toMatch(/2 currencies in the futures account, 1 with a balance/);
    expect(stepText(r, 'futures-trade-read')).toMatch(/Futures positions readable \(0 open positions\)/);
    expect(r.text).toMatch(/^mexc-wizard check --futures · /);
    expect(r.text.split('\n')[1]).toBe('✓ No problems: all 5 steps passed.');
    for (const out of [r.text, JSON.stringify(r.json)]) expect(out).not.toContain(SECRET);
    // The signed assets request is shared by the clock and account steps: once per run (two runs here).
    expect(s.requests.filter((x) => x.path === '/api/v1/private/account/assets').length).toBe(2);
    // No spot request when the futures API accepts the key.
    expect(s.requests.filter((x) => x.path.startsWith('/api/v3/'))).toEqual([]);
  });

  it('without a key: the signed futures steps are skipped, and nothing is signed', async () => {
    const s = await sim();
    const r = await checkFutures(s.url, {}, { MEXC_API_KEY: '', MEXC_SECRET_KEY: '' });
    expect(r.status).toMatchObject({ credentials: 'fail', connectivity: 'pass', clock: 'pass', 'futures-account': 'skip', 'futures-trade-read': 'skip' });
    expect(s.requests.filter((x) => x.path.startsWith('/api/v1/private/'))).toEqual([]);
  });

  it('signs each request with the futures headers and asks for English messages', async () => {
    const seen: http.IncomingHttpHeaders[] = [];
    const s = await sim();
    const front = http.createServer((req, res) => {
      seen.push(req.headers);
      const forward = http.request({ host: '127.0.0.1', port: s.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      req.pipe(forward);
    });
    await new Promise<void>((r) => front.listen(0, '127.0.0.1', r));
    try {
      const io = fakeIO({ env: { MEXC_API_KEY: KEY, MEXC_SECRET_KEY: SECRET } });
      expect(await runCheck({ baseUrl: `http://127.0.0.1:${(front.address() as AddressInfo).port}`, futures: true, json: true }, io)).toBe(0);
    } finally {
      front.closeAllConnections();
      await new Promise<void>((r) => front.close(() => r()));
    }
    const signed = seen.filter((h) => h.signature !== undefined);
    expect(signed.length).toBeGreaterThanOrEqual(2);
    for (const h of signed) {
      expect(h.apikey).toBe(KEY);
      expect(h['request-time']).toMatch(/^\d{13}$/);
      expect(h.signature).toMatch(/^[0-9a-f]{64}$/);
      expect(h.language).toBe('English');
      expect(h['x-mexc-apikey']).toBeUndefined();
    }
  });
});

describe('check --futures: every futures scenario gets its diagnosis (text and --json)', () => {
  it('covers every futures scenario', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(FUTURES_SCENARIOS.map((x) => x.name).sort());
  });

  it.each(Object.entries(EXPECTED) as Array<[ScenarioName, Expectation]>)('%s', async (scenario, expected) => {
    const s = await sim({ scenario });
    const r = await checkFutures(s.url);
    expect(r.code).toBe(1);
    expect(r.json.ok).toBe(false);
    expect(r.status).toMatchObject(expected.status);
    if (expected.diagnosis) expect(r.byStep[expected.step]).toContain(expected.diagnosis);
    if (expected.says) expect(stepText(r, expected.step)).toMatch(expected.says);
    // The text report names the same problem, with its fixes.
    expect(r.text).toMatch(/\d+ problems? found\./);
    if (expected.diagnosis) expect(r.text).toContain(`[${expected.diagnosis}]`);
    for (const out of [r.text, JSON.stringify(r.json)]) expect(out).not.toContain(SECRET);
  });
});

describe('check --futures never sends a futures order', () => {
  const READS = new Set(['GET /api/v1/contract/ping', 'GET /api/v1/private/account/assets', 'GET /api/v1/private/position/open_positions']);

  it('requests only the three futures reads, in every scenario', async () => {
    const seen = new Set<string>();
    for (const scenario of ['ok', ...FUTURES_SCENARIOS.map((x) => x.name)] as ScenarioName[]) {
      const s: RunningSim = await sim({ scenario });
      await checkFutures(s.url);
      for (const r of s.requests.filter((x) => x.path.startsWith('/api/v1/'))) seen.add(`${r.method} ${r.path}`);
      // The spot API is asked only to name a spot-only key (signed GET /api/v3/account).
      for (const r of s.requests.filter((x) => x.path.startsWith('/api/v3/'))) expect(`${r.method} ${r.path}`).toBe('GET /api/v3/account');
    }
    expect([...seen].every((e) => READS.has(e))).toBe(true);
    expect(seen).toEqual(READS);
  });

  it('the client refuses every futures write, in code', () => {
    for (const [method, path] of [
      ['POST', '/api/v1/private/order/create'],
      ['POST', '/api/v1/private/order/submit'],
      ['POST', '/api/v1/private/order/cancel'],
      ['POST', '/api/v1/private/position/change_leverage'],
      ['POST', '/api/v1/private/planorder/place'],
      ['GET', '/api/v1/private/order/list/open_orders'],
    ] as const) {
      expect(() => assertAllowedEndpoint(method, path)).toThrow(/never trades/);
    }
    for (const read of READS) {
      const [method, path] = read.split(' ') as ['GET', string];
      expect(() => assertAllowedEndpoint(method, path)).not.toThrow();
    }
  });
});

describe('check --futures: answers the scenarios do not give', () => {
  const json = (status: number, body: unknown): Fault => ({ status, body: JSON.stringify(body) });

  it('reads the code, not the words: a 602 in Chinese is still the signature', async () => {
    const base = await faultFront(await sim(), { 'GET /api/v1/private/account/assets': json(200, { success: false, code: 602, message: '签名验证失败!' }) });
    const r = await checkFutures(base);
    expect(r.byStep['futures-account']).toEqual(['signature-invalid']);
  });

  it('takes the ping data as digits in a string', async () => {
    const now = () => ({ success: true, code: 0, data: String(Date.now()) });
    const base = await faultFront(await sim(), { 'GET /api/v1/contract/ping': { rewrite: () => ({ status: 200, body: JSON.stringify(now()) }) } });
    const r = await checkFutures(base);
    expect(r.status).toMatchObject({ connectivity: 'pass', clock: 'pass' });
  });

  it('fails the ping on a time in seconds, and on spot\'s {} (no proof either way)', async () => {
    const seconds = await faultFront(await sim(), { 'GET /api/v1/contract/ping': { rewrite: () => ({ status: 200, body: JSON.stringify({ success: true, code: 0, data: Math.floor(Date.now() / 1000) }) }) } });
    const r = await checkFutures(seconds);
    expect(r.byStep.connectivity).toEqual(['unexpected-response']);
    expect(stepText(r, 'connectivity')).toMatch(/in seconds \(10 digits\), not milliseconds/);
    const empty = await faultFront(await sim(), { 'GET /api/v1/contract/ping': json(200, {}) });
    expect((await checkFutures(empty)).byStep.connectivity).toEqual(['unexpected-response']);
  });

  it('names a futures request answered the spot way: the host serves no futures API', async () => {
    const base = await faultFront(await sim(), { 'GET /api/v1/private/account/assets': json(400, { code: 10072, msg: 'Api key info invalid' }) });
    const r = await checkFutures(base);
    expect(r.byStep['futures-account']).toEqual(['base-url-wrong']);
    expect(stepText(r, 'futures-account')).toMatch(/the way the spot API answers/);
  });

  it('a trade read that answers no list of positions is no pass', async () => {
    const base = await faultFront(await sim(), { 'GET /api/v1/private/position/open_positions': json(200, { success: true, code: 0, data: { resultList: [] } }) });
    const r = await checkFutures(base);
    expect(r.status['futures-trade-read']).toBe('fail');
    expect(r.byStep['futures-trade-read']).toEqual(['unexpected-response']);
  });

  it('sends --recv-window as the Recv-Window header in seconds: 20 s covers a clock 15 s ahead', async () => {
    const s = await sim({ scenario: 'futures-clock-ahead' });
    const r = await checkFutures(s.url, { recvWindow: '20000' });
    expect(r.status).toMatchObject({ clock: 'pass', 'futures-account': 'pass', 'futures-trade-read': 'pass' });
    expect(stepText(r, 'clock')).toMatch(/≤ 20 s \(the Recv-Window header sent\)/);
  });
});

describe('the futures session, step by step (what the wizard will drive)', () => {
  it('runs each futures step on its own, in the table order, with the same skip rules', async () => {
    const s = await sim({ scenario: 'futures-signature-invalid' });
    const session = createSession({ baseUrl: s.url, timeoutMs: 3000, recvWindowMs: 5000, verbose: false, api: 'futures', env: { MEXC_API_KEY: KEY, MEXC_SECRET_KEY: SECRET }, now: () => Date.now(), platform: 'linux' });
    try {
      const results = [];
      for (const id of FUTURES_STEP_IDS) results.push(await session.runStep(id));
      expect(results.map((r) => `${r.id}:${r.status}`)).toEqual(['credentials:pass', 'connectivity:pass', 'clock:pass', 'futures-account:fail', 'futures-trade-read:skip']);
      expect(results[3]?.diagnoses.map((d) => d.id)).toEqual(['signature-invalid']);
      // Each step run on its own signs afresh (the user may have fixed something in between).
      expect(s.requests.filter((r) => r.path === '/api/v1/private/account/assets').length).toBe(2);
      await expect(session.runStep('account')).rejects.toThrow(/no futures step account/);
    } finally {
      session.close();
    }
  });
});

describe('check --futures: fixes name the futures commands', () => {
  it('an answer that is not MEXC’s points at the futures ping and check --futures', async () => {
    const base = await faultFront(await sim(), { 'GET /api/v1/contract/ping': { status: 200, body: JSON.stringify({ status: 'ok', message: 'Request accepted by gateway' }) } });
    const r = await checkFutures(base);
    const fixes = r.json.steps.find((x) => x.id === 'connectivity')!.diagnoses[0]!.fixes.map((f) => f.text).join('\n');
    expect(r.byStep.connectivity).toEqual(['unexpected-response']);
    expect(fixes).toContain('/api/v1/contract/ping');
    expect(fixes).not.toContain('/api/v3/ping');
    expect(fixes).toContain('npx mexc-wizard check --futures');
  });
});
