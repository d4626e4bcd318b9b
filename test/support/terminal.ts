import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * A real terminal for end-to-end tests (ink-notes.md §8.3): the BUILT CLI in a tmux pane on a
 * private socket, driven like a user — wait for text, type, press keys — and read back as the
 * screen shows it. Text and Enter are always sent apart (a chunk "abc\r" is a paste).
 */

export const REPO = resolve(import.meta.dirname, '../..');
export const BIN = join(REPO, 'bin/mexc-wizard.js');
export const BUILT = join(REPO, 'dist/cli.js');

export function tmuxAvailable(): boolean {
  return spawnSync('tmux', ['-V'], { encoding: 'utf8' }).status === 0;
}

export const NO_TMUX_MESSAGE = 'tmux is not installed: skipping the terminal end-to-end tests (apt-get install tmux, or brew install tmux).';

export function assertBuilt(): void {
  if (!existsSync(BUILT)) throw new Error(`${BUILT} is missing: run "npm run build" before the end-to-end tests (npm test does).`);
}

/** Variables that would change what the CLI does; every session starts without them. */
const CLEARED = ['CI', 'CONTINUOUS_INTEGRATION', 'NO_COLOR', 'FORCE_COLOR', 'INK_SCREEN_READER', 'ACCESSIBLE', 'MEXC_API_KEY', 'MEXC_SECRET_KEY', 'MEXC_API_SECRET', 'MEXC_SECRET', 'MEXC_BASE_URL', 'HTTPS_PROXY', 'HTTP_PROXY', 'https_proxy', 'http_proxy', 'DEV'];

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

// eslint-disable-next-line no-control-regex
const SGR_ALL = /\u001b\[([0-9;:]*)m/g;

/** SGR sequences that set a colour (30–37, 38, 40–47, 48, 90–97, 100–107); bold and dim are not colour. */
export function colourCodes(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(SGR_ALL)) {
    const params = (m[1] ?? '').split(/[;:]/).map(Number);
    if (params.some((p) => (p >= 30 && p <= 38) || (p >= 40 && p <= 48) || (p >= 90 && p <= 97) || (p >= 100 && p <= 107))) found.push(m[0]);
  }
  return found;
}

let counter = 0;

export interface SessionOptions {
  args: string[];
  env?: Record<string, string>;
  columns?: number;
  rows?: number;
  /** Shell run after the CLI exits (EXIT=<code> is always printed first). */
  after?: string;
}

export class TmuxSession {
  readonly socket = `mw-e2e-${process.pid}-${++counter}`;
  readonly cwd = mkdtempSync(join(tmpdir(), 'mw-e2e-'));

  constructor(readonly opts: SessionOptions) {
    const env = Object.entries(opts.env ?? {}).map(([k, v]) => `${k}=${quote(v)}`);
    const command = [
      `cd ${quote(this.cwd)};`,
      `env ${CLEARED.map((v) => `-u ${v}`).join(' ')} ${env.join(' ')} node ${quote(BIN)} ${opts.args.map(quote).join(' ')};`,
      `echo EXIT=$?;`,
      opts.after ? `${opts.after};` : '',
      'sleep 60',
    ].join(' ');
    const res = this.tmux('new-session', '-d', '-s', 'w', '-x', String(opts.columns ?? 100), '-y', String(opts.rows ?? 40), command);
    if (res.status !== 0) throw new Error(`tmux new-session failed: ${res.stderr}`);
  }

  private tmux(...args: string[]) {
    return spawnSync('tmux', ['-L', this.socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
  }

  /**
   * The screen as the user sees it. `history` adds everything scrolled off; `joined` undoes the
   * terminal's own line folding (so a wrapped sentence reads whole); `ansi` keeps SGR codes.
   */
  capture(opts: { history?: boolean; joined?: boolean; ansi?: boolean } = {}): string {
    const args = ['capture-pane', '-p', '-t', 'w'];
    if (opts.history) args.push('-S', '-');
    if (opts.joined) args.push('-J');
    if (opts.ansi) args.push('-e');
    return this.tmux(...args).stdout;
  }

  /** Everything printed so far, folded lines joined and runs of spaces collapsed. */
  text(): string {
    return this.capture({ history: true, joined: true }).replace(/[ \t]+/g, ' ');
  }

  async waitFor(expected: string | RegExp, timeoutMs = 15_000): Promise<string> {
    const start = Date.now();
    for (;;) {
      const text = this.text();
      if (typeof expected === 'string' ? text.includes(expected) : expected.test(text)) return text;
      if (Date.now() - start > timeoutMs) {
        throw new Error(`timed out after ${timeoutMs} ms waiting for ${String(expected)}; the screen was:\n${this.capture({ history: true })}`);
      }
      await sleep(100);
    }
  }

  /** Waits until `expected` appears `count` times (the same question asked again). */
  async waitForCount(expected: string, count: number, timeoutMs = 15_000): Promise<string> {
    return this.waitFor(new RegExp(`(?:${escapeRegExp(expected)}[\\s\\S]*){${count}}`), timeoutMs);
  }

  /** Literal text, never interpreted as key names. */
  type(text: string): void {
    this.tmux('send-keys', '-t', 'w', '-l', text);
  }

  press(key: 'Enter' | 'Escape' | 'C-c' | 'Down' | 'Up'): void {
    this.tmux('send-keys', '-t', 'w', key);
  }

  /** The number printed before `label` in the last menu on screen. */
  menuNumber(label: string): string {
    const matches = [...this.text().matchAll(new RegExp(`(\\d+)\\. ${escapeRegExp(label)}`, 'g'))];
    const n = matches.at(-1)?.[1];
    if (!n) throw new Error(`no menu line "${label}" on screen:\n${this.capture()}`);
    return n;
  }

  /** Picks a menu line by its label: its number, then Enter, as a user would. */
  async choose(label: string): Promise<void> {
    this.type(this.menuNumber(label));
    await sleep(150);
    this.press('Enter');
  }

  async exitCode(timeoutMs = 15_000): Promise<number> {
    const text = await this.waitFor(/EXIT=\d+/, timeoutMs);
    return Number(/EXIT=(\d+)/.exec(text)?.[1]);
  }

  kill(): void {
    this.tmux('kill-server');
    rmSync(this.cwd, { recursive: true, force: true });
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Opens tmux sessions for one describe block: every session opened is killed after each test,
 * and the built bundle is checked once before the first.
 */
export function tmuxSessions(hooks: { beforeAll: (fn: () => void) => void; afterEach: (fn: () => void) => void }) {
  const sessions: TmuxSession[] = [];
  hooks.beforeAll(() => assertBuilt());
  hooks.afterEach(() => {
    for (const s of sessions.splice(0)) s.kill();
  });
  return (opts: ConstructorParameters<typeof TmuxSession>[0]): TmuxSession => {
    const s = new TmuxSession(opts);
    sessions.push(s);
    return s;
  };
}
