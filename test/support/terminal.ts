import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, BUILT, ensureBuilt } from './cli.js';

/**
 * The one real terminal for end-to-end tests: the BUILT CLI in a tmux pane on a private socket
 * (a user's own tmux is never touched), driven like a user: wait for text on the screen, type,
 * press keys, read what the screen shows (`capture-pane`), and, when asked, every byte the
 * program wrote (`pipe-pane`, so text drawn and then erased, or sent inside an escape sequence,
 * is still seen). Text and Enter are sent apart: "abc\r" in one chunk is a paste to the wizard.
 *
 * The program starts from an empty environment plus PATH, HOME and the locale, with TERM and
 * TMUX as the pane sets them: nothing from the test runner changes what it does (CI, NO_COLOR,
 * FORCE_COLOR, INK_SCREEN_READER, ACCESSIBLE, DEV, proxies, MEXC_*, NODE_OPTIONS…). Each test
 * passes what it wants in `env`. Waits poll the screen with generous limits and end as soon as
 * the text shows: the machine may be slow and busy.
 */

export const hasTmux = spawnSync('tmux', ['-V'], { encoding: 'utf8' }).status === 0;

/** Why the terminal tests cannot run here, or undefined when they can. */
export const skipReason = hasTmux ? undefined : 'tmux is not installed: the terminal end-to-end tests are skipped (apt-get install tmux, or brew install tmux).';

/** Kept from the test runner's environment: what a user's shell always has. */
const KEPT = ['PATH', 'HOME', 'LANG', 'LC_ALL', 'TMPDIR'];

export const DEFAULT_WAIT_MS = 20_000;

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

let counter = 0;

export interface TerminalOptions {
  args: string[];
  /** The program's working folder; a fresh temp folder (removed on kill) when absent. */
  cwd?: string;
  env?: Record<string, string>;
  columns?: number;
  rows?: number;
  /** Shell run after the program exits (EXIT=<code> is always printed first). */
  after?: string;
  /** Record every byte the program writes in a file in this folder (not in `cwd`). */
  recordIn?: string;
}

/** Where `waitFor` looks: the visible screen, everything including the scrollback, or that text with folded lines joined and spaces collapsed. */
export type Where = 'screen' | 'history' | 'text';

export class Terminal {
  readonly socket = `mw-term-${process.pid}-${++counter}`;
  readonly cwd: string;
  private readonly ownCwd: boolean;
  private readonly rawLog: string | undefined;
  private readonly captures: string[] = [];

  constructor(readonly opts: TerminalOptions) {
    if (!existsSync(BUILT)) throw new Error(`${BUILT} is missing: run "npm run build" before the end-to-end tests (npm test does).`);
    this.ownCwd = opts.cwd === undefined;
    this.cwd = opts.cwd ?? mkdtempSync(join(tmpdir(), 'mw-term-'));
    this.rawLog = opts.recordIn ? join(opts.recordIn, `${this.socket}.raw`) : undefined;
    const gate = opts.recordIn ? join(opts.recordIn, `${this.socket}.go`) : undefined;
    const kept = KEPT.filter((name) => process.env[name] !== undefined).map((name) => `${name}=${quote(process.env[name]!)}`);
    const env = Object.entries(opts.env ?? {}).map(([k, v]) => `${k}=${quote(v)}`);
    const command = [
      // With a recording, the program waits until pipe-pane runs, so its first byte is in the log.
      gate ? `while [ ! -e ${quote(gate)} ]; do sleep 0.02; done;` : '',
      `cd ${quote(this.cwd)};`,
      `env -i ${kept.join(' ')} TERM="$TERM" TMUX="$TMUX" ${env.join(' ')} ${quote(process.execPath)} ${quote(BIN)} ${opts.args.map(quote).join(' ')};`,
      'echo EXIT=$?;',
      opts.after ? `${opts.after};` : '',
      'sleep 600',
    ].join(' ');
    this.tmux('new-session', '-d', '-s', 'w', '-x', String(opts.columns ?? 100), '-y', String(opts.rows ?? 40), command);
    if (this.rawLog && gate) {
      this.tmux('pipe-pane', '-o', '-t', 'w', `cat >> ${quote(this.rawLog)}`);
      writeFileSync(gate, '');
    }
  }

