import { describe, expect, it } from 'vitest';
import { dispatchKeys, keyToEvents } from '../../src/flow/keys.js';
import { initialState, next } from '../../src/flow/next.js';
import { viewOf } from '../../src/flow/screens/index.js';
import { hintsOf } from '../../src/flow/view.js';
import type { Event, KeyPress, Screen, WizardState } from '../../src/flow/types.js';
import { diagnosis, result } from '../support/fixtures.js';

const base = initialState({ version: '1', today: '2026-03-10' });
const on = (screen: Screen): WizardState => ({ ...base, screen });
const failed = result('account', 'fail', [diagnosis('signature-invalid'), diagnosis('key-invalid')]);
const hintsFor = (state: WizardState) => hintsOf(viewOf(state));
/** The one event a key sends (undefined for none). */
const keyToEvent = (state: WizardState, input: string, key: KeyPress) => {
  const events = keyToEvents(state, input, key);
  expect(events.length).toBeLessThanOrEqual(1);
  return events[0];
};

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

  it('in a text field letters are text: q types a q; backspace, Ctrl-U edit', () => {
    const typing = on(SCREENS[5]!);
    expect(keyToEvent(typing, 'q', {})).toEqual({ type: 'input', text: 'q' });
    expect(keyToEvent(typing, '', { delete: true })).toEqual({ type: 'erase' });
    expect(keyToEvent(typing, '', { backspace: true })).toEqual({ type: 'erase' });
    expect(keyToEvent(typing, 'u', { ctrl: true })).toEqual({ type: 'clear' });
    expect(keyToEvent(typing, '', { upArrow: true })).toBeUndefined();
  });

  it('text and Enter in one chunk (a pasted line, CR, CRLF or LF) are the text, then Enter', () => {
    const typing = on(SCREENS[5]!);
    for (const end of ['\r', '\r\n', '\n']) {
      expect(keyToEvents(typing, `mx0aBYs33eIilxBWC5${end}`, {})).toEqual([{ type: 'input', text: 'mx0aBYs33eIilxBWC5' }, { type: 'accept' }]);
    }
    // The line's own trailing space stays: the credentials screen warns about it.
    expect(keyToEvents(typing, 'abc \r', {})).toEqual([{ type: 'input', text: 'abc ' }, { type: 'accept' }]);
    // A one-line paste into a paste field submits too; a block of several lines stays text.
    const explain = on(SCREENS[10]!);
    expect(keyToEvents(explain, '700002\r\n', {})).toEqual([{ type: 'input', text: '700002' }, { type: 'accept' }]);
    expect(keyToEvents(explain, 'line 1\rline 2\r', {})).toEqual([{ type: 'input', text: 'line 1\rline 2\r' }]);
  });

  it('a chunk made only of line breaks is Enter, on every screen', () => {
    for (const screen of SCREENS) {
      for (const enter of ['\r\r', '\r\n', '\n\n\r']) expect(keyToEvents(on(screen), enter, {})).toEqual([{ type: 'accept' }]);
    }
  });

  it('menus: arrows move, numbers move the focus (Enter chooses), letters of items act', () => {
    const welcome = on(SCREENS[0]!);
    expect(keyToEvent(welcome, '', { downArrow: true })).toEqual({ type: 'move', delta: 1 });
    expect(keyToEvent(welcome, '', { upArrow: true })).toEqual({ type: 'move', delta: -1 });
    expect(keyToEvent(welcome, '2', {})).toEqual({ type: 'number', digit: '2', atMs: 0 });
    expect(next(welcome, keyToEvents(welcome, '2', {}, 5)[0]!).state.screen).toEqual({ kind: 'welcome', focus: 1 });
    expect(keyToEvent(welcome, 'q', {})).toEqual({ type: 'quit' });
  });

  it('numbers act the same in a menu and in a list of fixes: they move the focus and nothing else', () => {
    const menu = on({ kind: 'summary', focus: 0 });
    const fix = on(SCREENS[7]!);
    for (const state of [menu, fix]) {
      const t = next(state, keyToEvents(state, '2', {}, 1000)[0]!);
      expect(t.effects).toEqual([]);
      expect(t.state.screen).toMatchObject({ kind: state.screen.kind, focus: 1 });
    }
  });

  it('fix screen: numbers focus a fix, c copies, r re-runs, → goes to the next problem, l opens the lab', () => {
    const fix = on(SCREENS[7]!);
    expect(keyToEvent(fix, '3', {})).toEqual({ type: 'number', digit: '3', atMs: 0 });
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
          const events = keysOf(key).flatMap(([input, k]) => keyToEvents(state, input, k));
          expect(events.length > 0, `${screen.kind}: "${hint.keys} ${hint.label}"`).toBe(true);
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
    case '1':
      return [['1', {}]];
    case '←→':
      return [['', { leftArrow: true }], ['', { rightArrow: true }]];
    case '←':
      return [['', { leftArrow: true }]];
    case '→':
      return [['', { rightArrow: true }]];
    default:
      // "1-12": the number keys.
      return /^1-\d+$/.test(name) ? [['1', {}]] : [[name, {}]];
  }
}

