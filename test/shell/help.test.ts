/**
 * Issue #13: `help CMD` and `CMD --help` print that command's usage, options and examples, true
 * to the code: every option the command line accepts for a command is in that command's help,
 * every option a help lists is accepted, and every example is a command line that parses.
 */
import { describe, expect, it } from 'vitest';
import { COMMAND_OPTIONS, OPTIONS, main, parseCommandLine, type OptionName } from '../../src/cli.js';
import { splitShellWords } from '../../src/core/lab/shell-words.js';
import { globalHelp, HELP_TOPICS, topicHelp, type HelpTopic } from '../../src/help.js';
import { UsageError } from '../../src/shell/io.js';
import { closest, didYouMean, editDistance } from '../../src/shell/did-you-mean.js';

/** A process for main(): what it writes, nothing else. */
function fakeProcess(argv1 = '/home/ana/mexc-wizard/bin/mexc-wizard.js') {
  let out = '';
  let err = '';
  const stream = (write: (t: string) => void) => ({ write: (t: string) => (write(String(t)), true), isTTY: false }) as unknown as NodeJS.WriteStream;
  return {
    proc: {
      argv: ['/usr/bin/node', argv1],
      env: { PATH: '/usr/bin' },
      stdin: { isTTY: false } as NodeJS.ReadStream,
      stdout: stream((t) => (out += t)),
      stderr: stream((t) => (err += t)),
      platform: 'linux' as const,
      cwd: () => '/home/ana/mexc-wizard',
    },
    out: () => out,
    err: () => err,
  };
}

async function cli(args: string[]) {
  const p = fakeProcess();
  const code = await main(args, p.proc, new AbortController().signal);
  return { code, stdout: p.out(), stderr: p.err() };
}

/** The options a rendered help lists in its Options section ("  --name VALUE   text"). */
function listedOptions(text: string): string[] {
  const section = text.split('\nOptions')[1]?.split('\n\n')[0] ?? '';
  return [...section.matchAll(/^ {2}--([a-z-]+)/gm)].map((m) => m[1]!).filter((name) => name !== 'version');
}

/** A value each option accepts, so acceptance is about the option and not its value. */
const SAMPLE: Partial<Record<OptionName, string>> = {
  'base-url': 'https://api.mexc.com',
  'recv-window': '5000',
  timeout: '10000',
  symbol: 'BTCUSDT',
  dotenv: '.env',
  'env-file': '.env',
  scenario: 'ok',
  port: '0',
  latency: '0',
  log: 'requests.jsonl',
  body: 'a=1',
  'request-time': '1644489390087',
};

const commandWords = (topic: HelpTopic) => (topic === 'wizard' ? [] : [topic]);

function accepts(topic: HelpTopic, name: OptionName): boolean {
  const value = OPTIONS[name].type === 'string' ? [SAMPLE[name] ?? 'x'] : [];
  try {
    parseCommandLine([...commandWords(topic), `--${name}`, ...value]);
    return true;
  } catch (error) {
    if (error instanceof UsageError) return false;
    throw error;
  }
}

