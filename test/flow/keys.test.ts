import { describe, expect, it } from 'vitest';
import { keyToEvent } from '../../src/flow/keys.js';
import { initialState, next } from '../../src/flow/next.js';
import { viewOf } from '../../src/flow/screens/index.js';
import { hintsOf } from '../../src/flow/view.js';
import type { KeyPress, Screen, WizardState } from '../../src/flow/types.js';
import { diagnosis, result } from '../support/fixtures.js';

const base = initialState({ version: '1', today: '2026-03-10' });
const on = (screen: Screen): WizardState => ({ ...base, screen });
const failed = result('account', 'fail', [diagnosis('signature-invalid'), diagnosis('key-invalid')]);
const hintsFor = (state: WizardState) => hintsOf(viewOf(state));

const SCREENS: Screen[] = [
  { kind: 'welcome', focus: 0 },
  { kind: 'scenario', focus: 0 },
  { kind: 'starting-demo', scenario: 'ok' },
  { kind: 'credentials', phase: 'loading' },
  { kind: 'credentials', phase: 'review', focus: 0 },
  { kind: 'credentials', phase: 'typing', fields: ['key', 'secret'], index: 0, values: {} },
  { kind: 'step', id: 'clock', mode: 'guide' },
  { kind: 'fix', source: { kind: 'step', result: failed, mode: 'guide' }, diagnoses: failed.diagnoses, index: 0, focus: 0 },
  { kind: 'expiry', phase: 'ip', focus: 0, text: '' },
  { kind: 'expiry', phase: 'created', focus: 0, text: '' },
  { kind: 'explain', phase: 'input', text: '' },
  { kind: 'lab', phase: 'input', text: '', secret: '', focus: 0 },
  { kind: 'lab', phase: 'secret', text: 'x', secret: '', focus: 0 },
  { kind: 'summary', focus: 0 },
];

