import { PassThrough, Writable } from 'node:stream';
import { InterruptedError } from '../../src/shell/io.js';
import { BackRequested, type MenuChoice, type Prompter } from '../../src/plain/prompter.js';

/** One question as the scripted prompter saw it. */
export interface Asked {
  kind: 'select' | 'secret' | 'text';
  message: string;
  labels: string[];
  initial?: number;
}

/** An answer: a choice label (prefix) for menus, a string for text, or a key. */
export type Answer = string | { key: 'esc' | 'ctrl-c' | 'enter' } | ((asked: Asked) => string);

/**
 * A prompter that answers from a script and records every question, so a test reads like the
 * user's session: "Diagnose…", "Use these credentials", "Quit".
 */
export function scriptedPrompter(script: Answer[]): Prompter & { asked: Asked[]; held: number } {
  const queue = [...script];
  const asked: Asked[] = [];
  const next = (q: Asked): Answer => {
    asked.push(q);
    const a = queue.shift();
    if (a === undefined) throw new Error(`script ran out at ${q.kind} "${q.message}" (${q.labels.join(' | ')})`);
    if (typeof a === 'object') {
      if (a.key === 'esc') throw new BackRequested();
      if (a.key === 'ctrl-c') throw new InterruptedError();
    }
    return a;
  };
  const result = {
    keys: 'Answer from the script.',
    asked,
    held: 0,
    async select<T>(message: string, choices: MenuChoice<T>[], initial = 0): Promise<T> {
      const labels = choices.map((c) => c.label);
      let a = next({ kind: 'select', message, labels, initial });
      if (typeof a === 'function') a = a({ kind: 'select', message, labels, initial });
      if (typeof a === 'object') return choices[initial]!.value; // Enter
      const found = choices.find((c) => c.label.startsWith(String(a)));
      if (!found) throw new Error(`no choice "${String(a)}" in "${message}": ${labels.join(' | ')}`);
      return found.value;
    },
    async secret(message: string) {
      const a = next({ kind: 'secret', message, labels: [] });
      return typeof a === 'object' ? '' : String(a);
    },
    async text(message: string) {
      const a = next({ kind: 'text', message, labels: [] });
      return typeof a === 'object' ? '' : String(a);
    },
    hold() {
      result.held += 1;
      return () => undefined;
    },
    close() {},
  };
  return result;
}

/** A fake terminal: stdin you can type into (raw mode tracked), stdout that records bytes. */
export function fakeTerminal(opts: { columns?: number; rows?: number; isTTY?: boolean } = {}) {
  const stdin = new PassThrough() as PassThrough & { isTTY?: boolean; isRaw: boolean; setRawMode?: (on: boolean) => void };
  stdin.isTTY = opts.isTTY ?? true;
  stdin.isRaw = false;
  if (stdin.isTTY) {
    stdin.setRawMode = (on: boolean) => {
      stdin.isRaw = on;
    };
  }
  let written = '';
  const stdout = new Writable({
    write(chunk, _enc, cb) {
      written += String(chunk);
      cb();
    },
  }) as Writable & { columns: number; rows: number; isTTY: boolean };
  stdout.columns = opts.columns ?? 80;
  stdout.rows = opts.rows ?? 24;
  stdout.isTTY = opts.isTTY ?? true;
  return {
    stdin: stdin as unknown as NodeJS.ReadStream,
    stdout: stdout as unknown as NodeJS.WriteStream,
    written: () => written,
    isRaw: () => stdin.isRaw,
    /** Types characters the way a terminal sends them (one chunk). */
    type: (text: string) => void stdin.write(text),
  };
}

export { SGR, stripAnsi } from '../support/ansi.js';

export async function waitFor(check: () => boolean, what: string, timeoutMs = 3000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
