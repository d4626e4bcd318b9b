/**
 * A real terminal for the leak test: tmux on a private socket (ink-notes.md §8.3), with every
 * byte the program writes to its pty recorded through `pipe-pane`, so a secret that is drawn
 * and then overwritten, or sent inside an escape sequence (OSC 52 clipboard), is still seen.
 * The program waits behind a gate file until the recording has started.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BIN } from '../support/cli.js';

export const HAS_TMUX = spawnSync('tmux', ['-V'], { encoding: 'utf8' }).status === 0;

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
let counter = 0;

export interface TtyOptions {
  args: string[];
  cwd: string;
  /** Where the raw byte log and the gate file go (not the program's cwd, which is scanned). */
  logDir: string;
  env?: Record<string, string>;
  columns?: number;
  rows?: number;
}

export class Tty {
  readonly socket = `mw-leak-${process.pid}-${++counter}`;
  readonly rawLog: string;
  private captures: string[] = [];

  constructor(opts: TtyOptions) {
    this.rawLog = path.join(opts.logDir, `${this.socket}.raw`);
    const gate = path.join(opts.logDir, `${this.socket}.go`);
    const unset = ['CI', 'CONTINUOUS_INTEGRATION', 'MEXC_API_KEY', 'MEXC_SECRET_KEY', 'MEXC_API_SECRET', 'MEXC_SECRET', 'MEXC_BASE_URL', 'NO_COLOR', 'FORCE_COLOR', 'NODE_OPTIONS']
      .map((v) => `-u ${v}`)
      .join(' ');
    const extra = Object.entries(opts.env ?? {})
      .map(([k, v]) => `${k}=${quote(v)}`)
      .join(' ');
    const command =
      `while [ ! -e ${quote(gate)} ]; do sleep 0.02; done; cd ${quote(opts.cwd)} && ` +
      `env ${unset} ${extra} ${quote(process.execPath)} ${quote(BIN)} ${opts.args.map(quote).join(' ')}; echo "EXIT=$?"; sleep 600`;
    this.tmux('new-session', '-d', '-s', 'w', '-x', String(opts.columns ?? 100), '-y', String(opts.rows ?? 40), command);
    this.tmux('pipe-pane', '-o', '-t', 'w', `cat >> ${quote(this.rawLog)}`);
    writeFileSync(gate, '');
  }

  private tmux(...args: string[]): string {
    const r = spawnSync('tmux', ['-L', this.socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`tmux ${args[0]} failed: ${r.stderr}`);
    return r.stdout;
  }

  /** The screen with its scrollback. */
  screen(): string {
    const text = this.tmux('capture-pane', '-p', '-S', '-', '-t', 'w');
    this.captures.push(text);
    return text;
  }

  /** Only what is on screen now. */
  visible(): string {
    const text = this.tmux('capture-pane', '-p', '-t', 'w');
    this.captures.push(text);
    return text;
  }

  /** Every capture taken so far. */
  allCaptures(): string {
    return this.captures.join('\n');
  }

  /** Every byte the program wrote to the terminal. */
  raw(): string {
    return existsSync(this.rawLog) ? readFileSync(this.rawLog, 'latin1') : '';
  }

  /** Polls the screen (with scrollback, or only the visible part) until `want` shows. */
  async waitFor(want: string | RegExp, timeoutMs = 15_000, where: 'scrollback' | 'visible' = 'scrollback'): Promise<string> {
    const started = Date.now();
    for (;;) {
      const screen = where === 'visible' ? this.visible() : this.screen();
      if (typeof want === 'string' ? screen.includes(want) : want.test(screen)) return screen;
      if (Date.now() - started > timeoutMs) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${String(want)}. Screen:\n${screen.replace(/\n{3,}/g, '\n\n')}`);
      await new Promise((r) => setTimeout(r, 60));
    }
  }

  async exitCode(timeoutMs = 15_000): Promise<number> {
    const screen = await this.waitFor(/EXIT=\d+/, timeoutMs);
    return Number(/EXIT=(\d+)/.exec(screen)?.[1]);
  }

  /** Literal text, then (separately) Enter when asked. */
  type(text: string, enter = false): void {
    this.tmux('send-keys', '-t', 'w', '-l', text);
    if (enter) this.press('Enter');
  }

  press(...keys: string[]): void {
    for (const key of keys) this.tmux('send-keys', '-t', 'w', key);
  }

  kill(): void {
    spawnSync('tmux', ['-L', this.socket, 'kill-server'], { encoding: 'utf8' });
    // tmux can leave the socket file of a killed server behind.
    const uid = typeof process.getuid === 'function' ? process.getuid() : 0;
    rmSync(path.join(process.env.TMUX_TMPDIR ?? '/tmp', `tmux-${uid}`, this.socket), { force: true });
  }
}
