import { DEFAULT_INVOCATION, MAX_SAFE_RECV_WINDOW_MS } from './core/defaults.js';
import { VERSION } from './version.js';

/**
 * Usage texts: the global `--help`, and one per command for `help CMD` and `CMD --help`. Every
 * command line in them starts the way the user started the tool (`invocation`). Which options
 * each command accepts is decided in cli.ts; test/shell/help.test.ts holds the two together.
 */

export const HELP_TOPICS = ['wizard', 'check', 'explain', 'sign', 'inspect', 'sim'] as const;
export type HelpTopic = (typeof HELP_TOPICS)[number];

/** One option as the help shows it: the value it takes and what it does (wrapped lines). */
const OPTION_TEXT: Record<string, { value?: string; text: string }> = {
  'base-url': { value: 'URL', text: 'API base (default https://api.mexc.com, env MEXC_BASE_URL); http:// only to a local simulator (127.0.0.1, ::1, localhost)' },
  'recv-window': {
    value: 'MS',
    text: `recvWindow of signed requests, 1 to ${MAX_SAFE_RECV_WINDOW_MS} (default 5000): MEXC words its cap as "less than 60000" and "Max 60000", so whether 60000 itself passes is unconfirmed and ${MAX_SAFE_RECV_WINDOW_MS} is the largest safe value`,
  },
  timeout: { value: 'MS', text: 'per-request timeout, 100 to 120000 (default 10000)' },
  symbol: { value: 'SYMBOL', text: 'symbol for the order checks (default: a liquid API-enabled one, e.g. BTCUSDT)' },
  dotenv: { value: 'PATH', text: 'read MEXC_API_KEY / MEXC_SECRET_KEY from this file (before the environment and ./.env)' },
  'env-file': { value: 'PATH', text: 'alias of --dotenv (Node 20-24 may read --env-file itself first: prefer --dotenv)' },
  'allow-insecure-http': { text: 'allow signed requests over plain http:// to a host that is not local' },
  json: { text: 'machine-readable output' },
  verbose: { text: 'every step\'s raw exchange and non-zero balances (secrets are always masked)' },
  futures: { text: 'the futures (contract) API' },
  plain: { text: 'plain prompts and printed lines instead of the full-screen wizard (chosen by itself when TERM=dumb or keys cannot be read raw)' },
  'screen-reader': { text: 'lines that only grow, for screen readers: a key adds what changed, nothing is redrawn (also INK_SCREEN_READER=true, ACCESSIBLE=1)' },
  interactive: { text: 'run the wizard even when CI is set' },
  demo: { text: 'against the built-in MEXC simulator: no key, no network' },
  scenario: { value: 'NAME', text: 'a simulator scenario (list: sim --scenario list)' },
  'no-color': { text: 'no colours (also NO_COLOR)' },
  body: { value: 'BODY', text: 'the request body, signed after the query with nothing between them' },
  'request-time': { value: 'MS', text: 'the Request-Time to sign, in milliseconds (default: now)' },
  port: { value: 'N', text: 'port on 127.0.0.1, 0 to 65535 (default 8799; 0 picks a free one)' },
  latency: { value: 'MS', text: 'delay every answer by MS milliseconds, 0 to 60000' },
  log: { value: 'FILE', text: 'also append one JSON object per request to FILE' },
};

type OptionLine = string | [name: string, text: string];

interface Topic {
  /** What follows the invocation in the usage lines. */
  usage: string[];
  /** Paragraphs, wrapped to the help's width. */
  about: string[];
  /** The options this command takes, in the order shown (a pair overrides the common text). */
  options: OptionLine[];
  /** Commands after the invocation, each with an optional comment. */
  examples: Array<[args: string, comment?: string]>;
  more?: string[];
}

const DIAGNOSING: OptionLine[] = ['base-url', 'recv-window', 'timeout', 'symbol', 'dotenv', 'env-file', 'allow-insecure-http', 'verbose'];

