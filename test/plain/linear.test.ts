import { describe, expect, it } from 'vitest';
import { initialState, next } from '../../src/flow/next.js';
import type { Event, WizardState } from '../../src/flow/types.js';
import { createLinearPrinter } from '../../src/plain/linear.js';
import { catalog, stepResult } from '../support/fixtures.js';
import { fakeIO } from '../support/fake-io.js';

/**
 * The screen-reader front end's printer: what it writes only ever grows. Entering a screen
 * prints it once; a key afterwards appends what changed (the newly focused item, a message,
 * an input problem, what was typed), never the screen again.
 */

const FOUND = { type: 'credentials-loaded', view: { demo: false, key: { masked: 'mx0a…WC5', where: 'MEXC_API_KEY in .env' }, secret: { where: 'the environment variable MEXC_SECRET_KEY' } } } as const;
const run = (state: WizardState, ...events: Event[]) => events.reduce((s, e) => next(s, e).state, state);

/** A printer over a fake terminal, and what each update added. */
function session(columns = 60) {
  const io = fakeIO();
  const printer = createLinearPrinter(io, { columns }, false);
  let seen = 0;
  return {
    /** Shows `state` and returns only what this update wrote. */
    show(state: WizardState, opts: { final?: boolean } = {}): string {
      printer.update(state, opts);
      const added = io.out().slice(seen);
      seen = io.out().length;
      return added;
    },
    all: () => io.out(),
  };
}

const count = (text: string, part: string) => text.split(part).length - 1;
const welcome = () => initialState({ version: '1.2.3', today: '2026-05-01' });

