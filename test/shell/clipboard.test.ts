import { describe, expect, it } from 'vitest';
import { clipboardTools, copyText, osc52, osc52Writes, type ClipboardEnv } from '../../src/shell/clipboard.js';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('OSC 52', () => {
  it('is the text in base64 for the clipboard selection', () => {
    expect(osc52('sudo chronyc makestep')).toBe(`\u001b]52;c;${b64('sudo chronyc makestep')}\u0007`);
  });

  it('is sent raw outside tmux and screen', () => {
    expect(osc52Writes('x', {})).toEqual([{ via: 'raw', sequence: '\u001b]52;c;eA==\u0007' }]);
  });

  it('inside tmux: raw (tmux stores it with set-clipboard on) and as a passthrough, escapes doubled', () => {
    expect(osc52Writes('x', { TMUX: '/tmp/tmux-1/default,1,0' })).toEqual([
      { via: 'raw', sequence: '\u001b]52;c;eA==\u0007' },
      { via: 'tmux', sequence: '\u001bPtmux;\u001b\u001b]52;c;eA==\u0007\u001b\\' },
    ]);
  });

  it('inside GNU screen: raw and in DCS pieces screen passes on, which put together give the sequence', () => {
    const text = 'curl -sS -X GET "$BASE_URL/api/v3/account?$QUERY&signature=$SIGNATURE"'.repeat(3);
    const [raw, screen] = osc52Writes(text, { STY: '1234.pts-0.host' });
    expect(raw?.sequence).toBe(osc52(text));
    expect(screen?.via).toBe('screen');
    const pieces = [...screen!.sequence.matchAll(/\u001bP([\s\S]*?)\u001b\\/g)].map((m) => m[1]!);
    expect(pieces.length).toBeGreaterThan(1);
    for (const p of pieces) expect(p.length).toBeLessThanOrEqual(76);
    expect(pieces.join('')).toBe(osc52(text));
  });

  it('is not tried with a payload terminals would refuse', () => {
    expect(osc52('x'.repeat(100_000))).toBeUndefined();
    expect(osc52Writes('x'.repeat(100_000), { TMUX: 't' })).toEqual([]);
  });
});

describe('clipboard tools', () => {
  const commands = (platform: NodeJS.Platform, env: Record<string, string>, wsl = false) => clipboardTools(platform, env, wsl).map((t) => t.command);

  it('are tried only where one is plausible', () => {
    expect(commands('darwin', {})).toEqual(['pbcopy']);
    expect(commands('win32', {})).toEqual(['clip.exe']);
    expect(commands('linux', {}, true)).toEqual(['clip.exe']);
    expect(commands('linux', { WAYLAND_DISPLAY: 'wayland-0' })).toEqual(['wl-copy']);
    expect(commands('linux', { DISPLAY: ':0' })).toEqual(['xclip', 'xsel']);
    expect(commands('linux', {})).toEqual([]);
  });

  it("inside tmux, tmux's paste buffer comes first (it works with tmux's default settings)", () => {
    expect(clipboardTools('linux', { TMUX: 't' }, false)).toEqual([{ command: 'tmux', args: ['load-buffer', '-w', '-'], target: "tmux's paste buffer" }]);
    expect(commands('darwin', { TMUX: 't' })).toEqual(['tmux', 'pbcopy']);
  });
});

describe('copyText says exactly what was done', () => {
  const base = (over: Partial<ClipboardEnv> = {}) => {
    const written: string[] = [];
    const ran: string[] = [];
    const ctx: ClipboardEnv = {
      env: {},
      platform: 'linux',
      isTTY: true,
      isWsl: async () => false,
      writeRaw: (d) => void written.push(d),
      runTool: async (command, args) => (ran.push([command, ...args].join(' ')), true),
      ...over,
    };
    return { ctx, written, ran };
  };

  it('a system tool and the terminal', async () => {
    const { ctx, written, ran } = base({ env: { DISPLAY: ':0' } });
    expect(await copyText('a', 'fix 1', ctx)).toEqual({ ok: true, text: 'Copied fix 1 to the system clipboard (xclip); sent to the terminal as OSC 52.' });
    // One system tool is enough.
    expect(ran).toEqual(['xclip -selection clipboard']);
    expect(written).toEqual([osc52('a')]);
  });

  it("inside tmux: tmux's paste buffer, the terminal raw and through tmux", async () => {
    const { ctx, written, ran } = base({ env: { TMUX: 't' } });
    const outcome = await copyText('a', 'fix 1', ctx);
    expect(outcome.text).toBe("Copied fix 1 to tmux's paste buffer (prefix ] pastes it); sent to the terminal as OSC 52, raw and as a tmux passthrough.");
    expect(ran).toEqual(['tmux load-buffer -w -']);
    expect(written).toHaveLength(2);
  });

  it('an old tmux without -w: the buffer is filled without it', async () => {
    const { ctx, ran } = base({ env: { TMUX: 't' }, runTool: async (command, args) => (ran.push([command, ...args].join(' ')), !args.includes('-w')) });
    expect((await copyText('a', 'fix 1', ctx)).text).toMatch(/^Copied fix 1 to tmux's paste buffer/);
    expect(ran).toEqual(['tmux load-buffer -w -', 'tmux load-buffer -']);
  });

  it('a tool that fails is not named; the terminal alone is said to be unconfirmed', async () => {
    const { ctx } = base({ env: { DISPLAY: ':0' }, runTool: async () => false });
    const outcome = await copyText('a', 'fix 1', ctx);
    expect(outcome.ok).toBe(true);
    expect(outcome.text).toBe(
      'Sent fix 1 to the terminal as OSC 52; no clipboard tool here and nothing confirms it: if pasting gives nothing, select the text on screen.',
    );
  });

  it('neither: not copied, and where to look instead', async () => {
    const { ctx, written } = base({ isTTY: false });
    expect(await copyText('a', 'fix 1', ctx)).toEqual({ ok: false, text: 'Not copied: no terminal and no clipboard tool here. Select the text on screen instead.' });
    expect(written).toEqual([]);
  });

  it('stops trying tools once the wizard has left', async () => {
    const leaving = new AbortController();
    leaving.abort();
    const { ctx, ran } = base({ env: { TMUX: 't', DISPLAY: ':0' }, signal: leaving.signal });
    await copyText('a', 'fix 1', ctx);
    expect(ran).toEqual([]);
  });
});