describe('keys', () => {
  it.each(SCREENS.map((s) => [s.kind + ('phase' in s ? `/${s.phase}` : ''), s] as const))('Ctrl-C interrupts on %s', (_name, screen) => {
    expect(keyToEvent(on(screen), 'c', { ctrl: true })).toEqual({ type: 'interrupt' });
  });

  it.each(SCREENS.map((s) => [s.kind + ('phase' in s ? `/${s.phase}` : ''), s] as const))('a key-hint line is shown on %s', (_name, screen) => {
    expect(hintsFor(on(screen)).length).toBeGreaterThan(0);
  });

  it('Enter accepts everywhere, also as a bare CR or LF', () => {
    for (const screen of SCREENS) {
      expect(keyToEvent(on(screen), '', { return: true })).toEqual({ type: 'accept' });
      expect(keyToEvent(on(screen), '\r', {})).toEqual({ type: 'accept' });
      expect(keyToEvent(on(screen), '\n', {})).toEqual({ type: 'accept' });
    }
  });

  it('Esc goes back', () => {
    for (const screen of SCREENS) expect(keyToEvent(on(screen), '', { escape: true })).toEqual({ type: 'back' });
  });

  it('in a text field letters are text: q types a q, and a pasted line stays one chunk', () => {
    const typing = on(SCREENS[5]!);
    expect(keyToEvent(typing, 'q', {})).toEqual({ type: 'input', text: 'q' });
    expect(keyToEvent(typing, 'abc\r', {})).toEqual({ type: 'input', text: 'abc\r' });
    expect(keyToEvent(typing, '', { delete: true })).toEqual({ type: 'erase' });
    expect(keyToEvent(typing, '', { backspace: true })).toEqual({ type: 'erase' });
    expect(keyToEvent(typing, 'u', { ctrl: true })).toEqual({ type: 'clear' });
    expect(keyToEvent(typing, '', { upArrow: true })).toBeUndefined();
  });

  it('menus: arrows move, numbers choose and go', () => {
    const welcome = on(SCREENS[0]!);
    expect(keyToEvent(welcome, '', { downArrow: true })).toEqual({ type: 'move', delta: 1 });
    expect(keyToEvent(welcome, '', { upArrow: true })).toEqual({ type: 'move', delta: -1 });
    expect(keyToEvent(welcome, '2', {})).toEqual({ type: 'pick', index: 1, activate: true });
    expect(keyToEvent(welcome, 'q', {})).toEqual({ type: 'quit' });
  });

  it('fix screen: numbers focus a fix, c copies, r re-runs, → goes to the next problem, l opens the lab', () => {
    const fix = on(SCREENS[7]!);
    expect(keyToEvent(fix, '3', {})).toEqual({ type: 'pick', index: 2, activate: false });
    expect(keyToEvent(fix, 'c', {})).toEqual({ type: 'copy' });
    expect(keyToEvent(fix, 'r', {})).toEqual({ type: 'rerun' });
    expect(keyToEvent(fix, 'p', {})).toEqual({ type: 'print' });
    expect(keyToEvent(fix, 'v', {})).toEqual({ type: 'report', action: 'show' });
    expect(keyToEvent(fix, '', { rightArrow: true })).toEqual({ type: 'problem', delta: 1 });
    expect(keyToEvent(fix, 'l', {})).toEqual({ type: 'open-lab' });
    expect(hintsFor(fix).map((h) => h.keys)).toEqual(expect.arrayContaining(['c', 'r', 'Enter', 'l', 'Esc', 'q']));
  });

  it('summary: c copies and s saves the report', () => {
    const summary = on(SCREENS[13]!);
    expect(next(summary, keyToEvent(summary, 'c', {})!).effects).toEqual([{ type: 'report', action: 'copy' }]);
    expect(next(summary, keyToEvent(summary, 's', {})!).effects).toEqual([{ type: 'report', action: 'save' }]);
  });

  it('a key the screen does not offer does nothing, and every hint names a key that does something', () => {
    const welcome = on(SCREENS[0]!);
    for (const letter of ['c', 'r', 'p', 'v', 'l', 'e', 't', 's']) expect(keyToEvent(welcome, letter, {})).toBeUndefined();
    // On the first of two problems only → goes on; on a step screen there is no list to move.
    const fix = on(SCREENS[7]!);
    expect(keyToEvent(fix, '', { leftArrow: true })).toBeUndefined();
    expect(keyToEvent(on(SCREENS[6]!), '', { downArrow: true })).toBeUndefined();
    for (const screen of SCREENS) {
      const state = on(screen);
      for (const hint of hintsFor(state)) {
        for (const key of hint.keys.split('/')) {
          const events = keysOf(key).map(([input, k]) => keyToEvent(state, input, k));
          expect(events.some((e) => e !== undefined), `${screen.kind}: "${hint.keys} ${hint.label}"`).toBe(true);
        }
      }
    }
  });

  it('drops control bytes from pasted text but keeps line breaks', () => {
    expect(keyToEvent(on(SCREENS[10]!), 'a\u0007b\nc', {})).toEqual({ type: 'input', text: 'ab\nc' });
  });
});

/** The key presses a hint's key name stands for (as Ink reports them). */
function keysOf(name: string): Array<[string, KeyPress]> {
  switch (name) {
    case 'Enter':
      return [['', { return: true }]];
    case 'Esc':
      return [['', { escape: true }]];
    case 'Ctrl-C':
      return [['c', { ctrl: true }]];
    case 'Ctrl-U':
      return [['u', { ctrl: true }]];
    case '↑↓':
      return [['', { upArrow: true }], ['', { downArrow: true }]];
    case '1-9':
      return [['1', {}]];
    case '←→':
      return [['', { leftArrow: true }], ['', { rightArrow: true }]];
    case '←':
      return [['', { leftArrow: true }]];
    case '→':
      return [['', { rightArrow: true }]];
    default:
      return [[name, {}]];
  }
}
