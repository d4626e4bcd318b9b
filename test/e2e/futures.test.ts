import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FUTURES_SCENARIOS } from '../../src/sim/futures/scenarios.js';
import { startSimulator, type RunningSim } from '../../src/sim/server.js';
import { BIN } from '../support/cli.js';
import { skipReason, terminals, type Terminal } from '../support/terminal.js';

/**
 * The wizard's futures path in a real terminal (tmux), built CLI: from the welcome screen's
 * "My futures bot fails" to a failing futures step's fix screen, a re-run and the summary, at 60
 * and 100 columns; and every futures demo scenario walked to its summary with the verdict that
 * `--demo --scenario … --json` (check --futures) gives: never a false "all good".
 */

if (skipReason) console.warn(`[e2e futures] ${skipReason}`);

const KEY = 'mx0aBYs33eIilxBWC5';
// 32 lowercase hex, shaped like a real secret so the credentials step passes.
const SECRET = 'c0ffee0042deadbeefcafe00badc0de1';
/** Generous: a busy machine starts Node slowly; every wait ends as soon as the text shows. */
const STARTUP_MS = 30_000;
const STEP_MS = 30_000;

const TITLES = ['Credentials', 'Connectivity', 'Clock', 'Futures account', 'Futures trade read'] as const;
const STATUS: Record<string, string> = { '✓ PASS': 'pass', '! WARN': 'warn', '✗ FAIL': 'fail', '- SKIP': 'skip' };

/** Each step's last status in the checklist written above the screen ("✗ FAIL  4 Futures account: …"). */
function checklist(history: string): string[] {
  const last = new Map<number, string>();
  for (const m of history.matchAll(/(✓ PASS|! WARN|✗ FAIL|- SKIP)\s+([1-5]) (Credentials|Connectivity|Clock|Futures account|Futures trade read)(?: \(re-run\))?:/g)) {
    expect(m[3]).toBe(TITLES[Number(m[2]) - 1]);
    last.set(Number(m[2]), STATUS[m[1]!]!);
  }
  return [1, 2, 3, 4, 5].map((n) => last.get(n) ?? 'missing');
}

