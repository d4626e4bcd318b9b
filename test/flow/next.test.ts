import { describe, expect, it } from 'vitest';
import { DIAGNOSIS_IDS, STEP_IDS, type StepId } from '../../src/core/types.js';
import { keyToEvents } from '../../src/flow/keys.js';
import { initialState, next } from '../../src/flow/next.js';
import { viewOf } from '../../src/flow/screens/index.js';
import { summaryItems } from '../../src/flow/screens/summary.js';
import type { Event, Screen, Transition, WizardState } from '../../src/flow/types.js';
import { diagnosis, result } from '../support/fixtures.js';

const SCENARIOS = [
  { name: 'ok', description: 'healthy' },
  { name: 'ip-not-whitelisted', description: '700006' },
];

function start(over: Partial<Parameters<typeof initialState>[0]> = {}): WizardState {
  return initialState({ version: '9.9.9', today: '2026-03-10', scenarios: SCENARIOS, ...over });
}

/** Applies events in order; returns the last transition. */
function run(state: WizardState, ...events: Event[]): Transition {
  let t: Transition = { state, effects: [] };
  for (const e of events) t = next(t.state, e);
  return t;
}

const FOUND = { type: 'credentials-loaded', view: { demo: false, key: { masked: 'mx0a…WC5', where: 'MEXC_API_KEY in .env' }, secret: { where: 'MEXC_SECRET_KEY in .env' } } } as const;

/** Welcome → credentials found → "use these" → the symbol kept (Enter): the credentials step is running. */
function atFirstStep(): WizardState {
  return run(start(), { type: 'accept' }, FOUND, { type: 'accept' }, { type: 'accept' }).state;
}

/** The welcome menu's choice with this label, as a pick (rows are found by what they say). */
function welcomePick(label: string, state: WizardState = start()): Event {
  const index = viewOf(state).menu?.items.findIndex((i) => i.label === label) ?? -1;
  if (index < 0) throw new Error(`no welcome choice "${label}"`);
  return { type: 'pick', index, activate: true };
}

function kind(t: Transition): Screen['kind'] {
  return t.state.screen.kind;
}

describe('welcome', () => {
  it('offers diagnose (spot), the futures run, explain and the signature lab; Enter starts diagnosing spot by loading credentials', () => {
    expect(viewOf(start()).menu?.items.map((i) => i.label)).toEqual(['Diagnose my API key', 'My futures bot fails', 'Explain an error I got', 'Check a request my code sent']);
    const t = next(start(), { type: 'accept' });
    expect(t.state.screen).toEqual({ kind: 'credentials', phase: 'loading' });
    expect(t.state.api).toBe('spot');
    expect(t.effects).toEqual([{ type: 'load-credentials' }]);
    expect(t.state.back.map((s) => s.kind)).toEqual(['welcome']);
  });

  it('a number chooses and goes: 2 starts the futures run, 3 opens the explain screen, 4 the signature lab', () => {
    const futures = next(start(), { type: 'pick', index: 1, activate: true });
    expect(futures.state.screen).toEqual({ kind: 'credentials', phase: 'loading' });
    expect(futures.state.api).toBe('futures');
    expect(kind(next(start(), { type: 'pick', index: 2, activate: true }))).toBe('explain');
    expect(kind(next(start(), { type: 'pick', index: 3, activate: true }))).toBe('lab');
  });

  it('arrows wrap around the choices', () => {
    const t = next(start(), { type: 'move', delta: -1 });
    expect(t.state.screen).toEqual({ kind: 'welcome', focus: 3 });
  });

  it('q quits with 0 before anything ran', () => {
    expect(next(start(), { type: 'quit' }).effects).toEqual([{ type: 'exit', code: 0 }]);
  });
});

