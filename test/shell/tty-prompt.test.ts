import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { InterruptedError } from '../../src/shell/io.js';
import { promptHidden } from '../../src/shell/tty-prompt.js';

/** A terminal's input as the prompt sees it, recording each call in `calls` with the output's writes. */
function fakeTerminal() {
  const calls: string[] = [];
  const stdin = Object.assign(new PassThrough(), {
    isTTY: true,
    isRaw: false,
    setRawMode(on: boolean) {
      calls.push(`raw ${on}`);
      stdin.isRaw = on;
      return stdin;
    },
  }) as unknown as NodeJS.ReadStream & { isRaw: boolean };
  const out = { write: (text: string) => (calls.push(`write ${JSON.stringify(text)}`), true) } as unknown as NodeJS.WriteStream;
  return { stdin, out, calls };
}

describe('the hidden prompt of sign and inspect', () => {
  it('turns echo off before the prompt shows, so a secret typed the moment it appears is never echoed', async () => {
    const { stdin, out, calls } = fakeTerminal();
    const answer = promptHidden('MEXC secret key (input hidden)', stdin, out, new AbortController().signal);
    expect(calls.slice(0, 2)).toEqual(['raw true', 'write "MEXC secret key (input hidden): "']);
    stdin.write('ab\u007fc0123\r');
    expect(await answer).toBe('ac0123');
    // Nothing typed was written back, and the terminal is given back as it was.
    expect(calls.filter((c) => c.startsWith('write')).join('')).not.toMatch(/ac0123|ab/);
    expect(calls.at(-2)).toBe('raw false');
  });

  it('Ctrl-C ends it as an interruption', async () => {
    const { stdin, out } = fakeTerminal();
    const answer = promptHidden('key', stdin, out, new AbortController().signal);
    stdin.write('x\u0003');
    await expect(answer).rejects.toBeInstanceOf(InterruptedError);
  });
});
