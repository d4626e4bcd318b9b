import { viewOf } from './screens/index.js';
import type { WizardStore } from './store.js';
import type { Event, KeyPress, WizardState } from './types.js';

/**
 * Dispatches what one read from the terminal holds. Outside a text field several characters
 * in one chunk are keys pressed in a row ("2" and Enter sent together, keys typed ahead while
 * a step ran): each is read against the screen the one before it led to. In a text field the
 * chunk is a paste (keyToEvents).
 */
export function dispatchKeys(store: Pick<WizardStore, 'getState' | 'dispatch'>, input: string, key: KeyPress, atMs: number): void {
  let rest = input;
  for (;;) {
    const state = store.getState();
    const single = rest.length <= 1 || isEnter(rest, key) || isNamedKey(key) || state.screen.kind === 'exiting' || Boolean(viewOf(state).field);
    if (single) {
      for (const event of keyToEvents(state, rest, key, atMs)) store.dispatch(event);
      return;
    }
    const ch = String.fromCodePoint(rest.codePointAt(0)!);
    // A run of line breaks is one Enter (CRLF, or Enter pressed twice before it was read).
    const breaks = /^[\r\n]+/.exec(rest)?.[0];
    const one = breaks ?? ch;
    for (const event of keyToEvents(state, one, {}, atMs)) store.dispatch(event);
    rest = rest.slice(one.length);
    if (!rest) return;
  }
}

/**
 * Keys → events, for front ends that read raw keys, derived from the screen's View: its menu
 * or list (arrows, j/k and numbers move the focus, Enter acts), the menu items' letters, its
 * field, and its actions' keys. One set of keys everywhere: a number only moves the focus, in
 * a menu as in a list of fixes, and two numbers typed quickly reach item 10 and up. A key the
 * view does not offer does nothing, so the hint line (`hintsOf`, from the same View) is true.
 * Enter accepts and Esc goes back everywhere; Ctrl-C always quits.
 */
export function keyToEvents(state: WizardState, input: string, key: KeyPress, atMs = 0): Event[] {
  if (key.ctrl && input === 'c') return [{ type: 'interrupt' }];
  if (state.screen.kind === 'exiting') return [];
  const view = viewOf(state);
  if (view.field) return textKey(input, key, view.field.kind === 'paste');

  if (isEnter(input, key)) return [{ type: 'accept' }];
  if (key.escape) return [{ type: 'back' }];
  const menu = view.menu;
  const focusable = Boolean(menu) || Boolean(view.list);
  if (key.upArrow || (key.shift && key.tab)) return focusable ? [{ type: 'move', delta: -1 }] : [];
  if (key.downArrow || key.tab) return focusable ? [{ type: 'move', delta: 1 }] : [];
  const named = key.leftArrow ? '←' : key.rightArrow ? '→' : undefined;
  if (named) return found(view.actions.find((a) => a.key === named)?.event);
  if (key.ctrl || key.meta) return [];
  if (/^[0-9]$/.test(input) && focusable) return [{ type: 'number', digit: input, atMs }];
  if (focusable && (input === 'j' || input === 'k')) return [{ type: 'move', delta: input === 'j' ? 1 : -1 }];
  const item = menu?.items.findIndex((i) => i.key?.key === input) ?? -1;
  if (item >= 0) return [{ type: 'pick', index: item, activate: true }];
  return found(view.actions.find((a) => a.key === input)?.event);
}

const found = (event: Event | undefined): Event[] => (event ? [event] : []);

/** An arrow, Esc, Tab, a Ctrl or Meta combination…: one key, whatever its input says. */
const NAMED: Array<keyof KeyPress> = ['upArrow', 'downArrow', 'leftArrow', 'rightArrow', 'pageUp', 'pageDown', 'return', 'escape', 'ctrl', 'meta', 'tab', 'backspace', 'delete'];
const isNamedKey = (key: KeyPress) => NAMED.some((name) => key[name] === true);

/**
 * Enter: the key, or a chunk made only of line breaks (a terminal's CR, CRLF or LF, or Enter
 * pressed twice before the program read it). Longer chunks with text in them are pastes.
 */
function isEnter(input: string, key: KeyPress): boolean {
  return Boolean(key.return) || (input !== '' && /^[\r\n]+$/.test(input));
}

/** A paste (text arriving in one chunk) that ends in a line break: text, then Enter. */
const PASTED_LINE = /^([\s\S]*?[^\r\n])(?:\r\n|\r|\n)$/;

function textKey(input: string, key: KeyPress, multiline: boolean): Event[] {
  if (isEnter(input, key)) return [{ type: 'accept' }];
  if (key.escape) return [{ type: 'back' }];
  if (key.backspace || key.delete) return [{ type: 'erase' }];
  if (key.ctrl && input === 'u') return [{ type: 'clear' }];
  if (key.ctrl || key.upArrow || key.downArrow || key.leftArrow || key.rightArrow || key.pageUp || key.pageDown || key.tab) return [];
  // Drop control characters a terminal may leave in a paste (but keep line breaks and tabs).
  // eslint-disable-next-line no-control-regex
  const text = input.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
  if (!text) return [];
  // Typed text and Enter in one chunk submit (a pasted line, a fast typist, a terminal test).
  // A paste field keeps a block of several lines as text: its last line break is part of it.
  const line = PASTED_LINE.exec(text);
  if (line && !(multiline && /[\r\n]/.test(line[1]!))) return [{ type: 'input', text: line[1]! }, { type: 'accept' }];
  return [{ type: 'input', text }];
}