describe('demo', () => {
  it('without a scenario the welcome screen offers the scenario list; choosing one starts the simulator', () => {
    const s = start({ demo: true });
    const picker = next(s, { type: 'accept' });
    expect(picker.state.screen).toEqual({ kind: 'scenario', focus: 0 });
    const t = next(picker.state, { type: 'pick', index: 1, activate: true });
    expect(t.state.screen).toEqual({ kind: 'starting-demo', scenario: 'ip-not-whitelisted', api: 'spot' });
    expect(t.effects).toEqual([{ type: 'start-demo', scenario: 'ip-not-whitelisted' }]);
  });

  it('with --scenario, Enter starts that scenario; once it runs the credentials load', () => {
    const t = run(start({ demo: true, scenario: 'ok' }), { type: 'accept' }, { type: 'demo-started', url: 'http://127.0.0.1:5', scenario: 'ok' });
    expect(t.state.screen).toEqual({ kind: 'credentials', phase: 'loading' });
    expect(t.effects).toEqual([{ type: 'load-credentials' }]);
    expect(t.state.demo).toEqual({ enabled: true, scenario: 'ok', url: 'http://127.0.0.1:5', api: 'spot' });
    expect(t.state.log.at(-1)).toMatchObject({ kind: 'note', lines: [expect.stringContaining('http://127.0.0.1:5')] });
  });

  it('a simulator that fails to start returns to the menu with the reason', () => {
    const t = run(start({ demo: true, scenario: 'ok' }), { type: 'accept' }, { type: 'demo-failed', message: 'port busy' });
    expect(t.state.screen.kind).toBe('welcome');
    expect(t.state.flash).toEqual({ tone: 'error', text: 'port busy' });
  });
});

