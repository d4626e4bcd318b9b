import { parseArgs } from 'node:util';
import { DEFAULT_INVOCATION } from './core/defaults.js';
import { didYouMean } from './shell/did-you-mean.js';
import { detectInvocation } from './shell/invocation.js';
import { EXIT, InterruptedError, toolCommand, UsageError, type CommandIO } from './shell/io.js';
import { NUMBER_OPTIONS, numberOptionError, parseNumberOption, type NumberOption } from './shell/number-options.js';
import type { CommonFlags } from './shell/options.js';
import { flushed, processIO, type ProcessLike } from './shell/process-io.js';
import { envFileFlag, protectOutput } from './shell/secrets.js';
import { VERSION } from './version.js';

const COMMANDS = ['check', 'explain', 'sign', 'inspect', 'sim', 'help'] as const;
type Command = (typeof COMMANDS)[number] | 'wizard';

export const OPTIONS = {
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
export type OptionName = keyof typeof OPTIONS;

/** The flags every diagnosing mode reads (shell/options.ts CommonFlags). */
const DIAGNOSING = ['base-url', 'recv-window', 'timeout', 'symbol', 'dotenv', 'env-file', 'allow-insecure-http', 'verbose'] as const;

/**
 * The options each command reads; any other is a usage error, so a flag is never silently
 * ignored. `--help` and `--version` go with every command. help.ts lists the same per command
 * (test/shell/help.test.ts holds the two together).
 */
export const COMMAND_OPTIONS: Record<Command, readonly OptionName[]> = {
  wizard: [...DIAGNOSING, 'json', 'plain', 'screen-reader', 'interactive', 'demo', 'scenario', 'no-color'],
  check: [...DIAGNOSING, 'json', 'futures', 'demo', 'scenario', 'no-color'],
  explain: ['json', 'no-color'],
  sign: ['body', 'futures', 'request-time', 'json', 'dotenv', 'env-file', 'no-color'],
  inspect: ['json', 'dotenv', 'env-file', 'no-color'],
  sim: ['port', 'scenario', 'latency', 'log', 'no-color'],
  help: [],
};

/** What a string option's value looks like, for "--log needs a value, e.g. --log requests.jsonl". */
const VALUE_EXAMPLES: Partial<Record<OptionName, string>> = {
  'base-url': 'https://api.mexc.com',
  symbol: 'BTCUSDT',
  dotenv: '.env',
  'env-file': '.env',
  scenario: 'clock-ahead',
  log: 'requests.jsonl',
  body: "'quantity=1&price=11&recvWindow=5000&timestamp=1644489390087'",
};

/** Flags that would carry a secret: refused with a reason instead of "unknown option". */
const SECRET_FLAGS = /^--(secret|secret-key|api-secret|apisecret|secretkey)(=|$)/i;

type Values = ReturnType<typeof parseArgs<{ args: string[]; options: typeof OPTIONS; allowPositionals: true; strict: true }>>['values'];

export interface ParsedArgs {
  command: Command;
  /** The positionals after the command word. */
  rest: string[];
  values: Values;
}

/**
 * The command line as the commands read it, or a UsageError in our own words: an unknown
 * command or option with "Did you mean …?" when one is close, an option the command does not
 * take, a number option given a negative number or none at all.
 */
export function parseCommandLine(argv: string[], invocation = DEFAULT_INVOCATION): ParsedArgs {
  const help = `Run ${invocation} --help for the list of commands and options.`;
  const secretFlag = argv.find((a) => SECRET_FLAGS.test(a));
  if (secretFlag) {
    throw new UsageError(
      `${secretFlag.split('=')[0]} is not accepted: a secret on the command line leaks into ps and shell history.`,
      'Set MEXC_SECRET_KEY in the environment or a .env file, or type it at the masked prompt.',
    );
  }
  checkOptionValues(argv);
  let parsed: { values: Values; positionals: string[] };
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message;
    const unknown = /^Unknown option '([^']+)'/.exec(message)?.[1];
    if (unknown !== undefined) {
      const names = Object.keys(OPTIONS).map((name) => `--${name}`);
      throw new UsageError(`Unknown option ${unknown}.${unknown.startsWith('--') ? didYouMean(unknown.slice(2), names.map((n) => n.slice(2)), (w) => `--${w}`) : ''}`, help);
    }
    throw new UsageError(message.replace(/\. To specify a positional argument.*$/s, '.'), help);
  }
  const [first, ...rest] = parsed.positionals;
  if (first !== undefined && !(COMMANDS as readonly string[]).includes(first)) {
    throw new UsageError(`Unknown command "${first}".${didYouMean(first, COMMANDS)}`, `Commands: ${COMMANDS.join(', ')}. ${help}`);
  }
  const command = (first ?? 'wizard') as Command;
  const takes = COMMAND_OPTIONS[command];
  for (const name of Object.keys(parsed.values) as OptionName[]) {
    if (name === 'help' || name === 'version' || takes.includes(name)) continue;
    const what = command === 'wizard' ? 'The wizard' : command;
    const topic = command === 'wizard' ? 'help wizard' : `help ${command}`;
    const elsewhere = (Object.keys(COMMAND_OPTIONS) as Command[]).filter((c) => COMMAND_OPTIONS[c].includes(name)).map((c) => (c === 'wizard' ? 'the wizard' : c));
    // The wizard offers its futures path on the welcome screen, not through a flag.
    const hint =
      command === 'wizard' && name === 'futures'
        ? 'The wizard asks on its welcome screen: choose "My futures bot fails".'
        : takes.length
          ? `${what} takes ${takes.map((t) => `--${t}`).join(', ')} (${invocation} ${topic}).`
          : help;
    throw new UsageError(`${what} does not take --${name}${elsewhere.length ? `: it works with ${joinOr(elsewhere, 'and')}` : ''}.`, hint);
  }
  return { command, rest, values: parsed.values };
}

