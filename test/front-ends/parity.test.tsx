import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { inspectRequest, parseRequestText } from '../../src/core/lab/index.js';
import type { StepResult } from '../../src/core/types.js';
import { initialState, next } from '../../src/flow/next.js';
import { viewOf } from '../../src/flow/screens/index.js';
import { createStore } from '../../src/flow/store.js';
import type { Event, Screen, WizardState } from '../../src/flow/types.js';
import { hintsOf, hintText, itemText, type View } from '../../src/flow/view.js';
import { createPrinter } from '../../src/plain/index.js';
import { createLinearPrinter } from '../../src/plain/linear.js';
import { questionFor, type Action, type Question } from '../../src/plain/menus.js';
import { hintFits } from '../../src/plain/prompter.js';
import { timingLine } from '../../src/shell/timing-picture.js';
import { App } from '../../src/ui/App.js';
import { stripAnsi } from '../support/ansi.js';
import { fakeIO } from '../support/fake-io.js';
import { renderDiagnosis } from '../../src/core/catalog/index.js';
import { catalog, CTX, stepResult } from '../support/fixtures.js';

/**
 * Both front ends show what the screen's View holds, all of it: every fact (a word, a number,
 * a line of a fix) the View carries appears in the Ink frames and in the plain output, and
 * every action the View offers is a key in Ink's hint line and a line in the plain menus that
 * sends the same event. Checked on every screen, with real catalog entries and a real lab run.
 */

afterEach(() => cleanup());

const SCENARIOS = [
  { name: 'ok', description: 'a healthy exchange: every check passes' },
  { name: 'ip-not-whitelisted', description: 'signed calls answer 700006 "IP [198.51.100.23] not in the ip white list"' },
];
const BOTH_APIS = [
  ...SCENARIOS.map((s) => ({ ...s, api: 'spot' as const })),
  { name: 'futures-signature-invalid', description: 'futures: the server holds another secret: 602 "Signature verification failed!"', api: 'futures' as const },
];
const FOUND = { type: 'credentials-loaded', view: { demo: false, key: { masked: 'mx0a…WC5', where: 'MEXC_API_KEY in .env' }, secret: { where: 'the environment variable MEXC_SECRET_KEY' } } } as const;
const IP = '198.51.100.23';

const base = (over: Partial<Parameters<typeof initialState>[0]> = {}) => initialState({ version: '1.2.3', today: '2026-03-10', scenarios: SCENARIOS, ...over });
const run = (state: WizardState, ...events: Event[]) => events.reduce((s, e) => next(s, e).state, state);
const on = (state: WizardState, screen: Screen): WizardState => ({ ...state, screen });
/** The welcome row with this label, chosen (rows are found by what they say, not by position). */
const welcomeRow = (label: string, state: WizardState = base()): Event => ({ type: 'pick', index: viewOf(state).menu?.items.findIndex((i) => i.label === label) ?? -1, activate: true });
const EXPLAIN = welcomeRow('Explain an error I got');
const LAB = welcomeRow('Check a request my code sent');
const FUTURES = welcomeRow('My futures bot fails');
const futures = (over: Partial<WizardState> = {}): WizardState => ({ ...base(), api: 'futures', ...over });

const futuresCtx = { ...CTX, api: 'futures' as const };
const futuresAccount = stepResult('futures-account', 'fail', [renderDiagnosis({ id: 'signature-invalid', facts: { api: 'futures', mexcCode: 602, mexcMsg: 'Signature verification failed!' } }, futuresCtx)]);
const futuresSkipped: StepResult = { ...stepResult('futures-trade-read', 'skip'), summary: 'The futures account request was refused; fix that first' };

const account = stepResult('account', 'fail', [
  catalog('signature-invalid', { mexcCode: 700002, mexcMsg: 'Signature for this request is not valid.' }),
  catalog('ip-not-whitelisted', { ip: IP, mexcCode: 700006 }),
]);
const clockWarn: StepResult = {
  ...stepResult('clock', 'warn', [catalog('clock-ahead', { localAheadMs: 900, rttMs: 20, recvWindowMs: 5000, arrivalLeadMs: 890, nearEdge: true })]),
  summary: 'Clock 0.9 s ahead',
  timing: { localAheadMs: 900, uncertaintyMs: 10, arrivalLeadMs: { min: 885, max: 895 }, window: { aheadMs: 1000, behindMs: 5000 }, windowName: 'recvWindow' },
};
const keyInvalid = stepResult('account', 'fail', [catalog('key-invalid', { mexcCode: 10072 })]);
const credentialsFail = stepResult('credentials', 'fail', [catalog('key-missing', { variables: 'MEXC_API_KEY' })]);

