import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSim } from '../../src/sim/server.js';
import { BIN } from '../support/cli.js';
import { skipReason, terminals, type Terminal } from '../support/terminal.js';

/**
 * The built wizard in a real terminal (tmux), at 60 and 100 columns: the demo scenarios end
 * to end, a typed canary secret that must never reach the screen, Ctrl-C, and piped stdin.
 */

if (skipReason) {
  // Said once, loudly, instead of a silent skip.
  console.warn(`[e2e wizard] ${skipReason}`);
}

const SIM_IP = '198.51.100.23';
// 32 lowercase hex, shaped like a real secret so the credentials step passes.
const CANARY_SECRET = 'c0ffee0042deadbeefcafe00badc0de1';
const KEY = 'mx0aBYs33eIilxBWC5';
/** Generous: CI machines and busy laptops start Node slowly; the wait ends as soon as the text shows. */
const STARTUP_MS = 20_000;

describe.skipIf(Boolean(skipReason))('wizard end to end (tmux)', { timeout: 90_000 }, () => {
  let cwd: string;
  let sim: RunningSim;
  const start = terminals({ beforeAll, afterEach });

  beforeAll(async () => {
    cwd = mkdtempSync(join(tmpdir(), 'mw-e2e-'));
    sim = await startSimulator({ port: 0, apiKey: KEY, secret: CANARY_SECRET, scenario: 'ok' });
  });

  afterAll(async () => {
    await sim?.close();
    rmSync(cwd, { recursive: true, force: true });
  });

  function open(args: string[], columns: number, rows = 40): Terminal {
    return start({ args, cwd, columns, rows });
  }

  /** Welcome → Enter (diagnose the demo key) → Enter (use the demo credentials) → Enter (keep BTCUSDT). */
  async function diagnoseDemo(scenario: string, columns: number, rows = 40): Promise<Terminal> {
    const t = open(['--demo', '--scenario', scenario], columns, rows);
    await t.waitFor('What do you want to do?', { timeoutMs: STARTUP_MS });
    t.press('Enter');
    await t.waitFor('Use these credentials');
    t.press('Enter');
    await t.waitFor('Which symbol does your bot trade?');
    t.press('Enter');
    return t;
  }

  describe.each([60, 100])('at %i columns', (columns) => {
    it('happy path in a 30-row terminal: verdict first, each step once, nothing scrolled away; q exits 0', async () => {
      const t = await diagnoseDemo('ok', columns, 30);
      await t.waitFor(/Summary: No problems found · 6 checks: 6 passed[\s\S]*q\squit/);
      const all = t.history();
      // Everything the run printed is on the 30 rows: the banner is still at the top.
      expect(all.replace(/\n+$/, '').split('\n').length).toBeLessThanOrEqual(30);
      expect(t.screen().split('\n')[0]).toMatch(/^mexc-wizard \d/);
      for (const title of ['Credentials', 'Connectivity', 'Clock', 'Account', 'Order read', 'Trade']) {
        expect(all.split(new RegExp(`✓ PASS\\s+\\d ${title}:`)).length - 1, title).toBe(1);
      }
      t.press('q');
      expect(await t.exitCode()).toBe(0);
      for (const line of t.history().split('\n')) expect([...line].length).toBeLessThanOrEqual(columns);
    });

    it('IP not whitelisted: the fix screen names the IP MEXC saw', async () => {
      const t = await diagnoseDemo('ip-not-whitelisted', columns);
      const fix = await t.waitFor('How to fix it');
      expect(fix).toContain('FAIL');
      expect(fix).toContain(`MEXC saw your IP as ${SIM_IP}`);
      expect(fix).toContain(`Add ${SIM_IP} to the key's`);
      t.press('q');
      expect(await t.exitCode()).toBe(1);
    });

    it("clock ahead: the offset with its sign, that recvWindow cannot fix it, and the picture of MEXC's timing rule", async () => {
      const t = await diagnoseDemo('clock-ahead', columns);
      const fix = await t.waitFor('How to fix it');
      expect(fix).toMatch(/Your clock is 4\.\d s ahead of MEXC/);
      expect(fix.replace(/\s+/g, ' ')).toMatch(/bigger recvWindow cannot help/);
      // The window from MEXC's time − 5 s to + 1 s, and the user's timestamp beyond its edge.
      const axis = fix.split('\n').find((l) => l.includes('┿'))!;
      expect(axis.indexOf('├')).toBeLessThan(axis.indexOf('┿'));
      expect(axis.indexOf('┿')).toBeLessThan(axis.indexOf('┤'));
      expect(axis.indexOf('┤')).toBeLessThan(axis.indexOf('●'));
      expect(fix).toMatch(/you \+4\.\d s/);
      expect(fix.replace(/\s+/g, ' ')).toMatch(/MEXC accepts a timestamp from its time − 5 s to \+ 1 s \(recvWindow\); yours lands at \+ 4\.\d s \(your clock is 4\.\d s ahead\): too far ahead, refused\./);
      for (const line of fix.split('\n')) expect([...line].length).toBeLessThanOrEqual(columns);
      t.press('q');
      expect(await t.exitCode()).toBe(1);
    });

    it('signature invalid: the fix screen offers the signature lab', async () => {
      const t = await diagnoseDemo('signature-invalid', columns);
      const fix = await t.waitFor('How to fix it');
      expect(fix).toContain('700002');
      expect(fix).toMatch(/l\ssignature\slab/);
      t.press('l');
      await t.waitFor('Signature lab');
      t.press('Escape');
      await t.waitFor('How to fix it');
      t.press('C-c');
      expect(await t.exitCode()).toBe(130);
    });

    it('permission denied: account passes, the trade step names the missing permission', async () => {
      const t = await diagnoseDemo('permission-denied', columns);
      const fix = await t.waitFor('How to fix it');
      expect(fix).toContain('Step 6 of 6');
      expect(t.history()).toMatch(/✓ PASS\s+4 Account/);
      expect(fix).toMatch(/Trade/);
      t.press('Enter');
      await t.waitFor('Summary');
      t.press('q');
      expect(await t.exitCode()).toBe(1);
    });

    it('a typed secret is never drawn', async () => {
      const t = open(['--base-url', sim.url], columns);
      await t.waitFor('What do you want to do?', { timeoutMs: STARTUP_MS });
      t.press('Enter');
      await t.waitFor('Type or paste the key');
      t.type(KEY);
      t.press('Enter');
      await t.waitFor('•'.repeat(KEY.length));
      await t.waitFor('Type or paste the secret');
      t.type(CANARY_SECRET);
      await t.waitFor('•'.repeat(CANARY_SECRET.length));
      t.press('Enter');
      await t.waitFor('Which symbol does your bot trade?');
      t.press('Enter');
      // The real steps run against the simulator with the typed credentials and pass.
      await t.waitFor('No problems found');
      t.press('q');
      expect(await t.exitCode()).toBe(0);
      t.history();
      const everything = t.allCaptures();
      expect(everything).not.toContain(CANARY_SECRET);
      expect(everything).not.toContain(CANARY_SECRET.slice(0, 10));
      expect(everything).not.toContain(CANARY_SECRET.slice(-10));
    });

    it('Ctrl-C during a request aborts it and exits 130', async () => {
      const t = await diagnoseDemo('timeout', columns);
      await t.waitFor('Step 2 of 6');
      t.press('C-c');
      const code = await t.exitCode();
      expect(code).toBe(130);
      expect(t.screen()).toContain('Interrupted');
    });
  });

  it('one set of keys: a number moves the focus (nothing starts before Enter), two digits reach item 12, Esc goes back one screen', async () => {
    const t = start({ args: ['--demo'], cwd, columns: 100, rows: 40 });
    await t.waitFor('What do you want to do?', { timeoutMs: STARTUP_MS });
    t.press('Enter');
    // The demo has spot and futures scenarios: the picker asks which API first (Enter: spot).
    await t.waitFor('Scenarios for which API?');
    t.press('Enter');
    await t.waitFor('Which demo scenario?');
    const count = (t.screen().match(/↑↓\/1-(\d+)/) ?? [])[1];
    expect(Number(count)).toBeGreaterThanOrEqual(12);
    // 1 then 2 in one chunk: item 12 gets the focus and nothing starts until Enter.
    t.type('12');
    const focused = await t.waitFor(/❯ 12\. (\S+)/);
    const scenario = /❯ 12\. (\S+)/.exec(focused)![1]!;
    expect(focused).toContain('Which demo scenario?');
    t.press('Enter');
    await t.waitFor('Use these credentials');
    t.press('Enter');
    await t.waitFor('Which symbol does your bot trade?');
    t.press('Escape');
    // One screen back: the credentials, then the scenario list, the API question, the welcome menu.
    await t.waitFor('Use these credentials');
    t.press('Escape');
    await t.waitFor(new RegExp(`❯ 12\\. ${scenario}`));
    t.press('Escape');
    await t.waitFor('Scenarios for which API?');
    t.press('Escape');
    await t.waitFor('What do you want to do?');
    t.press('q');
    expect(await t.exitCode()).toBe(0);
  });

  it('Esc goes back one screen: from the summary to the fix screen before it, from there to the question before it', async () => {
    const t = await diagnoseDemo('clock-ahead', 100);
    await t.waitFor(/Step 3 of 6 · Clock[\s\S]*How to fix it/);
    t.press('Enter');
    // One problem: the clock (the account step refused because of it adds none of its own).
    await t.waitFor(/Summary: 1 problem found/);
    t.press('Escape');
    await t.waitFor(/Step 3 of 6 · Clock[\s\S]*How to fix it/);
    t.press('Escape');
    await t.waitFor('Which symbol does your bot trade?');
    t.press('C-c');
    expect(await t.exitCode()).toBe(130);
  });

  it('nothing is printed after the exit frame: a copy asked for just before q finishes first, and its message is not shown under "Bye."', async () => {
    const t = await diagnoseDemo('ip-not-whitelisted', 100);
    await t.waitFor('How to fix it');
    t.type('cq');
    expect(await t.exitCode()).toBe(1);
    const lines = t.history().split('\n').map((l) => l.trimEnd()).filter(Boolean);
    const exit = lines.findIndex((l) => l.startsWith('EXIT='));
    expect(lines.slice(exit - 2, exit)).toEqual(['Bye.', 'Nothing was written to disk except reports you saved.']);
    expect(lines.slice(lines.findIndex((l) => l.includes('Summary:') || l.includes('Bye.'))).join('\n')).not.toMatch(/Copied|Sent fix/);
    // The copy itself went out before the program ended.
    expect(t.pasteBuffer()).toContain('198.51.100.23');
  });

  it('draws the welcome menu once, and acts on keys pressed before Ink has loaded, without echoing them', async () => {
    const t = start({ args: [], cwd, columns: 100, rows: 40, recordIn: cwd });
    // The menu is on screen before Ink has loaded: the keys go in at once, they must wait.
    await t.waitFor('What do you want to do?', { in: 'history', timeoutMs: STARTUP_MS });
    t.press('Down', 'Down', 'Down', 'Enter');
    await t.waitFor('Signature lab: check a request your code sent');
    const history = t.history();
    expect(history).not.toContain('What do you want to do?');
    expect(history.split('mexc-wizard 0.').length - 1).toBe(1);
    // The pane's byte stream holds what the terminal echoed too: nothing, in raw mode.
    expect(t.raw()).not.toContain('^[[B');
    t.press('C-c');
    expect(await t.exitCode()).toBe(130);
  });

  it('piped stdin: no wizard, the headless check runs and exits cleanly', () => {
    const env = { ...process.env };
    delete env.CI;
    const r = spawnSync(process.execPath, [BIN, '--demo', '--scenario', 'ok'], { cwd, env, input: '', encoding: 'utf8', timeout: 30_000 });
    expect(r.stderr).toMatch(/No terminal on stdin/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^✓ No problems: all 6 steps passed\.$/m);
  });
});