describe('help per command', () => {
  it.each(HELP_TOPICS.filter((t) => t !== 'wizard'))('help %s and its --help print the same usage, options and examples', async (topic) => {
    const viaHelp = await cli(['help', topic]);
    const viaFlag = await cli([topic, '--help']);
    expect(viaHelp.code).toBe(0);
    expect(viaFlag.code).toBe(0);
    expect(viaHelp.stdout).toBe(viaFlag.stdout);
    expect(viaHelp.stderr + viaFlag.stderr).toBe('');
    expect(viaHelp.stdout).toMatch(new RegExp(`^Usage\\n {2}node bin/mexc-wizard\\.js ${topic}\\b`));
    expect(viaHelp.stdout).toMatch(/\nOptions\n {2}--/);
    expect(viaHelp.stdout).toMatch(new RegExp(`\\nExamples\\n(?: {2}# .*\\n)? {2}node bin/mexc-wizard\\.js ${topic}\\b`));
    // Not the global text.
    expect(viaHelp.stdout).not.toContain('find out why your MEXC API key fails');
  });

  it('`help wizard` is the wizard\'s; `--help` alone and `help` alone stay the global text', async () => {
    const wizard = await cli(['help', 'wizard']);
    expect(wizard.stdout).toMatch(/^Usage\n {2}node bin\/mexc-wizard\.js \[options\]\n {2}node bin\/mexc-wizard\.js --demo \[--scenario NAME\]\n/);
    for (const args of [['--help'], ['help'], ['-h']]) {
      const global = await cli(args);
      expect(global.code).toBe(0);
      expect(global.stdout).toBe(globalHelp('node bin/mexc-wizard.js'));
      for (const topic of HELP_TOPICS.filter((t) => t !== 'wizard')) expect(global.stdout).toContain(`node bin/mexc-wizard.js ${topic}`);
      expect(global.stdout).toContain('node bin/mexc-wizard.js help [COMMAND]');
    }
  });

  it.each(HELP_TOPICS)('%s: every option the command line accepts is in its help, and every option its help lists is accepted', (topic) => {
    const listed = listedOptions(topicHelp(topic));
    const accepted = (Object.keys(OPTIONS) as OptionName[]).filter((name) => name !== 'help' && name !== 'version' && accepts(topic, name));
    expect(listed.sort()).toEqual(accepted.sort());
    expect(accepted.sort()).toEqual([...COMMAND_OPTIONS[topic === 'wizard' ? 'wizard' : topic]].sort());
  });

  it('every option the command line knows is in some command\'s help (and --help, --version in the global one)', () => {
    const everywhere = new Set(HELP_TOPICS.flatMap((t) => listedOptions(topicHelp(t))));
    for (const name of Object.keys(OPTIONS)) if (name !== 'help' && name !== 'version') expect(everywhere, name).toContain(name);
    expect(globalHelp()).toContain('--version, --help');
  });

  it.each(HELP_TOPICS)('%s: every example is a command line that parses', (topic) => {
    const text = topicHelp(topic, 'npx mexc-wizard');
    const examples = text.split('\nExamples\n')[1]!.split('\n\n')[0]!.split('\n').filter((l) => l.startsWith('  npx mexc-wizard'));
    expect(examples.length).toBeGreaterThan(0);
    for (const line of examples) {
      const words = splitShellWords(line.replace(/^ {2}npx mexc-wizard/, '').replace(/\s[<>].*$/, ''));
      if ('error' in words) throw new Error(words.error);
      expect(() => parseCommandLine(words.words), line).not.toThrow();
    }
  });

  it.each([60, 80, 100])('lays help out for %i columns, except command lines, which stay one line to copy', (width) => {
    for (const text of [...HELP_TOPICS.map((topic) => topicHelp(topic, 'npx mexc-wizard', width)), globalHelp('npx mexc-wizard', width)]) {
      for (const line of text.split('\n')) if (!line.startsWith('  npx mexc-wizard')) expect(line.length, line).toBeLessThanOrEqual(width);
    }
  });
});

describe('did you mean', () => {
  it('counts a swapped pair of letters as one edit', () => {
    expect(editDistance('chekc', 'check')).toBe(1);
    expect(editDistance('sgin', 'sign')).toBe(1);
    expect(editDistance('check', 'check')).toBe(0);
  });

  it('suggests only when close', () => {
    expect(closest('chek', ['check', 'explain', 'sign'])).toBe('check');
    expect(closest('timout', ['timeout', 'symbol'])).toBe('timeout');
    expect(closest('recvwindow', ['recv-window', 'timeout'])).toBe('recv-window');
    expect(closest('frobnicate', ['check', 'explain', 'sign', 'inspect', 'sim', 'help'])).toBeUndefined();
    expect(closest('x', ['sim'])).toBeUndefined();
    expect(didYouMean('zzzz', ['check'])).toBe('');
  });

  it('a mistyped command, option, help topic or scenario gets the close one', async () => {
    expect((await cli(['chek'])).stderr).toMatch(/^mexc-wizard: Unknown command "chek"\. Did you mean "check"\?\n/);
    expect((await cli(['check', '--timout', '5000'])).stderr).toMatch(/^mexc-wizard: Unknown option --timout\. Did you mean --timeout\?\n/);
    expect((await cli(['help', 'inspct'])).stderr).toMatch(/Did you mean "inspect"\?/);
    expect((await cli(['check', '--demo', '--scenario', 'clock-ahaed'])).stderr).toMatch(/Unknown scenario "clock-ahaed"\. Did you mean "clock-ahead"\?/);
    const far = await cli(['frobnicate']);
    expect(far.code).toBe(2);
    expect(far.stderr).not.toMatch(/Did you mean/);
  });

  it('an option the command does not take says which commands do', async () => {
    const r = await cli(['explain', '--timeout', '5000', '700003']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'mexc-wizard: explain does not take --timeout: it works with the wizard and check.\nexplain takes --json, --no-color (node bin/mexc-wizard.js help explain).\n',
    );
  });
});