const TOPICS: Record<HelpTopic, Topic> = {
  wizard: {
    usage: ['[options]', '--demo [--scenario NAME]'],
    about: [
      'The interactive wizard: runs the checks one screen at a time, for a spot bot or (choose "My futures bot fails") a futures bot, and on a failure shows its cause and fixes to copy. Without a terminal (a pipe, CI) it says so and runs check instead.',
    ],
    options: [
      'demo',
      ['scenario', 'the scenario --demo starts with; a futures-… one runs the futures path (list: sim --scenario list)'],
      'plain',
      'screen-reader',
      'interactive',
      ...DIAGNOSING,
      ['json', 'when it falls back to check (no terminal): check\'s JSON'],
      'no-color',
    ],
    examples: [['', 'with MEXC_API_KEY and MEXC_SECRET_KEY set, or typed at a masked prompt'], ['--demo', 'try it on the simulator'], ['--demo --scenario clock-ahead'], ['--plain', 'Git Bash (mintty) and other terminals without raw mode']],
    more: ['Every screen lists its keys at the bottom; q or Ctrl-C quits.'],
  },
  check: {
    usage: ['check [options]', 'check --futures [options]'],
    about: [
      'Runs every step without prompts: credentials, connectivity, clock, account, order read, trade (a test order MEXC validates and never executes). Prints the verdict first, then each step, then every problem with its cause, evidence and numbered fixes.',
      'Exit 0 all good (warnings allowed) · 1 a problem was diagnosed · 2 usage error · 130 interrupted.',
    ],
    options: [
      ...DIAGNOSING,
      ['json', '{ok, steps: [{id, status, summary, evidence, diagnoses}], clock, …}: the key masked, the secret nowhere, so it can go to MEXC support as it is'],
      [
        'futures',
        "the futures API's steps (never sends an order); --recv-window is then the Recv-Window header: a multiple of 1000 up to 60000; no --symbol",
      ],
      ['demo', 'against the built-in simulator with throwaway credentials'],
      ['scenario', 'with --demo: the simulator scenario (list: sim --scenario list)'],
      'no-color',
    ],
    examples: [['check'], ['check --json > mexc-report.json', 'a redacted report for MEXC support'], ['check --symbol ETHUSDT --recv-window 10000'], ['check --futures'], ['check --demo --scenario ip-not-whitelisted']],
  },
  explain: {
    usage: ['explain TEXT', 'explain -'],
    about: [
      'Finds the MEXC error in what you paste (a JSON body, a ccxt/requests/axios error line, a bare code or message, an HTML page, futures answers) and prints its cause and fixes. With - it reads standard input: a pipe, or a paste ended with Ctrl-D.',
      'Exit 1 when a problem is found · 0 for a successful MEXC answer · 2 for empty input.',
    ],
    options: [['json', '{diagnoses: [{id, title, explanation, evidence, fixes}]}'], 'no-color'],
    examples: [[`explain '{"code":700002,"msg":"Signature for this request is not valid."}'`], ['explain 700003'], ['explain - < bot.log', 'a whole log or stack trace works too']],
  },
  sign: {
    usage: ['sign QUERY [--body BODY]', 'sign --futures [PARAMS] [--body JSON] [--request-time MS]'],
    about: [
      'Signs exactly the text given, the way MEXC checks it: HMAC-SHA256 over the query string then the body, lowercase hex. The secret comes from --dotenv, the environment, ./.env or a masked prompt, never from a flag. With --futures: API key + Request-Time + parameters (GET sorted, a POST body as given), and the ApiKey, Request-Time and Signature headers.',
    ],
    options: [
      'body',
      ['futures', 'sign for the futures (contract) API: prints the headers too'],
      ['request-time', 'with --futures: the Request-Time to sign, in milliseconds (default: now)'],
      ['json', '{stringToSign, signature, query} (--futures: {stringToSign, signature, headers})'],
      'dotenv',
      'env-file',
      'no-color',
    ],
    examples: [
      ["sign 'symbol=BTCUSDT&side=BUY&type=LIMIT' --body 'quantity=1&price=11&recvWindow=5000&timestamp=1644489390087'"],
      ["sign --futures 'symbol=BTC_USDT' --request-time 1644489390087"],
    ],
  },
  inspect: {
    usage: ['inspect URL|CURL', 'inspect -'],
    about: [
      'The signature lab: give it the request your code sent and it recomputes the signature MEXC expects, then the strings common bugs produce, and names the one that matches yours. With - it reads standard input: a log with the method line, the headers and the body.',
      'Exit 0 MEXC would accept it · 1 something is wrong · 2 the input is not a request.',
    ],
    options: [['json', '{valid, findings: [{id, title, detail}]}'], 'dotenv', 'env-file', 'no-color'],
    examples: [
      ["inspect 'https://api.mexc.com/api/v3/account?recvWindow=5000&timestamp=1644489390087&signature=...'"],
      ['inspect "$(cat failing-curl.txt)"', 'a curl command, quoted as your shell wrote it'],
      ['inspect - < request.log'],
    ],
  },
  sim: {
    usage: ['sim [--port N] [--scenario NAME] [--latency MS] [--log FILE]'],
    about: [
      'A local MEXC API (spot v3 and futures) on 127.0.0.1 for testing bots offline: it verifies signatures over the bytes it received and prints a line per request naming the mistake.',
      'The first line printed is the base URL. Runs until Ctrl-C.',
    ],
    options: ['port', ['scenario', 'make it fail the way MEXC does for one cause (list: --scenario list)'], 'latency', 'log', 'no-color'],
    examples: [['sim --port 8080'], ['sim --scenario clock-ahead'], ['sim --scenario list', 'every scenario with what it does'], ['sim --log requests.jsonl']],
  },
};

/** The options a topic's help lists (the test compares them with what cli.ts accepts). */
export function topicOptions(topic: HelpTopic): string[] {
  return TOPICS[topic].options.map((o) => (typeof o === 'string' ? o : o[0]));
}

/**
 * Help is laid out for the terminal's width (80 columns when it is not a terminal); its text is
 * ASCII plus "·" and "…", one column each. Example commands are never broken: they stay one line
 * to copy.
 */
export const HELP_WIDTH = { default: 80, min: 60, max: 100 } as const;

