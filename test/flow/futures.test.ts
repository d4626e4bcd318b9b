import { describe, expect, it } from 'vitest';
import { FUTURES_STEP_IDS, STEP_IDS } from '../../src/core/step-table.js';
import type { StepId } from '../../src/core/types.js';
import { initialState, next } from '../../src/flow/next.js';
import { viewOf } from '../../src/flow/screens/index.js';
import { summaryItems } from '../../src/flow/screens/summary.js';
import type { Event, ScenarioChoice, Transition, WizardState } from '../../src/flow/types.js';
import { diagnosis, result } from '../support/fixtures.js';

/**
 * The wizard's futures path as pure transitions: the welcome row, the futures steps in their
 * table's order (numbers, titles and what each runs read from the state's API), the fix and
 * summary screens, re-runs, switching API, and the demo's scenarios grouped by API.
 */

const SCENARIOS: ScenarioChoice[] = [
  { name: 'ok', description: 'healthy', api: 'spot' },
  { name: 'ip-not-whitelisted', description: '700006', api: 'spot' },
  { name: 'futures-key-invalid', description: 'futures: 401', api: 'futures' },
  { name: 'futures-signature-invalid', description: 'futures: 602', api: 'futures' },
];

const start = (over: Partial<Parameters<typeof initialState>[0]> = {}): WizardState => initialState({ version: '9.9.9', today: '2026-03-10', scenarios: SCENARIOS, ...over });

function run(state: WizardState, ...events: Event[]): Transition {
  let t: Transition = { state, effects: [] };
  for (const e of events) t = next(t.state, e);
  return t;
}

const FOUND = { type: 'credentials-loaded', view: { demo: false, key: { masked: 'mx0a…WC5', where: 'MEXC_API_KEY in .env' }, secret: { where: 'MEXC_SECRET_KEY in .env' } } } as const;

function welcomePick(state: WizardState, label: string): Event {
  const index = viewOf(state).menu?.items.findIndex((i) => i.label === label) ?? -1;
  if (index < 0) throw new Error(`no welcome choice "${label}"`);
  return { type: 'pick', index, activate: true };
}

/** Welcome → "My futures bot fails" → credentials found → use them: the credentials step runs. */
function futuresFirstStep(from: WizardState = start()): Transition {
  return run(from, welcomePick(from, 'My futures bot fails'), FOUND, { type: 'accept' });
}

const runStep = (id: StepId) => ({ type: 'run-step', id, api: 'futures' });

/** The futures guide up to (and running) `id`, every earlier step passed. */
function runningFutures(id: StepId): WizardState {
  let s = futuresFirstStep().state;
  for (const earlier of FUTURES_STEP_IDS.slice(0, FUTURES_STEP_IDS.indexOf(id))) s = next(s, { type: 'step-done', result: result(earlier, 'pass') }).state;
  return s;
}

const signature = diagnosis('signature-invalid', 3);

function atFuturesAccountFix(): WizardState {
  return next(runningFutures('futures-account'), { type: 'step-done', result: result('futures-account', 'fail', [signature]) }).state;
}

describe('the welcome row', () => {
  it('sits beside the spot run and starts the futures guide with its credentials', () => {
    const items = viewOf(start()).menu?.items ?? [];
    expect(items.slice(0, 2).map((i) => i.label)).toEqual(['Diagnose my API key', 'My futures bot fails']);
    expect(items[0]?.detail).toBe('spot API: credentials, connectivity, clock, account, order read, trade');
    expect(items[1]?.detail).toBe('futures API: credentials, connectivity, clock, futures account, futures trade read; reads only, never an order');
    const t = next(start(), welcomePick(start(), 'My futures bot fails'));
    expect(t.state.api).toBe('futures');
    expect(t.state.screen).toEqual({ kind: 'credentials', phase: 'loading' });
    expect(t.effects).toEqual([{ type: 'load-credentials' }]);
    expect(t.state.back.map((s) => s.kind)).toEqual(['welcome']);
  });

  it('the credentials step runs as a futures step', () => {
    const t = futuresFirstStep();
    expect(t.state.screen).toEqual({ kind: 'step', id: 'credentials', mode: 'guide' });
    expect(t.effects).toEqual([runStep('credentials')]);
    expect(viewOf(t.state).heading).toBe('Step 1 of 5 · Credentials');
  });

  it('is not offered in a demo: there the scenario decides the API', () => {
    const labels = (s: WizardState) => viewOf(s).menu?.items.map((i) => i.label);
    expect(labels(start({ demo: true }))).not.toContain('My futures bot fails');
    expect(labels(start({ demo: true, scenario: 'futures-key-invalid' }))).not.toContain('My futures bot fails');
  });
});

