import { describe, expect, it } from 'vitest';
import { InterruptedError } from '../../src/shell/io.js';
import { BackRequested, QuitRequested, createPrompter, enquirerPrompter, foldLabel, hintFits, linePrompter } from '../../src/plain/prompter.js';
import { fakeTerminal, SGR, stripAnsi, waitFor } from './helpers.js';

const CHOICES = [
  { value: 'a', label: 'Diagnose my API key' },
  { value: 'b', label: 'Explain an error I got' },
  { value: 'c', label: 'Quit' },
];

function setup(opts: { color?: boolean; columns?: number } = {}) {
  const term = fakeTerminal({ columns: opts.columns ?? 80 });
  const controller = new AbortController();
  const prompter = enquirerPrompter({ stdin: term.stdin, stdout: term.stdout, color: opts.color ?? false, signal: controller.signal });
  return { term, prompter, controller };
}

/** Waits until the prompt has drawn `text`, then sends keys (text and Enter apart, like a user). */
async function when(term: ReturnType<typeof fakeTerminal>, text: string, ...keys: string[]) {
  await waitFor(() => stripAnsi(term.written()).includes(text), `"${text}" on screen`);
  for (const k of keys) {
    term.type(k);
    await new Promise((r) => setTimeout(r, 15));
  }
}

describe('enquirer prompter', () => {
  it('answers a menu with the focused choice on Enter', async () => {
    const { term, prompter } = setup();
    const answer = prompter.select('What do you want to do?', CHOICES, 0);
    await when(term, 'Quit', '\r');
    await expect(answer).resolves.toBe('a');
    expect(stripAnsi(term.written())).toContain('1. Diagnose my API key');
  });

  it('starts on the initial choice, so Enter lands on it', async () => {
    const { term, prompter } = setup();
    const answer = prompter.select('Next?', CHOICES, 1);
    await when(term, 'Quit', '\r');
    await expect(answer).resolves.toBe('b');
  });

  it('counts number keys from 1, as the menu is printed', async () => {
    const { term, prompter } = setup();
    const answer = prompter.select('What do you want to do?', CHOICES, 0);
    await when(term, 'Quit', '2', '\r');
    await expect(answer).resolves.toBe('b');
  });

  it('reaches choices past 9 with two digits', async () => {
    const { term, prompter } = setup({ columns: 80 });
    const many = Array.from({ length: 12 }, (_v, i) => ({ value: i + 1, label: `choice ${i + 1}` }));
    const answer = prompter.select('Which?', many, 0);
    await when(term, 'choice 12', '1', '1', '\r');
    await expect(answer).resolves.toBe(11);
  });

  it('moves with the arrow keys', async () => {
    const { term, prompter } = setup();
    const answer = prompter.select('What do you want to do?', CHOICES, 0);
    await when(term, 'Quit', '\u001b[B', '\u001b[B', '\r');
    await expect(answer).resolves.toBe('c');
  });

  it('never writes the characters of a masked answer', async () => {
    const { term, prompter } = setup();
    const canary = 'c4n4ry5ecret0000ffffeeee11112222';
    const answer = prompter.secret('Secret key (masked)');
    await when(term, 'Secret key', canary);
    await when(term, 'Secret key', '\r');
    await expect(answer).resolves.toBe(canary);
    expect(term.written()).not.toContain(canary);
    expect(term.written()).not.toContain('c4n4ry');
  });

  it('takes a pasted secret that ends in a line break as typed plus Enter', async () => {
    const { term, prompter } = setup();
    const answer = prompter.secret('Secret key (masked)');
    await when(term, 'Secret key', 'pasted0123\r');
    await expect(answer).resolves.toBe('pasted0123');
    expect(term.written()).not.toContain('pasted0123');
  });

  it('rejects with InterruptedError on Ctrl-C and leaves raw mode off', async () => {
    const { term, prompter } = setup();
    const answer = prompter.select('What do you want to do?', CHOICES, 0);
    await when(term, 'Quit');
    expect(term.isRaw()).toBe(true);
    term.type('\u0003');
    await expect(answer).rejects.toBeInstanceOf(InterruptedError);
    expect(term.isRaw()).toBe(false);
  });

  it('rejects with BackRequested on Esc', async () => {
    const { term, prompter } = setup();
    const answer = prompter.text('MEXC error');
    await when(term, 'MEXC error', '\u001b');
    await expect(answer).rejects.toBeInstanceOf(BackRequested);
  });

  it('cancels an open prompt when the signal fires (SIGINT)', async () => {
    const { term, prompter, controller } = setup();
    const answer = prompter.text('When was the key created?');
    await when(term, 'key created');
    controller.abort();
    await expect(answer).rejects.toBeInstanceOf(InterruptedError);
  });

  it('draws no colour when colour is off (NO_COLOR), even after a prompt with colour', async () => {
    // enquirer's switch is global (ansi-colors) and set from FORCE_COLOR at load: turn it on first.
    const before = setup({ color: true });
    const first = before.prompter.select('What do you want to do?', CHOICES, 0);
    await when(before.term, 'Quit', '\r');
    await first;
    expect(before.term.written()).toMatch(SGR);
    const { term, prompter } = setup({ color: false });
    const answer = prompter.select('What do you want to do?', CHOICES, 0);
    await when(term, 'Quit', '\r');
    await answer;
    expect(term.written()).not.toMatch(SGR);
  });

  it('draws colour when colour is on', async () => {
    const { term, prompter } = setup({ color: true });
    const answer = prompter.select('What do you want to do?', CHOICES, 0);
    await when(term, 'Quit', '\r');
    await answer;
    expect(term.written()).toMatch(SGR);
  });

  it('swallows keys while the wizard works, except Ctrl-C', async () => {
    const { term, prompter } = setup();
    let interrupted = 0;
    const release = prompter.hold(() => (interrupted += 1));
    expect(term.isRaw()).toBe(true);
    term.type('\r');
    term.type('x');
    await new Promise((r) => setTimeout(r, 10));
    expect(interrupted).toBe(0);
    term.type('\u0003');
    await waitFor(() => interrupted === 1, 'the interrupt');
    release();
    expect(term.isRaw()).toBe(false);
    // The Enter typed while it worked did not answer the next question.
    const answer = prompter.select('Next?', CHOICES, 0);
    await when(term, 'Quit', '\u001b[B', '\r');
    await expect(answer).resolves.toBe('b');
  });
});

