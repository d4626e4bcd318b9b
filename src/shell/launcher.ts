import { quitCode } from '../flow/content.js';
import { localIsoDate } from '../flow/expiry.js';
import type { DemoSimulator, Loaders } from '../flow/runtime.js';
import { welcome } from '../flow/screens/welcome.js';
import { initialState } from '../flow/state.js';
import type { CopyOutcome, Screen } from '../flow/types.js';
import type { Wizard } from '../flow/wizard.js';
import { VERSION } from '../version.js';
import { copyText } from './clipboard.js';
import { supportsHyperlinks } from './hyperlink.js';
import { abandonFirstFrame, drawFirstFrame, firstFrameText, type DrawnFrame } from './first-frame.js';
import { EXIT, type CommandIO } from './io.js';
import type { SessionOptions } from '../steps/session.js';
import { sessionOptions, type CommonFlags } from './options.js';

/**
 * One launcher for both front ends: it checks the flags, builds the wizard (state, store,
 * runtime with the demo simulator it is given), wires Ctrl-C and the exit code, and hands the
 * running wizard to a front end (Ink or plain) that only shows it and sends the user's events.
 */

export interface WizardFlags extends CommonFlags {
  demo?: boolean;
  /** A scenario name checked by the caller (shell/scenario.ts); with `demo` only. */
  scenario?: string;
}

/** What a front end gets: the wizard, the terminal, and what was already drawn before it loaded. */
export interface ShowContext {
  wizard: Wizard;
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  /** Resolves when the wizard asked to exit (its exit code is recorded by then). */
  exited: Promise<void>;
  /** The welcome frame drawn before the front end loaded, for it to replace. */
  firstFrame?: DrawnFrame;
  /** Writes to the terminal outside the front end's frame (the OSC 52 clipboard sequence). */
  writeRaw: (data: string) => void;
  /** The terminal draws OSC 8 links (shell/hyperlink.ts): URLs may be made clickable. */
  hyperlinks: boolean;
}

/** A front end: shows the wizard until it exits; resolves once its last frame is written. */
export interface FrontEnd {
  show(ctx: ShowContext): Promise<void>;
}

export interface LaunchOptions {
  /** The simulator `--demo` runs against (the flow never loads it itself), or how to load it after the first frame. */
  demo?: DemoSimulator | (() => Promise<DemoSimulator>);
  /** Draw the welcome screen at once, before the front end has loaded (the Ink wizard). */
  firstFrame?: boolean;
  stdin?: NodeJS.ReadStream;
  stdout?: NodeJS.WriteStream;
  /** Tests replace the clipboard and the runtime's loaders. */
  copy?: (text: string, what: string, signal?: AbortSignal) => Promise<CopyOutcome>;
  loaders?: Partial<Loaders>;
}

/**
 * Runs the wizard to its end and returns the exit code: 0 nothing wrong, 1 a problem was
 * diagnosed, 130 interrupted. A bad flag throws UsageError before anything is drawn.
 */
export async function launchWizard(flags: WizardFlags, io: CommandIO, loadFrontEnd: () => Promise<FrontEnd>, opts: LaunchOptions = {}): Promise<number> {
  const { demo: demoFlag, scenario, ...common } = flags;
  const demo = Boolean(demoFlag);
  const session = withFuturesWindow(sessionOptions(common, io), common);
  const stdin = opts.stdin ?? (process.stdin as NodeJS.ReadStream);
  const stdout = opts.stdout ?? (process.stdout as NodeJS.WriteStream);
  const writeRaw = (data: string) => void stdout.write(data);
  const today = localIsoDate(io.now());

  let exitCode: number | undefined;
  let markExited: () => void = () => undefined;
  const exited = new Promise<void>((resolve) => (markExited = resolve));
  let fatal: unknown;
  const initial = initialState({
    version: VERSION,
    today,
    demo,
    ...(demo && scenario ? { scenario } : {}),
    baseUrl: session.baseUrl,
    bannerShown: Boolean(opts.firstFrame),
    ...(session.symbol ? { symbol: session.symbol } : {}),
  });
  // The welcome screen first, from its own module: the other screens, the runtime and the
  // catalog they pull in load after it is on the terminal.
  const firstFrame = opts.firstFrame
    ? drawFirstFrame(stdin, stdout, firstFrameText(welcome.view(initial, initial.screen as Extract<Screen, { kind: 'welcome' }>), { version: VERSION, demo, columns: stdout.columns || 80, color: io.color }))
    : undefined;
  // Then the rest of the flow and the front end (for the wizard: Ink, React and Yoga), together.
  let loaded: [typeof import('../flow/wizard.js'), FrontEnd, DemoSimulator | undefined];
  try {
    loaded = await Promise.all([import('../flow/wizard.js'), loadFrontEnd(), typeof opts.demo === 'function' ? opts.demo() : opts.demo]);
  } catch (error) {
    if (firstFrame) abandonFirstFrame(stdin, stdout);
    throw error;
  }
  const [{ createWizard }, frontEnd, demoSimulator] = loaded;
  const wizard = createWizard(
    { ...initial, scenarios: demoSimulator?.scenarios ?? [] },
    {
      session,
      version: VERSION,
      cwd: io.cwd,
      today,
      now: io.now,
      signal: io.signal,
      host: { node: io.runtime?.node ?? 'unknown', platform: io.platform, arch: io.runtime?.arch ?? 'unknown' },
      ...(demoSimulator ? { demo: demoSimulator } : {}),
      copy: opts.copy ?? ((text, what, signal) => copyText(text, what, { env: io.env, platform: io.platform, isTTY: io.isTTY, writeRaw, ...(signal ? { signal } : {}) })),
      onExit: (code) => {
        exitCode = code;
        markExited();
      },
      onFatal: (error) => {
        fatal = error;
        markExited();
      },
      ...(opts.loaders ? { loaders: opts.loaders } : {}),
      ...(io.redactor ? { redactor: io.redactor } : {}),
    },
  );

  // SIGINT from outside (kill -INT, or Ctrl-C while raw mode is off) ends the wizard the same way.
  const interrupt = () => wizard.store.dispatch({ type: 'interrupt' });
  io.signal.addEventListener('abort', interrupt, { once: true });
  if (io.signal.aborted) interrupt();
  try {
    const hyperlinks = supportsHyperlinks(io.env, io.isTTY);
    await frontEnd.show({ wizard, stdin, stdout, exited, writeRaw, hyperlinks, ...(firstFrame ? { firstFrame } : {}) });
  } finally {
    io.signal.removeEventListener('abort', interrupt);
    await wizard.runtime.shutdown();
  }
  if (fatal !== undefined) throw fatal;
  if (exitCode !== undefined) return exitCode;
  return io.signal.aborted ? EXIT.interrupted : quitCode(wizard.store.getState());
}

/**
 * `--recv-window` in the futures path: the futures window is the Recv-Window header, which
 * counts whole seconds (docs/mexc-api.md §6), so it is sent rounded down to whole seconds. Without
 * the flag no header is sent and MEXC allows its default 10 s. The spot steps ignore it.
 */
function withFuturesWindow(options: SessionOptions, flags: CommonFlags): SessionOptions {
  if (flags.recvWindow === undefined) return options;
  return { ...options, futuresRecvWindowSec: Math.max(1, Math.floor(options.recvWindowMs / 1000)) };
}
