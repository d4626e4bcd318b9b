import { InterruptedError } from '../shell/io.js';
import { displayWidth, wrap } from '../shell/layout.js';

/**
 * The questions the plain front end asks, one at a time. Two implementations: enquirer on a
 * terminal that can take raw mode, and numbered lines over readline where it cannot. Both
 * reject with `InterruptedError` on Ctrl-C, `BackRequested` on Esc and `QuitRequested` at the
 * end of input, so the driver maps them to the flow's `interrupt`, `back` and `quit` events.
 */

export interface MenuChoice<T> {
  value: T;
  label: string;
  /** A short note after the label, shown only when the line has room for it. */
  hint?: string;
}

export interface Prompter {
  /** How to answer, for the banner: what this prompter's keys are. */
  readonly keys: string;
  select<T>(message: string, choices: MenuChoice<T>[], initial?: number): Promise<T>;
  /** A masked answer: the characters typed are never written to the terminal. */
  secret(message: string): Promise<string>;
  text(message: string): Promise<string>;
  /**
   * While the wizard works (a step runs): keys typed now are not answers to the next question,
   * so they are swallowed, and Ctrl-C calls `onInterrupt`. Returns the function that ends it.
   */
  hold(onInterrupt: () => void): () => void;
  /** Leaves the terminal as it was found (cooked mode, cursor shown). Safe to call twice. */
  close(): void;
}

/** Esc at a prompt: the flow's "back". */
export class BackRequested extends Error {
  constructor() {
    super('Back');
  }
}

/** Input ended (Ctrl-D, closed pipe): the flow's "quit". */
export class QuitRequested extends Error {
  constructor() {
    super('Quit');
  }
}

export interface TerminalStreams {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
}

export interface PrompterOptions extends TerminalStreams {
  /** Colour on or off for the prompts' own styling (enquirer ignores NO_COLOR by itself). */
  color: boolean;
  /** Aborted on SIGINT: an open prompt is cancelled with InterruptedError. */
  signal: AbortSignal;
  /** $TERM: a `dumb` terminal cannot move the cursor, so enquirer's redraws would pile up. */
  term?: string;
  /** Reads a line in raw mode with nothing echoed (tty-prompt.ts), for numbered-line mode. */
  readHidden?: (label: string) => Promise<string>;
}

/**
 * Enquirer where raw mode works (it needs it for arrows and masking) and the terminal can move
 * its cursor; numbered lines elsewhere.
 */
export function createPrompter(opts: PrompterOptions): Prompter {
  return canTakeRawMode(opts.stdin) && opts.term !== 'dumb' ? enquirerPrompter(opts) : linePrompter(opts);
}

export function canTakeRawMode(stdin: NodeJS.ReadStream): boolean {
  return Boolean(stdin.isTTY) && typeof stdin.setRawMode === 'function';
}

/** Whether a choice's hint fits on one line after its label (pointer and gap included). */
export function hintFits(label: string, hint: string | undefined, columns: number): boolean {
  return Boolean(hint) && displayWidth(label) + displayWidth(hint ?? '') + 10 <= columns;
}

const SHOW_CURSOR = '\u001b[?25h';

/**
 * A menu line longer than the terminal, folded at a word with its text kept in line under the
 * number (enquirer would let the terminal cut it mid-word). Two columns go to the pointer.
 */
export function foldLabel(message: string, columns: number): string {
  const indent = ' '.repeat((/^\d+\. /.exec(message)?.[0].length ?? 0) + 2);
  return wrap(message, Math.max(20, columns - 3), { hangingIndent: indent }).join('\n');
}

// ---------------------------------------------------------------------------------------------
// enquirer

/** The slice of enquirer's prompt classes this adapter uses (its .d.ts does not declare them). */
interface EnquirerPrompt {
  run(): Promise<unknown>;
  on(event: 'keypress', listener: (input: string, key: { name?: string; ctrl?: boolean; action?: string }) => void): void;
  cancel(): Promise<void>;
}
type PromptClass = new (options: Record<string, unknown>) => EnquirerPrompt;
interface EnquirerModule {
  Select: PromptClass;
  Password: PromptClass;
  Input: PromptClass;
}

let enquirerModule: Promise<EnquirerModule> | undefined;
/** Loaded on the first question, so start-up does not pay for it. */
function loadEnquirer(): Promise<EnquirerModule> {
  enquirerModule ??= Promise.all([import('enquirer'), import('node:readline')]).then(([m, readline]) => {
    tolerateEnquirerPauseAfterClose(readline.Interface.prototype);
    return ((m as { default?: unknown }).default ?? m) as EnquirerModule;
  });
  return enquirerModule;
}

