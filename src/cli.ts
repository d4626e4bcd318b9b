import { parseArgs } from 'node:util';
import { HELP } from './help.js';
import { EXIT, InterruptedError, UsageError, type CommandIO } from './shell/io.js';
import type { CommonFlags } from './shell/options.js';
import { flushed, processIO, type ProcessLike } from './shell/process-io.js';
import { envFileFlag, protectOutput } from './shell/secrets.js';
import { VERSION } from './version.js';

const COMMANDS = ['check', 'explain', 'sign', 'inspect', 'sim'] as const;
type Command = (typeof COMMANDS)[number] | 'wizard';

const OPTIONS = {
  'base-url': { type: 'string' },
  'recv-window': { type: 'string' },
  timeout: { type: 'string' },
  symbol: { type: 'string' },
  dotenv: { type: 'string' },
  'env-file': { type: 'string' },
  'allow-insecure-http': { type: 'boolean' },
  json: { type: 'boolean' },
  plain: { type: 'boolean' },
  'screen-reader': { type: 'boolean' },
  'no-color': { type: 'boolean' },
  color: { type: 'boolean' },
  verbose: { type: 'boolean' },
  interactive: { type: 'boolean' },
  demo: { type: 'boolean' },
  scenario: { type: 'string' },
  port: { type: 'string' },
  latency: { type: 'string' },
  log: { type: 'string' },
  body: { type: 'string' },
  futures: { type: 'boolean' },
  'request-time': { type: 'string' },
  version: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Flags that would carry a secret: refused with a reason instead of "unknown option". */
const SECRET_FLAGS = /^--(secret|secret-key|api-secret|apisecret|secretkey)(=|$)/i;

type Values = ReturnType<typeof parse>['values'];

function parse(argv: string[]) {
  const secretFlag = argv.find((a) => SECRET_FLAGS.test(a));
  if (secretFlag) {
    throw new UsageError(
      `${secretFlag.split('=')[0]} is not accepted: a secret on the command line leaks into ps and shell history.`,
      'Set MEXC_SECRET_KEY in the environment or a .env file, or type it at the masked prompt.',
    );
  }
  try {
    return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message.replace(/\. To specify a positional argument.*$/s, '.');
    throw new UsageError(message, 'Run mexc-wizard --help for the list of commands and options.');
  }
}

export type { ProcessLike };

/** Parses arguments, picks the mode, returns the exit code. Never throws for user mistakes. */
export async function main(argv: string[], proc: ProcessLike, signal: AbortSignal): Promise<number> {
  // Before anything is printed: every secret this run can know masks all output (issue #11).
  const redactor = protectOutput(proc, argv);
  let values: Values;
  let positionals: string[];
  try {
    ({ values, positionals } = parse(argv));
  } catch (error) {
    return reportUsage(error, proc);
  }
  if (values.help) {
    proc.stdout.write(HELP);
    return EXIT.ok;
  }
  if (values.version) {
    proc.stdout.write(`${VERSION}\n`);
    return EXIT.ok;
  }
  const [first, ...rest] = positionals;
  const command: Command = first === undefined ? 'wizard' : (COMMANDS as readonly string[]).includes(first) ? (first as Command) : 'wizard';
  try {
    if (command === 'wizard' && first !== undefined) {
      throw new UsageError(`Unknown command "${first}".`, `Commands: ${COMMANDS.join(', ')}. Run mexc-wizard --help.`);
    }
    // The wizard offers its futures path on the welcome screen, not through a flag.
    if (values.futures && command !== 'sign' && command !== 'check') throw new UsageError('--futures works with check and sign: mexc-wizard check --futures, mexc-wizard sign --futures PARAMS.', command === 'wizard' ? 'The wizard asks on its welcome screen: choose "My futures bot fails".' : 'Run mexc-wizard --help.');
    const io = processIO(proc, { noColor: Boolean(values['no-color']) }, signal, redactor);
    return await dispatch(command, rest, values, io, proc);
  } catch (error) {
    if (error instanceof UsageError) return reportUsage(error, proc);
    if (signal.aborted || error instanceof InterruptedError) return EXIT.interrupted;
    // A bug, not a user mistake: one sentence, no stack unless asked for.
    proc.stderr.write(`mexc-wizard hit an internal error: ${printable((error as Error)?.message ?? String(error))}\n`);
    proc.stderr.write('Please report it at https://github.com/mexc-wizard/mexc-wizard/issues (set MEXC_WIZARD_DEBUG=1 for details).\n');
    if (proc.env.MEXC_WIZARD_DEBUG) proc.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
    return EXIT.problem;
  }
}

function reportUsage(error: unknown, proc: ProcessLike): number {
  if (!(error instanceof UsageError)) throw error;
  proc.stderr.write(`mexc-wizard: ${printable(error.message)}\n`);
  if (error.hint) proc.stderr.write(`${printable(error.hint)}\n`);
  return EXIT.usage;
}

/** Arguments are echoed in messages: escape sequences in them must not reach the terminal. */
function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

function noPositionals(command: string, rest: string[]): void {
  if (rest.length) throw new UsageError(`${command} takes no argument "${rest[0]}".`, `Run mexc-wizard --help.`);
}

async function dispatch(command: Command, rest: string[], v: Values, io: CommandIO, proc: ProcessLike): Promise<number> {
  const common: CommonFlags = {
    ...(v['base-url'] !== undefined ? { baseUrl: v['base-url'] } : {}),
    ...(v['recv-window'] !== undefined ? { recvWindow: v['recv-window'] } : {}),
    ...(v.timeout !== undefined ? { timeout: v.timeout } : {}),
    ...(v.symbol !== undefined ? { symbol: v.symbol } : {}),
    ...envFileFlag(v.dotenv, v['env-file']),
    verbose: Boolean(v.verbose),
    ...(v['allow-insecure-http'] ? { allowInsecureHttp: true } : {}),
  };
  const envFile = envFileFlag(v.dotenv, v['env-file']);
  switch (command) {
    case 'check': {
      noPositionals('check', rest);
      const { runCheck } = await import('./commands/check.js');
      return runCheck({ ...common, json: Boolean(v.json), futures: Boolean(v.futures) }, io);
    }
    case 'explain': {
      const { runExplain } = await import('./commands/explain.js');
      // `-` is passed through: it means "read stdin" even on a terminal (paste, then Ctrl-D).
      const text = rest.length === 0 ? undefined : rest.join(' ');
      return runExplain({ ...(text !== undefined ? { text } : {}), json: Boolean(v.json) }, io);
    }
    case 'sign': {
      const { runSign } = await import('./commands/sign.js');
      if (rest.length > 1) throw new UsageError('sign takes one query string; quote it.', "Example: mexc-wizard sign 'symbol=BTCUSDT&timestamp=1644489390087'");
      const futures = { futures: Boolean(v.futures), ...(v['request-time'] !== undefined ? { requestTime: v['request-time'] } : {}) };
      return runSign({ ...(rest[0] !== undefined ? { query: rest[0] } : {}), ...(v.body !== undefined ? { body: v.body } : {}), json: Boolean(v.json), ...futures, ...envFile }, io);
    }
    case 'inspect': {
      const { runInspect } = await import('./commands/inspect.js');
      const input = rest.length === 0 ? undefined : rest.join(' ');
      return runInspect({ ...(input !== undefined ? { input } : {}), json: Boolean(v.json), ...envFile }, io);
    }
    case 'sim': {
      noPositionals('sim', rest);
      const { runSim } = await import('./commands/sim.js');
      const port = v.port === undefined ? undefined : parseIntFlag('--port', v.port, 0, 65535);
      const latencyMs = v.latency === undefined ? undefined : parseIntFlag('--latency', v.latency, 0, 60_000);
      return runSim({ ...(port !== undefined ? { port } : {}), ...(v.scenario !== undefined ? { scenario: v.scenario } : {}), ...(latencyMs !== undefined ? { latencyMs } : {}), ...(v.log !== undefined ? { logFile: v.log } : {}) }, io);
    }
    case 'wizard':
      return runWizardOrFallback(v, common, io, proc);
  }
}

async function runWizardOrFallback(v: Values, common: CommonFlags, io: CommandIO, proc: ProcessLike): Promise<number> {
  const demo = Boolean(v.demo);
  if (v.scenario === 'list') {
    const { runSim } = await import('./commands/sim.js');
    return runSim({ scenario: 'list' }, io);
  }
  if (v.scenario !== undefined && !demo) {
    throw new UsageError('--scenario only works with --demo (or with the sim command).', 'Example: mexc-wizard --demo --scenario clock-ahead');
  }
  const scenario = v.scenario === undefined ? undefined : (await import('./commands/scenario-flag.js')).scenarioFlag(v.scenario);
  const ttyIn = Boolean(proc.stdin.isTTY);
  const ttyOut = Boolean(proc.stdout.isTTY);
  const inCI = isCI(proc.env) && !v.interactive;
  const fallback = !ttyIn || !ttyOut ? `No terminal on ${!ttyIn ? 'stdin' : 'stdout'}: running "mexc-wizard check${demo ? ' --demo' : ''}" instead of the wizard.` : inCI ? 'CI is set: running "mexc-wizard check" instead of the wizard (use --interactive to force it).' : undefined;
  if (fallback) {
    proc.stderr.write(`${fallback}\n`);
    // Git Bash's mintty without ConPTY gives node pipes instead of a console.
    if (proc.platform === 'win32' && proc.env.MSYSTEM && !ttyIn) proc.stderr.write('In Git Bash, run "winpty npx mexc-wizard" for the interactive wizard.\n');
    if (demo) {
      const { runDemoCheck } = await import('./commands/demo.js');
      return runDemoCheck({ ...common, json: Boolean(v.json), ...(scenario ? { scenario } : {}) }, io);
    }
    const { runCheck } = await import('./commands/check.js');
    return runCheck({ ...common, json: Boolean(v.json) }, io);
  }
  const flags = { ...common, demo, ...(scenario ? { scenario } : {}) };
  // The simulator's scenario list loads after the first frame: the welcome screen does not need it.
  const loadDemo = async () => (await import('./commands/demo-simulator.js')).demoSimulator();
  const terminal = { stdin: proc.stdin, stdout: proc.stdout, ...(demo ? { demo: loadDemo } : {}) };
  if (v.plain || typeof proc.stdin.setRawMode !== 'function') {
    const { runPlain } = await import('./plain/index.js');
    return runPlain(flags, io, terminal);
  }
  // Ink, React and Yoga take a few hundred ms to load: the launcher draws the welcome screen
  // first (and takes raw mode, so early keys wait for Ink), then loads the Ink front end.
  const screenReader = Boolean(v['screen-reader']) || proc.env.INK_SCREEN_READER === 'true';
  const { launchWizard } = await import('./shell/launcher.js');
  const loadInk = async () => (await import('./ui/index.js')).inkFrontEnd({ screenReader });
  return launchWizard(flags, io, loadInk, { ...terminal, firstFrame: !screenReader });
}

function isCI(env: NodeJS.ProcessEnv): boolean {
  const ci = env.CI ?? env.CONTINUOUS_INTEGRATION;
  return ci !== undefined && ci !== '0' && ci.toLowerCase() !== 'false';
}

function parseIntFlag(name: string, raw: string, min: number, max: number): number {
  const n = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || n < min || n > max) throw new UsageError(`${name} must be a whole number from ${min} to ${max}, not "${raw}".`);
  return n;
}

/** Entry used by bin/mexc-wizard.js: the only place that calls process.exit. */
export async function run(): Promise<void> {
  const controller = new AbortController();
  let interrupts = 0;
  process.on('SIGINT', () => {
    interrupts += 1;
    controller.abort();
    // Give commands a moment to restore the terminal; a second Ctrl-C leaves at once.
    if (interrupts > 1) process.exit(EXIT.interrupted);
    setTimeout(() => process.exit(EXIT.interrupted), 1500).unref();
  });
  process.on('SIGTERM', () => {
    controller.abort();
    setTimeout(() => process.exit(143), 500).unref();
  });
  const code = await main(process.argv.slice(2), process, controller.signal);
  process.exitCode = controller.signal.aborted ? EXIT.interrupted : code;
  // Pipes are asynchronous on POSIX: wait until everything written is flushed (a write's
  // callback runs after all earlier writes), then leave even if a stray handle is still open.
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  process.exit(process.exitCode);
}
