import type { CopyOutcome } from '../flow/types.js';

/**
 * Copy to the clipboard where users are, without clipboardy (whose bundled fallbacks are lost
 * in a bundle and which fails on a headless box), by every way that may work here, all at once:
 *
 * - OSC 52 (`ESC ] 52 ; c ; base64 BEL`, https://invisible-island.net/xterm/ctlseqs/ctlseqs.html#h3-Operating-System-Commands)
 *   written raw: terminals that allow it take it, and tmux with `set-clipboard on` stores it
 *   in its paste buffer (and passes it on); inside tmux also wrapped as a passthrough (taken
 *   with `allow-passthrough on`), inside GNU screen wrapped for screen;
 * - tmux's own paste buffer through `tmux load-buffer -w -` when inside tmux (works with
 *   tmux's default settings, and `-w` hands it to the outer terminal's clipboard too);
 * - the system tool when one is plausible: pbcopy, wl-copy, xclip, xsel, clip.exe.
 *
 * Nothing confirms OSC 52, so the message says exactly what was done. Callers never pass the
 * secret (the runtime refuses text that holds it).
 */

type Env = Readonly<Record<string, string | undefined>>;

export interface ClipboardEnv {
  env: Env;
  platform: NodeJS.Platform;
  /** Writes bytes to the terminal as-is (outside the front end's frame). */
  writeRaw?: (data: string) => void;
  isTTY: boolean;
  /** Runs a tool with `text` on stdin; resolves true on exit code 0. Injected in tests. */
  runTool?: (command: string, args: string[], text: string, signal?: AbortSignal) => Promise<boolean>;
  /** Whether /proc/version says Microsoft (WSL); injected in tests. */
  isWsl?: () => Promise<boolean>;
  /** Aborted when the wizard leaves: a tool still running is stopped, nothing more is written. */
  signal?: AbortSignal;
}

/** Terminals cap OSC 52 payloads (xterm: 100 000 bytes); beyond that, do not try. */
const OSC52_MAX_BASE64 = 74_994;
/** GNU screen drops DCS strings longer than its buffer: the sequence goes in pieces this long. */
const SCREEN_CHUNK = 76;

export interface Osc52Write {
  /** How it travels: straight to the terminal (or tmux), through tmux, through screen. */
  via: 'raw' | 'tmux' | 'screen';
  sequence: string;
}

/** The raw OSC 52 sequence for `text`, or undefined when terminals would refuse its size. */
export function osc52(text: string): string | undefined {
  const b64 = Buffer.from(text, 'utf8').toString('base64');
  if (b64.length > OSC52_MAX_BASE64) return undefined;
  return `\u001b]52;c;${b64}\u0007`;
}

/**
 * What to write for `text`: always the raw sequence; inside tmux also the passthrough
 * (`ESC P tmux; …ESC \`, every ESC inside doubled); inside GNU screen the sequence in DCS
 * pieces screen forwards (`ESC P … ESC \`).
 */
export function osc52Writes(text: string, env: Env): Osc52Write[] {
  const seq = osc52(text);
  if (!seq) return [];
  const writes: Osc52Write[] = [{ via: 'raw', sequence: seq }];
  if (env.TMUX) writes.push({ via: 'tmux', sequence: `\u001bPtmux;${seq.replace(/\u001b/g, '\u001b\u001b')}\u001b\\` });
  else if (env.STY) {
    const pieces = seq.match(new RegExp(`[\\s\\S]{1,${SCREEN_CHUNK}}`, 'g')) ?? [];
    writes.push({ via: 'screen', sequence: pieces.map((p) => `\u001bP${p}\u001b\\`).join('') });
  }
  return writes;
}

export interface Tool {
  command: string;
  args: string[];
  /** What it fills, for the message ("the system clipboard", "tmux's paste buffer"). */
  target: string;
}

const SYSTEM = 'the system clipboard';

