import { afterEach, describe, expect, it, vi } from 'vitest';
import { demoSimulator } from '../../src/commands/demo-simulator.js';
import { runDemoCheck } from '../../src/commands/demo.js';
import type { FoundCredentials } from '../../src/core/credentials.js';
import type { SupportReportInput } from '../../src/core/report.js';
import { FUTURES_STEP_IDS, STEP_IDS } from '../../src/core/step-table.js';
import type { FixContext, StepId, StepResult } from '../../src/core/types.js';
import { createRuntime, type Loaders, type WizardSession } from '../../src/flow/runtime.js';
import { viewOf } from '../../src/flow/screens/index.js';
import { summaryItems } from '../../src/flow/screens/summary.js';
import { initialState } from '../../src/flow/state.js';
import type { Event, WizardState } from '../../src/flow/types.js';
import { createWizard } from '../../src/flow/wizard.js';
import { FUTURES_SCENARIOS } from '../../src/sim/futures/scenarios.js';
import { startSimulator, type RunningSim } from '../../src/sim/server.js';
import type { SessionOptions } from '../../src/steps/session.js';
import { launchWizard, type FrontEnd } from '../../src/shell/launcher.js';
import { fakeIO } from '../support/fake-io.js';
import { result } from '../support/fixtures.js';

/**
 * The wizard's runtime on the futures path: one session per API (the run-step effect names it),
 * a real futures session against the simulator, and, for every futures demo scenario, the whole
 * wizard (store, runtime, demo simulator) walked from the welcome screen to its summary with the
 * same verdict as `check --futures`: no futures scenario may end in "all good".
 */

const KEY = 'mx0aBYs33eIilxBWC5';
const SECRET = 'deadbeefcafe0123456789abcdef0042'; // canary: must never appear in output

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((c) => c()));
});

const viewOfWelcome = (state: WizardState): string[] => viewOf(state).menu?.items.map((i) => i.label) ?? [];

function options(baseUrl: string, found: FoundCredentials): SessionOptions {
  return { baseUrl, timeoutMs: 3000, recvWindowMs: 5000, verbose: false, env: {}, loadCredentials: () => found, now: () => Date.now(), platform: 'linux' };
}

const FOUND: FoundCredentials = {
  apiKey: { value: KEY, origin: 'environment', variable: 'MEXC_API_KEY' },
  secret: { value: SECRET, origin: 'environment', variable: 'MEXC_SECRET_KEY' },
};

function runtime(session: SessionOptions, loaders: Partial<Loaders> = {}) {
  const events: Event[] = [];
  const rt = createRuntime({ session, version: '1', cwd: '/nonexistent', today: '2026-03-10', copy: async () => ({ ok: true, text: '' }), dispatch: (e) => events.push(e), onExit: () => undefined, loaders });
  closers.push(() => rt.shutdown());
  return { rt, events };
}

describe('one session per API', () => {
  function fake(log: string[], api: string): WizardSession {
    return {
      runStep: async (id: StepId) => (log.push(`${api} run ${id}`), result(id, 'pass')),
      setTypedCredentials: (k) => void log.push(`${api} typed ${k ?? '-'}`),
      setSymbol: (symbol) => void log.push(`${api} symbol ${symbol}`),
      credentials: () => ({}),
      report: () => ({ ok: true, baseUrl: 'x', steps: [], ...(api === 'futures' ? { api: 'futures' as const } : {}) }),
      fixContext: (): FixContext => ({ baseUrl: 'x', symbol: 'BTCUSDT', recvWindowMs: 5000, platform: 'linux', ...(api === 'futures' ? { api: 'futures' as const } : {}) }),
      close: () => void log.push(`${api} close`),
    };
  }

  it('a futures step gets a futures session; a spot step after it closes that one and gets a spot session with the typed key', async () => {
    const log: string[] = [];
    const created: SessionOptions[] = [];
    const { rt } = runtime(options('https://api.mexc.com', {}), {
      createSession: async (o) => (created.push(o), fake(log, o.api ?? 'spot')),
    });
    rt.run({ type: 'set-credentials', apiKey: 'mx0typed', secret: 'typed-secret' });
    rt.run({ type: 'run-step', id: 'credentials', api: 'futures' });
    rt.run({ type: 'run-step', id: 'futures-account', api: 'futures' });
    rt.run({ type: 'run-step', id: 'credentials' });
    await rt.idle();
    expect(created.map((o) => o.api)).toEqual(['futures', undefined]);
    expect(log).toEqual(['futures typed mx0typed', 'futures run credentials', 'futures run futures-account', 'futures close', 'spot typed mx0typed', 'spot run credentials']);
  });

  it('the report names the API; a pasted error is read for what it is, not as the last run’s API', async () => {
    const renderReport = vi.fn(async (_input: SupportReportInput) => '# report');
    const explain = vi.fn(async (_text: string, _ctx: FixContext) => ({ diagnoses: [], recognised: false }));
    const { rt } = runtime(options('https://api.mexc.com', FOUND), { createSession: async (o) => fake([], o.api ?? 'spot'), renderReport, explain });
    rt.run({ type: 'run-step', id: 'credentials', api: 'futures' });
    rt.run({ type: 'report', action: 'show' });
    rt.run({ type: 'explain', text: '{"code":700002}' });
    await rt.idle();
    expect(renderReport.mock.calls[0]?.[0]).toMatchObject({ api: 'futures' });
    expect(explain.mock.calls[0]?.[1]).not.toHaveProperty('api');
  });
});