// MEXC's documented request, signed with another secret, in a curl without headers: findings and notes.
const labRequest = 'https://api.mexc.com/api/v3/order?symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=1&price=11&recvWindow=5000&timestamp=1644489390087&signature=fd3e4e8543c5188531eb7279d68ae7d26a573d0fc5ab0d18eb692451654d837a';
const parsed = parseRequestText(labRequest);
if ('error' in parsed) throw new Error(parsed.error);
const labResult = inspectRequest(parsed, '0123456789abcdef0123456789abcdef');

const fixOf = (result: StepResult, mode: 'guide' | 'single' = 'guide'): Screen => ({ kind: 'fix', source: { kind: 'step', result, mode }, diagnoses: result.diagnoses, index: 0, focus: 0 });

const STATES: Array<[string, WizardState]> = [
  ['welcome', base()],
  ['welcome, --demo', base({ demo: true })],
  ['welcome, --demo --scenario', base({ demo: true, scenario: 'ok' })],
  ['scenario', run(base({ demo: true }), { type: 'accept' })],
  ['starting-demo', run(base({ demo: true, scenario: 'ok' }), { type: 'accept' })],
  ['credentials loading', run(base(), { type: 'accept' })],
  ['credentials review', run(base(), { type: 'accept' }, FOUND)],
  ['credentials typing', run(base(), { type: 'accept' }, { type: 'credentials-loaded', view: { demo: false } }, { type: 'input', text: 'mx0a' })],
  ['credentials typing, key known', run(base(), { type: 'accept' }, { type: 'credentials-loaded', view: { demo: false, key: { masked: 'mx0a…WC5', where: 'MEXC_API_KEY in .env' } } })],
  ['symbol question', run(base(), { type: 'accept' }, FOUND, { type: 'accept' })],
  ['symbol question, refused', run(base(), { type: 'accept' }, FOUND, { type: 'accept' }, { type: 'input', text: 'BTC USDT' }, { type: 'accept' })],
  ['step', on(base(), { kind: 'step', id: 'clock', mode: 'guide' })],
  ['fix, two problems', on({ ...base(), results: { account } }, fixOf(account))],
  ['fix, second problem', on({ ...base(), results: { account } }, { ...(fixOf(account) as Extract<Screen, { kind: 'fix' }>), index: 1 })],
  ['fix, from the summary', on({ ...base(), results: { clock: clockWarn } }, fixOf(clockWarn, 'single'))],
  ['fix, key invalid', on({ ...base(), results: { account: keyInvalid } }, fixOf(keyInvalid))],
  ['fix, credentials', on({ ...base(), results: { credentials: credentialsFail } }, fixOf(credentialsFail))],
  ['fix, pasted error', run(base(), EXPLAIN, { type: 'input', text: '{"code":700003}' }, { type: 'accept' }, { type: 'explained', diagnoses: [catalog('timestamp-outside-recv-window', { mexcCode: 700003 })], recognised: true })],
  ['expiry: bound IP?', on(base(), { kind: 'expiry', phase: 'ip', focus: 0, text: '' })],
  ['expiry: created on', on(base(), { kind: 'expiry', phase: 'created', focus: 0, text: '2026-13-01', ipBound: false, error: 'Type the date as YYYY-MM-DD, for example 2026-03-01.' })],
  ['expiry: result', run(on(base(), { kind: 'expiry', phase: 'created', focus: 0, text: '', ipBound: false }), { type: 'input', text: '2025-12-12' }, { type: 'accept' })],
  ['explain', run(base(), EXPLAIN, { type: 'accept' })],
  ['explain working', run(base(), EXPLAIN, { type: 'input', text: '700002' }, { type: 'accept' })],
  ['lab input', run(base(), FOUND, LAB)],
  ['lab secret', run(base(), LAB, { type: 'credentials-loaded', view: { demo: false } }, { type: 'input', text: 'x' }, { type: 'accept' })],
  ['lab result', run(base(), FOUND, LAB, { type: 'input', text: labRequest }, { type: 'accept' }, { type: 'inspected', result: labResult })],
  ['summary', { ...run({ ...base(), results: { clock: clockWarn, account } }, { type: 'report-ready', action: 'save', path: '/tmp/mexc-wizard-report-2026-03-10.md' }), screen: { kind: 'summary', focus: 0 } }],
  ['summary, nothing wrong', on({ ...base(), results: { credentials: stepResult('credentials', 'pass') } }, { kind: 'summary', focus: 5 })],
  ['exiting', on({ ...base(), results: { account } }, { kind: 'exiting', code: 1 })],
  // The futures path: the same screens, the futures steps (from the state's API) and fixes.
  ['futures: credentials review', run(base(), FUTURES, FOUND)],
  ['futures: step', on(futures(), { kind: 'step', id: 'connectivity', mode: 'guide' })],
  ['futures: fix', on(futures({ results: { 'futures-account': futuresAccount } }), fixOf(futuresAccount))],
  ['futures: summary', on(futures({ results: { 'futures-account': futuresAccount, 'futures-trade-read': futuresSkipped } }), { kind: 'summary', focus: 0 })],
  ['futures: lab input', run(futures(), FOUND, LAB)],
  ['futures: exiting', on(futures({ results: { 'futures-account': futuresAccount } }), { kind: 'exiting', code: 1 })],
  ['scenario: which API', run(base({ demo: true, scenarios: BOTH_APIS }), { type: 'accept' })],
  ['scenario: the futures list', run(base({ demo: true, scenarios: BOTH_APIS }), { type: 'accept' }, { type: 'pick', index: 1, activate: true })],
  ['exiting on Ctrl-C', on(base(), { kind: 'exiting', code: 130 })],
];