describe('line prompter (no raw mode)', () => {
  function lines() {
    const term = fakeTerminal({ isTTY: false });
    const controller = new AbortController();
    return { term, controller, prompter: linePrompter({ stdin: term.stdin, stdout: term.stdout, color: false, signal: controller.signal }) };
  }

  it('prints numbered choices and reads a number', async () => {
    const { term, prompter } = lines();
    const answer = prompter.select('What do you want to do?', CHOICES, 0);
    await when(term, 'Type a number', '3\n');
    await expect(answer).resolves.toBe('c');
    expect(term.written()).toContain('  2. Explain an error I got');
  });

  it('takes Enter alone as the initial choice and asks again after a wrong number', async () => {
    const { term, prompter } = lines();
    const answer = prompter.select('Next?', CHOICES, 1);
    await when(term, 'Type a number', '7\n');
    await when(term, 'not one of 1 to 3', '\n');
    await expect(answer).resolves.toBe('b');
  });

  it('never asks for a secret it cannot hide', async () => {
    const { term, prompter } = lines();
    await expect(prompter.secret('Secret key')).resolves.toBe('');
    expect(term.written()).toMatch(/cannot hide what you type/);
    expect(term.written()).toContain('MEXC_SECRET_KEY');
  });

  it('ends with QuitRequested when input ends', async () => {
    const { term, prompter } = lines();
    const answer = prompter.text('MEXC error');
    await when(term, 'MEXC error');
    (term.stdin as unknown as NodeJS.WritableStream).end();
    await expect(answer).rejects.toBeInstanceOf(QuitRequested);
  });

  it('reads a typed line', async () => {
    const { term, prompter } = lines();
    const answer = prompter.text('When was the key created?');
    await when(term, 'key created', '2026-03-01\n');
    await expect(answer).resolves.toBe('2026-03-01');
  });
});

describe('hintFits', () => {
  it('shows a hint only when the line has room', () => {
    expect(hintFits('1. Diagnose', 'local simulator', 80)).toBe(true);
    expect(hintFits('1. Diagnose the demo key (scenario: ip-not-whitelisted)', 'local simulator, no network', 60)).toBe(false);
    expect(hintFits('1. Quit', undefined, 80)).toBe(false);
  });
});

describe('foldLabel', () => {
  it('leaves a line that fits alone', () => {
    expect(foldLabel('1. Quit', 60)).toBe('1. Quit');
  });

  it('folds a long menu line at a word, its text in line under the number', () => {
    const folded = foldLabel("1. ✗ FAIL Account: Your IP 198.51.100.23 is not on the key's whitelist", 60);
    expect(folded).toBe("1. ✗ FAIL Account: Your IP 198.51.100.23 is not on the\n     key's whitelist");
    expect(folded.split('\n').every((l) => l.length <= 57)).toBe(true);
  });
});

describe('createPrompter', () => {
  it('uses numbered lines on a dumb terminal, reading a secret with nothing echoed', async () => {
    const term = fakeTerminal();
    const readHidden = async (label: string) => `hidden answer to ${label}`;
    const prompter = createPrompter({ stdin: term.stdin, stdout: term.stdout, color: false, signal: new AbortController().signal, term: 'dumb', readHidden });
    const answer = prompter.select('What do you want to do?', CHOICES, 0);
    await when(term, 'Type a number', '2\n');
    await expect(answer).resolves.toBe('b');
    await expect(prompter.secret('Secret key')).resolves.toBe('hidden answer to Secret key (nothing is shown while you type)');
    // Keys typed after the secret reach the next question, not a stale reader.
    const next = prompter.select('Next?', CHOICES, 0);
    await when(term, 'Next?', '3\n');
    await expect(next).resolves.toBe('c');
    prompter.close();
  });

  it('uses enquirer on a terminal that can take raw mode', async () => {
    const term = fakeTerminal();
    const prompter = createPrompter({ stdin: term.stdin, stdout: term.stdout, color: false, signal: new AbortController().signal, term: 'xterm-256color' });
    const answer = prompter.select('What do you want to do?', CHOICES, 0);
    await when(term, '1. Diagnose my API key', '\r');
    await expect(answer).resolves.toBe('a');
    expect(term.written()).not.toContain('Type a number');
  });
});
