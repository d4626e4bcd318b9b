import stringWidth from 'string-width';
import { beforeAll, describe, expect, it } from 'vitest';
import { clipToRows, displayWidth, isNarrowText, listWindow, loadTextMeasure, maskSecretLike, wrap } from '../../src/shell/layout.js';

const wrapLine = (line: string, width: number) => wrap(line, width, { breakLongWords: true });

describe('display width', () => {
  it('counts every character it measures without string-width as one column, as string-width does', () => {
    const narrow: string[] = [];
    for (let cp = 0x20; cp < 0x3000; cp++) {
      const ch = String.fromCodePoint(cp);
      if (isNarrowText(ch)) narrow.push(ch);
    }
    expect(narrow.length).toBeGreaterThan(1400);
    expect(narrow.filter((ch) => stringWidth(ch) !== 1).map((ch) => `U+${ch.codePointAt(0)!.toString(16)}`)).toEqual([]);
  });

  it('never under-counts other text before string-width has loaded', () => {
    for (const text of ['币安', '✅ ok', 'e\u0301', '🔑 key']) expect(displayWidth(text)).toBeGreaterThanOrEqual(stringWidth(text));
  });
});

describe('layout arithmetic', () => {
  beforeAll(() => loadTextMeasure());

  it('wraps at word boundaries without starting a line with a space', () => {
    const rows = wrapLine('every signature, and MEXC answers 700002 "Signature for this request is not valid"', 60);
    expect(rows).toEqual(['every signature, and MEXC answers 700002 "Signature for this', 'request is not valid"']);
  });

  it('hard-breaks a word longer than the line, and keeps an indent', () => {
    expect(wrapLine('https://api.mexc.com/api/v3/account?timestamp=1', 20)).toEqual(['https://api.mexc.com', '/api/v3/account?time', 'stamp=1']);
    expect(wrapLine('    x = 1', 20)).toEqual(['    x = 1']);
  });

  it('clips to rows and keeps the ellipsis inside the last row', () => {
    const clipped = clipToRows('one two three four five six seven eight nine ten', 2, 10, { ellipsis: true });
    expect(clipped.hiddenRows).toBeGreaterThan(0);
    for (const row of clipped.text.split('\n')) expect(displayWidth(row)).toBeLessThanOrEqual(10);
    expect(clipped.text.endsWith(' …')).toBe(true);
  });

  it('counts wide characters as two columns', () => {
    expect(displayWidth('ab')).toBe(2);
    expect(displayWidth('币安')).toBe(4);
    expect(displayWidth('✓ 🔑')).toBe(4);
    expect(displayWidth('\u001b[1mbold\u001b[22m')).toBe(4);
  });

  it('wraps CJK text by the columns it takes, not by its UTF-16 length', () => {
    // Counted in UTF-16 units, "签名无效 请检查密钥" is 10 long and would share a 12-column line.
    const text = '签名无效 请检查密钥 时间戳 超出接收窗口';
    expect(wrap(text, 12)).toEqual(['签名无效', '请检查密钥', '时间戳', '超出接收窗口']);
    for (const row of wrap('时间戳超出接收窗口', 12, { breakLongWords: true })) expect(displayWidth(row)).toBeLessThanOrEqual(12);
  });

  it('breaks prose at spaces within the width and keeps blank lines between paragraphs', () => {
    expect(wrap('one two three four', 9)).toEqual(['one two', 'three', 'four']);
    expect(wrap('a\n\nb', 10)).toEqual(['a', '', 'b']);
  });

  it('never cuts a long word (a URL) unless asked, and never moves it to a line of its own', () => {
    const url = 'https://www.mexc.com/api-docs/spot-v3/introduction/with/a/long/path';
    expect(wrap(`Read ${url} first`, 30)).toEqual([`Read ${url}`, 'first']);
    expect(wrap('alpha beta gamma', 12, { indent: '• ', hangingIndent: '  ' })).toEqual(['• alpha beta', '  gamma']);
  });

  it('windows a long list around the focus', () => {
    expect(listWindow(15, 0, 5)).toEqual({ start: 0, end: 5 });
    expect(listWindow(15, 14, 5)).toEqual({ start: 10, end: 15 });
    expect(listWindow(15, 7, 5)).toEqual({ start: 5, end: 10 });
  });

  it('hides anything shaped like a 32-hex secret, but not a 64-hex signature', () => {
    expect(maskSecretLike('secret=45d0b3c26f2644f19bfb98b07741b2f5')).toBe('secret=[32 hex characters hidden]');
    const sig = 'fd3e4e8543c5188531eb7279d68ae7d26a573d0fc5ab0d18eb692451654d837a';
    expect(maskSecretLike(`signature=${sig}`)).toBe(`signature=${sig}`);
  });
});