describe('the linear printer', () => {
  it('prints a new screen once: its words, its menu with the focus said in words, its keys', () => {
    const t = session();
    const first = t.show(welcome());
    expect(first).toContain('mexc-wizard 1.2.3');
    expect(first).toContain('What do you want to do?');
    expect(first).toMatch(/^ {2}1\. Diagnose my API key, selected: spot API/m);
    expect(first).toMatch(/^ {2}3\. Explain an error I got$/m);
    expect(first).toMatch(/^Keys: ↑↓\/1-4 choose, Enter start/m);
    // The same state again adds nothing.
    expect(t.show(welcome())).toBe('');
  });

  it('the welcome words say the secret stays here: never that it is sent to MEXC (it only signs, locally)', () => {
    for (const demo of [false, true]) {
      const t = session(100);
      const first = t.show(initialState({ version: '1.2.3', today: '2026-05-01', demo }));
      expect(first).toContain('Your secret stays in memory: never shown, logged, or written to disk.');
      expect(first).not.toMatch(/sent to MEXC|sends? (?:it|the secret)|secret[^.]*\bsent\b/i);
    }
  });

  it('a running step is words, not a spinner, and its result is PASS or FAIL in words', () => {
    const t = session(100);
    const running = run(welcome(), { type: 'accept' }, FOUND, { type: 'accept' }, { type: 'accept' });
    expect(running.screen.kind).toBe('step');
    const busy = t.show(running);
    expect(busy).toMatch(/checking… Checking key and secret/);
    expect(busy).not.toMatch(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]/);
    const done = t.show(next(running, { type: 'step-done', result: stepResult('credentials', 'pass') }).state);
    expect(done).toMatch(/✓ PASS +Credentials/);
    expect(done).not.toContain('Checking key and secret');
  });

  it('moving the focus appends the one newly focused line, never the screen again', () => {
    const t = session();
    let state = welcome();
    t.show(state);
    state = run(state, { type: 'move', delta: 1 });
    state = run(state, { type: 'move', delta: 1 });
    expect(t.show(state)).toBe('  3. Explain an error I got, selected: paste a MEXC error\n     body, message or code\n');
    state = run(state, { type: 'move', delta: 1 });
    const added = t.show(state);
    expect(added).toMatch(/^ {2}4\. Check a request my code sent, selected: signature lab/);
    expect(added).not.toContain('What do you want to do?');
    expect(count(t.all(), 'What do you want to do?')).toBe(1);
    expect(count(t.all(), 'mexc-wizard 1.2.3')).toBe(1);
  });

  it('moving over a fix list appends "Fix n of m, selected" with the fix title', () => {
    const account = stepResult('account', 'fail', [catalog('ip-not-whitelisted', { ip: '198.51.100.23', mexcCode: 700006 })]);
    const fix: WizardState = { ...welcome(), results: { account }, screen: { kind: 'fix', source: { kind: 'step', result: account, mode: 'guide' }, diagnoses: account.diagnoses, index: 0, focus: 0 } };
    const t = session(100);
    const first = t.show(fix);
    const fixes = account.diagnoses[0]!.fixes;
    expect(first).toContain(`Fix 1 of ${fixes.length}, selected: ${fixes[0]!.title}`);
    const moved = t.show(run(fix, { type: 'move', delta: 1 }));
    expect(moved).toBe(`Fix 2 of ${fixes.length}, selected: ${fixes[1]!.title}\n`);
  });

  it('appends a message once, however often the state is shown again', () => {
    const t = session();
    const state = welcome();
    t.show(state);
    const flashed = { ...state, flash: { tone: 'ok' as const, text: 'Copied fix 1 to the clipboard.' } };
    expect(t.show(flashed)).toBe('\nCopied fix 1 to the clipboard.\n');
    expect(t.show(flashed)).toBe('');
    expect(t.show({ ...flashed })).toBe('');
  });

  it('echoes what is typed after the prompt, steps back over an erased character, and says an input problem once', () => {
    const t = session();
    let state = run(welcome(), { type: 'accept' }, FOUND, { type: 'accept' });
    expect(state.screen.kind).toBe('symbol');
    const screen = t.show(state);
    expect(screen).toContain('Which symbol does your bot trade?');
    // The prompt is left open for the answer: the last thing written, without a line break.
    expect(screen.endsWith('Symbol (Enter keeps BTCUSDT): ')).toBe(true);
    state = run(state, { type: 'input', text: 'BTC U' });
    expect(t.show(state)).toBe('BTC U');
    state = run(state, { type: 'input', text: 'SDX' });
    expect(t.show(state)).toBe('SDX');
    state = run(state, { type: 'erase' });
    expect(t.show(state)).toBe('\b \b');
    state = run(state, { type: 'input', text: 'T' }, { type: 'accept' });
    expect(state.screen.kind).toBe('symbol');
    const problem = t.show(state);
    // Below the open line: the problem, then the question again with what is still typed.
    expect(problem).toMatch(/^\n! "BTC USDT" is not a spot symbol/);
    expect(problem).toMatch(/\nSymbol \(Enter keeps BTCUSDT\): BTC USDT$/);
    expect(t.show(state)).toBe('');
    expect(count(t.all(), 'Which symbol does your bot trade?')).toBe(1);
  });

  it('echoes a typed secret as dots, never its characters', () => {
    const t = session();
    let state = run(welcome(), { type: 'accept' }, { type: 'credentials-loaded', view: { demo: false } });
    const screen = t.show(state);
    expect(screen.endsWith('API key (masked): ')).toBe(true);
    state = run(state, { type: 'input', text: 'mx0aSECRETKEY' });
    expect(t.show(state)).toBe('•'.repeat('mx0aSECRETKEY'.length));
    state = run(state, { type: 'accept' });
    const secretScreen = t.show(state);
    expect(secretScreen).toMatch(/^\n/);
    expect(secretScreen.endsWith('Secret key (masked): ')).toBe(true);
    state = run(state, { type: 'input', text: 'abcdef0123456789' });
    expect(t.show(state)).toBe('•'.repeat(16));
    expect(t.all()).not.toContain('SECRETKEY');
    expect(t.all()).not.toContain('abcdef0123456789');
  });

  it('prints the exit frame only when asked for the last words, and once', () => {
    const t = session();
    let state = welcome();
    t.show(state);
    state = run(state, { type: 'quit' });
    expect(state.screen.kind).toBe('exiting');
    expect(t.show(state)).toBe('');
    const last = t.show(state, { final: true });
    expect(last).toContain('Bye.');
    expect(t.show(state, { final: true })).toBe('');
  });
});