/** Every word of every string in the View that a user reads (ids and numbers of state aside). */
function facts(view: View): string[] {
  const out: string[] = [];
  const add = (...texts: Array<string | undefined>) => texts.forEach((t) => t && out.push(t));
  add(view.heading, view.status?.text, view.busy, view.error);
  for (const p of view.paragraphs ?? []) add(p.text);
  const body = view.body;
  if (body?.kind === 'rows') body.rows.forEach((r) => add(r.label, r.value));
  if (body?.kind === 'diagnosis') {
    const d = body.diagnosis;
    add(d.title, d.explanation, ...d.evidence, ...d.fixes.flatMap((f) => [f.title, f.text]));
  }
  if (body?.kind === 'lab') add(body.verdict, ...body.facts, ...body.findings.flatMap((f) => [f.title, f.detail]), ...body.notes);
  for (const link of view.links ?? []) add(link.label, link.url);
  if (view.timing) add(timingLine(view.timing));
  if (view.menu) add(view.menu.question, ...view.menu.items.flatMap((i) => [itemText(i), i.detail]));
  return out;
}

/** Whitespace removed: the two front ends wrap at different places (and Ink cuts long words). */
const squash = (s: string) => stripAnsi(s).replace(/\s+/g, '');

/**
 * Every frame Ink draws for this screen as the focus moves over its menu or list, and what `p`
 * prints where the screen offers it: a code line wider than the screen is cut on it, and p is
 * where it shows whole.
 */
async function inkText(state: WizardState): Promise<string> {
  const view = viewOf(state);
  const count = view.menu?.items.length ?? view.list?.count ?? 1;
  const frames: string[] = [];
  for (let focus = 0; focus < Math.max(1, count); focus++) {
    const screen = 'focus' in state.screen && count > 1 ? ({ ...state.screen, focus } as Screen) : state.screen;
    const store = createStore({ ...state, screen }, () => undefined);
    const ink = render(<App store={store} size={{ columns: 100, rows: 400 }} />);
    frames.push(ink.lastFrame() ?? '');
    if (view.actions.some((a) => a.id === 'print-fix')) {
      store.dispatch({ type: 'print' });
      // The printed text is written after React commits (an effect): wait for it.
      for (let i = 0; i < 200 && !ink.frames.some((f) => f.includes('── end ──')); i++) await new Promise((r) => setTimeout(r, 5));
      frames.push(ink.frames.join('\n'));
    }
    ink.unmount();
  }
  return frames.join('\n');
}