describe('a real futures session against the simulator', () => {
  async function sim(scenario: (typeof FUTURES_SCENARIOS)[number]['name']): Promise<RunningSim> {
    const s = await startSimulator({ port: 0, apiKey: KEY, secret: SECRET, scenario });
    closers.push(() => s.close());
    return s;
  }

  it('runs the futures steps over the futures endpoints, then the spot steps in a new session', async () => {
    const s = await sim('futures-signature-invalid');
    const { rt, events } = runtime(options(s.url, FOUND));
    for (const id of FUTURES_STEP_IDS) rt.run({ type: 'run-step', id, api: 'futures' });
    rt.run({ type: 'run-step', id: 'credentials' });
    rt.run({ type: 'run-step', id: 'account' });
    await rt.idle();
    const results = events.flatMap((e) => (e.type === 'step-done' ? [e.result] : []));
    expect(results.map((r) => [r.id, r.status])).toEqual([
      ['credentials', 'pass'],
      ['connectivity', 'pass'],
      ['clock', 'pass'],
      ['futures-account', 'fail'],
      ['futures-trade-read', 'skip'],
      // The scenario changes the futures answers only: spot accepts the same key.
      ['credentials', 'pass'],
      ['account', 'pass'],
    ]);
    const account = results[3]!;
    expect(account.diagnoses.map((d) => d.id)).toEqual(['signature-invalid']);
    expect(account.evidence.join('\n')).toMatch(/GET .*\/api\/v1\/private\/account\/assets/);
    expect(account.evidence.join('\n')).toContain('code 602');
    expect(results[1]!.evidence.join('\n')).toContain('/api/v1/contract/ping');
    expect(JSON.stringify(events)).not.toContain(SECRET);
  });
});

describe('--recv-window on the futures path', () => {
  /** Launches the wizard, takes the welcome row `row`, uses the found credentials: the options of the session it creates. */
  async function sessionFor(row: string, recvWindow?: string): Promise<SessionOptions> {
    let created: SessionOptions | undefined;
    const frontEnd: FrontEnd = {
      async show({ wizard, exited }) {
        const { store } = wizard;
        const welcome = viewOfWelcome(store.getState());
        store.dispatch({ type: 'pick', index: welcome.indexOf(row), activate: true });
        await vi.waitFor(() => expect(store.getState().screen).toMatchObject({ phase: 'review' }));
        store.dispatch({ type: 'accept' });
        // The spot run asks which symbol the bot trades first (Enter keeps BTCUSDT); futures does not.
        if (store.getState().screen.kind === 'symbol') store.dispatch({ type: 'accept' });
        await vi.waitFor(() => expect(created).toBeDefined());
        store.dispatch({ type: 'interrupt' });
        await exited;
      },
    };
    const io = fakeIO({ env: { MEXC_API_KEY: KEY, MEXC_SECRET_KEY: SECRET } });
    const stdout = { columns: 100, write: () => true } as unknown as NodeJS.WriteStream;
    await launchWizard({ ...(recvWindow ? { recvWindow } : {}) }, io, async () => frontEnd, {
      stdout,
      loaders: { createSession: async (o) => ((created = o), { runStep: async (id: StepId) => result(id, 'pass'), setTypedCredentials: () => undefined, setSymbol: () => undefined, credentials: () => ({}), report: () => ({ ok: true, baseUrl: 'x', steps: [] }), fixContext: () => ({ baseUrl: 'x', symbol: 'BTCUSDT', recvWindowMs: 5000, platform: 'linux' }), close: () => undefined }) },
    });
    return created!;
  }

  it('is sent as the Recv-Window header in whole seconds (rounded down); without it, none (MEXC allows 10 s)', async () => {
    expect(await sessionFor('My futures bot fails', '20000')).toMatchObject({ api: 'futures', futuresRecvWindowSec: 20, recvWindowMs: 20000 });
    expect(await sessionFor('My futures bot fails', '7500')).toMatchObject({ api: 'futures', futuresRecvWindowSec: 7 });
    const none = await sessionFor('My futures bot fails');
    expect(none.api).toBe('futures');
    expect(none).not.toHaveProperty('futuresRecvWindowSec');
    // Spot keeps recvWindow in milliseconds.
    const spot = await sessionFor('Diagnose my API key', '7500');
    expect(spot.api).toBeUndefined();
    expect(spot.recvWindowMs).toBe(7500);
  });
});

