import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { NO_TMUX_MESSAGE, TmuxSession, assertBuilt, tmuxAvailable } from '../plain/tmux.js';

/**
 * The accessible front ends in a real terminal: Ink's screen-reader output (`--screen-reader`,
 * `INK_SCREEN_READER=true`, `ACCESSIBLE=1`) walked to the IP whitelist and clock fix screens
 * against the simulator. Screen-reader output is linear text: roles and states as words
 * ("listitem:", "(selected)"), every status as a word (PASS/FAIL), nothing only in colour.
 */

const hasTmux = tmuxAvailable();
if (!hasTmux) console.warn(NO_TMUX_MESSAGE);

describe.skipIf(!hasTmux)('screen-reader mode in a terminal', () => {
  const sessions: TmuxSession[] = [];
  const open = (opts: ConstructorParameters<typeof TmuxSession>[0]) => {
    const s = new TmuxSession(opts);
    sessions.push(s);
    return s;
  };
  beforeAll(() => assertBuilt());
  afterEach(() => {
    for (const s of sessions.splice(0)) s.kill();
  });

  /** Welcome (Enter: diagnose the demo key) → credentials (Enter: use these). */
  async function startDemo(t: TmuxSession) {
    await t.waitFor(/listitem: \(selected\)[^\n]*1\. Diagnose the demo key/);
    t.press('Enter');
    await t.waitFor(/listitem: \(selected\)[^\n]*1\. Use these credentials/);
    t.press('Enter');
  }

  it('--screen-reader walks to the IP whitelist fix screen', async () => {
    const t = open({ args: ['--screen-reader', '--demo', '--scenario', 'ip-not-whitelisted'] });
    await startDemo(t);
    const screen = await t.waitFor(/How to fix it[\s\S]*Keys:/);
    expect(screen).toContain('Step 4 Account: FAIL.');
    expect(screen).toContain("FAIL: Step 4 of 6 · Account. Your IP 198.51.100.23 is not on the key's whitelist");
    expect(screen).toContain("1. Add 198.51.100.23 to the key's IP whitelist");
    expect(screen).toMatch(/Step 3 Clock: PASS\./);
    t.type('q');
    expect(await t.exitCode()).toBe(1);
  });

  it('--screen-reader walks to the clock fix screen', async () => {
    const t = open({ args: ['--screen-reader', '--demo', '--scenario', 'clock-ahead'] });
    await startDemo(t);
    const screen = await t.waitFor(/Your clock is ahead of MEXC[\s\S]*Keys:/);
    expect(screen).toContain('Step 3 Clock: FAIL.');
    expect(screen).toContain('FAIL: Step 3 of 6 · Clock.');
    expect(screen).toContain('Sync the clock on Linux with systemd');
    t.press('C-c');
    expect(await t.exitCode()).toBe(130);
  });

  it.each([
    ['INK_SCREEN_READER=true', { INK_SCREEN_READER: 'true' }],
    ['ACCESSIBLE=1', { ACCESSIBLE: '1' }],
  ])('%s turns it on as well', async (_name, env) => {
    const t = open({ args: ['--demo', '--scenario', 'ip-not-whitelisted'], env });
    await startDemo(t);
    await t.waitFor(/FAIL: Step 4 of 6 · Account\. Your IP 198\.51\.100\.23/);
    t.type('q');
    expect(await t.exitCode()).toBe(1);
  });

  it('is off without the flag or the variables (the default Ink screens)', async () => {
    const t = open({ args: ['--demo', '--scenario', 'ip-not-whitelisted'] });
    await t.waitFor('Diagnose the demo key');
    expect(t.text()).not.toContain('listitem:');
    t.type('q');
    expect(await t.exitCode()).toBe(0);
  });
});
