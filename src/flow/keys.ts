import { viewOf } from './screens/index.js';
import type { Event, KeyPress, WizardState } from './types.js';

/**
 * Keys → events, for front ends that read raw keys, derived from the screen's View: its menu
 * (arrows, numbers, the items' letters), its list, its field, and its actions' keys. A key the
 * view does not offer does nothing, so the hint line (`hintsOf`, from the same View) is true.
 * Enter accepts and Esc goes back everywhere; Ctrl-C always quits.
 */
export function keyToEvent(state: WizardState, input: string, key: KeyPress): Event | undefined {
  if (key.ctrl && input === 'c') return { type: 'interrupt' };
  if (state.screen.kind === 'exiting') return undefined;
  const view = viewOf(state);
  if (view.field) return textKey(input, key);

  if (isEnter(input, key)) return { type: 'accept' };
  if (key.escape) return { type: 'back' };
  const menu = view.menu;
  const focusable = Boolean(menu) || Boolean(view.list);
  if (key.upArrow || (key.shift && key.tab)) return focusable ? { type: 'move', delta: -1 } : undefined;
  if (key.downArrow || key.tab) return focusable ? { type: 'move', delta: 1 } : undefined;
  const named = key.leftArrow ? '←' : key.rightArrow ? '→' : undefined;
  if (named) return view.actions.find((a) => a.key === named)?.event;
  if (key.ctrl || key.meta) return undefined;
  if (/^[1-9]$/.test(input) && focusable) return { type: 'pick', index: Number(input) - 1, activate: menu?.numbers === 'go' };
  if (focusable && (input === 'j' || input === 'k')) return { type: 'move', delta: input === 'j' ? 1 : -1 };
  const item = menu?.items.findIndex((i) => i.key?.key === input) ?? -1;
  if (item >= 0) return { type: 'pick', index: item, activate: true };
  return view.actions.find((a) => a.key === input)?.event;
}

/** A lone CR (Enter) or LF (Ctrl-J, some terminals' Enter). Longer chunks are pastes. */
function isEnter(input: string, key: KeyPress): boolean {
  return Boolean(key.return) || input === '\r' || input === '\n';
}

function textKey(input: string, key: KeyPress): Event | undefined {
  if (isEnter(input, key)) return { type: 'accept' };
  if (key.escape) return { type: 'back' };
  if (key.backspace || key.delete) return { type: 'erase' };
  if (key.ctrl && input === 'u') return { type: 'clear' };
  if (key.ctrl || key.upArrow || key.downArrow || key.leftArrow || key.rightArrow || key.pageUp || key.pageDown || key.tab) return undefined;
  // Drop control characters a terminal may leave in a paste (but keep line breaks and tabs).
  // eslint-disable-next-line no-control-regex
  const text = input.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
  return text ? { type: 'input', text } : undefined;
}
