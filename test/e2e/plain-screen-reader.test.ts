import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { skipReason, terminals, type Terminal } from '../support/terminal.js';

/**
 * The accessible front ends in a real terminal. `--screen-reader` (`INK_SCREEN_READER=true`,
 * `ACCESSIBLE=1`) is linear text that only grows: a screen is printed once, a key appends what
 * changed (the focused line says "selected" in words instead of a pointer), nothing is erased
 * or drawn again, and every status is a word (PASS/FAIL), never colour alone. `TERM=dumb`
 * (a terminal that cannot move its cursor) gets the plain front end's numbered questions. The
 * assertions read meaning, not the exact wording of the screens, which may change.
 */

/** What redraws a screen: cursor up, erase line or screen, the alternate screen. */
const REDRAW = /\x1b\[\d*A|\x1b\[\d*K|\x1b\[\d*J|\x1b\[\?1049h/;

/** The timing rule as one line of words, once the clock-ahead scenario's fix screen shows. */
const TIMING_LINE = /MEXC accepts a timestamp from its time − 5 s to \+ 1 s \(recvWindow\); yours lands at \+ \d+\.\d s \(your clock is \d+\.\d s ahead\): too far ahead, refused\./;

const count = (text: string, part: string) => text.split(part).length - 1;

/** Prose as words: its lines wrapped at the terminal's width joined again. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ');

/** One line holding all of `parts`, in any order ("1. Use these credentials, selected"). */
const line = (...parts: string[]) => new RegExp(`^${parts.map((p) => `(?=.*${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})`).join('')}.*$`, 'm');

if (skipReason) console.warn(skipReason);

describe.skipIf(Boolean(skipReason))('screen-reader mode in a terminal', { timeout: 90_000 }, () => {
  const open = terminals({ beforeAll, afterEach });
  const logs = mkdtempSync(join(tmpdir(), 'mw-sr-'));
  afterAll(() => rmSync(logs, { recursive: true, force: true }));

  /** Welcome (Enter: diagnose the demo key) → credentials (Enter: use these) → symbol (Enter keeps it). */
  async function startDemo(t: Terminal) {
    await t.waitFor(line('Diagnose the demo key', 'selected'), { in: 'text' });
    t.press('Enter');
    await t.waitFor(line('Use these credentials', 'selected'), { in: 'text' });
    t.press('Enter');
    await t.waitFor('Symbol (Enter keeps BTCUSDT): ', { in: 'text' });
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
    // The timing rule in one line of words: a screen reader gets no picture.
    expect(oneLine(screen)).toMatch(TIMING_LINE);
    t.press('C-c');
    expect(await t.exitCode()).toBe(130);
  });

  it('at 60 columns a key appends the newly selected line; the screen is never printed again or erased', async () => {
    const t = open({ args: ['--screen-reader', '--demo', '--scenario', 'ok'], columns: 60, recordIn: logs });
    await t.waitFor(line('Diagnose the demo key', 'selected'), { in: 'text' });
    await t.waitFor('Keys:', { in: 'text' });
    t.press('Down');
    await t.waitFor(line('2. Pick another demo scenario', 'selected'), { in: 'text' });
    t.press('Down');
    const after = await t.waitFor(line('3. Explain an error I got', 'selected'), { in: 'text' });
    // The two new lines come after the keys line, in the order the keys were pressed.
    expect(after).toMatch(/Keys:[\s\S]*2\. Pick another demo scenario, selected[\s\S]*3\. Explain an error I got, selected/);
    // Everything the terminal holds, scrollback included: the welcome text is there once.
    const all = t.history();
    expect(count(all, 'What do you want to do?')).toBe(1);
    expect(count(all, 'finds why your MEXC API key fails')).toBe(1);
    expect(count(all, 'Keys:')).toBe(1);
    expect(t.raw()).not.toMatch(REDRAW);
    t.type('q');
    expect(await t.exitCode()).toBe(0);
    expect(t.raw()).not.toMatch(REDRAW);
  });

  it('echoes a typed symbol after its prompt and a typed secret as dots only', async () => {
    const canary = 'c4a7a71e5ec7e7000000000000000099';
    const t = open({ args: ['--screen-reader', '--demo', '--scenario', 'ok'], columns: 60 });
    await t.waitFor(line('Diagnose the demo key', 'selected'), { in: 'text' });
    t.press('Enter');
    await t.waitFor(line('Type other credentials', ''), { in: 'text' });
    t.type('2');
    await t.waitFor(line('2. Type other credentials', 'selected'), { in: 'text' });
    t.press('Enter');
    await t.waitFor('API key (masked): ', { in: 'text' });
    t.type('mx0vglTESTKEY');
    await t.waitFor(`API key (masked): ${'•'.repeat(13)}`, { in: 'text' });
    t.press('Enter');
    await t.waitFor('Secret key (masked): ', { in: 'text' });
    t.type(canary);
    await t.waitFor(`Secret key (masked): ${'•'.repeat(32)}`, { in: 'text' });
    t.press('Enter');
    await t.waitFor('Symbol (Enter keeps BTCUSDT): ', { in: 'text' });
    t.type('ETHUSDT');
    await t.waitFor('Symbol (Enter keeps BTCUSDT): ETHUSDT', { in: 'text' });
    expect(t.history()).not.toContain('c4a7a71e');
    expect(t.history()).not.toContain('TESTKEY');
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

describe.skipIf(Boolean(skipReason))('TERM=dumb in a terminal', { timeout: 90_000 }, () => {
  const open = terminals({ beforeAll, afterEach });
  const logs = mkdtempSync(join(tmpdir(), 'mw-dumb-'));
  afterAll(() => rmSync(logs, { recursive: true, force: true }));

  it('gets the plain front end without --plain: numbered questions, nothing redrawn, the timing rule in words', async () => {
    const t = open({ args: ['--demo', '--scenario', 'clock-ahead'], env: { TERM: 'dumb' }, columns: 60, recordIn: logs });
    await t.waitFor('Type a number and press Enter', { in: 'text' });
    expect(t.history()).toMatch(/^ {2}1\. Diagnose the demo key/m);
    expect(t.text()).not.toContain('❯');
    t.type('1');
    t.press('Enter');
    await t.waitFor(/Run the checks with these credentials\?[\s\S]*Type a number and press Enter/, { in: 'text' });
    t.type('1');
    t.press('Enter');
    await t.waitFor('Symbol (Enter keeps BTCUSDT)', { in: 'text' });
    t.press('Enter');
    const fix = await t.waitFor(/Your clock is ahead of MEXC[\s\S]*Type a number and press Enter/, { in: 'text' });
    expect(oneLine(fix)).toMatch(TIMING_LINE);
    t.press('C-c');
    expect(await t.exitCode()).toBe(130);
    expect(t.raw()).not.toMatch(REDRAW);
  });
});
