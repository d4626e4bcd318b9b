import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSim } from '../../src/sim/server.js';
import { skipReason, terminals, type Terminal } from '../support/terminal.js';

/**
 * `--plain` in a real terminal (tmux), against the built bundle and the simulator: the walks a
 * user takes to the IP whitelist and clock fix screens, Ctrl-C, and a typed secret that must
 * never reach the screen.
 */

if (skipReason) console.warn(skipReason);

describe.skipIf(Boolean(skipReason))('--plain in a terminal', () => {
  const open = terminals({ beforeAll, afterEach });

  /** Welcome → Enter (diagnose the demo key) → Enter (use these credentials) → Enter (keep BTCUSDT). */
  async function startDemo(t: Terminal) {
    await t.waitFor('What do you want to do?', { in: 'text' });
    t.press('Enter');
    await t.waitFor('Run the checks with these credentials?', { in: 'text' });
    t.press('Enter');
    await t.waitFor('Symbol (Enter keeps BTCUSDT)', { in: 'text' });
    t.press('Enter');
  }

  it('walks to the IP whitelist fix screen; Ctrl-C exits 130 and gives the terminal back', async () => {
    const t = open({ args: ['--plain', '--demo', '--scenario', 'ip-not-whitelisted'], after: 'stty -a | tr " ;" "\\n\\n" | grep -x -e "-\\?icanon" -e "-\\?echo"' });
    await startDemo(t);
    const screen = await t.waitFor(/What next\?[\s\S]*Continue with the next check/, { in: 'text' });
    expect(screen).toContain('✗ FAIL Step 4 of 6 · Account');
    expect(screen).toContain("Your IP 198.51.100.23 is not on the key's whitelist");
    expect(screen).toContain("Fix 1: Add 198.51.100.23 to the key's IP whitelist");
    expect(screen).toContain('✓ PASS Clock');
    // No spinner, no redraw: the static line is still there above the result.
    expect(screen).toMatch(/Step 4 of 6 · Account — checking…/);
    t.press('C-c');
    expect(await t.exitCode()).toBe(130);
    const after = await t.waitFor(/EXIT=130\s+icanon\s+echo/, { in: 'text' });
    expect(after).not.toMatch(/-icanon|-echo\b/);
  });

  it('Ctrl-C while a check runs stops it at once; keys typed meanwhile are not echoed', async () => {
    const t = open({ args: ['--plain', '--demo', '--scenario', 'timeout'], after: 'stty -a | tr " ;" "\\n\\n" | grep -x -e "-\\?icanon" -e "-\\?echo"' });
    await startDemo(t);
    await t.waitFor('Step 2 of 6 · Connectivity — checking…', { in: 'text' });
    t.type('stray');
    t.press('Enter');
    t.press('C-c');
    expect(await t.exitCode(5000)).toBe(130);
    const after = await t.waitFor(/EXIT=130\s+icanon\s+echo/, { in: 'text' });
    expect(after).not.toContain('stray');
  });

  it('walks to the clock fix screen, continues to the summary and quits with exit 1', async () => {
    const t = open({ args: ['--plain', '--demo', '--scenario', 'clock-ahead'] });
    await startDemo(t);
    const screen = await t.waitFor(/Your clock is ahead of MEXC[\s\S]*What next\?/, { in: 'text' });
    expect(screen).toContain('✗ FAIL Step 3 of 6 · Clock');
    // The timing rule in one line of words (no picture in a printed stream).
    expect(screen.replace(/\s+/g, ' ')).toMatch(/MEXC accepts a timestamp from its time − 5 s to \+ 1 s \(recvWindow\); yours lands at \+ 4\.\d s/);
    expect(screen).not.toContain('┿');
    expect(screen).toContain('sudo timedatectl set-ntp true');
    expect(screen).toContain('Do not raise recvWindow for this');
    // Enter continues: the remaining checks run, each failure stops on its own fix screen.
    for (let asked = 1; asked < 10; asked++) {
      if ((await t.waitForCount('What next?', asked)).includes('Summary')) break;
      t.press('Enter');
    }
    await t.waitFor(/Summary[\s\S]*What next\?/, { in: 'text' });
    await t.choose('Quit');
    expect(await t.exitCode()).toBe(1);
  });

  it('reads well at 60 columns: wrapped at words, status words beside the symbols', async () => {
    const t = open({ args: ['--plain', '--demo', '--scenario', 'ip-not-whitelisted'], columns: 60 });
    await startDemo(t);
    await t.waitFor(/What next\?[\s\S]*Quit/, { in: 'text' });
    const lines = t.capture({ history: true }).split('\n');
    // Prose is wrapped by the wizard, not cut by the terminal: no line is filled to the edge
    // except fix text (kept whole so it pastes) and URLs.
    const overflowing = lines.filter((l) => l.length >= 60 && !/https?:|[?]|Fix \d|^\s*\d\.|mexc-wizard check/.test(l));
    expect(overflowing).toEqual([]);
    expect(t.text().replace(/\s+/g, ' ')).toContain("✗ FAIL Step 4 of 6 · Account Your IP 198.51.100.23 is not on the key's whitelist");
  });

  describe('with credentials typed at the masked prompt', () => {
    let sim: RunningSim;
    const apiKey = 'mx0vglE2eTestKey01';
    beforeAll(async () => {
      sim = await startSimulator({ port: 0, apiKey, secret: '0123456789abcdef0123456789abcdef', scenario: 'ok' });
    });
    afterAll(async () => sim?.close());

    it('never echoes the secret: not while typing, not after, not in any diagnosis', async () => {
      const canary = 'c4a7a71e5ec7e7000000000000000042';
      const t = open({ args: ['--plain', '--base-url', sim.url] });
      await t.waitFor('What do you want to do?', { in: 'text' });
      t.press('Enter');
      await t.waitFor('API key (masked)', { in: 'text' });
      t.type(apiKey);
      await t.waitFor(new RegExp(`API key \\(masked\\)\\W*\\*{${apiKey.length}}`), { in: 'text' });
      t.press('Enter');
      await t.waitFor('Secret key (masked)', { in: 'text' });
      t.type(canary);
      await t.waitFor(/Secret key \(masked\)\W*\*{8}/, { in: 'text' });
      expect(t.capture({ history: true })).not.toContain('c4a7a71e');
      t.press('Enter');
      await t.waitFor('Symbol (Enter keeps BTCUSDT)', { in: 'text' });
      t.press('Enter');
      // The wrong secret: MEXC (the simulator) refuses the signature.
      await t.waitFor(/Signature[\s\S]*What next\?/, { in: 'text' });
      const all = t.capture({ history: true });
      expect(all).not.toContain(canary);
      expect(all).not.toContain('c4a7a71e');
      t.press('C-c');
      expect(await t.exitCode()).toBe(130);
      expect(t.capture({ history: true })).not.toContain('c4a7a71e');
    });

    it('on a dumb terminal asks in numbered lines and reads the secret with nothing echoed', async () => {
      const canary = 'c4a7a71e5ec7e7000000000000000043';
      const t = open({ args: ['--plain', '--base-url', sim.url], env: { TERM: 'dumb' } });
      await t.waitFor('Type a number and press Enter', { in: 'text' });
      t.type('1');
      t.press('Enter');
      await t.waitFor('API key (nothing is shown while you type)', { in: 'text' });
      t.type(apiKey);
      t.press('Enter');
      await t.waitFor('Secret key (nothing is shown while you type)', { in: 'text' });
      t.type(canary);
      t.press('Enter');
      // Nothing typed was echoed: the history holds everything the terminal showed.
      await t.waitFor('Symbol (Enter keeps BTCUSDT)', { in: 'text' });
      t.press('Enter');
      await t.waitFor(/Signature[\s\S]*Type a number and press Enter/, { in: 'text' });
      expect(t.capture({ history: true })).not.toContain('c4a7a71e');
      t.press('C-c');
      expect(await t.exitCode()).toBe(130);
    });
  });
});
