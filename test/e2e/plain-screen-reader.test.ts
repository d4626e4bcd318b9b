import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { skipReason, terminals, type Terminal } from '../support/terminal.js';

/**
 * The accessible front end in a real terminal: Ink's screen-reader output (`--screen-reader`,
 * `INK_SCREEN_READER=true`, `ACCESSIBLE=1`) walked to the IP whitelist and clock fix screens
 * against the simulator. Screen-reader output is linear text: the focused line says "selected"
 * in words instead of a pointer, and every status is a word (PASS/FAIL), never colour alone.
 * The assertions read meaning, not the exact wording of the Ink screens, which may change.
 */

/** One line holding all of `parts`, in any order ("1. Use these credentials, selected"). */
const line = (...parts: string[]) => new RegExp(`^${parts.map((p) => `(?=.*${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})`).join('')}.*$`, 'm');

if (skipReason) console.warn(skipReason);

describe.skipIf(Boolean(skipReason))('screen-reader mode in a terminal', () => {
  const open = terminals({ beforeAll, afterEach });

  /** Welcome (Enter: diagnose the demo key) → credentials (Enter: use these). */
  async function startDemo(t: Terminal) {
    await t.waitFor(line('Diagnose the demo key', 'selected'), { in: 'text' });
    t.press('Enter');
    await t.waitFor(line('Use these credentials', 'selected'), { in: 'text' });
    t.press('Enter');
  }

  it('--screen-reader walks to the IP whitelist fix screen', async () => {
    const t = open({ args: ['--screen-reader', '--demo', '--scenario', 'ip-not-whitelisted'] });
    await startDemo(t);
    const screen = await t.waitFor(/How to fix it[\s\S]*Keys:/, { in: 'text' });
    expect(screen).toMatch(line('Account', 'FAIL'));
    expect(screen).toMatch(line('Clock', 'PASS'));
    expect(screen).toContain("Your IP 198.51.100.23 is not on the key's whitelist");
    expect(screen).toMatch(line("Add 198.51.100.23 to the key's IP whitelist", 'selected'));
    expect(screen).not.toContain('❯');
    t.type('q');
    expect(await t.exitCode()).toBe(1);
  });

  it('--screen-reader walks to the clock fix screen', async () => {
    const t = open({ args: ['--screen-reader', '--demo', '--scenario', 'clock-ahead'] });
    await startDemo(t);
    const screen = await t.waitFor(/Your clock is ahead of MEXC[\s\S]*Keys:/, { in: 'text' });
    expect(screen).toMatch(line('Clock', 'FAIL'));
    expect(screen).toMatch(line('Sync the clock on Linux with systemd', 'selected'));
    t.press('C-c');
    expect(await t.exitCode()).toBe(130);
  });

  it.each([
    ['INK_SCREEN_READER=true', { INK_SCREEN_READER: 'true' }],
    ['ACCESSIBLE=1', { ACCESSIBLE: '1' }],
  ])('%s turns it on as well', async (_name, env) => {
    const t = open({ args: ['--demo', '--scenario', 'ip-not-whitelisted'], env });
    await startDemo(t);
    await t.waitFor(/not on the key's whitelist[\s\S]*Keys:/, { in: 'text' });
    expect(t.text()).toMatch(line('Account', 'FAIL'));
    t.type('q');
    expect(await t.exitCode()).toBe(1);
  });

  it('is off without the flag or the variables (the default Ink screens)', async () => {
    const t = open({ args: ['--demo', '--scenario', 'ip-not-whitelisted'] });
    await t.waitFor('Diagnose the demo key', { in: 'text' });
    expect(t.text()).toMatch(/❯ 1\. Diagnose the demo key/);
    expect(t.text()).not.toMatch(line('Diagnose the demo key', 'selected'));
    t.type('q');
    expect(await t.exitCode()).toBe(0);
  });
});