describe('credentials', () => {
  it('found key and secret are shown for review; Enter asks for the symbol, Enter there keeps BTCUSDT and runs the credentials step', () => {
    const review = run(start(), { type: 'accept' }, FOUND);
    expect(review.state.screen).toEqual({ kind: 'credentials', phase: 'review', focus: 0 });
    const asked = next(review.state, { type: 'accept' });
    expect(asked.state.screen).toEqual({ kind: 'symbol', text: '' });
    const t = next(asked.state, { type: 'accept' });
    expect(t.state.screen).toEqual({ kind: 'step', id: 'credentials', mode: 'guide' });
    expect(t.effects).toEqual([{ type: 'set-symbol', symbol: 'BTCUSDT' }, { type: 'run-step', id: 'credentials' }]);
  });

  it('asks only for what is missing', () => {
    const t = run(start(), { type: 'accept' }, { type: 'credentials-loaded', view: { demo: false, key: { masked: 'mx0a…WC5', where: 'env' } } });
    expect(t.state.screen).toMatchObject({ kind: 'credentials', phase: 'typing', fields: ['secret'], index: 0 });
  });

  it('typed values go to the session as typed (its credentials step cleans them and warns), the cleaning is reported, and the raw text leaves the state', () => {
    const typing = run(start(), { type: 'accept' }, { type: 'credentials-loaded', view: { demo: false } });
    const t = run(
      typing.state,
      { type: 'input', text: ' mx0aBYs33eIilxBWC5' },
      { type: 'accept' },
      { type: 'input', text: 'canary-secret-0123456789abcdef \n' },
      { type: 'accept' },
    );
    expect(t.effects).toEqual([
      // The line break that submitted the pasted line was the Enter, not part of the secret.
      { type: 'set-credentials', apiKey: ' mx0aBYs33eIilxBWC5', secret: 'canary-secret-0123456789abcdef ' },
    ]);
    expect(t.state.screen).toEqual({ kind: 'symbol', text: '' });
    const notes = t.state.log.filter((e) => e.kind === 'note').flatMap((e) => (e.kind === 'note' ? e.lines : []));
    expect(notes.join('\n')).toMatch(/API key you typed starts with whitespace: removed it/);
    expect(notes.join('\n')).toMatch(/secret you typed ends with whitespace and contains a line break: removed it/);
    expect(JSON.stringify(t.state)).not.toContain('canary-secret');
    expect(t.state.credentials?.key).toEqual({ masked: 'mx0a…WC5', where: 'what you typed' });
  });

  it('a pasted line ending in a newline submits the field', () => {
    const typing = run(start(), { type: 'accept' }, { type: 'credentials-loaded', view: { demo: false } });
    const t = run(typing.state, ...keyToEvents(typing.state, 'mx0aBYs33eIilxBWC5\r', {}));
    expect(t.state.screen).toMatchObject({ kind: 'credentials', phase: 'typing', index: 1, values: { key: 'mx0aBYs33eIilxBWC5' } });
  });

  it('refuses two values pasted together and asks again', () => {
    const typing = run(start(), { type: 'accept' }, { type: 'credentials-loaded', view: { demo: false } });
    const t = run(typing.state, { type: 'input', text: 'mx0aBYs33eIilxBWC5\nabcdef' }, { type: 'accept' });
    expect(t.state.screen).toMatchObject({ kind: 'credentials', phase: 'typing', index: 0, values: {} });
    expect((t.state.screen as { error?: string }).error).toMatch(/two values pasted together/);
  });

  it('backspace, Ctrl-U and Esc edit and go back', () => {
    const typing = run(start(), { type: 'accept' }, { type: 'credentials-loaded', view: { demo: false } });
    const t = run(typing.state, { type: 'input', text: 'abc' }, { type: 'erase' });
    expect(t.state.screen).toMatchObject({ values: { key: 'ab' } });
    expect(next(t.state, { type: 'clear' }).state.screen).toMatchObject({ values: { key: '' } });
    expect(next(t.state, { type: 'back' }).state.screen.kind).toBe('welcome');
  });

  it('empty fields skip: the step still runs (connectivity and clock need no key)', () => {
    const typing = run(start(), { type: 'accept' }, { type: 'credentials-loaded', view: { demo: false } });
    const t = run(typing.state, { type: 'accept' }, { type: 'accept' });
    expect(t.effects).toEqual([{ type: 'set-credentials' }]);
    expect(next(t.state, { type: 'accept' }).effects).toEqual([{ type: 'set-symbol', symbol: 'BTCUSDT' }, { type: 'run-step', id: 'credentials' }]);
  });
});

describe('the symbol question', () => {
  const asked = () => run(start(), { type: 'accept' }, FOUND, { type: 'accept' }).state;

  it('takes the symbol as users write it, in the form the API takes', () => {
    const t = run(asked(), { type: 'input', text: ' eth/usdt ' }, { type: 'accept' });
    expect(t.effects).toEqual([{ type: 'set-symbol', symbol: 'ETHUSDT' }, { type: 'run-step', id: 'credentials' }]);
    expect(t.state.symbol).toEqual({ value: 'ETHUSDT', fromFlag: false });
  });

  it('refuses what cannot be a symbol and asks again', () => {
    const t = run(asked(), { type: 'input', text: 'BTC USDT!' }, { type: 'accept' });
    expect(t.effects).toEqual([]);
    expect(t.state.screen).toMatchObject({ kind: 'symbol', error: expect.stringMatching(/not a spot symbol/) });
  });

  it('asked again later, Enter keeps the last answer', () => {
    const answered = run(asked(), { type: 'input', text: 'MXUSDT' }, { type: 'accept' }).state;
    const again = next({ ...answered, screen: { kind: 'credentials', phase: 'review', focus: 0 } }, { type: 'accept' }).state;
    expect(next(again, { type: 'accept' }).effects[0]).toEqual({ type: 'set-symbol', symbol: 'MXUSDT' });
  });

  it('is not asked when --symbol gave it', () => {
    const t = run(start({ symbol: 'ETHUSDT' }), { type: 'accept' }, FOUND, { type: 'accept' });
    expect(t.state.screen).toEqual({ kind: 'step', id: 'credentials', mode: 'guide' });
    expect(t.effects).toEqual([{ type: 'run-step', id: 'credentials' }]);
  });

  it('Esc goes back to the credentials; Esc on the first fix screen comes back to the question', () => {
    expect(next(asked(), { type: 'back' }).state.screen).toEqual({ kind: 'credentials', phase: 'review', focus: 0 });
    const failed = result('credentials', 'fail', [diagnosis('key-format')]);
    const fix = next(atFirstStep(), { type: 'step-done', result: failed }).state;
    expect(next(fix, { type: 'back' }).state.screen).toEqual({ kind: 'symbol', text: '' });
  });
});