describe('number options: our own sentence for negatives and junk', () => {
  const NUMBERS: Array<[string[], RegExp]> = [
    [['check', '--timeout'], /^mexc-wizard: --timeout must be a whole number of milliseconds from 100 to 120000, not "(.*)"\.\nExample: --timeout 10000 \(the default\)\n$/],
    [['check', '--recv-window'], /^mexc-wizard: --recv-window must be a whole number of milliseconds from 1 to 59999, not "(.*)"\.\nExample: --recv-window 5000 \(the default\)\n$/],
    [['sim', '--port'], /^mexc-wizard: --port must be a whole number from 0 to 65535, not "(.*)"\.\n/],
    [['sim', '--latency'], /^mexc-wizard: --latency must be a whole number of milliseconds from 0 to 60000, not "(.*)"\.\n/],
    [['sign', '--futures', 'symbol=BTC_USDT', '--request-time'], /^mexc-wizard: --request-time must be milliseconds since 1970 \(e\.g\. 1644489390087\), not "(.*)"\.\n/],
  ];

  it.each(NUMBERS)('%j -5, =-5, 1e3, junk', async (args, says) => {
    for (const bad of [['-5'], ['-1.5'], ['abc'], ['0x10']]) {
      const r = await cli([...args.slice(0, -1), args[args.length - 1]!, ...bad]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(says);
      expect(r.stderr).not.toMatch(/ambiguous|ERR_PARSE_ARGS|To specify an option argument/);
      expect(r.stdout).toBe('');
    }
    const equals = await cli([...args.slice(0, -1), `${args[args.length - 1]}=-5`]);
    expect(equals.stderr).toMatch(says);
  });

  it('a string option with no value, or followed by another option, needs a value', async () => {
    expect((await cli(['check', '--timeout'])).stderr).toBe('mexc-wizard: --timeout needs a value.\nExample: --timeout 10000 (the default)\n');
    expect((await cli(['check', '--base-url', '--json'])).stderr).toBe('mexc-wizard: --base-url needs a value.\nExample: --base-url https://api.mexc.com\n');
  });

  it('--recv-window: at most 59999, the same limit the help and the 700005 diagnosis name', async () => {
    const r = await cli(['check', '--recv-window', '60000']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--recv-window 60000 is above 59999: MEXC documents 60000 as its ceiling .* whether 60000 itself passes is unconfirmed/);
    expect(topicHelp('check').replace(/\s+/g, ' ')).toMatch(/--recv-window MS recvWindow of signed requests, 1 to 59999 \(default 5000\): .* 60000 itself passes is unconfirmed and 59999 is the largest safe value/);
    const explained = await cli(['explain', '--json', '{"code":700005,"msg":"recvWindow must less than 60000"}']);
    const d = (JSON.parse(explained.stdout) as { diagnoses: Array<{ explanation: string; fixes: Array<{ title: string }> }> }).diagnoses[0]!;
    expect(d.explanation).toMatch(/whether 60000 itself passes is unconfirmed and 59999 is the largest value that is safe/);
    expect(d.fixes[0]!.title).toBe('Use recvWindow=5000 (or at most 59999)');
  });
});