describe.skipIf(Boolean(skipReason))('the futures path end to end (tmux)', { timeout: 120_000 }, () => {
  let cwd: string;
  let sim: RunningSim;
  const start = terminals({ beforeAll, afterEach });

  beforeAll(async () => {
    cwd = mkdtempSync(join(tmpdir(), 'mw-e2e-futures-'));
    sim = await startSimulator({ port: 0, apiKey: KEY, secret: 'another0secret0the0server0holds0', scenario: 'ok' });
  });

  afterAll(async () => {
    await sim?.close();
    rmSync(cwd, { recursive: true, force: true });
  });

  describe.each([60, 100])('at %i columns', (columns) => {
    it('welcome → "My futures bot fails" → the 602 fix screen → r re-runs → Enter → summary; q exits 1', async () => {
      // The server holds another secret than the key's: every signed request is refused, spot 700002 and futures 602.
      const t: Terminal = start({ args: ['--base-url', sim.url], cwd, columns, rows: 40, env: { MEXC_API_KEY: KEY, MEXC_SECRET_KEY: SECRET } });
      await t.waitFor('What do you want to do?', { timeoutMs: STARTUP_MS });
      expect(t.screen()).toContain('2. My futures bot fails');
      // Its number moves the pointer to it, Enter chooses; the futures run asks no symbol.
      await t.choose('My futures bot fails');
      await t.waitFor('Use these credentials');
      t.press('Enter');

      const fix = await t.waitFor('How to fix it', { timeoutMs: STEP_MS });
      expect(fix).toMatch(/✗ FAIL Step 4 of 5 · Futures\s+account/);
      expect(fix).toContain('602');
      expect(fix).toMatch(/l\ssignature\slab/);
      expect(t.text()).toMatch(/✓ PASS 2 Connectivity: MEXC futures API reachable/);
      expect(t.history()).not.toMatch(/Order read|\/api\/v3\//);

      t.press('r');
      await t.waitFor(/4 Futures account \(re-run\): Refused/, { in: 'text', timeoutMs: STEP_MS });
      await t.waitFor('How to fix it');
      t.press('Enter');

      const summary = await t.waitFor('What next?', { timeoutMs: STEP_MS });
      // Each step's line once, above the summary; the summary opens with the verdict.
      expect(t.text()).toMatch(/✗ FAIL 4 Futures account \(re-run\): Refused/);
      expect(t.text()).toMatch(/- SKIP 5 Futures trade read/);
      expect(summary.replace(/\s+/g, ' ')).toContain('1 problem found · 5 checks: 3 passed, 1 failed, 1 skipped');
      // The futures docs, the URL whole on a line of its own (a selection copies it).
      expect(summary).toMatch(/^ {2}https:\/\/www\.mexc\.com\/api-docs\/futures\/integration-guide$/m);
      expect(summary).toMatch(/1\. ✗ FAIL Futures account: MEXC rejected the signature/);
      t.press('q');
      expect(await t.exitCode()).toBe(1);
      for (const line of t.history().split('\n')) expect([...line].length).toBeLessThanOrEqual(columns);
      expect(t.allCaptures()).not.toContain(SECRET);
    });
  });

  it('--plain: the welcome menu offers the futures run, and it walks the futures steps to the 602 fix', async () => {
    const t = start({ args: ['--plain', '--base-url', sim.url], cwd, columns: 100, rows: 40, env: { MEXC_API_KEY: KEY, MEXC_SECRET_KEY: SECRET } });
    await t.waitFor('What do you want to do?', { in: 'text', timeoutMs: STARTUP_MS });
    await t.choose('My futures bot fails');
    await t.waitFor('Run the checks with these credentials?', { in: 'text' });
    t.press('Enter');
    const screen = await t.waitFor(/What next\?[\s\S]*Continue with the next check/, { in: 'text', timeoutMs: STEP_MS });
    expect(screen).toContain('✗ FAIL Step 4 of 5 · Futures account');
    expect(screen).toContain('Signature verification failed!');
    expect(screen).toContain('Re-run the Futures account check');
    expect(screen).not.toMatch(/Order read|\/api\/v3\//);
    t.press('C-c');
    expect(await t.exitCode()).toBe(130);
  });

  it.each(FUTURES_SCENARIOS.map((s) => [s.name]))('--demo --scenario %s: the futures steps, and the verdict of check --futures', async (scenario) => {
    const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' };
    const checked = spawnSync(process.execPath, [BIN, '--demo', '--scenario', scenario, '--json'], { cwd, env, input: '', encoding: 'utf8', timeout: 60_000 });
    const check = JSON.parse(checked.stdout) as { ok: boolean; api?: string; steps: Array<{ id: string; status: string; diagnoses: unknown[] }> };
    expect(check.api).toBe('futures');
    expect(check.ok).toBe(false);
    expect(checked.status).toBe(1);

    const t = start({ args: ['--demo', '--scenario', scenario], cwd, columns: 100, rows: 40 });
    await t.waitFor(`Diagnose the demo key (scenario: ${scenario})`, { timeoutMs: STARTUP_MS });
    t.press('Enter');
    await t.waitFor('Use these credentials', { timeoutMs: STARTUP_MS });
    t.press('Enter');
    // Enter on each fix screen (continue) until the summary; a fix screen names its step.
    for (let after = 0; ; ) {
      const later = after < 5 ? `|(?:FAIL|WARN) Step [${after + 1}-5] of 5` : '';
      const seen = await t.waitFor(new RegExp(`What next\\?${later}`), { timeoutMs: STEP_MS });
      const onFix = /(?:FAIL|WARN) Step ([1-5]) of 5/.exec(seen);
      if (seen.includes('What next?') || !onFix) break;
      after = Number(onFix[1]);
      t.press('Enter');
    }

    const statuses = checklist(t.text());
    expect(statuses).toEqual(check.steps.map((s) => s.status));
    const summary = t.screen();
    expect(summary).not.toContain('No problems found');
    const problems = check.steps.filter((s) => s.status === 'fail').reduce((n, s) => n + s.diagnoses.length, 0);
    if (problems > 0) expect(summary).toContain(`${problems} problem${problems === 1 ? '' : 's'} found`);
    t.press('q');
    expect(await t.exitCode()).toBe(checked.status);
  });
});