describe('steps', () => {
  it('a passing step goes straight on to the next one, in the guide’s order, and joins the checklist', () => {
    let s = atFirstStep();
    for (const [i, id] of STEP_IDS.entries()) {
      const t = next(s, { type: 'step-done', result: result(id, 'pass') });
      const following = STEP_IDS[i + 1];
      if (following) expect(t.effects).toEqual([{ type: 'run-step', id: following }]);
      s = t.state;
    }
    expect(s.screen.kind).toBe('summary');
    expect(s.log.filter((e) => e.kind === 'step').map((e) => (e.kind === 'step' ? e.result.id : ''))).toEqual([...STEP_IDS]);
  });

  it('ignores a result for another step', () => {
    const s = atFirstStep();
    expect(next(s, { type: 'step-done', result: result('clock', 'pass') }).state).toBe(s);
  });

  it('a skipped step is noted and passed over', () => {
    const s = run(atFirstStep(), { type: 'step-done', result: result('credentials', 'pass') }).state;
    const t = next(s, { type: 'step-done', result: result('connectivity', 'skip') });
    expect(t.effects).toEqual([{ type: 'run-step', id: 'clock' }]);
  });

  it('a warning with a diagnosis stops on its fix screen; one without goes on', () => {
    const warned = next(atFirstStep(), { type: 'step-done', result: result('credentials', 'warn', [diagnosis('key-format')]) });
    expect(warned.state.screen.kind).toBe('fix');
    const bare = next(atFirstStep(), { type: 'step-done', result: result('credentials', 'warn') });
    expect(bare.state.screen).toMatchObject({ kind: 'step', id: 'connectivity' });
  });

  it.each(DIAGNOSIS_IDS.map((id) => [id]))('a failure diagnosed as %s opens its quick-fix screen', (id) => {
    const stepId: StepId = 'account';
    const s: WizardState = { ...atFirstStep(), screen: { kind: 'step', id: stepId, mode: 'guide' } };
    const failed = result(stepId, 'fail', [diagnosis(id)]);
    const t = next(s, { type: 'step-done', result: failed });
    expect(t.state.screen).toEqual({ kind: 'fix', source: { kind: 'step', result: failed, mode: 'guide' }, diagnoses: [diagnosis(id)], index: 0, focus: 0 });
    expect(t.effects).toEqual([]);
  });

  it('q during a running step quits; Ctrl-C interrupts with 130', () => {
    expect(next(atFirstStep(), { type: 'quit' }).effects).toEqual([{ type: 'exit', code: 0 }]);
    expect(next(atFirstStep(), { type: 'interrupt' }).effects).toEqual([{ type: 'exit', code: 130 }]);
  });
});

