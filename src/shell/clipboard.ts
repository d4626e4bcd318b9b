import type { CopyOutcome } from '../flow/types.js';

/**
 * Copy to the clipboard without clipboardy (whose bundled fallbacks are lost in a bundle and
 * which fails on a headless box): OSC 52 to the terminal (wrapped for tmux/screen; sequence in
 * https://invisible-island.net/xterm/ctlseqs/ctlseqs.html#h3-Operating-System-Commands), plus
 * the system tool when one is plausible here. Nothing confirms OSC 52, so the message says
 * exactly what was tried. Callers never pass the secret.
 */

export interface ClipboardEnv {
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  /** Writes bytes to the terminal as-is (outside Ink's frame). */
  writeRaw?: (data: string) => void;
  isTTY: boolean;
  /** Runs a tool with `text` on stdin; resolves true on exit code 0. Injected in tests. */
  runTool?: (command: string, args: string[], text: string) => Promise<boolean>;
  /** Whether /proc/version says Microsoft (WSL); injected in tests. */
  isWsl?: () => Promise<boolean>;
}

/** Terminals cap OSC 52 payloads (xterm: 100 000 bytes); beyond that, do not try. */
const OSC52_MAX_BASE64 = 74_994;

export function osc52(text: string, env: Readonly<Record<string, string | undefined>>): string | undefined {
  const b64 = Buffer.from(text, 'utf8').toString('base64');
  if (b64.length > OSC52_MAX_BASE64) return undefined;
  const seq = `\u001b]52;c;${b64}\u0007`;
  // tmux forwards it only inside a DCS passthrough (with allow-passthrough on), ESC doubled.
  if (env.TMUX) return `\u001bPtmux;${seq.replace(/\u001b/g, '\u001b\u001b')}\u001b\\`;
  if (env.STY) return `\u001bP${seq}\u001b\\`;
  return seq;
}

/** System clipboard tools worth trying here, in order (none on a headless box). */
export function systemTools(platform: NodeJS.Platform, env: Readonly<Record<string, string | undefined>>, wsl: boolean): Array<{ command: string; args: string[] }> {
  if (platform === 'darwin') return [{ command: 'pbcopy', args: [] }];
  if (platform === 'win32' || wsl) return [{ command: 'clip.exe', args: [] }];
  const tools: Array<{ command: string; args: string[] }> = [];
  if (env.WAYLAND_DISPLAY) tools.push({ command: 'wl-copy', args: [] });
  if (env.DISPLAY) tools.push({ command: 'xclip', args: ['-selection', 'clipboard'] }, { command: 'xsel', args: ['--clipboard', '--input'] });
  return tools;
}

export async function copyText(text: string, what: string, ctx: ClipboardEnv): Promise<CopyOutcome> {
  let sentOsc = false;
  if (ctx.isTTY && ctx.writeRaw) {
    const seq = osc52(text, ctx.env);
    if (seq) {
      ctx.writeRaw(seq);
      sentOsc = true;
    }
  }
  const wsl = ctx.platform === 'linux' ? await (ctx.isWsl ?? detectWsl)() : false;
  const run = ctx.runTool ?? runTool;
  for (const tool of systemTools(ctx.platform, ctx.env, wsl)) {
    if (await run(tool.command, tool.args, text).catch(() => false)) {
      return { ok: true, text: `Copied ${what} to the clipboard (${tool.command}).` };
    }
  }
  if (sentOsc) {
    const tmux = ctx.env.TMUX ? ' Inside tmux this needs "set -g allow-passthrough on".' : '';
    return { ok: true, text: `Sent ${what} to your terminal's clipboard (OSC 52). If pasting gives nothing, select the text on screen instead.${tmux}` };
  }
  return { ok: false, text: 'No clipboard here: select the text on screen instead (a long fix reads best printed on its own first).' };
}

async function detectWsl(): Promise<boolean> {
  try {
    const { readFile } = await import('node:fs/promises');
    return /microsoft/i.test(await readFile('/proc/version', 'utf8'));
  } catch {
    return false;
  }
}

/** Spawns a tool and feeds it the text; gives up after 2 s (xclip can linger serving the selection). */
async function runTool(command: string, args: string[], text: string): Promise<boolean> {
  const { spawn } = await import('node:child_process');
  return new Promise((resolve) => {
    let settled = false;
    const done = (ok: boolean) => {
      if (!settled) {
        settled = true;
        clearTimeout(timer);
        resolve(ok);
      }
    };
    const child = spawn(command, args, { stdio: ['pipe', 'ignore', 'ignore'], windowsHide: true });
    const timer = setTimeout(() => {
      child.kill();
      done(false);
    }, 2000);
    timer.unref();
    child.on('error', () => done(false));
    child.on('exit', (code) => done(code === 0));
    child.stdin.on('error', () => done(false));
    child.stdin.end(text);
  });
}
