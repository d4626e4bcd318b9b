import { cleanValue, lintValue } from '../core/credentials.js';
import { maskKey } from '../core/redact.js';
import { STEP_IDS, type StepId, type StepResult } from '../core/types.js';
import {
  CREDENTIAL_CHOICES,
  CREDENTIAL_DIAGNOSES,
  EXPIRY_DIAGNOSES,
  EXPIRY_IP_CHOICES,
  LAB_DIAGNOSES,
  VALUE_PROBLEM_WORDS,
  nextStepId,
  quitCode,
  summaryItems,
  welcomeChoices,
} from './content.js';
import { checkCreatedOn, computeKeyExpiry } from './expiry.js';
import type { CredentialField, Effect, Event, FixSource, LogEntry, RunMode, ScenarioChoice, Screen, Transition, WizardState } from './types.js';

/**
 * The wizard's transition function: pure, total, and the only place that decides which screen
 * follows which outcome. A front end dispatches events and runs the returned effects.
 */

export interface InitInput {
  version: string;
  /** Local calendar date, YYYY-MM-DD (the expiry helper and the report file name use it). */
  today: string;
  demo?: boolean;
  scenario?: string;
  scenarios?: ScenarioChoice[];
  /** The launcher already printed the banner (before Ink loaded), so the log starts without it. */
  bannerShown?: boolean;
}

export function initialState(input: InitInput): WizardState {
  const demo = Boolean(input.demo);
  return {
    screen: { kind: 'welcome', focus: 0 },
    back: [],
    log: input.bannerShown ? [] : [{ kind: 'banner', seq: 1, version: input.version, demo }],
    seq: 1,
    version: input.version,
    today: input.today,
    demo: { enabled: demo, ...(input.scenario ? { scenario: input.scenario } : {}) },
    scenarios: input.scenarios ?? [],
    results: {},
  };
}

export function next(state: WizardState, event: Event): Transition {
  if (event.type === 'interrupt') return exit(state, 130);
  if (state.screen.kind === 'exiting') return stay(state);
  // Results of side effects may arrive on any screen.
  if (event.type === 'copied') return stay({ ...state, flash: { tone: event.outcome.ok ? 'ok' : 'warn', text: event.outcome.text } });
  if (event.type === 'report-ready') return onReport(state, event);
  const s = state.screen;
  if (event.type === 'credentials-loaded' && !(s.kind === 'credentials' && s.phase === 'loading')) return stay({ ...state, credentials: event.view });
  switch (s.kind) {
    case 'welcome':
      return onWelcome(state, s, event);
    case 'scenario':
      return onScenario(state, s, event);
    case 'starting-demo':
      return onStartingDemo(state, event);
    case 'credentials':
      return onCredentials(state, s, event);
    case 'step':
      return onStep(state, s, event);
    case 'fix':
      return onFix(state, s, event);
    case 'expiry':
      return onExpiry(state, s, event);
    case 'explain':
      return onExplain(state, s, event);
    case 'lab':
      return onLab(state, s, event);
    case 'summary':
      return onSummary(state, s, event);
  }
}

// -------------------------------------------------------------------------------------------
// Helpers

type Of<K extends Screen['kind']> = Extract<Screen, { kind: K }>;

const stay = (state: WizardState, effects: Effect[] = []): Transition => ({ state, effects });

/** Transient screens are never returned to with Esc. */
function isTransient(screen: Screen): boolean {
  return (
    screen.kind === 'step' ||
    screen.kind === 'starting-demo' ||
    screen.kind === 'exiting' ||
    (screen.kind === 'credentials' && screen.phase === 'loading') ||
    (screen.kind === 'explain' && screen.phase === 'working') ||
    (screen.kind === 'lab' && (screen.phase === 'working' || screen.phase === 'secret'))
  );
}

function go(state: WizardState, screen: Screen, opts: { push?: boolean; effects?: Effect[] } = {}): Transition {
  const back = opts.push && !isTransient(state.screen) ? [...state.back, state.screen] : state.back;
  const { flash: _flash, ...rest } = state;
  return { state: { ...rest, screen, back }, effects: opts.effects ?? [] };
}

