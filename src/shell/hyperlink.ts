/**
 * Clickable links (OSC 8) where the terminal draws them, plain URLs everywhere else.
 *
 * OSC 8 is `ESC ] 8 ; ; URL ESC \ text ESC ] 8 ; ; ESC \`
 * (https://gist.github.com/egmontkob/eb114294efbcd5adb1944c9f3cb5feda). A terminal that does
 * not know it may print the escape bytes as garbage, so links are only sent to terminals known
 * to draw them, and the URL is always part of the visible text as well: a user who copies the
 * line gets the address, whatever their terminal does with the link.
 */

type Env = Readonly<Record<string, string | undefined>>;

/** Major.minor of a version string such as "3.4.0" or "1.72.2", as a number (3.4, 1.72). */
function version(text: string | undefined): number {
  const match = /^(\d+)(?:\.(\d+))?/.exec(text ?? '');
  if (!match) return 0;
  return Number(match[1]) + Number(`0.${(match[2] ?? '0').padStart(2, '0')}`);
}

/**
 * Whether this terminal draws OSC 8 links. Known terminals only: iTerm2 3.1+, WezTerm, VS Code
 * 1.72+, Windows Terminal, kitty, Ghostty, Konsole, foot, GNOME Terminal and other VTE 0.50+
 * terminals. `FORCE_HYPERLINK=1` / `=0` overrides. Never inside tmux or screen, which pass the
 * sequence on only with extra configuration, and never without a terminal or in CI.
 */
export function supportsHyperlinks(env: Env, isTTY: boolean): boolean {
  const forced = env.FORCE_HYPERLINK;
  if (forced !== undefined && forced !== '') return forced !== '0' && forced.toLowerCase() !== 'false';
  if (!isTTY || env.CI || env.TERM === 'dumb') return false;
  if (env.TMUX || env.STY || (env.TERM ?? '').startsWith('screen') || (env.TERM ?? '').startsWith('tmux')) return false;
  const program = env.TERM_PROGRAM;
  if (program === 'iTerm.app') return version(env.TERM_PROGRAM_VERSION) >= 3.01;
  if (program === 'WezTerm' || program === 'ghostty') return true;
  if (program === 'vscode') return version(env.TERM_PROGRAM_VERSION) >= 1.72;
  if (env.WT_SESSION || env.KONSOLE_VERSION || env.KITTY_WINDOW_ID) return true;
  if (env.TERM === 'xterm-kitty' || env.TERM === 'xterm-ghostty' || env.TERM === 'foot' || env.TERM === 'foot-extra') return true;
  if (env.VTE_VERSION) return Number(env.VTE_VERSION) >= 5000;
  return false;
}

/**
 * `text` as a link to `url` when `enabled`, else `text` unchanged. Callers keep the URL in the
 * visible text (e.g. `hyperlink(url, url, on)`), so nothing is lost where links are off.
 */
export function hyperlink(text: string, url: string, enabled: boolean): string {
  if (!enabled) return text;
  // A URL with control characters would end the sequence early: such a URL is shown, not linked.
  if (/[\u0000-\u001f\u007f-\u009f]/.test(url)) return text;
  return `\u001b]8;;${url}\u001b\\${text}\u001b]8;;\u001b\\`;
}

/** Every http(s) URL in a line of text turned into a link to itself (when enabled). */
export function linkUrls(line: string, enabled: boolean): string {
  if (!enabled) return line;
  return line.replace(/https?:\/\/[^\s"'<>`)\]]+/g, (url) => {
    const trimmed = url.replace(/[.,;:!?]+$/, '');
    return hyperlink(trimmed, trimmed, true) + url.slice(trimmed.length);
  });
}