/** The wizard as a user drives it: welcome → the demo key → use it → Enter on every fix → summary. */
async function walkDemo(scenario: string): Promise<{ state: WizardState; fixes: Array<{ step: StepId; ids: string[] }>; exitCode: number }> {
  const demo = demoSimulator();
  let exitCode = -1;
  const wizard = createWizard(initialState({ version: '1', today: '2026-03-10', demo: true, scenario, scenarios: demo.scenarios }), {
    session: { ...options('https://api.mexc.com', {}), env: {} },
    version: '1',
    cwd: '/nonexistent',
    today: '2026-03-10',
    demo,
    copy: async () => ({ ok: true, text: '' }),
    onExit: (code) => void (exitCode = code),
  });
  closers.push(() => wizard.runtime.shutdown());
  const { store, runtime: rt } = wizard;
  const settle = async () => {
    // Effects queue more effects (a passing step starts the next): wait until none is left.
    for (let i = 0; i < 100; i++) {
      await rt.idle();
      const s = store.getState().screen;
      if (s.kind !== 'step' && s.kind !== 'starting-demo' && !(s.kind === 'credentials' && s.phase === 'loading')) return;
    }
    throw new Error(`the wizard stayed on ${store.getState().screen.kind}`);
  };
  const fixes: Array<{ step: StepId; ids: string[] }> = [];
  store.dispatch({ type: 'accept' }); // welcome: Diagnose the demo key
  await settle();
  expect(store.getState().screen).toMatchObject({ kind: 'credentials', phase: 'review' });
  store.dispatch({ type: 'accept' }); // use these credentials
  await settle();
  for (let guard = 0; store.getState().screen.kind === 'fix' && guard < 10; guard++) {
    const s = store.getState().screen;
    if (s.kind === 'fix' && s.source.kind === 'step') fixes.push({ step: s.source.result.id, ids: s.diagnoses.map((d) => d.id) });
    store.dispatch({ type: 'accept' }); // continue with the next check
    await settle();
  }
  const state = store.getState();
  store.dispatch({ type: 'quit' });
  await vi.waitFor(() => expect(exitCode).not.toBe(-1));
  return { state, fixes, exitCode };
}

describe.each(FUTURES_SCENARIOS.map((s) => [s.name]))('demo scenario %s', { timeout: 60_000 }, (scenario) => {
  it('the wizard runs the futures steps and reaches the verdict of check --futures (never all good)', async () => {
    const io = fakeIO();
    const checkCode = await runDemoCheck({ json: true, verbose: false, scenario: scenario as never }, io);
    const check = JSON.parse(io.out()) as { ok: boolean; api?: string; steps: Array<{ id: StepId; status: string; diagnoses: Array<{ id: string; title: string }> }> };
    expect(check.api).toBe('futures');

    const { state, fixes, exitCode } = await walkDemo(scenario);
    expect(state.api).toBe('futures');
    expect(state.screen.kind).toBe('summary');
    const ran = Object.values(state.results) as StepResult[];
    expect(ran.map((r) => r.id).sort()).toEqual([...FUTURES_STEP_IDS].sort());
    for (const id of STEP_IDS.filter((x) => !FUTURES_STEP_IDS.includes(x))) expect(state.results[id]).toBeUndefined();

    // Step by step: the same status and the same diagnoses as check --futures.
    const wizardSteps = FUTURES_STEP_IDS.map((id) => ({ id, status: state.results[id]?.status, diagnoses: state.results[id]?.diagnoses.map((d) => d.id) }));
    expect(wizardSteps).toEqual(check.steps.map((s) => ({ id: s.id, status: s.status, diagnoses: s.diagnoses.map((d) => d.id) })));
    // Every failure or warning with a diagnosis stopped on its fix screen, and is a problem in the summary.
    const diagnosed = check.steps.filter((s) => (s.status === 'fail' || s.status === 'warn') && s.diagnoses.length > 0);
    expect(fixes).toEqual(diagnosed.map((s) => ({ step: s.id, ids: s.diagnoses.map((d) => d.id) })));
    expect(summaryItems(state).filter((i) => i.kind === 'problem').length).toBe(diagnosed.reduce((n, s) => n + s.diagnoses.length, 0));

    // No false "all good": every futures scenario is a problem, in check and in the wizard.
    expect(check.ok).toBe(false);
    expect(checkCode).toBe(1);
    expect(exitCode).toBe(checkCode);
  });
});