function goBack(state: WizardState, patch?: (screen: Screen) => Screen): Transition {
  const previous = state.back[state.back.length - 1];
  if (!previous) return stay(state);
  const { flash: _flash, ...rest } = state;
  return { state: { ...rest, screen: patch ? patch(previous) : previous, back: state.back.slice(0, -1) }, effects: [] };
}

/** Remembers the current screen for Esc before a transient screen (a running step) replaces it. */
function pushCurrent(state: WizardState): WizardState {
  return isTransient(state.screen) ? state : { ...state, back: [...state.back, state.screen] };
}

function exit(state: WizardState, code: number): Transition {
  return { state: { ...state, screen: { kind: 'exiting', code } }, effects: [{ type: 'exit', code }] };
}

function log(state: WizardState, entry: DistributiveOmit<LogEntry, 'seq'>): WizardState {
  const seq = state.seq + 1;
  return { ...state, seq, log: [...state.log, { ...entry, seq } as LogEntry] };
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

function wrap(index: number, count: number): number {
  return count <= 0 ? 0 : ((index % count) + count) % count;
}

function clamp(index: number, count: number): number {
  return Math.max(0, Math.min(count - 1, index));
}

function runStep(state: WizardState, id: StepId, mode: RunMode, effects: Effect[] = []): Transition {
  return go(state, { kind: 'step', id, mode }, { effects: [...effects, { type: 'run-step', id }] });
}

function toSummary(state: WizardState): Transition {
  const items = summaryItems(state);
  const firstProblem = items.findIndex((i) => i.kind === 'problem');
  const quitIndex = items.findIndex((i) => i.kind === 'action' && i.action === 'quit');
  // One summary on the Esc path at most: re-runs from the summary come back to a fresh one.
  return go({ ...state, back: state.back.filter((b) => b.kind !== 'summary') }, { kind: 'summary', focus: firstProblem >= 0 ? firstProblem : quitIndex });
}

/** After a step: the next one in the guide's order, or the summary. */
function advance(state: WizardState, from: StepId, mode: RunMode): Transition {
  const following = mode === 'guide' ? nextStepId(from) : undefined;
  return following ? runStep(state, following, mode) : toSummary(state);
}

function onReport(state: WizardState, event: Extract<Event, { type: 'report-ready' }>): Transition {
  if (event.error) return stay({ ...state, flash: { tone: 'error', text: event.error } });
  if (event.action === 'show' && event.markdown) {
    return stay({ ...log(state, { kind: 'text', title: 'Support report (redacted: no secret)', text: event.markdown }), flash: { tone: 'ok', text: 'Support report printed above. It holds no secret.' } });
  }
  if (event.action === 'save' && event.path) {
    return stay({ ...state, savedReport: event.path, flash: { tone: 'ok', text: `Saved the redacted report to ${event.path}` } });
  }
  return stay(state);
}

// -------------------------------------------------------------------------------------------
// Screens

function onWelcome(state: WizardState, s: Of<'welcome'>, event: Event): Transition {
  const choices = welcomeChoices(state);
  const choose = (index: number): Transition => {
    const choice = choices[index];
    switch (choice?.id) {
      case 'diagnose':
        if (state.demo.enabled && state.demo.scenario) {
          return go(state, { kind: 'starting-demo', scenario: state.demo.scenario }, { push: true, effects: [{ type: 'start-demo', scenario: state.demo.scenario }] });
        }
        return go(state, { kind: 'credentials', phase: 'loading' }, { push: true, effects: [{ type: 'load-credentials' }] });
      case 'demo': {
        const current = state.scenarios.findIndex((c) => c.name === state.demo.scenario);
        return go(state, { kind: 'scenario', focus: Math.max(0, current) }, { push: true });
      }
      case 'explain':
        return go(state, { kind: 'explain', phase: 'input', text: '' }, { push: true });
      case 'lab':
        return go(state, { kind: 'lab', phase: 'input', text: '', secret: '', focus: 0 }, { push: true, effects: state.credentials ? [] : [{ type: 'load-credentials' }] });
      default:
        return stay(state);
    }
  };
  const menu = onMenuKeys(state, s, event, choices.length, choose);
  if (menu) return menu;
  switch (event.type) {
    case 'quit':
      return exit(state, quitCode(state));
    default:
      return stay(state);
  }
}

function onScenario(state: WizardState, s: Of<'scenario'>, event: Event): Transition {
  const count = state.scenarios.length;
  const choose = (index: number): Transition => {
    const scenario = state.scenarios[index]?.name;
    if (!scenario) return stay(state);
    return go(state, { kind: 'starting-demo', scenario }, { effects: [{ type: 'start-demo', scenario }] });
  };
  const menu = onMenuKeys(state, s, event, count, choose);
  if (menu) return menu;
  switch (event.type) {
    case 'back':
      return goBack(state);
    case 'quit':
      return exit(state, quitCode(state));
    default:
      return stay(state);
  }
}

function onStartingDemo(state: WizardState, event: Event): Transition {
  switch (event.type) {
    case 'demo-started': {
      const withDemo: WizardState = {
        ...log(state, {
          kind: 'note',
          tone: 'info',
          lines: [`Demo: scenario "${event.scenario}" on the local simulator at ${event.url}. Throwaway credentials; nothing leaves this machine.`],
        }),
        demo: { enabled: true, scenario: event.scenario, url: event.url },
        results: {},
      };
      return go(withDemo, { kind: 'credentials', phase: 'loading' }, { effects: [{ type: 'load-credentials' }] });
    }
    case 'demo-failed': {
      const back = goBack(state).state;
      return stay({ ...back, flash: { tone: 'error', text: event.message } });
    }
    case 'quit':
      return exit(state, quitCode(state));
    default:
      return stay(state);
  }
}

// -------------------------------------------------------------------------------------------
// Credentials

function onCredentials(state: WizardState, s: Of<'credentials'>, event: Event): Transition {
  if (s.phase === 'loading') {
    if (event.type === 'credentials-loaded') {
      const view = event.view;
      const withView = { ...state, credentials: view };
      if (view.key && view.secret) return go(withView, { kind: 'credentials', phase: 'review', focus: 0 });
      const fields: CredentialField[] = [...(view.key ? [] : ['key' as const]), ...(view.secret ? [] : ['secret' as const])];
      return go(withView, { kind: 'credentials', phase: 'typing', fields, index: 0, values: {} });
    }
    if (event.type === 'quit') return exit(state, quitCode(state));
    return stay(state);
  }
  if (s.phase === 'review') {
    const choose = (index: number): Transition => {
      if (CREDENTIAL_CHOICES[index]?.id === 'type') return typeCredentials(state);
      return runStep(pushCurrent(state), 'credentials', 'guide');
    };
    const menu = onMenuKeys(state, s, event, CREDENTIAL_CHOICES.length, choose);
    if (menu) return menu;
    switch (event.type) {
      case 'type-credentials':
        return typeCredentials(state);
      case 'back':
        return goBack(state);
      case 'quit':
        return exit(state, quitCode(state));
      default:
        return stay(state);
    }
  }
  return onTyping(state, s, event);
}

function typeCredentials(state: WizardState): Transition {
  return go(state, { kind: 'credentials', phase: 'typing', fields: ['key', 'secret'], index: 0, values: {} }, { push: true });
}

const FIELD_NAME: Record<CredentialField, string> = { key: 'API key', secret: 'secret' };

function onTyping(state: WizardState, s: Extract<Of<'credentials'>, { phase: 'typing' }>, event: Event): Transition {
  const field = s.fields[s.index];
  if (!field) return stay(state);
  const current = s.values[field] ?? '';
  const set = (value: string, error?: string): WizardState => {
    const { error: _e, ...rest } = s;
    return { ...state, screen: { ...rest, values: { ...s.values, [field]: value }, ...(error ? { error } : {}) } };
  };
  switch (event.type) {
    case 'input': {
      const value = current + event.text;
      // A pasted chunk that ends in a line break is a pasted line: take it as typed + Enter.
      if (event.text.length > 1 && /[\r\n]$/.test(event.text)) return submitField(set(value), field);
      return stay(set(value));
    }
    case 'erase':
      return stay(set([...current].slice(0, -1).join('')));
    case 'clear':
      return stay(set(''));
    case 'accept':
      return submitField(state, field);
    case 'back': {
      if (s.index > 0) return stay({ ...state, screen: { ...s, index: s.index - 1 } });
      return goBack(state);
    }
    default:
      return stay(state);
  }
}

function submitField(state: WizardState, field: CredentialField): Transition {
  const s = state.screen as Extract<Of<'credentials'>, { phase: 'typing' }>;
  const raw = s.values[field] ?? '';
  const cleaned = cleanValue(raw);
  if (/\s/.test(cleaned)) {
    const { [field]: _dropped, ...values } = s.values;
    return stay({
      ...state,
      screen: { ...s, values, error: `The ${FIELD_NAME[field]} you pasted has whitespace or a line break in the middle: two values pasted together? Paste it again.` },
    });
  }
  const { error: _e, ...rest } = s;
  if (s.index + 1 < s.fields.length) return stay({ ...state, screen: { ...rest, index: s.index + 1 } });
  return finishTyping(state, rest);
}

function finishTyping(state: WizardState, s: Extract<Of<'credentials'>, { phase: 'typing' }>): Transition {
  const notes: string[] = [];
  const cleaned: Partial<Record<CredentialField, string>> = {};
  for (const field of s.fields) {
    const raw = s.values[field] ?? '';
    const lint = lintValue(raw);
    cleaned[field] = lint.cleaned;
    const problems: string[] = lint.problems.filter((p) => p !== 'non-ascii' && p !== 'inner-whitespace');
    // "abc \n": lint sees the line break; the space before it was removed too, so say so.
    if (/[ \t][\r\n]+$/.test(raw) && !problems.includes('trailing-whitespace')) problems.splice(problems.indexOf('line-break'), 0, 'trailing-whitespace');
    const removed = problems.map((p) => VALUE_PROBLEM_WORDS[p] ?? p);
    if (raw !== '' && removed.length > 0 && lint.cleaned !== raw) {
      notes.push(`The ${FIELD_NAME[field]} you typed had ${joinWords(removed)}: removed it. If your bot reads the value the same way, it has the same problem.`);
    }
  }
  const view = state.credentials ?? { demo: false };
  const key = cleaned.key;
  const nextView = {
    ...view,
    // An empty field keeps whatever was found before (the session does the same).
    ...(key ? { key: { masked: maskKey(key), where: 'what you typed' } } : {}),
    ...(cleaned.secret ? { secret: { where: 'what you typed' } } : {}),
  };
  let next: WizardState = { ...state, credentials: nextView };
  if (notes.length) next = log(next, { kind: 'note', tone: 'warn', lines: notes });
  const effect: Effect = {
    type: 'set-credentials',
    ...(s.fields.includes('key') && key ? { apiKey: key } : {}),
    ...(s.fields.includes('secret') && cleaned.secret ? { secret: cleaned.secret } : {}),
  };
  // The typed text leaves the state here: only the effect carries it, to the session.
  return runStep(next, 'credentials', 'guide', [effect]);
}

function joinWords(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

// -------------------------------------------------------------------------------------------
// Steps and fix screens

function onStep(state: WizardState, s: Of<'step'>, event: Event): Transition {
  if (event.type === 'quit') return exit(state, quitCode(state));
  if (event.type !== 'step-done' || event.result.id !== s.id) return stay(state);
  const result = event.result;
  const rerun = state.results[result.id] !== undefined;
  const recorded = log({ ...state, results: { ...state.results, [result.id]: result } }, { kind: 'step', result, rerun });
  if (needsFixScreen(result)) {
    return go(recorded, { kind: 'fix', source: { kind: 'step', result, mode: s.mode }, diagnoses: result.diagnoses, index: 0, focus: 0 });
  }
  return advance(recorded, result.id, s.mode);
}

export function needsFixScreen(result: StepResult): boolean {
  return result.diagnoses.length > 0 && (result.status === 'fail' || result.status === 'warn');
}

function onFix(state: WizardState, s: Of<'fix'>, event: Event): Transition {
  const diagnosis = s.diagnoses[s.index];
  const fixes = diagnosis?.fixes ?? [];
  const source: FixSource = s.source;
  switch (event.type) {
    case 'move':
      return stay({ ...state, screen: { ...s, focus: clamp(s.focus + event.delta, fixes.length) } });
    case 'pick':
      if (event.index >= fixes.length) return stay(state);
      return stay({ ...state, screen: { ...s, focus: event.index } });
    case 'problem': {
      const index = clamp(s.index + event.delta, s.diagnoses.length);
      return stay({ ...state, screen: { ...s, index, focus: index === s.index ? s.focus : 0 } });
    }
    case 'copy': {
      const fix = fixes[s.focus];
      if (!fix) return stay(state);
      return stay(state, [{ type: 'copy', text: fix.text, what: `fix ${s.focus + 1} (${fix.title})` }]);
    }
    case 'print': {
      const fix = fixes[s.focus];
      if (!fix) return stay(state);
      return stay({ ...log(state, { kind: 'text', title: `Fix ${s.focus + 1}: ${fix.title}`, text: fix.text }), flash: { tone: 'ok', text: `Fix ${s.focus + 1} printed in full above.` } });
    }
    case 'rerun':
      if (source.kind !== 'step') return stay(state);
      return runStep(state, source.result.id, source.mode);
    case 'accept':
      if (source.kind === 'step') return source.mode === 'guide' ? advance(state, source.result.id, 'guide') : toSummary(state);
      return go({ ...state, back: [] }, { kind: 'welcome', focus: 0 });
    case 'report':
      return stay(state, [{ type: 'report', action: event.action }]);
    case 'open-lab':
      if (!diagnosis || !LAB_DIAGNOSES.has(diagnosis.id)) return stay(state);
      return go(state, { kind: 'lab', phase: 'input', text: '', secret: '', focus: 0 }, { push: true });
    case 'open-expiry':
      if (!diagnosis || !EXPIRY_DIAGNOSES.has(diagnosis.id)) return stay(state);
      return go(state, { kind: 'expiry', phase: 'ip', focus: 0, text: '' }, { push: true });
    case 'type-credentials':
      if (!diagnosis || !CREDENTIAL_DIAGNOSES.has(diagnosis.id)) return stay(state);
      return typeCredentials(state);
    case 'back':
      return goBack(state, refreshSummary(state));
    case 'quit':
      return exit(state, quitCode(state));
    default:
      return stay(state);
  }
}

/** A summary returned to is re-focused on its first problem (results may have changed). */
function refreshSummary(state: WizardState): (screen: Screen) => Screen {
  return (screen) => {
    if (screen.kind !== 'summary') return screen;
    const items = summaryItems(state);
    return { ...screen, focus: clamp(screen.focus, items.length) };
  };
}

// -------------------------------------------------------------------------------------------
// Expiry helper

function onExpiry(state: WizardState, s: Of<'expiry'>, event: Event): Transition {
  if (s.phase === 'ip') {
    const answer = (ipBound: boolean): Transition =>
      ipBound
        ? stay({ ...state, screen: { ...s, phase: 'result', ipBound, result: computeKeyExpiry({ ipBound, today: state.today }) } })
        : stay({ ...state, screen: { ...s, phase: 'created', ipBound } });
    switch (event.type) {
      case 'move':
        return stay({ ...state, screen: { ...s, focus: wrap(s.focus + event.delta, EXPIRY_IP_CHOICES.length) } });
      case 'pick':
        if (event.index >= EXPIRY_IP_CHOICES.length) return stay(state);
        return event.activate ? answer(EXPIRY_IP_CHOICES[event.index]?.id === 'yes') : stay({ ...state, screen: { ...s, focus: event.index } });
      case 'answer':
        return answer(event.value === 'yes');
      case 'accept':
        return answer(EXPIRY_IP_CHOICES[s.focus]?.id === 'yes');
      case 'back':
        return goBack(state);
      case 'quit':
        return exit(state, quitCode(state));
      default:
        return stay(state);
    }
  }
  if (s.phase === 'created') {
    const { error: _e, ...rest } = s;
    switch (event.type) {
      case 'input':
        return stay({ ...state, screen: { ...rest, text: (s.text + event.text).replace(/[\r\n]/g, '').slice(0, 40) } });
      case 'erase':
        return stay({ ...state, screen: { ...rest, text: s.text.slice(0, -1) } });
      case 'clear':
        return stay({ ...state, screen: { ...rest, text: '' } });
      case 'accept': {
        const checked = checkCreatedOn(s.text, state.today);
        if (!checked.ok) return stay({ ...state, screen: { ...s, error: checked.error } });
        return stay({ ...state, screen: { ...rest, phase: 'result', result: computeKeyExpiry({ ipBound: false, createdOn: checked.createdOn, today: state.today }) } });
      }
      case 'back':
        return stay({ ...state, screen: { ...rest, phase: 'ip' } });
      default:
        return stay(state);
    }
  }
  switch (event.type) {
    case 'accept':
      return goBack(state);
    case 'back':
      return stay({ ...state, screen: { ...s, phase: s.ipBound ? 'ip' : 'created' } });
    case 'quit':
      return exit(state, quitCode(state));
    default:
      return stay(state);
  }
}

// -------------------------------------------------------------------------------------------
// Explain and signature lab

/**
 * Arrow keys, number keys and Enter on a menu of `count` choices (focus wraps around): the
 * transition, or undefined when the event is not a menu key.
 */
function onMenuKeys<S extends Extract<Screen, { focus: number }>>(state: WizardState, s: S, event: Event, count: number, choose: (index: number) => Transition): Transition | undefined {
  switch (event.type) {
    case 'move':
      return stay({ ...state, screen: { ...s, focus: wrap(s.focus + event.delta, count) } });
    case 'pick':
      if (event.index >= count) return stay(state);
      return event.activate ? choose(event.index) : stay({ ...state, screen: { ...s, focus: event.index } });
    case 'accept':
      return choose(s.focus);
    default:
      return undefined;
  }
}

/** Pasted text: CRLF and lone CR become LF; at most 64 KB are kept (a paste never needs more). */
function appendPaste(text: string, input: string): string {
  return (text + input.replace(/\r\n?/g, '\n')).slice(0, 65_536);
}

/** Typing into a paste field (explain, signature lab): the edited text, or undefined. */
function editPaste(text: string, event: Event): string | undefined {
  if (event.type === 'input') return appendPaste(text, event.text);
  if (event.type === 'erase') return [...text].slice(0, -1).join('');
  if (event.type === 'clear') return '';
  return undefined;
}

function onExplain(state: WizardState, s: Of<'explain'>, event: Event): Transition {
  if (s.phase === 'working') {
    if (event.type === 'explained') {
      // A paste holding the secret is said first, in the history, where it stays in view.
      if (event.exposed) state = log(state, { kind: 'note', tone: 'warn', lines: [`${event.exposed.title}. ${event.exposed.detail}`] });
      if (event.diagnoses.length === 0) return goBack(state, (prev) => ({ ...prev, error: 'That is a MEXC answer without an error code: nothing to fix in it.' }) as Screen);
      const shown = go(state, { kind: 'fix', source: { kind: 'explain', text: s.text }, diagnoses: event.diagnoses, index: 0, focus: 0 });
      if (event.recognised) return shown;
      return stay({ ...shown.state, flash: { tone: 'warn', text: 'No MEXC error code found in that text: paste the whole response body for a diagnosis.' } });
    }
    if (event.type === 'explain-failed') return goBack(state, (prev) => ({ ...prev, error: event.message }) as Screen);
    return stay(state);
  }
  const { error: _e, ...rest } = s;
  const edited = editPaste(s.text, event);
  if (edited !== undefined) return stay({ ...state, screen: { ...rest, text: edited } });
  switch (event.type) {
    case 'accept': {
      const text = s.text.trim();
      if (!text) return stay({ ...state, screen: { ...s, error: 'Paste the error first: the response body, the message, or just the code.' } });
      return go(state, { kind: 'explain', phase: 'working', text: s.text }, { push: true, effects: [{ type: 'explain', text }] });
    }
    case 'back':
      return goBack(state);
    default:
      return stay(state);
  }
}

function onLab(state: WizardState, s: Of<'lab'>, event: Event): Transition {
  const { error: _e, ...rest } = s;
  switch (s.phase) {
    case 'working':
      if (event.type === 'inspected') return go(state, { kind: 'lab', phase: 'result', text: s.text, secret: '', result: event.result, focus: 0 });
      if (event.type === 'inspect-failed') return goBack(state, (prev) => ({ ...prev, error: event.message }) as Screen);
      return stay(state);
    case 'input': {
      const edited = editPaste(s.text, event);
      if (edited !== undefined) return stay({ ...state, screen: { ...rest, text: edited } });
      switch (event.type) {
        case 'accept': {
          const text = s.text.trim();
          if (!text) return stay({ ...state, screen: { ...s, error: 'Paste the request first: the full URL your code called, or its curl command.' } });
          if (!state.credentials?.secret) return stay({ ...state, screen: { ...rest, phase: 'secret', secret: '' } });
          return go(state, { ...rest, phase: 'working', text: s.text }, { push: true, effects: [{ type: 'inspect', text }] });
        }
        case 'back':
          return goBack(state);
        default:
          return stay(state);
      }
    }
    case 'secret':
      switch (event.type) {
        case 'input': {
          const secret = s.secret + event.text;
          if (event.text.length > 1 && /[\r\n]$/.test(event.text)) return submitLabSecret(state, { ...rest, secret });
          return stay({ ...state, screen: { ...rest, secret } });
        }
        case 'erase':
          return stay({ ...state, screen: { ...rest, secret: [...s.secret].slice(0, -1).join('') } });
        case 'clear':
          return stay({ ...state, screen: { ...rest, secret: '' } });
        case 'accept':
          return submitLabSecret(state, s);
        case 'back':
          return stay({ ...state, screen: { ...rest, phase: 'input', secret: '' } });
        default:
          return stay(state);
      }
    case 'result': {
      const count = s.result?.findings.length ?? 0;
      switch (event.type) {
        case 'move':
          return stay({ ...state, screen: { ...s, focus: clamp(s.focus + event.delta, count) } });
        case 'pick':
          return event.index < count ? stay({ ...state, screen: { ...s, focus: event.index } }) : stay(state);
        case 'copy': {
          const finding = s.result?.findings[s.focus];
          return finding ? stay(state, [{ type: 'copy', text: `${finding.title}\n${finding.detail}`, what: `finding ${s.focus + 1}` }]) : stay(state);
        }
        case 'accept': {
          // Done: back past the lab's own input screen to where the lab was opened from.
          const popped = goBack(state).state;
          return goBack(popped);
        }
        case 'back':
          return goBack(state);
        case 'quit':
          return exit(state, quitCode(state));
        default:
          return stay(state);
      }
    }
  }
}

function submitLabSecret(state: WizardState, s: Of<'lab'>): Transition {
  const secret = cleanValue(s.secret);
  const { error: _e, ...rest } = s;
  if (!secret) return stay({ ...state, screen: { ...s, error: 'The lab needs the secret to recompute the signature (it stays in memory).' } });
  const input: Of<'lab'> = { ...rest, phase: 'input', secret: '' };
  const pushed: WizardState = { ...state, back: [...state.back, input] };
  return go(pushed, { ...rest, phase: 'working', secret: '' }, { effects: [{ type: 'inspect', text: s.text.trim(), secret }] });
}

// -------------------------------------------------------------------------------------------
// Summary

function onSummary(state: WizardState, s: Of<'summary'>, event: Event): Transition {
  const items = summaryItems(state);
  const choose = (index: number): Transition => {
    const item = items[index];
    if (!item) return stay(state);
    if (item.kind === 'problem') {
      const result = state.results[item.stepId];
      if (!result) return stay(state);
      return go(state, { kind: 'fix', source: { kind: 'step', result, mode: 'single' }, diagnoses: result.diagnoses, index: item.diagnosisIndex, focus: 0 }, { push: true });
    }
    switch (item.action) {
      case 'show':
      case 'copy':
      case 'save':
        return stay(state, [{ type: 'report', action: item.action }]);
      case 'again':
        return runStep(state, STEP_IDS[0], 'guide');
      case 'quit':
        return exit(state, quitCode(state));
    }
  };
  const menu = onMenuKeys(state, s, event, items.length, choose);
  if (menu) return menu;
  switch (event.type) {
    case 'report':
      return stay(state, [{ type: 'report', action: event.action }]);
    case 'rerun':
      return choose(items.findIndex((i) => i.kind === 'action' && i.action === 'again'));
    case 'back':
      return goBack(state);
    case 'quit':
      return exit(state, quitCode(state));
    default:
      return stay(state);
  }
}