/** The plain output for this screen: the screen printed, then the question and its answers. */
function plainText(state: WizardState): { text: string; question: Question | undefined } {
  const io = fakeIO();
  const printer = createPrinter(io, { columns: 100 }, false);
  printer.update({ ...state, log: [] });
  const question = questionFor(state);
  if (question) printer.beforeQuestion(state);
  const lines = [io.out()];
  if (question) {
    lines.push(question.message);
    if (question.kind === 'select') {
      for (const c of question.choices) {
        lines.push(c.label);
        // A hint with room is shown beside its line; one without was printed above.
        if (c.hint && hintFits(c.label, c.hint, 100)) lines.push(c.hint);
        for (const sub of c.value.then?.choices ?? []) lines.push(sub.label);
      }
    }
  }
  return { text: lines.join('\n'), question };
}

/**
 * What the screen-reader front end prints for this screen as the focus moves over its menu or
 * list: the screen once, then each newly focused line (an item's detail is read when focused).
 */
function linearText(state: WizardState): string {
  const io = fakeIO();
  const printer = createLinearPrinter(io, { columns: 100 }, false);
  const view = viewOf(state);
  const count = view.menu?.items.length ?? view.list?.count ?? 1;
  const final = state.screen.kind === 'exiting';
  printer.update({ ...state, log: [] }, { final });
  for (let focus = 0; focus < count && 'focus' in state.screen && count > 1; focus++) {
    printer.update({ ...state, log: [], screen: { ...state.screen, focus } as Screen }, { final });
  }
  return io.out();
}

/** The events a plain menu line (or its second menu's lines) sends. */
function plainEvents(question: Question | undefined): Event[][] {
  if (question?.kind !== 'select') return [];
  return question.choices.flatMap((c) => [c.value.events, ...(c.value.then?.choices ?? []).map((sub: { value: Action }) => sub.value.events)]);
}

describe.each(STATES)('%s', (_name, state) => {
  const view = viewOf(state);

  it('shows every fact of the View in the Ink wizard and in plain mode', async () => {
    const ink = squash(await inkText(state));
    const plain = squash(plainText(state).text);
    for (const fact of facts(view)) {
      expect(ink, `Ink misses: ${fact}`).toContain(squash(fact));
      expect(plain, `plain misses: ${fact}`).toContain(squash(fact));
    }
  });

  it('shows every fact of the View and every key of its hint line in the screen-reader front end', () => {
    const linear = linearText(state);
    for (const fact of facts(view)) expect(squash(linear), `screen reader misses: ${fact}`).toContain(squash(fact));
    for (const hint of hintsOf(view)) expect(squash(linear), `screen reader misses the key ${hint.keys}`).toContain(squash(`${hint.keys} ${hint.label}`));
  });

  it('offers every action in both: a key in the hint line, a menu line that sends its event', () => {
    const hints = hintsOf(view);
    const { question } = plainText(state);
    const sent = plainEvents(question).map((events) => JSON.stringify(events.at(-1)));
    for (const action of view.actions) {
      expect(hints.some((h) => h.label === action.hint && h.keys.includes(action.key)), `Ink hint for ${action.id}: ${hintText(hints)}`).toBe(true);
      if (view.field) {
        // A text prompt takes Esc as back (answer() in plain/index.ts); that is the only action there.
        expect(action.id).toBe('back');
        expect(question?.kind).toMatch(/^(text|secret)$/);
      } else {
        expect(sent, `plain line for ${action.id} (${action.label})`).toContain(JSON.stringify(action.event));
      }
    }
    // And nothing more: every plain line is one of the View's items or actions.
    if (question?.kind === 'select' && !view.field) {
      const offered = [...(view.menu?.items.map(itemText) ?? []), ...view.actions.map((a) => a.label)];
      for (const c of question.choices) expect(offered, `plain offers "${c.label}"`).toContain(c.label);
    }
  });
});
