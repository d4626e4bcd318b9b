import { describe, expect, it } from 'vitest';
import { parseTerminalKeys } from '../../src/shell/terminal-keys.js';

/** What one raw-mode read becomes, as the linear front end hands it to the flow's keys. */
describe('parseTerminalKeys', () => {
  it('reads arrows in both forms a terminal sends (CSI and SS3), with or without a modifier', () => {
    expect(parseTerminalKeys('\u001b[A')).toEqual([{ input: '', key: { upArrow: true } }]);
    expect(parseTerminalKeys('\u001b[B')).toEqual([{ input: '', key: { downArrow: true } }]);
    expect(parseTerminalKeys('\u001bOC')).toEqual([{ input: '', key: { rightArrow: true } }]);
    expect(parseTerminalKeys('\u001bOD')).toEqual([{ input: '', key: { leftArrow: true } }]);
    expect(parseTerminalKeys('\u001b[1;5A')).toEqual([{ input: '', key: { upArrow: true } }]);
  });

  it('reads two arrows in one chunk as two keys', () => {
    expect(parseTerminalKeys('\u001b[B\u001b[B')).toEqual([
      { input: '', key: { downArrow: true } },
      { input: '', key: { downArrow: true } },
    ]);
  });

  it('reads the numbered keys by their first number (Delete with Ctrl is Delete, not Page Up)', () => {
    expect(parseTerminalKeys('\u001b[5~')).toEqual([{ input: '', key: { pageUp: true } }]);
    expect(parseTerminalKeys('\u001b[6~')).toEqual([{ input: '', key: { pageDown: true } }]);
    expect(parseTerminalKeys('\u001b[3~')).toEqual([{ input: '', key: { delete: true } }]);
    expect(parseTerminalKeys('\u001b[3;5~')).toEqual([{ input: '', key: { delete: true } }]);
    expect(parseTerminalKeys('\u001b[Z')).toEqual([{ input: '', key: { tab: true, shift: true } }]);
  });

  it('reads a lone Esc as Escape, Esc Esc as two, and Esc with a character as Meta', () => {
    expect(parseTerminalKeys('\u001b')).toEqual([{ input: '', key: { escape: true } }]);
    expect(parseTerminalKeys('\u001b\u001b')).toEqual([
      { input: '', key: { escape: true } },
      { input: '', key: { escape: true } },
    ]);
    expect(parseTerminalKeys('\u001bx')).toEqual([{ input: 'x', key: { meta: true } }]);
  });

  it('reads control keys: Ctrl-C, Ctrl-U, Backspace (DEL and BS), Tab', () => {
    expect(parseTerminalKeys('\u0003')).toEqual([{ input: 'c', key: { ctrl: true } }]);
    expect(parseTerminalKeys('\u0015')).toEqual([{ input: 'u', key: { ctrl: true } }]);
    expect(parseTerminalKeys('\u007f')).toEqual([{ input: '', key: { backspace: true } }]);
    expect(parseTerminalKeys('\b')).toEqual([{ input: '', key: { backspace: true } }]);
    expect(parseTerminalKeys('\t')).toEqual([{ input: '', key: { tab: true } }]);
  });

  it('reads a lone Enter (CR or LF) as the Return key', () => {
    expect(parseTerminalKeys('\r')).toEqual([{ input: '\r', key: { return: true } }]);
    expect(parseTerminalKeys('\n')).toEqual([{ input: '\n', key: { return: true } }]);
  });

  it('keeps text and Enter sent in one chunk as one run (a pasted line), for the flow to submit', () => {
    expect(parseTerminalKeys('ETHUSDT\r')).toEqual([{ input: 'ETHUSDT\r', key: {} }]);
    expect(parseTerminalKeys('line one\nline two\n')).toEqual([{ input: 'line one\nline two\n', key: {} }]);
  });

  it('cuts text where a control key or a sequence interrupts it', () => {
    expect(parseTerminalKeys('ab\u007fc\u001b[Ad')).toEqual([
      { input: 'ab', key: {} },
      { input: '', key: { backspace: true } },
      { input: 'c', key: {} },
      { input: '', key: { upArrow: true } },
      { input: 'd', key: {} },
    ]);
    expect(parseTerminalKeys('x\u0003')).toEqual([
      { input: 'x', key: {} },
      { input: 'c', key: { ctrl: true } },
    ]);
  });

  it('keeps characters outside ASCII whole', () => {
    expect(parseTerminalKeys('€ü✓')).toEqual([{ input: '€ü✓', key: {} }]);
  });
});