/**
 * enquirer 2.4.1 calls `rl.pause()` on a readline it has just closed when a prompt is cancelled
 * (enquirer#483, fix unreleased); Node 24 throws ERR_USE_AFTER_CLOSE for that, so Ctrl-C would
 * crash instead of exiting 130. Pausing a closed interface is a no-op on Node 20 and 22.
 */
function tolerateEnquirerPauseAfterClose(proto: { pause(): unknown; closed?: boolean }): void {
  const marker = Symbol.for('mexc-wizard.pause-after-close');
  const patched = proto as typeof proto & { [marker]?: true };
  if (patched[marker]) return;
  const pause = proto.pause;
  proto.pause = function (this: { closed?: boolean }) {
    return this.closed ? this : pause.call(this);
  };
  patched[marker] = true;
}

export function enquirerPrompter(opts: PrompterOptions): Prompter {
  const { stdin, stdout, signal } = opts;
  let closed = false;

  const restoreTerminal = () => {
    // enquirer restores raw mode itself, except on some cancel paths (enquirer PR #460).
    if (stdin.isTTY && stdin.isRaw) stdin.setRawMode?.(false);
    if (stdout.isTTY) stdout.write(SHOW_CURSOR);
  };

  async function ask<T>(kind: keyof EnquirerModule, options: Record<string, unknown>): Promise<T> {
    if (signal.aborted) throw new InterruptedError();
    const enquirer = await loadEnquirer();
    const prompt = new enquirer[kind]({
      ...options,
      stdin,
      stdout,
      // Sets ansi-colors' global switch: enquirer reads FORCE_COLOR only, never NO_COLOR.
      styles: { enabled: opts.color },
    });
    let cancelledBy = 'interrupt' as 'escape' | 'interrupt';
    prompt.on('keypress', (_input, key) => {
      if (key.action === 'cancel') cancelledBy = key.name === 'escape' ? 'escape' : 'interrupt';
    });
    const onAbort = () => {
      cancelledBy = 'interrupt';
      void prompt.cancel().catch(() => undefined);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      return (await prompt.run()) as T;
    } catch (error) {
      // enquirer rejects a cancel with '' (enquirer #225), never an Error; an Error is a bug.
      if (error instanceof Error) throw error;
      restoreTerminal();
      throw cancelledBy === 'escape' && !signal.aborted ? new BackRequested() : new InterruptedError();
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }

  return {
    keys: 'Answer with the arrow keys or a number, then Enter. Esc goes back, Ctrl-C quits.',
    select: async <T>(message: string, choices: MenuChoice<T>[], initial = 0) => {
      const columns = stdout.columns || 80;
      // enquirer answers with the choice's name and shows it after the question once answered.
      const byName = new Map<string, MenuChoice<T>>();
      const named = choices.map((c, i) => {
        let name = c.label;
        for (let n = 2; byName.has(name); n++) name = `${c.label} (${n})`;
        byName.set(name, c);
        const message = `${i + 1}. ${c.label}`;
        return { name, message: foldLabel(message, columns), ...(hintFits(message, c.hint, columns) ? { hint: `(${c.hint})` } : {}) };
      });
      const picked = await ask<string>('Select', {
        name: 'choice',
        message,
        choices: named,
        initial: Math.max(0, Math.min(initial, choices.length - 1)),
        number: numberKeys(),
      });
      const choice = byName.get(picked);
      if (!choice) throw new Error(`enquirer returned an unknown choice "${picked}"`);
      return choice.value;
    },
    secret: (message) => ask<string>('Password', { name: 'secret', message }),
    text: (message) => ask<string>('Input', { name: 'text', message }),
    hold(onInterrupt) {
      if (!canTakeRawMode(stdin)) return () => undefined;
      const wasRaw = stdin.isRaw;
      stdin.setRawMode(true);
      const onData = (chunk: Buffer | string) => {
        if (String(chunk).includes('\u0003')) onInterrupt();
      };
      stdin.on('data', onData);
      stdin.resume();
      return () => {
        stdin.off('data', onData);
        stdin.setRawMode(wasRaw);
        stdin.pause();
      };
    },
    close() {
      if (closed) return;
      closed = true;
      restoreTerminal();
      stdin.pause();
    },
  };
}

/** The part of enquirer's Select that `numberKeys` moves. */
interface SelectState {
  choices: Array<{ index: number }>;
  index: number;
  limit: number;
  render(): unknown;
  alert(): unknown;
}

/**
 * Digits focus the choice with that number, as printed ("1." is the first). enquirer's own
 * digits count from 0, so 1 would land on the second line. Two digits within half a second
 * reach choices past 9.
 */
function numberKeys(): (this: SelectState, digit: string) => unknown {
  let typed = '';
  let timer: NodeJS.Timeout | undefined;
  return function (this: SelectState, digit: string) {
    typed += digit;
    clearTimeout(timer);
    const apply = () => {
      const n = Number(typed);
      typed = '';
      const at = () => this.choices.findIndex((c) => c.index === n - 1);
      if (at() < 0) return this.alert();
      // Scrolled out of view (a short terminal): rotate it in, as enquirer does.
      if (at() >= this.limit) {
        const shift = at() - this.limit + 1;
        this.choices = [...this.choices.slice(shift), ...this.choices.slice(0, shift)];
      }
      this.index = at();
      return this.render();
    };
    if (Number(`${typed}0`) > this.choices.length) return apply();
    timer = setTimeout(apply, 500);
    return undefined;
  };
}

// ---------------------------------------------------------------------------------------------
// Numbered lines (no raw mode: mintty without ConPTY, some containers)

/**
 * Questions as numbered lines read with readline. A secret is read with nothing echoed when the
 * terminal can take raw mode (TERM=dumb); where it cannot, the terminal echoes whatever is typed,
 * so a secret is never asked for: the message says where to put it instead.
 */
export function linePrompter(opts: PrompterOptions): Prompter {
  const { stdin, stdout, signal } = opts;
  let rl: import('node:readline').Interface | undefined;
  let ended = false;
  const lines: string[] = [];
  const waiting: Array<(line: string | undefined) => void> = [];

  const open = async () => {
    if (rl) return;
    const { createInterface } = await import('node:readline');
    rl = createInterface({ input: stdin, terminal: false });
    rl.on('line', (line) => {
      const w = waiting.shift();
      if (w) w(line);
      else lines.push(line);
    });
    rl.on('close', () => {
      ended = true;
      for (const w of waiting.splice(0)) w(undefined);
    });
  };

  const readLine = async (question: string): Promise<string> => {
    if (signal.aborted) throw new InterruptedError();
    await open();
    stdout.write(question);
    const line = lines.length ? lines.shift() : ended ? undefined : await new Promise<string | undefined>((resolve) => {
      const onAbort = () => resolve(undefined);
      signal.addEventListener('abort', onAbort, { once: true });
      waiting.push((l) => {
        signal.removeEventListener('abort', onAbort);
        resolve(l);
      });
    });
    if (signal.aborted) throw new InterruptedError();
    if (line === undefined) {
      stdout.write('\n');
      throw new QuitRequested();
    }
    return line;
  };

  return {
    keys: 'Answer with a number, then Enter. Ctrl-C quits.',
    async select<T>(message: string, choices: MenuChoice<T>[], initial = 0) {
      const columns = stdout.columns || 80;
      const list = choices.map((c, i) => `  ${i + 1}. ${c.label}${hintFits(`  ${i + 1}. ${c.label}`, c.hint, columns) ? ` (${c.hint})` : ''}`);
      stdout.write(`${message}\n${list.join('\n')}\n`);
      for (;;) {
        const answer = (await readLine(`Type a number and press Enter (Enter alone: ${initial + 1}): `)).trim();
        if (answer === '') return choices[initial]!.value;
        const n = Number(answer);
        if (Number.isInteger(n) && n >= 1 && n <= choices.length) return choices[n - 1]!.value;
        stdout.write(`"${answer}" is not one of 1 to ${choices.length}.\n`);
      }
    },
    async secret(message) {
      if (opts.readHidden && canTakeRawMode(stdin)) {
        // readline must not see the keys: it would keep them as the answer to the next question.
        rl?.close();
        rl = undefined;
        ended = false;
        return opts.readHidden(`${message.replace(/ \(masked\)$/, '')} (nothing is shown while you type)`);
      }
      stdout.write(
        `${message}: this terminal cannot hide what you type, so it is not asked for here.\n` +
          'Put it in the environment (MEXC_SECRET_KEY) or in a .env file, then re-run the check.\n',
      );
      return '';
    },
    text: (message) => readLine(`${message}: `),
    hold: () => () => undefined,
    close() {
      rl?.close();
      rl = undefined;
    },
  };
}
