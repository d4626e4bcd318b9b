/**
 * Issue #13: a usage error comes alone: no banner, no "running check instead" notice, no demo
 * line and no partial report before it (the built CLI, as a user's shell runs it).
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, killAll, runCli } from '../support/cli.js';

beforeAll(ensureBuilt, 120_000);
afterEach(killAll);

const CASES: Array<[string, string[], RegExp]> = [
  ['the wizard without a terminal, a bad --symbol (found after the fallback is chosen)', ['--symbol', 'BTC USDT!'], /^mexc-wizard: --symbol "BTC USDT!" is not a MEXC spot symbol\.\nExample: --symbol BTCUSDT\n$/],
  ['--demo without a terminal, a bad --timeout', ['--demo', '--timeout', '50'], /^mexc-wizard: --timeout must be a whole number of milliseconds from 100 to 120000, not "50"\.\n/],
  ['check --demo, a bad --recv-window', ['check', '--demo', '--recv-window', '0'], /^mexc-wizard: --recv-window must be a whole number of milliseconds from 1 to 59999, not "0"\.\n/],
  ['check --demo with --base-url', ['check', '--demo', '--base-url', 'https://api.mexc.com'], /^mexc-wizard: --demo runs against the built-in simulator with throwaway credentials: --base-url does not apply\.\n/],
  ['check --futures, a recv-window in milliseconds', ['check', '--futures', '--recv-window', '2500'], /^mexc-wizard: --recv-window 2500 with --futures: /],
  ['a negative number', ['check', '--timeout', '-5'], /^mexc-wizard: --timeout must be a whole number/],
  ['check --scenario without --demo', ['check', '--scenario', 'clock-ahead'], /^mexc-wizard: --scenario only works with --demo \(or with the sim command\)\.\nExample: node \S+ check --demo --scenario clock-ahead\n$/],
  ['check --futures, a window over 60 s', ['check', '--futures', '--recv-window', '61000'], /^mexc-wizard: --recv-window 61000 with --futures is above 60000: MEXC's futures Recv-Window header allows at most 60 seconds\.\n/],
];

describe('a usage error prints nothing else before it', () => {
  it.each(CASES)('%s', { timeout: 20_000 }, async (_name, args, says) => {
    const r = await runCli(args, { env: { MEXC_API_KEY: 'mx0aBYs33eIilxBWC5', MEXC_SECRET_KEY: '45d0b3c26f2644f19bfb98b07741b2f5' } });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(says);
    expect(r.stderr).not.toMatch(/No terminal|running "|Demo: simulator|mexc-wizard check ·/);
  });

  it('the fallback notice still comes when the flags are good', { timeout: 30_000 }, async () => {
    const r = await runCli(['--demo']);
    expect(r.stderr).toMatch(/^No terminal on stdin: running "node \S*bin\/mexc-wizard\.js check --demo" instead of the wizard\.\nDemo: simulator at http:\/\/127\.0\.0\.1:\d+, scenario "ok", throwaway credentials\.\n$/);
    expect(r.code).toBe(0);
  });

  it('check --demo runs the built-in simulator (it once went to the real MEXC, ignoring --demo)', { timeout: 30_000 }, async () => {
    const r = await runCli(['check', '--demo', '--scenario', 'ip-not-whitelisted']);
    expect(r.stderr).toMatch(/^Demo: simulator at http:\/\/127\.0\.0\.1:\d+, scenario "ip-not-whitelisted"/);
    expect(r.stdout).toMatch(/^mexc-wizard check · http:\/\/127\.0\.0\.1:\d+ · key mx0/);
    expect(r.stdout).toMatch(/\[ip-not-whitelisted\]/);
    expect(r.stdout).toMatch(/^1 problem found\. After a fix, run node \S*bin\/mexc-wizard\.js check --demo --scenario ip-not-whitelisted again\.$/m);
    expect(r.code).toBe(1);
  });
});