describe('fix screen', () => {
  const ip = diagnosis('ip-not-whitelisted', 3);
  function atFix(id: StepId = 'account', diagnoses = [ip]): WizardState {
    const s: WizardState = { ...atFirstStep(), screen: { kind: 'step', id, mode: 'guide' } };
    return next(s, { type: 'step-done', result: result(id, 'fail', diagnoses) }).state;
  }

  it('arrows and numbers focus a fix; c copies the focused one, never anything else', () => {
    const t = run(atFix(), { type: 'move', delta: 1 }, { type: 'copy' });
    expect(t.effects).toEqual([{ type: 'copy', text: 'echo fix-2-ip-not-whitelisted', what: 'fix 2' }]);
    expect(next(atFix(), { type: 'pick', index: 2, activate: false }).state.screen).toMatchObject({ focus: 2 });
    expect(next(atFix(), { type: 'pick', index: 7, activate: false }).state.screen).toMatchObject({ focus: 0 });
  });

  it('r re-runs the step; if it passes now the guide goes on', () => {
    const t = next(atFix(), { type: 'rerun' });
    expect(t.state.screen).toEqual({ kind: 'step', id: 'account', mode: 'guide' });
    expect(t.effects).toEqual([{ type: 'run-step', id: 'account' }]);
    const after = next(t.state, { type: 'step-done', result: result('account', 'pass') });
    expect(after.effects).toEqual([{ type: 'run-step', id: 'trade-read' }]);
    expect(after.state.log.at(-1)).toMatchObject({ kind: 'step', rerun: true });
  });

  it('Enter continues with the next step', () => {
    expect(next(atFix(), { type: 'accept' }).effects).toEqual([{ type: 'run-step', id: 'trade-read' }]);
  });

  it('p prints the focused fix in full above the live area', () => {
    const t = next(atFix(), { type: 'print' });
    expect(t.state.log.at(-1)).toMatchObject({ kind: 'text', title: 'Fix 1: Fix 1 for ip-not-whitelisted', text: 'echo fix-1-ip-not-whitelisted' });
  });

  it('←→ switch between several problems of one step', () => {
    const s = atFix('credentials', [diagnosis('key-format'), diagnosis('secret-format')]);
    expect(next(s, { type: 'problem', delta: 1 }).state.screen).toMatchObject({ index: 1, focus: 0 });
    expect(next(s, { type: 'problem', delta: -1 }).state.screen).toMatchObject({ index: 0 });
  });

  it('v asks for the report', () => {
    expect(next(atFix(), { type: 'report', action: 'show' }).effects).toEqual([{ type: 'report', action: 'show' }]);
  });

  it('offers the signature lab only for signature problems', () => {
    expect(next(atFix(), { type: 'open-lab' }).state.screen.kind).toBe('fix');
    const t = next(atFix('account', [diagnosis('signature-invalid')]), { type: 'open-lab' });
    expect(t.state.screen).toMatchObject({ kind: 'lab', phase: 'input' });
    expect(next(t.state, { type: 'back' }).state.screen.kind).toBe('fix');
  });

  it('offers the expiry helper for key-invalid and key-expired', () => {
    expect(next(atFix(), { type: 'open-expiry' }).state.screen.kind).toBe('fix');
    expect(next(atFix('account', [diagnosis('key-invalid')]), { type: 'open-expiry' }).state.screen).toMatchObject({ kind: 'expiry', phase: 'ip' });
    expect(next(atFix('account', [diagnosis('key-expired')]), { type: 'open-expiry' }).state.screen).toMatchObject({ kind: 'expiry' });
  });

  it('t types other credentials from a credentials problem', () => {
    const t = next(atFix('credentials', [diagnosis('key-missing')]), { type: 'type-credentials' });
    expect(t.state.screen).toMatchObject({ kind: 'credentials', phase: 'typing', fields: ['key', 'secret'] });
  });

  it('Esc goes back exactly one screen: to the fix screen before, not to the credentials', () => {
    const clock = next({ ...atFirstStep(), screen: { kind: 'step', id: 'clock', mode: 'guide' } }, { type: 'step-done', result: result('clock', 'warn', [diagnosis('clock-ahead')]) }).state;
    expect(clock.screen).toMatchObject({ kind: 'fix', source: { result: { id: 'clock' } } });
    const continued = next(clock, { type: 'accept' }).state;
    const account = next(continued, { type: 'step-done', result: result('account', 'fail', [ip]) }).state;
    const back = next(account, { type: 'back' }).state;
    expect(back.screen).toMatchObject({ kind: 'fix', source: { result: { id: 'clock' } } });
    expect(next(back, { type: 'back' }).state.screen).toEqual({ kind: 'symbol', text: '' });
  });

  it('a re-run replaces the fix screen: Esc after it does not return to the stale one', () => {
    const again = run(atFix(), { type: 'rerun' }, { type: 'step-done', result: result('account', 'fail', [ip]) }).state;
    expect(next(again, { type: 'back' }).state.screen).toEqual({ kind: 'symbol', text: '' });
  });

  it('quitting after a failure exits with 1', () => {
    expect(next(atFix(), { type: 'quit' }).effects).toEqual([{ type: 'exit', code: 1 }]);
  });
});