/** Words to lines of at most `width` characters (a longer word stands alone). */
function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return line ? [...lines, line] : lines;
}

/** Two columns: `left` padded to `column`, `text` wrapped beside it (on the next line when `left` is wider). */
function twoColumns(rows: Array<{ left: string; text: string }>, column: number, width: number): string[] {
  return rows.flatMap(({ left, text }) => {
    const lines = wrapWords(text, width - column);
    const pad = ' '.repeat(column);
    if (left.length + 2 > column) return [left, ...lines.map((l) => pad + l)];
    return lines.map((l, i) => (i === 0 ? left.padEnd(column) : pad) + l);
  });
}

function optionLines(options: OptionLine[], width: number): string[] {
  const rows = options.map((o) => {
    const [name, text] = typeof o === 'string' ? [o, OPTION_TEXT[o]?.text ?? ''] : o;
    const value = OPTION_TEXT[name]?.value;
    return { left: `  --${name}${value ? ` ${value}` : ''}`, text };
  });
  return twoColumns(rows, Math.min(26, Math.max(...rows.map((r) => r.left.length)) + 2), width);
}

/** `help CMD` and `CMD --help`. */
export function topicHelp(topic: HelpTopic, invocation = DEFAULT_INVOCATION, width: number = HELP_WIDTH.default): string {
  const t = TOPICS[topic];
  const run = (args: string) => `${invocation}${args ? ` ${args}` : ''}`;
  const lines = [
    'Usage',
    ...t.usage.map((u) => `  ${run(u)}`),
    '',
    ...t.about.flatMap((paragraph, i) => [...(i > 0 ? [''] : []), ...wrapWords(paragraph, width)]),
    '',
    'Options',
    ...optionLines(t.options, width),
    '',
    'Examples',
    // A comment goes on its own line, so every command line can be copied as it is.
    ...t.examples.flatMap(([args, comment]) => [...(comment ? wrapWords(comment, width - 4).map((line) => `  # ${line}`) : []), `  ${run(args)}`]),
    ...(t.more ? ['', ...t.more.flatMap((m) => wrapWords(m, width))] : []),
    '',
    `All commands: ${run('--help')}`,
  ];
  return `${lines.join('\n')}\n`;
}

/** The global `--help`: every command in one screen. */
export function globalHelp(invocation = DEFAULT_INVOCATION, width: number = HELP_WIDTH.default): string {
  const run = (args: string) => `${invocation}${args ? ` ${args}` : ''}`;
  const commands: Array<[args: string, text: string]> = [
    ['', 'interactive wizard, spot or futures (falls back to check without a terminal)'],
    ['--demo [--scenario S]', 'the wizard against a built-in simulator: no key, no network (futures-… scenarios: the futures path)'],
    ['check', 'run every step without prompts; report; exit code'],
    ['check --futures', "the futures (contract) API's steps; never sends an order"],
    ['explain [TEXT|-]', 'cause + fix for a MEXC error body, message or code (spot or futures)'],
    ['sign QUERY [--body B]', 'string-to-sign, signature and signed query'],
    ['sign --futures [PARAMS] [--body JSON] [--request-time MS]', 'futures string-to-sign, signature and headers'],
    ['inspect [URL|CURL|-]', 'signature lab: what is wrong with a request your code sent'],
    ['sim [--port N] [--scenario S] [--latency MS] [--log FILE]', 'local MEXC simulator (spot v3 and futures) for offline bot tests'],
    ['help [COMMAND]', 'usage, options and examples of one command (same as COMMAND --help)'],
  ];
  // Narrower than 80 columns, each description goes under its command line.
  const usage = twoColumns(
    commands.map(([args, text]) => ({ left: `  ${run(args)}`, text })),
    width >= 80 ? 36 : 6,
    width,
  );
  const indented = (text: string) => wrapWords(text, width - 2).map((line) => `  ${line}`);
  const options: OptionLine[] = [
    ...DIAGNOSING,
    ['json', 'machine-readable output (check, explain, sign, inspect)'],
    ['futures', 'the futures (contract) API: check\'s futures steps, sign\'s headers'],
    'plain',
    'screen-reader',
    'interactive',
    'no-color',
  ];
  const lines = [
    ...wrapWords(`mexc-wizard ${VERSION}: find out why your MEXC API key fails, and fix it`, width),
    '',
    'Usage',
    ...usage,
    '',
    ...wrapWords('Options (each command takes its own: help COMMAND lists them)', width),
    ...optionLines(options, width),
    '  --version, --help',
    '',
    'Credentials',
    ...indented(
      'MEXC_API_KEY and MEXC_SECRET_KEY (aliases MEXC_API_SECRET, MEXC_SECRET), a .env file in this folder, --dotenv, or a masked prompt. The secret is never accepted as a flag and never printed, logged or written.',
    ),
    '',
    'Exit codes',
    ...indented('0 all good · 1 a problem was diagnosed · 2 usage error · 130 interrupted'),
    '',
    'Scenarios for --demo and sim:',
    `  ${run('sim --scenario list')}`,
  ];
  return `${lines.join('\n')}\n`;
}