describe('the futures steps', () => {
  it('run in the futures table’s order, each effect naming the API, then the summary', () => {
    let s = futuresFirstStep().state;
    const ran: StepId[] = [];
    for (const [i, id] of FUTURES_STEP_IDS.entries()) {
      expect(s.screen).toEqual({ kind: 'step', id, mode: 'guide' });
      expect(viewOf(s).heading).toMatch(new RegExp(`^Step ${i + 1} of 5 · `));
      ran.push(id);
      const t = next(s, { type: 'step-done', result: result(id, 'pass') });
      const following = FUTURES_STEP_IDS[i + 1];
      expect(t.effects).toEqual(following ? [runStep(following)] : []);
      s = t.state;
    }
    expect(ran).toEqual(['credentials', 'connectivity', 'clock', 'futures-account', 'futures-trade-read']);
    expect(s.screen.kind).toBe('summary');
    expect(s.log.filter((e) => e.kind === 'step').map((e) => (e.kind === 'step' ? [e.result.id, e.api] : []))).toEqual(FUTURES_STEP_IDS.map((id) => [id, 'futures']));
    // The verdict first, counting the futures table's five steps (each step's line is in the history above).
    expect(viewOf(s).paragraphs?.[0]?.text).toBe('Summary: No problems found · 5 checks: 5 passed');
  });

  it('the step screen says what the futures step runs: futures endpoints, never spot ones', () => {
    const connectivity = viewOf(runningFutures('connectivity'));
    expect(connectivity.heading).toBe('Step 2 of 5 · Connectivity');
    expect(connectivity.busy).toMatch(/GET \/api\/v1\/contract\/ping/);
    expect(viewOf(runningFutures('clock')).busy).toMatch(/futures server time \(GET \/api\/v1\/contract\/ping/);
    const account = viewOf(runningFutures('futures-account'));
    expect(account.heading).toBe('Step 4 of 5 · Futures account');
    expect(account.busy).toMatch(/GET \/api\/v1\/private\/account\/assets/);
    expect(viewOf(runningFutures('futures-trade-read')).heading).toBe('Step 5 of 5 · Futures trade read');
    for (const id of FUTURES_STEP_IDS) expect(viewOf(runningFutures(id)).busy).not.toMatch(/\/api\/v3\//);
  });

  it('a failing futures step opens its fix screen, numbered in the futures table, with the helpers its diagnosis offers', () => {
    const s = atFuturesAccountFix();
    expect(s.screen).toMatchObject({ kind: 'fix', source: { kind: 'step', mode: 'guide' }, index: 0, focus: 0 });
    const view = viewOf(s);
    expect(view.status).toEqual({ status: 'fail', text: 'Step 4 of 5 · Futures account' });
    const offered = view.actions.map((a) => a.event.type);
    expect(offered).toEqual(expect.arrayContaining(['rerun', 'open-lab', 'open-expiry']));
    expect(view.actions.find((a) => a.event.type === 'rerun')?.label).toMatch(/Futures account/);
  });

  it('r re-runs the futures step; once it passes the guide goes on to the futures trade read', () => {
    const rerun = next(atFuturesAccountFix(), { type: 'rerun' });
    expect(rerun.state.screen).toEqual({ kind: 'step', id: 'futures-account', mode: 'guide' });
    expect(rerun.effects).toEqual([runStep('futures-account')]);
    const after = next(rerun.state, { type: 'step-done', result: result('futures-account', 'pass') });
    expect(after.effects).toEqual([runStep('futures-trade-read')]);
    expect(after.state.log.at(-1)).toMatchObject({ kind: 'step', rerun: true, api: 'futures' });
  });

  it('Enter on the fix screen continues with the next futures step; a skipped one leads to the summary', () => {
    const cont = next(atFuturesAccountFix(), { type: 'accept' });
    expect(cont.effects).toEqual([runStep('futures-trade-read')]);
    const summary = next(cont.state, { type: 'step-done', result: { ...result('futures-trade-read', 'skip'), summary: 'The futures account request was refused; fix that first' } });
    expect(summary.state.screen.kind).toBe('summary');
    const items = summaryItems(summary.state);
    expect(items[0]).toMatchObject({ kind: 'problem', stepId: 'futures-account', label: 'Futures account: Title of signature-invalid' });
    expect(viewOf(summary.state).paragraphs?.[0]?.text).toBe('Summary: 1 problem found · 5 checks: 3 passed, 1 failed, 1 skipped');
    expect(viewOf(summary.state).menu?.question).toBe('What next? Pick a problem to see its fix again.');
  });

  it('the summary reopens a futures fix (re-run returns to it) and runs every futures check again', () => {
    const summary = run(atFuturesAccountFix(), { type: 'accept' }, { type: 'step-done', result: result('futures-trade-read', 'skip') }).state;
    const reopened = next(summary, { type: 'accept' });
    expect(reopened.state.screen).toMatchObject({ kind: 'fix', source: { kind: 'step', mode: 'single', result: { id: 'futures-account' } } });
    expect(viewOf(reopened.state).status?.text).toBe('Step 4 of 5 · Futures account');
    const single = run(reopened.state, { type: 'rerun' }, { type: 'step-done', result: result('futures-account', 'pass') });
    expect(single.state.screen.kind).toBe('summary');
    const again = summaryItems(summary).findIndex((i) => i.kind === 'action' && i.action === 'again');
    expect(next(summary, { type: 'pick', index: again, activate: true }).effects).toEqual([runStep('credentials')]);
  });

  it('the last words name the futures steps; q exits 1 after a futures failure', () => {
    const fix = atFuturesAccountFix();
    const quit = next(fix, { type: 'quit' });
    expect(quit.effects).toEqual([{ type: 'exit', code: 1 }]);
    const words = (viewOf(quit.state).paragraphs ?? []).map((p) => p.text).join('\n');
    // The verdict counts the futures steps that ran, and names the one that failed.
    expect(words).toContain('Summary: 1 problem found · 4 checks: 3 passed, 1 failed');
    expect(words).toContain('Futures account failed: Title of signature-invalid');
  });

  it('the signature lab asks a futures user for the request with its headers', () => {
    const lab = next(atFuturesAccountFix(), { type: 'open-lab' });
    const view = viewOf(lab.state);
    expect(view.paragraphs?.[0]?.text).toMatch(/ApiKey, Request-Time and Signature headers/);
    expect(view.body).toMatchObject({ kind: 'paste', placeholder: expect.stringContaining('/api/v1/private/') });
    const empty = next(lab.state, { type: 'accept' });
    expect(viewOf(empty.state).error).toMatch(/ApiKey, Request-Time and Signature headers/);
    // The spot wording when the guide runs spot.
    expect(viewOf(run(start(), FOUND, welcomePick(start(), 'Check a request my code sent')).state).paragraphs?.[0]?.text).toMatch(/^Paste the full URL it called/);
  });
});

describe('switching API', () => {
  /** A spot run that ended on its summary with a failed account step. */
  function spotSummary(): WizardState {
    // Welcome → credentials → the symbol question (Enter keeps BTCUSDT) → the spot steps.
    let s = run(start(), { type: 'accept' }, FOUND, { type: 'accept' }, { type: 'accept' }).state;
    for (const id of STEP_IDS) {
      s = next(s, { type: 'step-done', result: id === 'account' ? result(id, 'fail', [signature]) : result(id, 'pass') }).state;
      if (s.screen.kind === 'fix') s = next(s, { type: 'accept' }).state; // continue past the fix
    }
    return s;
  }

  it('a futures run after a spot run starts with an empty checklist: nothing of spot is counted or shown', () => {
    const spot = spotSummary();
    expect(spot.screen.kind).toBe('summary');
    expect(spot.results.account?.status).toBe('fail');
    const welcome = { ...spot, screen: { kind: 'welcome', focus: 0 } } as WizardState;
    const futures = next(welcome, welcomePick(welcome, 'My futures bot fails')).state;
    expect(futures.api).toBe('futures');
    expect(futures.results).toEqual({});
    // Quitting now says nothing failed: the spot failure belongs to the other run.
    expect(next(futures, { type: 'quit' }).effects).toEqual([{ type: 'exit', code: 0 }]);
  });

  it('choosing the same API again keeps its results; going back to spot effects spot steps', () => {
    const fix = atFuturesAccountFix();
    const welcome = { ...fix, screen: { kind: 'welcome', focus: 0 } } as WizardState;
    expect(next(welcome, welcomePick(welcome, 'My futures bot fails')).state.results['futures-account']?.status).toBe('fail');
    const spot = run(welcome, welcomePick(welcome, 'Diagnose my API key'), FOUND, { type: 'accept' }, { type: 'accept' });
    expect(spot.state.api).toBe('spot');
    expect(spot.state.results).toEqual({});
    expect(spot.effects).toEqual([{ type: 'set-symbol', symbol: 'BTCUSDT' }, { type: 'run-step', id: 'credentials' }]);
    expect(viewOf(spot.state).heading).toBe('Step 1 of 6 · Credentials');
  });
});

describe('--demo scenarios by API', () => {
  it('with both APIs, the picker asks which API first, each list holds only its scenarios, Esc goes back a level', () => {
    const picker = next(start({ demo: true }), { type: 'accept' });
    expect(picker.state.screen).toEqual({ kind: 'scenario', focus: 0 });
    const apis = viewOf(picker.state);
    expect(apis.menu?.question).toBe('Scenarios for which API?');
    expect(apis.menu?.items.map((i) => i.label)).toEqual(['Spot API (2 scenarios)', 'Futures API (2 scenarios)']);
    expect(apis.menu?.items[1]?.detail).toBe('checks credentials, connectivity, clock, futures account, futures trade read');
    const list = next(picker.state, { type: 'pick', index: 1, activate: true });
    expect(list.state.screen).toEqual({ kind: 'scenario', api: 'futures', focus: 0 });
    const view = viewOf(list.state);
    expect(view.heading).toBe('Demo: pick a futures scenario');
    expect(view.menu?.items.map((i) => i.label)).toEqual(['futures-key-invalid', 'futures-signature-invalid']);
    expect(next(list.state, { type: 'back' }).state.screen).toEqual({ kind: 'scenario', focus: 0 });
    expect(run(list.state, { type: 'back' }, { type: 'back' }).state.screen.kind).toBe('welcome');
  });

  it('a futures scenario runs the futures steps; Esc goes back one screen at a time: its list, the API question, the welcome screen', () => {
    const list = run(start({ demo: true }), { type: 'accept' }, { type: 'pick', index: 1, activate: true }).state;
    // As the keys do it: the focus to item 2, then Enter.
    const starting = next(next(list, { type: 'pick', index: 1, activate: false }).state, { type: 'accept' });
    expect(starting.state.screen).toEqual({ kind: 'starting-demo', scenario: 'futures-signature-invalid', api: 'futures' });
    expect(starting.effects).toEqual([{ type: 'start-demo', scenario: 'futures-signature-invalid' }]);
    const started = next(starting.state, { type: 'demo-started', url: 'http://127.0.0.1:5', scenario: 'futures-signature-invalid' });
    expect(started.state.api).toBe('futures');
    const review = next(started.state, { ...FOUND, view: { ...FOUND.view, demo: true } });
    expect(next(review.state, { type: 'accept' }).effects).toEqual([runStep('credentials')]);
    const list2 = next(review.state, { type: 'back' }).state;
    expect(list2.screen).toEqual({ kind: 'scenario', api: 'futures', focus: 1 });
    expect(next(list2, { type: 'back' }).state.screen).toEqual({ kind: 'scenario', focus: 0 });
    expect(run(list2, { type: 'back' }, { type: 'back' }).state.screen.kind).toBe('welcome');
  });

  it('a spot scenario runs the spot steps, also after a futures one', () => {
    const futures = run(start({ demo: true, scenario: 'futures-key-invalid' }), { type: 'accept' }, { type: 'demo-started', url: 'http://127.0.0.1:5', scenario: 'futures-key-invalid' }).state;
    expect(futures.api).toBe('futures');
    const spot = next({ ...futures, screen: { kind: 'starting-demo', scenario: 'ok' } }, { type: 'demo-started', url: 'http://127.0.0.1:6', scenario: 'ok' });
    expect(spot.state.api).toBe('spot');
    expect(run(spot.state, { ...FOUND, view: { ...FOUND.view, demo: true } }, { type: 'accept' }, { type: 'accept' }).effects).toEqual([{ type: 'set-symbol', symbol: 'BTCUSDT' }, { type: 'run-step', id: 'credentials' }]);
  });

  it('--demo --scenario futures-…: Enter starts that scenario and its futures steps directly', () => {
    const s = start({ demo: true, scenario: 'futures-signature-invalid' });
    expect(viewOf(s).menu?.items[0]?.label).toBe('Diagnose the demo key (scenario: futures-signature-invalid)');
    const t = run(s, { type: 'accept' }, { type: 'demo-started', url: 'http://127.0.0.1:5', scenario: 'futures-signature-invalid' }, { ...FOUND, view: { ...FOUND.view, demo: true } }, { type: 'accept' });
    expect(t.effects).toEqual([runStep('credentials')]);
    expect(viewOf(t.state).heading).toBe('Step 1 of 5 · Credentials');
  });

  it('"Pick another demo scenario" opens on the current scenario’s API and, in its list, on the scenario', () => {
    const s = run(start({ demo: true, scenario: 'futures-signature-invalid' }), { type: 'accept' }, { type: 'demo-started', url: 'http://127.0.0.1:5', scenario: 'futures-signature-invalid' }).state;
    const welcome = { ...s, screen: { kind: 'welcome', focus: 0 } } as WizardState;
    const picker = next(welcome, welcomePick(welcome, 'Pick another demo scenario'));
    expect(picker.state.screen).toEqual({ kind: 'scenario', focus: 1 });
    expect(next(picker.state, { type: 'accept' }).state.screen).toEqual({ kind: 'scenario', api: 'futures', focus: 1 });
  });

  it("'ok' listed for both APIs runs the API it was picked under, and the welcome row re-runs that one", () => {
    const both: ScenarioChoice[] = [...SCENARIOS.slice(0, 2), { name: 'ok', description: 'futures: healthy', api: 'futures' }, ...SCENARIOS.slice(2)];
    const futuresList = run(start({ demo: true, scenarios: both }), { type: 'accept' }, { type: 'pick', index: 1, activate: true }).state;
    expect(viewOf(futuresList).menu?.items.map((i) => i.label)).toEqual(['ok', 'futures-key-invalid', 'futures-signature-invalid']);
    const starting = next(futuresList, { type: 'pick', index: 0, activate: true });
    expect(starting.state.screen).toEqual({ kind: 'starting-demo', scenario: 'ok', api: 'futures' });
    const started = next(starting.state, { type: 'demo-started', url: 'http://127.0.0.1:5', scenario: 'ok' });
    expect(started.state.api).toBe('futures');
    const welcome = { ...started.state, screen: { kind: 'welcome', focus: 0 } } as WizardState;
    expect(viewOf(welcome).menu?.items[0]?.label).toBe('Diagnose the demo key (futures scenario: ok)');
    const again = next(welcome, welcomePick(welcome, 'Diagnose the demo key (futures scenario: ok)'));
    expect(again.state.screen).toEqual({ kind: 'starting-demo', scenario: 'ok', api: 'futures' });
    expect(next(again.state, { type: 'demo-started', url: 'http://127.0.0.1:6', scenario: 'ok' }).state.api).toBe('futures');
    // The picker opens on the futures list's 'ok', not on spot's.
    const picker = next(welcome, welcomePick(welcome, 'Pick another demo scenario'));
    expect(picker.state.screen).toEqual({ kind: 'scenario', focus: 1 });
    expect(next(picker.state, { type: 'accept' }).state.screen).toEqual({ kind: 'scenario', api: 'futures', focus: 0 });
    // Spot's 'ok' from the spot list runs spot.
    const spotList = run(start({ demo: true, scenarios: both }), { type: 'accept' }, { type: 'pick', index: 0, activate: true }).state;
    const spot = run(spotList, { type: 'pick', index: 0, activate: true }, { type: 'demo-started', url: 'http://127.0.0.1:7', scenario: 'ok' }).state;
    expect(spot.api).toBe('spot');
  });

  it('a list with one API (no API given: spot) is shown at once, as before', () => {
    const spotOnly = start({ demo: true, scenarios: [{ name: 'ok', description: 'healthy' }, { name: 'clock-ahead', description: 'ahead' }] });
    const picker = next(spotOnly, { type: 'accept' });
    expect(viewOf(picker.state).menu?.items.map((i) => i.label)).toEqual(['ok', 'clock-ahead']);
    const started = run(picker.state, { type: 'pick', index: 1, activate: true }, { type: 'demo-started', url: 'http://127.0.0.1:5', scenario: 'clock-ahead' });
    expect(started.state.api).toBe('spot');
  });
});