describe('summary', () => {
  function atSummary(failAt?: StepId): WizardState {
    let s = atFirstStep();
    for (const id of STEP_IDS) {
      const failed = id === failAt;
      s = next(s, { type: 'step-done', result: result(id, failed ? 'fail' : 'pass', failed ? [diagnosis('permission-denied')] : []) }).state;
      if (failed) s = next(s, { type: 'accept' }).state;
    }
    return s;
  }

  it('counts the problems it lists, as check does: a step refused because of an earlier cause adds none; a failure without a diagnosis counts itself', () => {
    const clock = result('clock', 'fail', [diagnosis('clock-ahead')]);
    const account = result('account', 'fail');
    const both = { ...start(), results: { credentials: result('credentials', 'pass'), clock, account }, screen: { kind: 'summary', focus: 0 } } as WizardState;
    expect(viewOf(both).paragraphs?.[0]?.text).toBe('Summary: 1 problem found · 3 checks: 1 passed, 2 failed');
    expect(summaryItems(both).filter((i) => i.kind === 'problem')).toHaveLength(1);
    const alone = { ...both, results: { account } };
    expect(viewOf(alone).paragraphs?.[0]?.text).toBe('Summary: 1 problem found · 1 check: 1 failed');
    const warned = { ...both, results: { clock: result('clock', 'warn', [diagnosis('clock-ahead'), diagnosis('clock-behind')]) } };
    expect(viewOf(warned).paragraphs?.[0]?.text).toBe('Summary: 2 warnings · 1 check: 1 warned');
  });

  it('focuses Quit when nothing failed, and Enter then exits 0', () => {
    const s = atSummary();
    const items = summaryItems(s);
    expect(s.screen).toEqual({ kind: 'summary', focus: items.length - 1 });
    expect(next(s, { type: 'accept' }).effects).toEqual([{ type: 'exit', code: 0 }]);
  });

  it('focuses the first problem; Enter opens its fix screen, and Enter there comes back', () => {
    const s = atSummary('trade');
    expect(s.screen).toEqual({ kind: 'summary', focus: 0 });
    const fix = next(s, { type: 'accept' });
    expect(fix.state.screen).toMatchObject({ kind: 'fix', source: { kind: 'step', mode: 'single' } });
    expect(next(fix.state, { type: 'accept' }).state.screen.kind).toBe('summary');
    expect(next(fix.state, { type: 'back' }).state.screen.kind).toBe('summary');
  });

  it('a re-run from the summary returns to a fresh summary', () => {
    const fix = next(atSummary('trade'), { type: 'accept' });
    const rerun = run(fix.state, { type: 'rerun' }, { type: 'step-done', result: result('trade', 'pass') });
    expect(rerun.state.screen).toMatchObject({ kind: 'summary' });
    expect(rerun.state.back.filter((b) => b.kind === 'summary')).toHaveLength(0);
    expect(next(rerun.state, { type: 'quit' }).effects).toEqual([{ type: 'exit', code: 0 }]);
  });

  it('show, copy and save the report', () => {
    for (const action of ['show', 'copy', 'save'] as const) {
      expect(next(atSummary(), { type: 'report', action }).effects).toEqual([{ type: 'report', action }]);
    }
  });

  it('the report printed above and the saved path are reported', () => {
    const shown = next(atSummary(), { type: 'report-ready', action: 'show', markdown: '# Report' });
    expect(shown.state.log.at(-1)).toMatchObject({ kind: 'text', text: '# Report' });
    const saved = next(atSummary(), { type: 'report-ready', action: 'save', path: '/tmp/mexc-wizard-report-2026-03-10.md' });
    expect(saved.state.savedReport).toBe('/tmp/mexc-wizard-report-2026-03-10.md');
    expect(saved.state.flash?.text).toContain('mexc-wizard-report-2026-03-10.md');
  });

  it('run every check again starts from the credentials step', () => {
    const s = atSummary();
    const again = summaryItems(s).findIndex((i) => i.kind === 'action' && i.action === 'again');
    expect(next(s, { type: 'pick', index: again, activate: true }).effects).toEqual([{ type: 'run-step', id: 'credentials' }]);
  });
});

