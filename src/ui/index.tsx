import { render } from 'ink';
import { EXIT, type CommandIO } from '../commands/io.js';
import { quitCode } from '../flow/content.js';
import { localIsoDate } from '../flow/expiry.js';
import type { Loaders } from '../flow/runtime.js';
import { createWizard } from '../flow/wizard.js';
import { SCENARIOS } from '../sim/scenarios.js';
import type { CommonFlags } from '../commands/options.js';
import type { SessionOptions } from '../steps/session.js';
import { App } from './App.js';
import { copyText } from './clipboard.js';

export interface WizardOptions extends CommonFlags {
  /**
   * What `createSession` takes (cli.ts builds it with `sessionOptions(flags, io)`, so a bad
   * flag is a usage error before Ink starts). The wizard creates the Session itself, lazily on
   * the first step, adding its own AbortSignal (Ctrl-C) and, in demo mode, the simulator's URL
   * and throwaway credentials. When absent, it is built here from the CommonFlags fields
   * (`sessionOptions(opts, io)`; a bad flag then throws UsageError before anything is drawn).
   */
  session?: SessionOptions;
  demo?: boolean;
  /** A simulator scenario name (with `demo`); without it the welcome screen offers the list. */
  scenario?: string;
  /** Ink's screen-reader mode; undefined leaves it to INK_SCREEN_READER. */
  screenReader?: boolean;
  version: string;
  /** cli.ts printed the banner lines itself while this chunk loaded (see printBanner). */
  bannerShown?: boolean;
}

/**
 * The interactive wizard (Ink). Resolves with the exit code: 0 nothing wrong, 1 a problem was
 * diagnosed, 2 unknown scenario, 130 Ctrl-C. Never calls process.exit; cli.ts does.
 */
export async function runWizard(opts: WizardOptions, io: CommandIO, testLoaders?: Partial<Loaders>): Promise<number> {
  if (opts.scenario !== undefined && !SCENARIOS.some((s) => s.name === opts.scenario)) {
    io.stderr(`mexc-wizard: unknown scenario "${opts.scenario}".\nScenarios: ${SCENARIOS.map((s) => s.name).join(', ')}\n`);
    return EXIT.usage;
  }
  // Built from the flags after the first frame when cli.ts did not pass it: options.ts pulls in
  // the HTTP client (got), which the first frame does not need.
  let buildSession: () => void = () => undefined;
  const session: SessionOptions | Promise<SessionOptions> =
    opts.session ??
    new Promise<SessionOptions>((resolve, reject) => {
      buildSession = () =>
        void import('../commands/options.js').then((m) => resolve(m.sessionOptions(opts, io)), reject).catch(reject);
    });
  let fatal: unknown;
  const today = localIsoDate(io.now());
  let exitCode: number | undefined;
  let unmount: () => void = () => undefined;
  let clear: () => void = () => undefined;
  const { store, runtime } = createWizard(
    {
      version: opts.version,
      today,
      demo: Boolean(opts.demo),
      ...(opts.bannerShown ? { bannerShown: true } : {}),
      ...(opts.demo && opts.scenario ? { scenario: opts.scenario } : {}),
      scenarios: SCENARIOS.map((s) => ({ name: s.name, description: s.description })),
    },
    {
      session,
      version: opts.version,
      cwd: io.cwd,
      today,
      now: io.now,
      signal: io.signal,
      copy: (text, what) =>
        copyText(text, what, { env: io.env, platform: io.platform, isTTY: io.isTTY, writeRaw: (data) => void process.stdout.write(data) }),
      onExit: (code) => {
        exitCode = code;
        unmount();
      },
      onFatal: (error) => {
        fatal = error;
        // Nothing ran: leave the terminal with just the error, not a half-used menu.
        clear();
        unmount();
      },
      ...(testLoaders ? { loaders: testLoaders } : {}),
      ...(io.redactor ? { redactor: io.redactor } : {}),
    },
  );
  // SIGINT from outside (kill -INT, or a Ctrl-C while raw mode is off) ends the wizard the same way.
  const onAbort = () => store.dispatch({ type: 'interrupt' });
  io.signal.addEventListener('abort', onAbort, { once: true });
  const instance = render(<App store={store} />, {
    exitOnCtrlC: false,
    ...(opts.screenReader !== undefined ? { isScreenReaderEnabled: opts.screenReader } : {}),
  });
  unmount = () => instance.unmount();
  clear = () => instance.clear();
  // The first frame is out: now build the options and load got and the steps in the background.
  buildSession();
  runtime.warmUp();
  try {
    await instance.waitUntilExit();
  } finally {
    io.signal.removeEventListener('abort', onAbort);
    await runtime.shutdown();
  }
  // A bad flag (UsageError) goes back to cli.ts, which prints it and exits 2.
  if (fatal !== undefined) throw fatal;
  if (exitCode !== undefined) return exitCode;
  return io.signal.aborted ? EXIT.interrupted : quitCode(store.getState());
}
