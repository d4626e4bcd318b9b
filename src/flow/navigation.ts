import type { StepId } from '../core/types.js';
import { quitCode } from './content.js';
import type { Effect, Event, LogEntry, RunMode, Screen, Transition, WizardState } from './types.js';

/** The moves every screen module makes: stay, go (remembering the way back), go back, exit, log. */

export type Of<K extends Screen['kind']> = Extract<Screen, { kind: K }>;

export const stay = (state: WizardState, effects: Effect[] = []): Transition => ({ state, effects });

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

export function go(state: WizardState, screen: Screen, opts: { push?: boolean; effects?: Effect[] } = {}): Transition {
  const back = opts.push && !isTransient(state.screen) ? [...state.back, state.screen] : state.back;
  const { flash: _flash, numberEntry: _typed, ...rest } = state;
  return { state: { ...rest, screen, back }, effects: opts.effects ?? [] };
}

export function goBack(state: WizardState, patch?: (screen: Screen) => Screen): Transition {
  const previous = state.back[state.back.length - 1];
  if (!previous) return stay(state);
  const { flash: _flash, numberEntry: _typed, ...rest } = state;
  return { state: { ...rest, screen: patch ? patch(previous) : previous, back: state.back.slice(0, -1) }, effects: [] };
}

/** The exit frame is the last thing drawn: no message from before it (a copy, a save) stays under it. */
export function exit(state: WizardState, code: number): Transition {
  const { flash: _flash, numberEntry: _typed, ...rest } = state;
  return { state: { ...rest, screen: { kind: 'exiting', code } }, effects: [{ type: 'exit', code }] };
}

/** `q` on any screen that offers it: exit 1 once a problem was diagnosed, else 0. */
export const quit = (state: WizardState): Transition => exit(state, quitCode(state));

/** What most screens do with the rest: Esc goes back, q quits, anything else changes nothing. */
export function backOrQuit(state: WizardState, event: Event): Transition {
  if (event.type === 'back') return goBack(state);
  return event.type === 'quit' ? quit(state) : stay(state);
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export function log(state: WizardState, entry: DistributiveOmit<LogEntry, 'seq'>): WizardState {
  const seq = state.seq + 1;
  return { ...state, seq, log: [...state.log, { ...entry, seq } as LogEntry] };
}

export function wrap(index: number, count: number): number {
  return count <= 0 ? 0 : ((index % count) + count) % count;
}

export function clamp(index: number, count: number): number {
  return Math.max(0, Math.min(count - 1, index));
}

/**
 * Runs a step of the wizard's API (the effect names the API when it is not spot). The screen it leaves is remembered for Esc (one screen back from what follows is
 * the screen the user last saw), except on a re-run, whose result replaces the screen it left.
 */
export function runStep(state: WizardState, id: StepId, mode: RunMode, effects: Effect[] = [], opts: { rerun?: boolean } = {}): Transition {
  return go(state, { kind: 'step', id, mode }, { push: !opts.rerun, effects: [...effects, { type: 'run-step', id, ...(state.api !== 'spot' ? { api: state.api } : {}) }] });
}

/** Two digits typed within this long of each other are one number (1 then 2: item 12). */
export const NUMBER_PAUSE_MS = 1000;

/**
 * A number key on a menu or list of `count` items: the focus goes to the item with that
 * number, on menus and lists alike (Enter then acts). A second digit soon after the first,
 * with nothing moved between, makes a two-digit number when there is such an item.
 */
function focusByNumber<S extends Extract<Screen, { focus: number }>>(state: WizardState, s: S, event: Extract<Event, { type: 'number' }>, count: number): Transition {
  const typed = state.numberEntry;
  const continues = typed && event.atMs - typed.atMs <= NUMBER_PAUSE_MS && typed.focus === s.focus;
  const candidates = continues ? [typed.digits + event.digit, event.digit] : [event.digit];
  const digits = candidates.find((d) => Number(d) >= 1 && Number(d) <= count);
  if (digits === undefined) return stay(state);
  const focus = Number(digits) - 1;
  return stay({ ...state, screen: { ...s, focus }, numberEntry: { digits, atMs: event.atMs, focus } });
}

/**
 * Arrow keys, number keys and Enter on a menu of `count` choices (focus wraps around): the
 * transition, or undefined when the event is not a menu key.
 */
export function onMenuKeys<S extends Extract<Screen, { focus: number }>>(
  state: WizardState,
  s: S,
  event: Event,
  count: number,
  choose: (index: number) => Transition,
): Transition | undefined {
  switch (event.type) {
    case 'move':
      return stay({ ...state, screen: { ...s, focus: wrap(s.focus + event.delta, count) } });
    case 'number':
      return focusByNumber(state, s, event, count);
    case 'pick':
      if (event.index >= count) return stay(state);
      return event.activate ? choose(event.index) : stay({ ...state, screen: { ...s, focus: event.index } });
    case 'accept':
      return choose(s.focus);
    default:
      return undefined;
  }
}

/** Moving the focus over a list (fixes, findings): clamped at both ends; numbers as in menus. */
export function onListKeys<S extends Extract<Screen, { focus: number }>>(state: WizardState, s: S, event: Event, count: number): Transition | undefined {
  switch (event.type) {
    case 'move':
      return stay({ ...state, screen: { ...s, focus: clamp(s.focus + event.delta, count) } });
    case 'number':
      return focusByNumber(state, s, event, count);
    case 'pick':
      return event.index < count ? stay({ ...state, screen: { ...s, focus: event.index } }) : stay(state);
    default:
      return undefined;
  }
}

/** Pasted text: CRLF and lone CR become LF; at most 64 KB are kept (a paste never needs more). */
function appendPaste(text: string, input: string): string {
  return (text + input.replace(/\r\n?/g, '\n')).slice(0, 65_536);
}

/** Typing into a paste field (explain, signature lab): the edited text, or undefined. */
export function editPaste(text: string, event: Event): string | undefined {
  if (event.type === 'input') return appendPaste(text, event.text);
  if (event.type === 'erase') return [...text].slice(0, -1).join('');
  if (event.type === 'clear') return '';
  return undefined;
}

/** Typing into a masked field: the edited value, or undefined. */
export function editMasked(value: string, event: Event): string | undefined {
  if (event.type === 'input') return value + event.text;
  if (event.type === 'erase') return [...value].slice(0, -1).join('');
  if (event.type === 'clear') return '';
  return undefined;
}
