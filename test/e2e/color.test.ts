import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSim } from '../../src/sim/server.js';
import { colourCodes } from '../support/ansi.js';
import { skipReason, terminals } from '../support/terminal.js';

/**
 * Colour in a real terminal: NO_COLOR (non-empty) and --no-color turn every colour off in every
 * mode — the plain wizard, the Ink wizard and `check` — and a terminal gets colour otherwise.
 * Read with `capture-pane -e`, which shows the SGR codes the screen holds.
 */

if (skipReason) console.warn(skipReason);

describe.skipIf(Boolean(skipReason))('colour in a terminal', () => {
  const open = terminals({ beforeAll, afterEach });
  let sim: RunningSim;
  const apiKey = 'mx0vglColourTest01';
  const secret = '0123456789abcdef0123456789abcdef';
  beforeAll(async () => {
    sim = await startSimulator({ port: 0, apiKey, secret, scenario: 'ip-not-whitelisted' });
  });
  afterAll(async () => sim?.close());

  /** The plain wizard to the IP fix screen; returns the screen with its SGR codes. */
  async function plainToFix(env: Record<string, string>, extra: string[] = []): Promise<string> {
    const t = open({ args: ['--plain', '--demo', '--scenario', 'ip-not-whitelisted', ...extra], env });
    await t.waitFor('What do you want to do?', { in: 'text' });
    t.press('Enter');
    await t.waitFor('Run the checks with these credentials?', { in: 'text' });
    t.press('Enter');
    await t.waitFor('Symbol (Enter keeps BTCUSDT)', { in: 'text' });
    t.press('Enter');
    await t.waitFor(/not on the key's whitelist[\s\S]*What next\?/, { in: 'text' });
    return t.capture({ history: true, ansi: true });
  }

  /** The Ink wizard to the IP fix screen. */
  async function inkToFix(env: Record<string, string>): Promise<string> {
    const t = open({ args: ['--demo', '--scenario', 'ip-not-whitelisted'], env });
    await t.waitFor('What do you want to do?', { in: 'text' });
    t.press('Enter');
    await t.waitFor('Use these credentials', { in: 'text' });
    t.press('Enter');
    await t.waitFor('Which symbol does your bot trade?', { in: 'text' });
    t.press('Enter');
    await t.waitFor(/How to fix it/, { in: 'text' });
    return t.capture({ history: true, ansi: true });
  }

  /** `check` against the simulator on a terminal, after it exits. */
  async function check(env: Record<string, string>, extra: string[] = []): Promise<string> {
    const t = open({ args: ['check', '--base-url', sim.url, ...extra], env: { MEXC_API_KEY: apiKey, MEXC_SECRET_KEY: secret, ...env } });
    expect(await t.exitCode()).toBe(1);
    const screen = t.capture({ history: true, ansi: true });
    expect(screen).toContain('FAIL');
    return screen;
  }

  describe('plain mode', () => {
    it('has no colour codes with NO_COLOR=1', async () => {
      const screen = await plainToFix({ NO_COLOR: '1' });
      expect(colourCodes(screen)).toEqual([]);
      expect(screen).toContain('✗ FAIL');
    });

    it('has no colour codes with --no-color', async () => {
      expect(colourCodes(await plainToFix({}, ['--no-color']))).toEqual([]);
    });

    it('has colour on a terminal otherwise (an empty NO_COLOR does not count)', async () => {
      expect(colourCodes(await plainToFix({ NO_COLOR: '' })).length).toBeGreaterThan(0);
    });
  });

  describe('check on a terminal', () => {
    it('has no colour codes with NO_COLOR=1', async () => {
      expect(colourCodes(await check({ NO_COLOR: '1' }))).toEqual([]);
    });

    it('has no colour codes with --no-color', async () => {
      expect(colourCodes(await check({}, ['--no-color']))).toEqual([]);
    });

    it('has colour otherwise, and the words beside it', async () => {
      const screen = await check({});
      expect(colourCodes(screen).length).toBeGreaterThan(0);
      expect(screen).toMatch(/✗ FAIL/);
    });
  });

  describe('the Ink wizard', () => {
    it('has no colour codes with NO_COLOR=1', async () => {
      expect(colourCodes(await inkToFix({ NO_COLOR: '1' }))).toEqual([]);
    });

    it('has colour otherwise', async () => {
      expect(colourCodes(await inkToFix({})).length).toBeGreaterThan(0);
    });
  });
});
