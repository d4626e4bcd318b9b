import { afterEach, describe, expect, it } from 'vitest';
import { demoSimulator } from '../../src/commands/demo-simulator.js';
import { runPlain } from '../../src/plain/index.js';
import { startSimulator, type RunningSim } from '../../src/sim/server.js';
import { fakeIO } from '../support/fake-io.js';
import { SGR, scriptedPrompter, type Answer } from './helpers.js';

/**
 * The plain front end over the real flow, runtime, session and simulator, with a scripted
 * prompter standing in for the keyboard: each test is one user's session.
 */

type LaunchOptions = NonNullable<Parameters<typeof runPlain>[2]>;
const stdout = { columns: 100, write: () => true } as unknown as NodeJS.WriteStream;
const copy: LaunchOptions['copy'] = async (_text, what) => ({ ok: true, text: `Copied ${what} (test).` });

function session(script: Answer[], io = fakeIO({ isTTY: true })) {
  const prompter = scriptedPrompter(script);
  return { io, prompter, run: (opts: Parameters<typeof runPlain>[0], deps: LaunchOptions = {}) => runPlain(opts, io, { stdout, prompter, copy, demo: demoSimulator(), ...deps }) };
}

describe('runPlain in the demo', () => {
  it('walks to the IP whitelist fix and exits 1 on quit', async () => {
    const { io, prompter, run } = session(['Diagnose the demo key', 'Use these credentials', '', 'Quit']);
    await expect(run({ demo: true, scenario: 'ip-not-whitelisted', verbose: false })).resolves.toBe(1);
    const out = io.out();
    expect(out).toContain('✓ PASS  Credentials');
    expect(out).toContain('✗ FAIL  Account');
    expect(out).toContain("Your IP 198.51.100.23 is not on the key's whitelist");
    expect(out).toContain('Fix 1: Add 198.51.100.23 to the key');
    expect(prompter.asked.at(-1)?.labels.slice(0, 2)).toEqual(['Continue with the next check', 'Re-run the Account check']);
  });

  it('walks to the clock fix with the sync commands and no recvWindow advice', async () => {
    const { io, run } = session(['Diagnose the demo key', 'Use these credentials', '', 'Quit']);
    await expect(run({ demo: true, scenario: 'clock-ahead', verbose: false })).resolves.toBe(1);
    const out = io.out();
    expect(out).toContain('✗ FAIL  Clock');
    expect(out).toContain('Your clock is ahead of MEXC');
    expect(out).toContain('sudo timedatectl set-ntp true');
  });

  it('prints each screen once: the fix is not printed again after a copy', async () => {
    const { io, run } = session(['Diagnose the demo key', 'Use these credentials', '', 'Copy a fix', 'Fix 1', 'Quit']);
    await run({ demo: true, scenario: 'ip-not-whitelisted', verbose: false });
    const out = io.out();
    expect(out.split('Fix 1: Add 198.51.100.23').length - 1).toBe(1);
    expect(out).toContain('Copied fix 1 (test).');
  });

  it('continues past a fix to the summary and re-runs a step on request', async () => {
    const { io, prompter, run } = session(['Diagnose the demo key', 'Use these credentials', '', 'Re-run the Account check', 'Continue with the next check', 'Quit']);
    await expect(run({ demo: true, scenario: 'ip-not-whitelisted', verbose: false })).resolves.toBe(1);
    const out = io.out();
    expect(out).toContain('Account (re-run): Refused');
    expect(out).toContain('Summary');
    expect(out).toContain('- SKIP  Trade');
    expect(prompter.asked.at(-1)?.labels[0]).toMatch(/^✗ FAIL Account: Your IP 198.51.100.23 is not on the key's whitelist$/);
  });

  it('prints the support report when asked, once, and asks again', async () => {
    const { io, prompter, run } = session(['Diagnose the demo key', 'Use these credentials', '', 'Show the support report', 'Quit']);
    await run({ demo: true, scenario: 'ip-not-whitelisted', verbose: false });
    const out = io.out();
    expect(out).toContain('Support report (redacted: no secret)');
    expect(out).toContain('700006');
    expect(out.split('How to fix it').length - 1).toBe(1);
    expect(prompter.asked.at(-1)?.message).toBe('What next?');
  });

  it('asks which symbol the bot trades and runs the order checks on it', async () => {
    const { io, run } = session(['Diagnose the demo key', 'Use these credentials', 'eth_usdt', 'Quit']);
    await expect(run({ demo: true, scenario: 'ok', verbose: false })).resolves.toBe(0);
    expect(io.out()).toContain('Which symbol does your bot trade?');
    expect(io.out()).toContain('Order details readable (0 open orders on ETHUSDT)');
    expect(io.out()).toContain('test order on ETHUSDT validated');
  });

  it('a symbol that is not open to API trading fails the trade check as it fails the bot', async () => {
    const { io, run } = session(['Diagnose the demo key', 'Use these credentials', 'KASUSDT', 'Continue with the next check', 'Quit']);
    await expect(run({ demo: true, scenario: 'ok', verbose: false })).resolves.toBe(1);
    expect(io.out()).toContain('Symbol KASUSDT: listed by MEXC, but not in GET /api/v3/defaultSymbols');
    expect(io.out()).toContain('This symbol cannot be traded through the API');
  });

  it('exits 0 when every check passes', async () => {
    const { io, run } = session(['Diagnose the demo key', 'Use these credentials', '', 'Quit']);
    await expect(run({ demo: true, scenario: 'ok', verbose: false })).resolves.toBe(0);
    expect(io.out()).toContain('✓ Summary: No problems found · 6 checks: 6 passed');
    expect(io.out()).not.toContain('FAIL');
    // Each step once: its line as it ran, not again in the summary.
    expect(io.out().split('Order read:').length - 1).toBe(1);
  });

  it('offers the scenarios when --demo has none, spot and futures apart, and Esc goes back', async () => {
    const { prompter, run } = session(['Pick a demo scenario', 'Spot API', { key: 'esc' }, 'Futures API', { key: 'esc' }, { key: 'esc' }, 'Quit']);
    await expect(run({ demo: true, verbose: false })).resolves.toBe(0);
    expect(prompter.asked.map((a) => a.message)).toEqual([
      'What do you want to do?',
      'Scenarios for which API?',
      'Which demo scenario?',
      'Scenarios for which API?',
      'Which demo scenario?',
      'Scenarios for which API?',
      'What do you want to do?',
    ]);
    expect(prompter.asked[1]?.labels).toEqual(['Spot API (21 scenarios)', 'Futures API (13 scenarios)', 'Back', 'Quit']);
    expect(prompter.asked[2]?.labels).toContain('clock-ahead');
    expect(prompter.asked[2]?.labels).not.toContain('futures-clock-ahead');
    expect(prompter.asked[4]?.labels).toContain('futures-signature-invalid');
    expect(prompter.asked[4]?.labels).not.toContain('clock-ahead');
  });

  it("the futures list's 'ok' runs the futures steps on a healthy server: every one passes, exit 0", async () => {
    const { io, prompter, run } = session(['Pick a demo scenario', 'Futures API', 'ok', 'Use these credentials', 'Quit']);
    await expect(run({ demo: true, verbose: false })).resolves.toBe(0);
    expect(prompter.asked[2]?.labels[0]).toBe('ok');
    const out = io.out();
    expect(out).toContain('Step 4 of 5 · Futures account');
    expect(out).toContain('✓ Summary: No problems found · 5 checks: 5 passed');
    expect(out).not.toMatch(/FAIL|SKIP|Order read/);
  });

  it('a futures scenario runs the futures steps and never ends in all good', async () => {
    const { io, prompter, run } = session(['Diagnose the demo key', 'Use these credentials', 'Continue', 'Quit']);
    await expect(run({ demo: true, scenario: 'futures-signature-invalid', verbose: false })).resolves.toBe(1);
    const out = io.out();
    expect(out).toContain('Step 4 of 5 · Futures account');
    expect(out).toContain('code 602');
    expect(out).toContain('- SKIP  Futures trade read');
    expect(out).not.toContain('No problems found');
    expect(out).not.toMatch(/Order read|Trade\b/);
    expect(prompter.asked.at(-1)?.labels[0]).toBe('✗ FAIL Futures account: MEXC rejected the signature');
  });

  it('holds the keyboard while steps run', async () => {
    const { prompter, run } = session(['Diagnose the demo key', 'Use these credentials', '', 'Quit']);
    await run({ demo: true, scenario: 'ip-not-whitelisted', verbose: false });
    expect(prompter.held).toBeGreaterThan(0);
  });
});

describe('runPlain exits', () => {
  it('returns 130 on Ctrl-C at a prompt', async () => {
    const { run } = session([{ key: 'ctrl-c' }]);
    await expect(run({ demo: true, scenario: 'ok', verbose: false })).resolves.toBe(130);
  });

  it('returns 130 when SIGINT arrives while a step runs', async () => {
    const controller = new AbortController();
    const io = fakeIO({ isTTY: true, signal: controller.signal });
    const { run } = session(['Diagnose the demo key', 'Use these credentials', ''], io);
    const hanging = {
      createSession: async () => ({
        runStep: () => {
          setTimeout(() => controller.abort(), 20);
          return new Promise<never>(() => undefined);
        },
        setTypedCredentials: () => undefined,
        setSymbol: () => undefined,
        credentials: () => ({}),
        report: () => ({ ok: true, baseUrl: 'x', steps: [] }),
        fixContext: () => ({ baseUrl: 'x', symbol: 'BTCUSDT', recvWindowMs: 5000, platform: 'linux' as const }),
        close: () => undefined,
      }),
    };
    await expect(run({ demo: true, scenario: 'ok', verbose: false }, { loaders: hanging })).resolves.toBe(130);
  });
});

describe('runPlain output', () => {
  it('has no colour codes when colour is off', async () => {
    const { io, run } = session(['Diagnose the demo key', 'Use these credentials', '', 'Quit'], fakeIO({ isTTY: true, color: false }));
    await run({ demo: true, scenario: 'ip-not-whitelisted', verbose: false });
    expect(io.out()).not.toMatch(SGR);
  });

  it('has colour when colour is on, and the words beside it', async () => {
    const { io, run } = session(['Diagnose the demo key', 'Use these credentials', '', 'Quit'], fakeIO({ isTTY: true, color: true }));
    await run({ demo: true, scenario: 'ip-not-whitelisted', verbose: false });
    expect(io.out()).toMatch(SGR);
    expect(io.out()).toContain('✗ FAIL');
  });
});

describe('runPlain with typed credentials', () => {
  let sim: RunningSim | undefined;
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });

  it('never prints the typed secret, masked or not, and diagnoses the wrong one', async () => {
    const apiKey = 'mx0vglTestKey12345';
    sim = await startSimulator({ port: 0, apiKey, secret: '0123456789abcdef0123456789abcdef', scenario: 'ok' });
    const canary = 'c4a7a71e5ec7e7000000000000000000';
    const { io, prompter, run } = session(['Diagnose my API key', apiKey, canary, 'ETHUSDT', 'Show the support report', 'Quit'], fakeIO({ isTTY: true, env: {} }));
    const code = await run({ baseUrl: sim.url, verbose: true });
    expect(prompter.asked.filter((a) => a.kind === 'secret').map((a) => a.message)).toEqual(['API key (masked)', 'Secret key (masked)']);
    // The symbol the bot trades is asked, and the order checks use it.
    expect(prompter.asked.find((a) => a.kind === 'text')?.message).toBe('Symbol (Enter keeps BTCUSDT)');
    expect(code).toBe(1);
    expect(io.out()).toContain('✗ FAIL  Account');
    expect(io.out()).toContain('Support report');
    expect(io.out() + io.err()).not.toContain(canary);
    expect(io.out() + io.err()).not.toContain(canary.slice(0, 8));
  });
});