describe('explain', () => {
  const atExplain = () => next(start(), welcomePick('Explain an error I got')).state;

  it('needs text before explaining', () => {
    const t = next(atExplain(), { type: 'accept' });
    expect((t.state.screen as { error?: string }).error).toMatch(/Paste the error first/);
  });

  it('explains the pasted text and shows the diagnosis as a fix screen; Esc returns to the text', () => {
    const working = run(atExplain(), { type: 'input', text: '{"code":700002}' }, { type: 'accept' });
    expect(working.effects).toEqual([{ type: 'explain', text: '{"code":700002}' }]);
    const t = next(working.state, { type: 'explained', diagnoses: [diagnosis('signature-invalid')], recognised: true });
    expect(t.state.screen).toMatchObject({ kind: 'fix', source: { kind: 'explain' } });
    expect(next(t.state, { type: 'back' }).state.screen).toMatchObject({ kind: 'explain', phase: 'input', text: '{"code":700002}' });
    expect(next(t.state, { type: 'accept' }).state.screen.kind).toBe('welcome');
    expect(next(t.state, { type: 'open-lab' }).state.screen.kind).toBe('lab');
  });

  it('keeps pasted line breaks (CRLF made LF)', () => {
    const t = next(atExplain(), { type: 'input', text: 'line one\r\nline two\r' });
    expect(t.state.screen).toMatchObject({ text: 'line one\nline two\n' });
  });

  it('says so when no MEXC error was found', () => {
    const working = run(atExplain(), { type: 'input', text: 'hello' }, { type: 'accept' });
    const t = next(working.state, { type: 'explained', diagnoses: [diagnosis('unknown-error')], recognised: false });
    expect(t.state.flash?.tone).toBe('warn');
  });
});

