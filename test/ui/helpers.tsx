import { render } from 'ink-testing-library';
import type { FoundCredentials } from '../../src/core/credentials.js';
import type { StepId, StepResult } from '../../src/core/types.js';
import { initialState } from '../../src/flow/next.js';
import { createRuntime, type Loaders, type WizardSession } from '../../src/flow/runtime.js';
import { createStore } from '../../src/flow/store.js';
import type { Event, WizardState } from '../../src/flow/types.js';
import type { SessionOptions } from '../../src/steps/session.js';
import { loadTextMeasure } from '../../src/shell/layout.js';
import { App, type TerminalSize } from '../../src/ui/App.js';
import { stripAnsi } from '../support/ansi.js';
import { CTX, FOUND, stepResult } from '../support/fixtures.js';

export { catalog, CTX, FOUND, stepResult } from '../support/fixtures.js';

export const KEYS = {
  enter: '\r',
  escape: '\u001b',
  up: '\u001b[A',
  down: '\u001b[B',
  left: '\u001b[D',
  right: '\u001b[C',
  ctrlC: '\u0003',
  backspace: '\u007f',
} as const;

/** A session whose steps answer from a script (default: pass), and which can hold a step open. */
export function scriptedSession(script: Partial<Record<StepId, StepResult>> = {}, hold?: Promise<void>): WizardSession {
  return {
    runStep: async (id) => {
      if (hold) await hold;
      return script[id] ?? stepResult(id, 'pass');
    },
    setTypedCredentials: () => undefined,
    setSymbol: () => undefined,
    credentials: () => FOUND,
    report: () => ({ ok: true, baseUrl: 'https://api.mexc.com', steps: Object.values(script).filter((r): r is StepResult => Boolean(r)) }),
    fixContext: () => CTX,
    close: () => undefined,
  };
}

export function sessionOptions(found: FoundCredentials = FOUND): SessionOptions {
  return { baseUrl: 'https://api.mexc.com', timeoutMs: 1000, recvWindowMs: 5000, verbose: false, env: {}, loadCredentials: () => found, now: () => 0, platform: 'linux' };
}

export interface Harness {
  lastFrame: () => string;
  frames: string[];
  press: (...keys: string[]) => Promise<void>;
  type: (text: string) => Promise<void>;
  waitFor: (text: string | RegExp | ((frame: string) => boolean), timeoutMs?: number) => Promise<string>;
  dispatch: (event: Event) => void;
  state: () => WizardState;
  exits: number[];
  copies: string[];
}

/** ANSI removed, no-break spaces (used in the hint line) read as spaces. */
const strip = (s: string) => stripAnsi(s).replace(/\u00a0/g, ' ');

/** Polls until the frame matches (no fixed sleeps); fails with the last frame shown. */
async function poll(get: () => string, want: string | RegExp | ((f: string) => boolean), timeoutMs: number): Promise<string> {
  const test = typeof want === 'function' ? want : (f: string) => (typeof want === 'string' ? f.includes(want) : want.test(f));
  const started = Date.now();
  for (;;) {
    const frame = get();
    if (test(frame)) return frame;
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${String(want)}. Last frame:\n${frame}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

export async function renderWizard(
  opts: {
    state?: WizardState;
    init?: Partial<Parameters<typeof initialState>[0]>;
    session?: WizardSession;
    found?: FoundCredentials;
    loaders?: Partial<Loaders>;
    size?: TerminalSize;
  } = {},
): Promise<Harness> {
  // As the launcher does before the front end shows: exact text widths.
  await loadTextMeasure();
  const exits: number[] = [];
  const copies: string[] = [];
  const initial = opts.state ?? initialState({ version: '0.0.0-test', today: '2026-03-10', ...opts.init });
  let runtime: ReturnType<typeof createRuntime> | undefined;
  const store = createStore(initial, (e) => runtime?.run(e));
  runtime = createRuntime({
    session: sessionOptions(opts.found),
    version: '0.0.0-test',
    cwd: '/nonexistent-test-dir',
    today: '2026-03-10',
    copy: async (text, what) => {
      copies.push(text);
      return { ok: true, text: `Copied ${what} (test clipboard)` };
    },
    dispatch: (e) => store.dispatch(e),
    onExit: (code) => exits.push(code),
    loaders: { createSession: async () => opts.session ?? scriptedSession(), ...opts.loaders },
  });
  const r = render(<App store={store} {...(opts.size ? { size: opts.size } : {})} />);
  const lastFrame = () => strip(r.lastFrame() ?? '');
  // Keys are read once Ink listens on stdin (the root useInput turned raw mode on).
  await poll(() => String(r.stdin.listenerCount('readable')), (n) => Number(n) > 0, 2000);
  const press = async (...keys: string[]) => {
    for (const k of keys) {
      r.stdin.write(k);
      // The store updates synchronously; a macrotask lets React commit before the next key.
      await new Promise((res) => setImmediate(res));
    }
  };
  return {
    lastFrame,
    frames: r.frames,
    press,
    type: async (text) => press(text),
    waitFor: (want, timeoutMs = 10_000) => poll(lastFrame, want, timeoutMs),
    dispatch: (e) => store.dispatch(e),
    state: () => store.getState(),
    exits,
    copies,
  };
}