  private tmux(...args: string[]): string {
    const r = spawnSync('tmux', ['-L', this.socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`tmux ${args[0]} failed: ${r.stderr}`);
    return r.stdout;
  }

  /** What the pane holds: `history` adds the scrollback, `joined` undoes the terminal's own folding, `ansi` keeps SGR codes. */
  capture(opts: { history?: boolean; joined?: boolean; ansi?: boolean } = {}): string {
    const args = ['capture-pane', '-p', '-t', 'w'];
    if (opts.history) args.push('-S', '-');
    if (opts.joined) args.push('-J');
    if (opts.ansi) args.push('-e');
    const text = this.tmux(...args);
    this.captures.push(text);
    return text;
  }

  /** The visible screen, trailing blank lines dropped. */
  screen(): string {
    return this.capture().replace(/\s+$/, '');
  }

  /** Everything the terminal holds, scrollback included. */
  history(): string {
    return this.capture({ history: true });
  }

  /** Everything printed so far, folded lines joined and runs of spaces collapsed. */
  text(): string {
    return this.capture({ history: true, joined: true }).replace(/[ \t]+/g, ' ');
  }

  /** Every capture taken so far (for "never drawn" assertions). */
  allCaptures(): string {
    return this.captures.join('\n');
  }

  /** Every byte the program wrote to the terminal (only with `recordIn`). */
  raw(): string {
    if (!this.rawLog) throw new Error('raw() needs the terminal started with recordIn');
    return existsSync(this.rawLog) ? readFileSync(this.rawLog, 'latin1') : '';
  }

  private look(where: Where): string {
    return where === 'screen' ? this.screen() : where === 'history' ? this.history() : this.text();
  }

  /** Polls until `want` shows; resolves with what was looked at. */
  async waitFor(want: string | RegExp, opts: { timeoutMs?: number; in?: Where } = {}): Promise<string> {
    const timeoutMs = opts.timeoutMs ?? DEFAULT_WAIT_MS;
    const where = opts.in ?? 'screen';
    const started = Date.now();
    for (;;) {
      const seen = this.look(where);
      if (typeof want === 'string' ? seen.includes(want) : want.test(seen)) return seen;
      if (Date.now() - started > timeoutMs) {
        throw new Error(`Timed out after ${timeoutMs} ms waiting for ${String(want)} (${where}). The terminal holds:\n${this.history().replace(/\n{3,}/g, '\n\n')}`);
      }
      await sleep(60);
    }
  }

  /** Waits until `want` appears `count` times in the text (the same question asked again). */
  waitForCount(want: string, count: number, timeoutMs = DEFAULT_WAIT_MS): Promise<string> {
    return this.waitFor(new RegExp(`(?:${escapeRegExp(want)}[\\s\\S]*){${count}}`), { timeoutMs, in: 'text' });
  }

  /** Resolves with the program's exit code once the shell printed it. */
  async exitCode(timeoutMs = DEFAULT_WAIT_MS): Promise<number> {
    const seen = await this.waitFor(/EXIT=\d+/, { timeoutMs, in: 'history' });
    return Number(/EXIT=(\d+)/.exec(seen)?.[1]);
  }

  /** tmux's newest paste buffer (what `prefix ]` pastes), or undefined when there is none. */
  pasteBuffer(): string | undefined {
    const r = spawnSync('tmux', ['-L', this.socket, 'show-buffer'], { encoding: 'utf8' });
    return r.status === 0 ? r.stdout : undefined;
  }

  /** A server option (`set -s set-clipboard on`). */
  setServerOption(name: string, value: string): void {
    this.tmux('set', '-s', name, value);
  }

  /** Literal text (never read as key names). */
  type(text: string): void {
    this.tmux('send-keys', '-t', 'w', '-l', text);
  }

  /** Text, then Enter once the text is on the screen (sent together they would be one paste). */
  async typeLine(text: string, shown: string | RegExp = text.slice(-12)): Promise<void> {
    this.type(text);
    await this.waitFor(shown, { in: 'text' }).catch(() => undefined);
    this.press('Enter');
  }

  /** Key names: Enter, Escape, C-c, Up, Down, or a single character. */
  press(...keys: string[]): void {
    for (const key of keys) this.tmux('send-keys', '-t', 'w', key);
  }

  /** The number printed before `label` in the last menu on screen. */
  menuNumber(label: string): string {
    const matches = [...this.text().matchAll(new RegExp(`(\\d+)\\. ${escapeRegExp(label)}`, 'g'))];
    const n = matches.at(-1)?.[1];
    if (!n) throw new Error(`no menu line "${label}" on screen:\n${this.capture()}`);
    return n;
  }

  /**
   * Picks a menu line by its label, as a user would: its number (which moves the pointer to
   * it, in the wizard and in enquirer's menus alike), then Enter once the pointer is there.
   */
  async choose(label: string): Promise<void> {
    const n = this.menuNumber(label);
    this.type(n);
    await this.waitFor(new RegExp(`[❯▸]\\s*${n}\\. ${escapeRegExp(label)}`), { in: 'text' });
    this.press('Enter');
  }

  kill(): void {
    spawnSync('tmux', ['-L', this.socket, 'kill-server'], { encoding: 'utf8' });
    // tmux can leave the socket file of a killed server behind.
    const uid = typeof process.getuid === 'function' ? process.getuid() : 0;
    rmSync(join(process.env.TMUX_TMPDIR ?? '/tmp', `tmux-${uid}`, this.socket), { force: true });
    if (this.ownCwd) rmSync(this.cwd, { recursive: true, force: true });
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Terminals for one describe block: the bundle is built once before the first test (when a
 * bare `vitest run` finds none), and every terminal opened is killed after each test.
 */
export function terminals(hooks: { beforeAll: (fn: () => Promise<void>) => void; afterEach: (fn: () => void) => void }) {
  const open: Terminal[] = [];
  hooks.beforeAll(() => ensureBuilt());
  hooks.afterEach(() => {
    for (const t of open.splice(0)) t.kill();
  });
  return (opts: TerminalOptions): Terminal => {
    const t = new Terminal(opts);
    open.push(t);
    return t;
  };
}
