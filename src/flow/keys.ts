import type { Event, KeyPress, Screen, WizardState } from './types.js';

/**
 * Keys → events, per screen. One table for every front end that reads raw keys, tested without
 * a terminal. Enter accepts, arrows and numbers choose, Esc goes back, q and Ctrl-C quit; on
 * screens with a text field every printable key is text, so only Ctrl-C quits there.
 */
export function keyToEvent(state: WizardState, input: string, key: KeyPress): Event | undefined {
  if (key.ctrl && input === 'c') return { type: 'interrupt' };
  const screen = state.screen;
  if (screen.kind === 'exiting') return undefined;
  if (acceptsText(screen)) return textKey(input, key);

  if (isEnter(input, key)) return { type: 'accept' };
  if (key.escape) return { type: 'back' };
  if (key.upArrow || (key.shift && key.tab)) return { type: 'move', delta: -1 };
  if (key.downArrow || key.tab) return { type: 'move', delta: 1 };
  if (key.leftArrow) return screen.kind === 'fix' ? { type: 'problem', delta: -1 } : undefined;
  if (key.rightArrow) return screen.kind === 'fix' ? { type: 'problem', delta: 1 } : undefined;
  if (key.ctrl || key.meta) return undefined;
  if (/^[1-9]$/.test(input)) {
    // In menus a number chooses and goes; in lists of fixes or findings it only focuses.
    const activate = screen.kind === 'welcome' || screen.kind === 'scenario' || screen.kind === 'credentials' || screen.kind === 'expiry';
    return { type: 'pick', index: Number(input) - 1, activate };
  }
  switch (input) {
    case 'q':
      return { type: 'quit' };
    case 'j':
      return { type: 'move', delta: 1 };
    case 'k':
      return { type: 'move', delta: -1 };
    case 'c':
      return screen.kind === 'summary' ? { type: 'report', action: 'copy' } : { type: 'copy' };
    case 'r':
      return { type: 'rerun' };
    case 'p':
      return { type: 'print' };
    case 'v':
      return { type: 'report', action: 'show' };
    case 's':
      return screen.kind === 'summary' ? { type: 'report', action: 'save' } : undefined;
    case 'l':
      return { type: 'open-lab' };
    case 'e':
      return { type: 'open-expiry' };
    case 't':
      return { type: 'type-credentials' };
    case 'y':
      return { type: 'answer', value: 'yes' };
    case 'n':
      return { type: 'answer', value: 'no' };
    default:
      return undefined;
  }
}

export function acceptsText(screen: Screen): boolean {
  return (
    (screen.kind === 'credentials' && screen.phase === 'typing') ||
    (screen.kind === 'explain' && screen.phase === 'input') ||
    (screen.kind === 'lab' && (screen.phase === 'input' || screen.phase === 'secret')) ||
    (screen.kind === 'expiry' && screen.phase === 'created')
  );
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
