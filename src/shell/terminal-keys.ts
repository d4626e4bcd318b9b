import type { KeyPress } from '../flow/types.js';

/**
 * What one read from a terminal in raw mode holds, as keys: escape sequences (arrows, Page
 * Up/Down, Delete, Shift-Tab), control keys (Ctrl-C, Ctrl-U, Backspace, Tab, Esc) and runs of
 * text, which stay whole (a paste, or text and Enter sent together, is one run). The same cut
 * Ink makes (its input parser), for the front ends that read keys without Ink.
 */
export interface TerminalKey {
  input: string;
  key: KeyPress;
}

/** CSI/SS3 final bytes of the keys the wizard reads. */
const SEQUENCES: Record<string, KeyPress> = {
  A: { upArrow: true },
  B: { downArrow: true },
  C: { rightArrow: true },
  D: { leftArrow: true },
  Z: { tab: true, shift: true },
  '5~': { pageUp: true },
  '6~': { pageDown: true },
  '3~': { delete: true },
};

const ESC = '\u001b';

export function parseTerminalKeys(chunk: string): TerminalKey[] {
  const keys: TerminalKey[] = [];
  let text = '';
  const flush = () => {
    if (text) keys.push({ input: text, key: {} });
    text = '';
  };
  for (let i = 0; i < chunk.length; ) {
    const ch = chunk[i]!;
    if (ch === ESC) {
      flush();
      // ESC [ params final, or ESC O final: a key sequence.
      const csi = /^\u001b(?:\[[0-9;]*[~A-Za-z]|O[A-Za-z])/.exec(chunk.slice(i));
      if (csi) {
        // ESC [ 3 ; 5 ~ is Delete with a modifier: the key is the first number, not the last.
        const body = csi[0].slice(2);
        const final = body.endsWith('~') ? `${body.slice(0, -1).split(';')[0]}~` : body.slice(-1);
        keys.push({ input: '', key: SEQUENCES[final] ?? {} });
        i += csi[0].length;
        continue;
      }
      // A lone ESC is the Escape key; ESC and a character is Meta with it.
      const next = chunk[i + 1];
      if (next === undefined || next === ESC) {
        keys.push({ input: '', key: { escape: true } });
        i += 1;
      } else {
        keys.push({ input: next, key: { meta: true } });
        i += 2;
      }
      continue;
    }
    const code = ch.charCodeAt(0);
    // Line breaks stay in the text: "abc\r" is a pasted line, "\r" alone is Enter.
    if (ch === '\r' || ch === '\n') {
      text += ch;
      i += 1;
      continue;
    }
    if (code < 0x20 || code === 0x7f) {
      flush();
      if (code === 0x7f || code === 0x08) keys.push({ input: '', key: { backspace: true } });
      else if (code === 0x09) keys.push({ input: '', key: { tab: true } });
      else keys.push({ input: String.fromCharCode(code + 0x60), key: { ctrl: true } });
      i += 1;
      continue;
    }
    text += ch;
    i += 1;
  }
  flush();
  return keys.map((k) => (k.input !== '' && /^[\r\n]$/.test(k.input) ? { input: k.input, key: { return: true } } : k));
}
