import { describe, expect, it } from 'vitest';
import { hyperlink, linkUrls, supportsHyperlinks } from '../../src/shell/hyperlink.js';

const OSC8 = (url: string, text: string) => `\u001b]8;;${url}\u001b\\${text}\u001b]8;;\u001b\\`;

describe('supportsHyperlinks', () => {
  it('is on in terminals known to draw OSC 8 links', () => {
    expect(supportsHyperlinks({ TERM_PROGRAM: 'iTerm.app', TERM_PROGRAM_VERSION: '3.4.19' }, true)).toBe(true);
    expect(supportsHyperlinks({ TERM_PROGRAM: 'vscode', TERM_PROGRAM_VERSION: '1.95.0' }, true)).toBe(true);
    expect(supportsHyperlinks({ WT_SESSION: 'abc' }, true)).toBe(true);
    expect(supportsHyperlinks({ VTE_VERSION: '7006' }, true)).toBe(true);
    expect(supportsHyperlinks({ TERM: 'xterm-kitty' }, true)).toBe(true);
  });

  it('is off in old versions, unknown terminals, tmux, screen, CI and without a terminal', () => {
    expect(supportsHyperlinks({ TERM_PROGRAM: 'iTerm.app', TERM_PROGRAM_VERSION: '3.0.15' }, true)).toBe(false);
    expect(supportsHyperlinks({ TERM_PROGRAM: 'vscode', TERM_PROGRAM_VERSION: '1.71.0' }, true)).toBe(false);
    expect(supportsHyperlinks({ VTE_VERSION: '4601' }, true)).toBe(false);
    expect(supportsHyperlinks({ TERM: 'xterm-256color' }, true)).toBe(false);
    expect(supportsHyperlinks({ WT_SESSION: 'abc', TMUX: '/tmp/tmux-0/default,1,0' }, true)).toBe(false);
    expect(supportsHyperlinks({ VTE_VERSION: '7006', TERM: 'screen-256color' }, true)).toBe(false);
    expect(supportsHyperlinks({ WT_SESSION: 'abc', CI: 'true' }, true)).toBe(false);
    expect(supportsHyperlinks({ WT_SESSION: 'abc' }, false)).toBe(false);
  });

  it('follows FORCE_HYPERLINK either way', () => {
    expect(supportsHyperlinks({ FORCE_HYPERLINK: '1' }, false)).toBe(true);
    expect(supportsHyperlinks({ FORCE_HYPERLINK: '0', WT_SESSION: 'abc' }, true)).toBe(false);
  });
});

describe('hyperlink and linkUrls', () => {
  it('leave text unchanged when links are off', () => {
    expect(hyperlink('docs', 'https://example.com/', false)).toBe('docs');
    expect(linkUrls('see https://www.mexc.com/user/openapi.', false)).toBe('see https://www.mexc.com/user/openapi.');
  });

  it('wrap each URL in OSC 8 and keep the URL visible, without the sentence punctuation', () => {
    expect(linkUrls('Open https://www.mexc.com/user/openapi. Then renew.', true)).toBe(
      `Open ${OSC8('https://www.mexc.com/user/openapi', 'https://www.mexc.com/user/openapi')}. Then renew.`,
    );
  });

  it('never links a URL carrying control characters', () => {
    expect(hyperlink('x', 'https://evil.example/\u001b]52;c;AAAA', true)).toBe('x');
  });
});
