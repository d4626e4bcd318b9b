import { describe, expect, it } from 'vitest';
import { hasTerminalControls, terminalSafe, terminalSafeDeep, terminalSafeJson } from '../../src/core/terminal-text.js';

const HOSTILE = 'Invalid\u001b]0;PWNED\u0007 key\u001b[2J\u009b31m\u202eevil\u200b';

describe('terminalSafe', () => {
  it('makes escape sequences, BEL, C1 controls and bidi/zero-width characters visible', () => {
    const out = terminalSafe(HOSTILE);
    expect(out).toBe('Invalid\\x1b]0;PWNED\\x07 key\\x1b[2J\\x9b31m\\u202eevil\\u200b');
    expect(hasTerminalControls(out)).toBe(false);
    expect(hasTerminalControls(HOSTILE)).toBe(true);
  });

  it('shows a line break and a tab in one-line mode, keeps them in multi-line mode', () => {
    expect(terminalSafe('a\nb\tc\r\nd')).toBe('a\\nb\\tc\\x0d\\nd');
    expect(terminalSafe('a\nb\tc\r\nd\re', { multiline: true })).toBe('a\nb\tc\nd\\x0de');
  });

  it('leaves ordinary text in any script alone', () => {
    const text = 'Signature for this request is not valid. 签名无效 — ключ ✓ 🙂';
    expect(terminalSafe(text)).toBe(text);
  });

  it('cleans every string of a value and keeps its shape', () => {
    expect(terminalSafeDeep({ a: ['x\u001by'], n: 3, b: { c: 'ok' } })).toEqual({ a: ['x\\x1by'], n: 3, b: { c: 'ok' } });
  });

  it('writes JSON whose bytes hold no control character, and that parses back to the same data', () => {
    const data = { msg: HOSTILE, del: 'x\u007fy' };
    const json = terminalSafeJson(data);
    expect(json).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e\u200b]/);
    expect(JSON.parse(json)).toEqual(data);
  });
});
