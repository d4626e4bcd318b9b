import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * A real terminal for end-to-end tests (ink-notes.md §8.3): tmux on a private socket, so a
 * user's own tmux is never touched. `capture-pane` returns the rendered screen, i.e. what the
 * user sees; text and Enter are sent as separate calls (a pasted "text\r" is one chunk to Ink).
 */

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = `${ROOT}bin/mexc-wizard.js`;

export const hasTmux = spawnSync('tmux', ['-V'], { encoding: 'utf8' }).status === 0;
export const isBuilt = existsSync(`${ROOT}dist/cli.js`);

/** Why the e2e suite is skipped, or undefined when it can run. */
export const skipReason = !hasTmux
  ? 'tmux is not installed: the terminal end-to-end tests are skipped (apt-get install tmux / brew install tmux).'
  : !isBuilt
    ? 'dist/ is not built: run "npm run build" (npm test does) before the end-to-end tests.'
    : undefined;

let counter = 0;

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export interface StartOptions {
  args: string[];
  cwd: string;
  columns: number;
  rows: number;
  /** Extra environment for the wizard; CI and MEXC_* from the test runner are always removed. */
  env?: Record<string, string>;
}

export class Terminal {
  readonly socket: string;
  private captures: string[] = [];

  private constructor(socket: string) {
    this.socket = socket;
  }

  static start(opts: StartOptions): Terminal {
    const socket = `mw-e2e-${process.pid}-${++counter}`;
    const t = new Terminal(socket);
    const unset = ['CI', 'CONTINUOUS_INTEGRATION', 'MEXC_API_KEY', 'MEXC_SECRET_KEY', 'MEXC_API_SECRET', 'MEXC_SECRET', 'MEXC_BASE_URL', 'NO_COLOR', 'FORCE_COLOR']
      .map((v) => `-u ${v}`)
      .join(' ');
    const extra = Object.entries(opts.env ?? {})
      .map(([k, v]) => `${k}=${shellQuote(v)}`)
      .join(' ');
    // The pane stays open after exit so the last frame and the exit code can be read.
    const command = `cd ${shellQuote(opts.cwd)} && env ${unset} ${extra} node ${shellQuote(BIN)} ${opts.args.map(shellQuote).join(' ')}; echo "EXIT=$?"; sleep 600`;
    t.tmux('new-session', '-d', '-s', 'w', '-x', String(opts.columns), '-y', String(opts.rows), command);
    return t;
  }

  private tmux(...args: string[]): string {
    const r = spawnSync('tmux', ['-L', this.socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`tmux ${args[0]} failed: ${r.stderr}`);
    return r.stdout;
  }

  /** The visible screen, trailing blank lines dropped. */
  screen(): string {
    const text = this.tmux('capture-pane', '-p', '-t', 'w').replace(/\s+$/, '');
    this.captures.push(text);
    return text;
  }

  /** Everything the terminal holds, scrollback included. */
  history(): string {
    const text = this.tmux('capture-pane', '-p', '-S', '-', '-t', 'w');
    this.captures.push(text);
    return text;
  }

  /** Every capture taken so far (for "never drawn" assertions). */
  allCaptures(): string {
    return this.captures.join('\n');
  }

  async waitFor(want: string | RegExp, timeoutMs = 15_000): Promise<string> {
    const started = Date.now();
    for (;;) {
      const screen = this.screen();
      if (typeof want === 'string' ? screen.includes(want) : want.test(screen)) return screen;
      if (Date.now() - started > timeoutMs) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${String(want)}. Screen:\n${screen}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Resolves with the wizard's exit code once the shell printed it. */
  async exitCode(timeoutMs = 15_000): Promise<number> {
    const screen = await this.waitFor(/EXIT=\d+/, timeoutMs);
    return Number(/EXIT=(\d+)/.exec(screen)?.[1]);
  }

  /** Literal text (never interpreted as key names). */
  type(text: string): void {
    this.tmux('send-keys', '-t', 'w', '-l', text);
  }

  /** Key names: Enter, Escape, C-c, Up, Down, or a single character. */
  press(...keys: string[]): void {
    for (const key of keys) this.tmux('send-keys', '-t', 'w', key);
  }

  kill(): void {
    spawnSync('tmux', ['-L', this.socket, 'kill-server'], { encoding: 'utf8' });
  }
}