describe('signature lab', () => {
  const labResult = {
    valid: false,
    verdict: 'Signature does not match',
    findings: [
      { id: 'space-as-plus' as const, title: 'Space sent as +', detail: 'Encode spaces as %20.', severity: 'problem' as const },
      { id: 'timestamp-in-seconds' as const, title: 'Seconds', detail: 'Use ms.', severity: 'problem' as const },
    ],
    notes: [],
  };

  it('asks for the secret when none is known, and the secret leaves the state with the request', () => {
    const lab = next(start(), welcomePick('Check a request my code sent'));
    expect(lab.effects).toEqual([{ type: 'load-credentials' }]);
    const secretPhase = run(lab.state, { type: 'credentials-loaded', view: { demo: false } }, { type: 'input', text: 'https://api.mexc.com/api/v3/account?timestamp=1' }, { type: 'accept' });
    expect(secretPhase.state.screen).toMatchObject({ kind: 'lab', phase: 'secret' });
    const t = run(secretPhase.state, { type: 'input', text: 'canary-lab-secret' }, { type: 'accept' });
    expect(t.effects).toEqual([{ type: 'inspect', text: 'https://api.mexc.com/api/v3/account?timestamp=1', secret: 'canary-lab-secret' }]);
    expect(JSON.stringify(t.state)).not.toContain('canary-lab-secret');
  });

  it('uses the known secret; shows findings; Enter returns to where the lab was opened', () => {
    const lab = run(start(), FOUND, welcomePick('Check a request my code sent'), { type: 'input', text: 'curl x' }, { type: 'accept' });
    expect(lab.effects).toEqual([{ type: 'inspect', text: 'curl x' }]);
    const shown = next(lab.state, { type: 'inspected', result: labResult });
    expect(shown.state.screen).toMatchObject({ kind: 'lab', phase: 'result', focus: 0 });
    expect(next(shown.state, { type: 'move', delta: 1 }).state.screen).toMatchObject({ focus: 1 });
    expect(next(shown.state, { type: 'copy' }).effects).toEqual([{ type: 'copy', text: 'Space sent as +\nEncode spaces as %20.', what: 'finding 1' }]);
    expect(next(shown.state, { type: 'back' }).state.screen).toMatchObject({ kind: 'lab', phase: 'input', text: 'curl x' });
    expect(next(shown.state, { type: 'accept' }).state.screen.kind).toBe('welcome');
  });

  it('an unreadable request returns to the input with the reason', () => {
    const lab = run(start(), FOUND, welcomePick('Check a request my code sent'), { type: 'input', text: 'nonsense' }, { type: 'accept' });
    const t = next(lab.state, { type: 'inspect-failed', message: 'Expected a URL' });
    expect(t.state.screen).toMatchObject({ kind: 'lab', phase: 'input', text: 'nonsense', error: 'Expected a URL' });
  });
});

describe('expiry helper', () => {
  function atExpiry(): WizardState {
    const s: WizardState = { ...atFirstStep(), screen: { kind: 'step', id: 'account', mode: 'guide' } };
    const fix = next(s, { type: 'step-done', result: result('account', 'fail', [diagnosis('key-invalid')]) }).state;
    return next(fix, { type: 'open-expiry' }).state;
  }

  it('a key bound to an IP does not expire', () => {
    const t = next(atExpiry(), { type: 'pick', index: 1, activate: true });
    expect(t.state.screen).toMatchObject({ phase: 'result', result: { state: 'no-expiry' } });
  });

  it('without a bound IP it asks for the creation date and computes the expiry', () => {
    const asked = next(atExpiry(), { type: 'accept' });
    expect(asked.state.screen).toMatchObject({ phase: 'created' });
    const bad = run(asked.state, { type: 'input', text: '2026-13-01' }, { type: 'accept' });
    expect((bad.state.screen as { error?: string }).error).toMatch(/YYYY-MM-DD/);
    const t = run(asked.state, { type: 'input', text: '2025-12-12' }, { type: 'accept' });
    expect(t.state.screen).toMatchObject({ phase: 'result', result: { state: 'renewal-open', expiresOn: '2026-03-12', daysLeft: 2 } });
    expect(next(t.state, { type: 'accept' }).state.screen.kind).toBe('fix');
  });
});

describe('effects arriving anywhere', () => {
  it('a copy result shows as the status line', () => {
    const t = next(start(), { type: 'copied', outcome: { ok: true, text: 'Copied fix 1 to the clipboard (pbcopy).' } });
    expect(t.state.flash).toEqual({ tone: 'ok', text: 'Copied fix 1 to the clipboard (pbcopy).' });
  });

  it('once exiting, nothing moves', () => {
    const exiting = next(start(), { type: 'quit' }).state;
    expect(next(exiting, { type: 'accept' }).state).toBe(exiting);
  });
});