describe('numbers past 9', () => {
  const scenarios = Array.from({ length: 14 }, (_v, i) => ({ name: `s${i + 1}`, description: `scenario ${i + 1}` }));
  const menu: WizardState = { ...initialState({ version: '1', today: '2026-03-10', demo: true, scenarios }), screen: { kind: 'scenario', focus: 0 } };
  const press = (state: WizardState, digit: string, atMs: number) => next(state, keyToEvents(state, digit, {}, atMs)[0]!).state;

  it('two digits typed together reach item 12; the hint names them', () => {
    const s = press(press(menu, '1', 10_000), '2', 10_300);
    expect(s.screen).toMatchObject({ focus: 11 });
    expect(hintsOf(viewOf(s)).map((h) => h.keys)).toContain('↑↓/1-14');
  });

  it('a digit after a pause, or one that makes no item, starts a new number', () => {
    expect(press(press(menu, '1', 10_000), '2', 11_500).screen).toMatchObject({ focus: 1 });
    expect(press(press(menu, '1', 10_000), '7', 10_100).screen).toMatchObject({ focus: 6 });
    expect(press(press(press(menu, '1', 10_000), '2', 10_100), '3', 10_200).screen).toMatchObject({ focus: 2 });
  });

  it('an arrow between the digits starts a new number', () => {
    const moved = next(press(menu, '1', 10_000), { type: 'move', delta: 1 }).state;
    expect(press(moved, '2', 10_100).screen).toMatchObject({ focus: 1 });
  });

  it('0 alone and numbers past the end do nothing', () => {
    expect(press(menu, '0', 10_000)).toBe(menu);
    const fix = { ...menu, screen: { kind: 'fix', source: { kind: 'explain', text: 'x' }, diagnoses: [diagnosis('key-invalid')], index: 0, focus: 0 } } as WizardState;
    expect(press(fix, '9', 10_000).screen).toMatchObject({ focus: 0 });
  });
});

describe('several keys in one chunk', () => {
  const store = (state: WizardState) => {
    let current = state;
    return { getState: () => current, dispatch: (e: Event) => (current = next(current, e).state), state: () => current };
  };

  // The welcome menu: 1 spot, 2 futures, 3 explain an error.
  it('on a menu: "3" and Enter sent together choose item 3', () => {
    const s = store(initialState({ version: '1', today: '2026-03-10' }));
    dispatchKeys(s, '3\r', {}, 1);
    expect(s.state().screen).toMatchObject({ kind: 'explain', phase: 'input' });
  });

  it('each key is read on the screen the one before led to: "3", Enter, then text typed into the field', () => {
    const s = store(initialState({ version: '1', today: '2026-03-10' }));
    dispatchKeys(s, '3\r700002', {}, 1);
    expect(s.state().screen).toMatchObject({ kind: 'explain', phase: 'input', text: '700002' });
  });

  it('a run of line breaks is one Enter', () => {
    const s = store(initialState({ version: '1', today: '2026-03-10' }));
    dispatchKeys(s, '3\r\n', {}, 1);
    expect(s.state().screen).toMatchObject({ kind: 'explain', phase: 'input', text: '' });
  });
});
