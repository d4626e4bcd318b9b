import { describe, expect, it } from 'vitest';
import { copyText, osc52, systemTools } from '../../src/shell/clipboard.js';

describe('clipboard', () => {
  it('writes OSC 52 with the text in base64 to the clipboard selection', () => {
    expect(osc52('sudo chronyc makestep', {})).toBe(`\u001b]52;c;${Buffer.from('sudo chronyc makestep').toString('base64')}\u0007`);
  });

  it('wraps it in a tmux passthrough, escapes doubled, inside tmux', () => {
    const seq = osc52('x', { TMUX: '/tmp/tmux-1/default,1,0' });
    expect(seq).toBe(`\u001bPtmux;\u001b\u001b]52;c;eA==\u0007\u001b\\`);
  });

  it('does not try with a payload terminals would refuse', () => {
    expect(osc52('x'.repeat(100_000), {})).toBeUndefined();
  });

  it('tries the system tool only where one is plausible', () => {
    expect(systemTools('darwin', {}, false).map((t) => t.command)).toEqual(['pbcopy']);
    expect(systemTools('win32', {}, false).map((t) => t.command)).toEqual(['clip.exe']);
    expect(systemTools('linux', {}, true).map((t) => t.command)).toEqual(['clip.exe']);
    expect(systemTools('linux', { WAYLAND_DISPLAY: 'wayland-0' }, false).map((t) => t.command)).toEqual(['wl-copy']);
    expect(systemTools('linux', { DISPLAY: ':0' }, false).map((t) => t.command)).toEqual(['xclip', 'xsel']);
    expect(systemTools('linux', {}, false)).toEqual([]);
  });

  it('says exactly what happened: system clipboard, terminal clipboard, or neither', async () => {
    const written: string[] = [];
    const base = { env: {}, platform: 'linux' as const, isWsl: async () => false, writeRaw: (d: string) => void written.push(d) };
    const viaTool = await copyText('a', 'fix 1', { ...base, env: { DISPLAY: ':0' }, isTTY: true, runTool: async () => true });
    expect(viaTool).toEqual({ ok: true, text: 'Copied fix 1 to the clipboard (xclip).' });
    const viaOsc = await copyText('a', 'fix 1', { ...base, isTTY: true });
    expect(viaOsc.text).toMatch(/^Sent fix 1 to your terminal's clipboard \(OSC 52\)/);
    const none = await copyText('a', 'fix 1', { ...base, isTTY: false });
    expect(none).toEqual({ ok: false, text: 'No clipboard here: select the text on screen instead (a long fix reads best printed on its own first).' });
    expect(written).toHaveLength(2);
  });
});