/** "check, sign and sim" */
function joinOr(words: string[], last: string): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} ${last} ${words[words.length - 1]}`;
}

/**
 * A string option needs a value, and `--timeout -5` must not reach parseArgs, whose own
 * message for it ("ambiguous … use --timeout=-XYZ") tells the user nothing about the range.
 */
function checkOptionValues(argv: string[]): void {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') return;
    const name = /^--([a-z-]+)$/.exec(arg)?.[1] as OptionName | undefined;
    if (!name || OPTIONS[name]?.type !== 'string') continue;
    const value = argv[i + 1];
    if (value !== undefined && (value === '-' || !value.startsWith('-'))) {
      i += 1;
      continue;
    }
    if (value !== undefined && name in NUMBER_OPTIONS && /^-[\d.]/.test(value)) throw numberOptionError(name as NumberOption, value);
    const example = name in NUMBER_OPTIONS ? NUMBER_OPTIONS[name as NumberOption].example : `--${name} ${VALUE_EXAMPLES[name] ?? 'VALUE'}`;
    throw new UsageError(`--${name} needs a value.`, `Example: ${example}`);
  }
}

export type { ProcessLike };

/** Parses arguments, picks the mode, returns the exit code. Never throws for user mistakes. */
export async function main(argv: string[], proc: ProcessLike, signal: AbortSignal): Promise<number> {
  // Before anything is printed: every secret this run can know masks all output (issue #11).
  const redactor = protectOutput(proc, argv);
  // How the user started the tool: every command line printed from here on starts with it.
  const invocation = detectInvocation({ script: proc.argv[1], env: proc.env, cwd: proc.cwd(), platform: proc.platform });
  let parsed: ParsedArgs;
  try {
    parsed = parseCommandLine(argv, invocation);
  } catch (error) {
    return reportUsage(error, proc);
  }
  const { command, rest, values } = parsed;
  if (values.version) {
    proc.stdout.write(`${VERSION}\n`);
    return EXIT.ok;
  }
  if (values.help || command === 'help') {
    return printHelp(command === 'help' ? rest : command === 'wizard' ? [] : [command], invocation, proc);
  }
  try {
    const io = processIO(proc, { noColor: Boolean(values['no-color']), invocation }, signal, redactor);
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

/** `help`, `help CMD`, `CMD --help`: the global text, or one command's usage, options and examples. */
async function printHelp(topics: string[], invocation: string, proc: ProcessLike): Promise<number> {
  // The texts load only when asked for: --version and the commands start without them.
  const { globalHelp, HELP_TOPICS, HELP_WIDTH, topicHelp } = await import('./help.js');
  const columns = proc.stdout.isTTY ? Number(proc.stdout.columns) || HELP_WIDTH.default : HELP_WIDTH.default;
  const width = Math.min(HELP_WIDTH.max, Math.max(HELP_WIDTH.min, columns));
  const [topic, extra] = topics;
  if (topic === undefined) {
    proc.stdout.write(globalHelp(invocation, width));
    return EXIT.ok;
  }
  if (extra !== undefined) return reportUsage(new UsageError(`help takes one command, not "${topics.join(' ')}".`, `Example: ${invocation} help check`), proc);
  if (!(HELP_TOPICS as readonly string[]).includes(topic)) {
    return reportUsage(new UsageError(`No help for "${topic}": it is not a command.${didYouMean(topic, HELP_TOPICS)}`, `Commands: ${HELP_TOPICS.join(', ')}. Example: ${invocation} help check`), proc);
  }
  proc.stdout.write(topicHelp(topic as (typeof HELP_TOPICS)[number], invocation, width));
  return EXIT.ok;
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

function noPositionals(command: string, rest: string[], io: CommandIO): void {
  if (rest.length) throw new UsageError(`${command} takes no argument "${rest[0]}".`, `Run ${toolCommand(io, `help ${command}`)}.`);
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
      noPositionals('check', rest, io);
      if (v.scenario === 'list') return (await import('./commands/sim.js')).runSim({ scenario: 'list' }, io);
      const scenario = v.scenario === undefined ? undefined : await scenarioOption(v.scenario, Boolean(v.demo), io, 'check');
      const flags = { ...common, json: Boolean(v.json), futures: Boolean(v.futures) };
      if (v.demo) {
        const { runDemoCheck } = await import('./commands/demo.js');
        return runDemoCheck({ ...flags, ...(scenario ? { scenario } : {}) }, io);
      }
      const { runCheck } = await import('./commands/check.js');
      return runCheck(flags, io);
    }
    case 'explain': {
      const { runExplain } = await import('./commands/explain.js');
      // `-` is passed through: it means "read stdin" even on a terminal (paste, then Ctrl-D).
      const text = rest.length === 0 ? undefined : rest.join(' ');
      return runExplain({ ...(text !== undefined ? { text } : {}), json: Boolean(v.json) }, io);
    }
    case 'sign': {
      const { runSign } = await import('./commands/sign.js');
      if (rest.length > 1) throw new UsageError('sign takes one query string; quote it.', `Example: ${toolCommand(io, "sign 'symbol=BTCUSDT&timestamp=1644489390087'")}`);
      const futures = { futures: Boolean(v.futures), ...(v['request-time'] !== undefined ? { requestTime: v['request-time'] } : {}) };
      return runSign({ ...(rest[0] !== undefined ? { query: rest[0] } : {}), ...(v.body !== undefined ? { body: v.body } : {}), json: Boolean(v.json), ...futures, ...envFile }, io);
    }
    case 'inspect': {
      const { runInspect } = await import('./commands/inspect.js');
      const input = rest.length === 0 ? undefined : rest.join(' ');
      return runInspect({ ...(input !== undefined ? { input } : {}), json: Boolean(v.json), ...envFile }, io);
    }
    case 'sim': {
      noPositionals('sim', rest, io);
      const { runSim } = await import('./commands/sim.js');
      const port = v.port === undefined ? undefined : parseNumberOption('port', v.port);
      const latencyMs = v.latency === undefined ? undefined : parseNumberOption('latency', v.latency);
      return runSim({ ...(port !== undefined ? { port } : {}), ...(v.scenario !== undefined ? { scenario: v.scenario } : {}), ...(latencyMs !== undefined ? { latencyMs } : {}), ...(v.log !== undefined ? { logFile: v.log } : {}) }, io);
    }
    case 'help':
      // Answered in main(), before any IO is built.
      return EXIT.ok;
    case 'wizard':
      return runWizardOrFallback(v, common, io, proc);
  }
}

/** `--scenario` outside sim: only with --demo (`list` prints the scenarios). */
async function scenarioOption(raw: string, demo: boolean, io: CommandIO, command: 'check' | 'wizard' = 'wizard') {
  if (!demo && raw !== 'list') {
    throw new UsageError('--scenario only works with --demo (or with the sim command).', `Example: ${toolCommand(io, `${command === 'check' ? 'check ' : ''}--demo --scenario clock-ahead`)}`);
  }
  return raw === 'list' ? undefined : (await import('./commands/scenario-flag.js')).scenarioFlag(raw, io);
}

async function runWizardOrFallback(v: Values, common: CommonFlags, io: CommandIO, proc: ProcessLike): Promise<number> {
  const demo = Boolean(v.demo);
  if (v.scenario === 'list') {
    const { runSim } = await import('./commands/sim.js');
    return runSim({ scenario: 'list' }, io);
  }
  const scenario = v.scenario === undefined ? undefined : await scenarioOption(v.scenario, demo, io);
  const ttyIn = Boolean(proc.stdin.isTTY);
  const ttyOut = Boolean(proc.stdout.isTTY);
  const inCI = isCI(proc.env) && !v.interactive;
  const instead = toolCommand(io, `check${demo ? ' --demo' : ''}`);
  const fallback = !ttyIn || !ttyOut ? `No terminal on ${!ttyIn ? 'stdin' : 'stdout'}: running "${instead}" instead of the wizard.` : inCI ? `CI is set: running "${instead}" instead of the wizard (use --interactive to force it).` : undefined;
  if (fallback) {
    // Git Bash's mintty without ConPTY gives node pipes instead of a console.
    const winpty = proc.platform === 'win32' && proc.env.MSYSTEM && !ttyIn ? `In Git Bash, run "winpty ${toolCommand(io)}" for the interactive wizard.` : undefined;
    // The notice is printed once the flags are known to be good: a usage error comes alone.
    const notice = winpty ? `${fallback}\n${winpty}` : fallback;
    if (demo) {
      const { runDemoCheck } = await import('./commands/demo.js');
      return runDemoCheck({ ...common, json: Boolean(v.json), notice, ...(scenario ? { scenario } : {}) }, io);
    }
    const { runCheck } = await import('./commands/check.js');
    return runCheck({ ...common, json: Boolean(v.json), notice }, io);
  }
  const flags = { ...common, demo, ...(scenario ? { scenario } : {}) };
  // The simulator's scenario list loads after the first frame: the welcome screen does not need it.
  const loadDemo = async () => (await import('./commands/demo-simulator.js')).demoSimulator();
  const terminal = { stdin: proc.stdin, stdout: proc.stdout, ...(demo ? { demo: loadDemo } : {}) };
  const rawMode = typeof proc.stdin.setRawMode === 'function';
  // A screen reader gets lines that only grow (bin/mexc-wizard.js maps --screen-reader and ACCESSIBLE=1 to INK_SCREEN_READER).
  if (!v.plain && rawMode && (Boolean(v['screen-reader']) || proc.env.INK_SCREEN_READER === 'true')) {
    const { runLinear } = await import('./plain/linear.js');
    return runLinear(flags, io, terminal);
  }
  // A dumb terminal cannot move its cursor: Ink's redraws would pile up, so it gets plain lines.
  if (v.plain || !rawMode || proc.env.TERM === 'dumb') {
    const { runPlain } = await import('./plain/index.js');
    return runPlain(flags, io, terminal);
  }
  // Ink, React and Yoga take a few hundred ms to load: the launcher draws the welcome screen
  // first (and takes raw mode, so early keys wait for Ink), then loads the Ink front end.
  const { launchWizard } = await import('./shell/launcher.js');
  const loadInk = async () => (await import('./ui/index.js')).inkFrontEnd();
  return launchWizard(flags, io, loadInk, { ...terminal, firstFrame: true });
}

function isCI(env: NodeJS.ProcessEnv): boolean {
  const ci = env.CI ?? env.CONTINUOUS_INTEGRATION;
  return ci !== undefined && ci !== '0' && ci.toLowerCase() !== 'false';
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