/** Clipboard tools worth trying here, in order: tmux's buffer inside tmux, then the system's (none on a headless box). */
export function clipboardTools(platform: NodeJS.Platform, env: Env, wsl: boolean): Tool[] {
  const tools: Tool[] = [];
  if (env.TMUX) tools.push({ command: 'tmux', args: ['load-buffer', '-w', '-'], target: "tmux's paste buffer" });
  if (platform === 'darwin') tools.push({ command: 'pbcopy', args: [], target: SYSTEM });
  else if (platform === 'win32' || wsl) tools.push({ command: 'clip.exe', args: [], target: SYSTEM });
  else {
    if (env.WAYLAND_DISPLAY) tools.push({ command: 'wl-copy', args: [], target: SYSTEM });
    if (env.DISPLAY) tools.push({ command: 'xclip', args: ['-selection', 'clipboard'], target: SYSTEM }, { command: 'xsel', args: ['--clipboard', '--input'], target: SYSTEM });
  }
  return tools;
}

export async function copyText(text: string, what: string, ctx: ClipboardEnv): Promise<CopyOutcome> {
  const writes = ctx.isTTY && ctx.writeRaw ? osc52Writes(text, ctx.env) : [];
  // The terminal's copy first: it is instant, and it must be out before the wizard may leave.
  for (const w of writes) ctx.writeRaw!(w.sequence);
  const wsl = ctx.platform === 'linux' ? await (ctx.isWsl ?? detectWsl)() : false;
  const run = ctx.runTool ?? runTool;
  const filled: Tool[] = [];
  let systemDone = false;
  for (const tool of clipboardTools(ctx.platform, ctx.env, wsl)) {
    if (ctx.signal?.aborted) break;
    // One system tool is enough; tmux's buffer is filled besides it.
    if (tool.target === SYSTEM && systemDone) continue;
    // tmux 3.1 and older have no -w: fill the buffer without handing it on.
    const ok =
      (await run(tool.command, tool.args, text, ctx.signal).catch(() => false)) ||
      (tool.command === 'tmux' && (await run('tmux', ['load-buffer', '-'], text, ctx.signal).catch(() => false)));
    if (ok) {
      filled.push(tool);
      if (tool.target === SYSTEM) systemDone = true;
    }
  }
  return { ok: filled.length > 0 || writes.length > 0, text: copyMessage(what, filled, writes) };
}

/** What was done, in one sentence or two: never more than that. */
export function copyMessage(what: string, filled: Tool[], writes: Osc52Write[]): string {
  const how = writes.some((w) => w.via === 'tmux') ? ', raw and as a tmux passthrough' : writes.some((w) => w.via === 'screen') ? ', raw and through screen' : '';
  const places = filled.map((t) => (t.command === 'tmux' ? `${t.target} (prefix ] pastes it)` : `${t.target} (${t.command})`));
  if (places.length) return `Copied ${what} to ${joinAnd(places)}${writes.length ? `; sent to the terminal as OSC 52${how}` : ''}.`;
  if (writes.length) return `Sent ${what} to the terminal as OSC 52${how}; no clipboard tool here and nothing confirms it: if pasting gives nothing, select the text on screen.`;
  return 'Not copied: no terminal and no clipboard tool here. Select the text on screen instead.';
}

function joinAnd(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

async function detectWsl(): Promise<boolean> {
  try {
    const { readFile } = await import('node:fs/promises');
    return /microsoft/i.test(await readFile('/proc/version', 'utf8'));
  } catch {
    return false;
  }
}

/** Spawns a tool and feeds it the text; gives up after 2 s (xclip can linger serving the selection) or when `signal` fires. */
async function runTool(command: string, args: string[], text: string, signal?: AbortSignal): Promise<boolean> {
  const { spawn } = await import('node:child_process');
  return new Promise((resolve) => {
    let settled = false;
    const done = (ok: boolean) => {
      if (!settled) {
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', stop);
        resolve(ok);
      }
    };
    const child = spawn(command, args, { stdio: ['pipe', 'ignore', 'ignore'], windowsHide: true });
    const stop = () => {
      child.kill();
      done(false);
    };
    const timer = setTimeout(stop, 2000);
    timer.unref();
    signal?.addEventListener('abort', stop, { once: true });
    child.on('error', () => done(false));
    child.on('exit', (code) => done(code === 0));
    child.stdin.on('error', () => done(false));
    child.stdin.end(text);
  });
}
