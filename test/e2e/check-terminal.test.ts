/**
 * Issue #13 in a real terminal (tmux), at 60 and 100 columns and 30 rows: `check`'s verdict is
 * still on screen when a passing run ends (it fits), a failing run opens with its verdict,
 * `help check` fits, and a secret typed in the wizard with a trailing space is a warning of the
 * credentials step that says where to look, never a silent pass.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSim } from '../../src/sim/server.js';
import { skipReason, terminals } from '../support/terminal.js';

const KEY = 'mx0aBYs33eIilxBWC5';
const SECRET = 'c0ffee0042deadbeefcafe00badc0de1';
const STARTUP_MS = 20_000;

describe.skipIf(Boolean(skipReason))('check and the typed-secret warning in a terminal (tmux)', { timeout: 90_000 }, () => {
  let ok: RunningSim;
  let denied: RunningSim;
  let record: string;
  const start = terminals({ beforeAll, afterEach });

  beforeAll(async () => {
    record = mkdtempSync(join(tmpdir(), 'mw-check-term-'));
    ok = await startSimulator({ port: 0, apiKey: KEY, secret: SECRET, scenario: 'ok' });
    denied = await startSimulator({ port: 0, apiKey: KEY, secret: SECRET, scenario: 'permission-denied' });
  });

  afterAll(async () => {
    await ok?.close();
    await denied?.close();
    if (record) rmSync(record, { recursive: true, force: true });
  });

  describe.each([60, 100])('at %i columns, 30 rows', (columns) => {
    const creds = { MEXC_API_KEY: KEY, MEXC_SECRET_KEY: SECRET };

    it('a passing check ends with its verdict and every step on screen', async () => {
      const t = start({ args: ['check', '--base-url', ok.url], env: creds, columns, rows: 30 });
      expect(await t.exitCode(STARTUP_MS)).toBe(0);
      const screen = t.screen();
      expect(screen).toMatch(/^mexc-wizard check · http:\/\/127\.0\.0\.1:\d+ · key mx0a…WC5\n✓ No problems: all 6 steps passed\.$/m);
      for (const id of ['credentials', 'connectivity', 'clock', 'account', 'trade-read', 'trade']) expect(screen).toMatch(new RegExp(`✓ PASS {2}${id} `));
      // Each step once.
      expect(t.history().match(/✓ PASS {2}credentials/g)).toHaveLength(1);
    });

    it('a failing check opens with the verdict; the problem and its numbered fixes follow', async () => {
      const t = start({ args: ['check', '--base-url', denied.url], env: creds, columns, rows: 30 });
      expect(await t.exitCode(STARTUP_MS)).toBe(1);
      const all = t.history();
      expect(all).toMatch(/\n✗ 1 problem: The key lacks permission for this request\n/);
      expect(all.indexOf('✗ 1 problem:')).toBeLessThan(all.indexOf('✓ PASS  credentials'));
      expect(all).toMatch(/Fix 1: Give the key the permission it needs/);
      // tmux draws no OSC 8 links: the URL is plain text.
      expect(all).toContain('MEXC: API Management https://www.mexc.com/user/openapi');
    });

    it('help check is laid out for the terminal width; its command lines stay whole, to copy', async () => {
      const t = start({ args: ['help', 'check'], columns, rows: 30, recordIn: record });
      expect(await t.exitCode(STARTUP_MS)).toBe(0);
      // Written for the width: no line reached the edge and wrapped, except commands (kept whole).
      const written = Buffer.from(t.raw(), 'latin1').toString('utf8').replace(/\r/g, '').split('\n');
      const usage = written.indexOf('Usage');
      expect(usage).toBeGreaterThanOrEqual(0);
      const invocation = /^ {2}(node \S+mexc-wizard\.js) check \[options\]$/.exec(written[usage + 1] ?? '')?.[1];
      expect(invocation).toBeDefined();
      for (const line of written.slice(usage)) if (!line.includes(invocation!) && !line.startsWith('EXIT=')) expect(line.length, line).toBeLessThanOrEqual(columns);
      expect(written).toContain('Options');
      expect(written).toContain('Examples');
    });

    it('a secret typed with a trailing space: the credentials step warns and says where to look', async () => {
      const t = start({ args: ['--base-url', ok.url], columns, rows: 40 });
      await t.waitFor('What do you want to do?', { timeoutMs: STARTUP_MS });
      t.press('Enter');
      await t.waitFor('Type or paste the key');
      t.type(KEY);
      await t.waitFor('•'.repeat(KEY.length));
      t.press('Enter');
      await t.waitFor('Type or paste the secret');
      t.type(`${SECRET} `);
      await t.waitFor('•'.repeat(SECRET.length + 1));
      t.press('Enter');
      // Enter keeps the symbol the checks use (BTCUSDT).
      await t.waitFor('Which symbol does your bot trade?');
      t.press('Enter');
      await t.waitFor("your bot's config probably has it too", { in: 'text' });
      await t.waitFor('Remove it where your bot reads the secret', { in: 'text' });
      const text = t.text().replace(/\s+/g, ' ');
      expect(text).toMatch(/! WARN 1 Credentials: The secret you typed ends with whitespace: removed here, but your bot's config probably has it too/);
      expect(text).not.toContain('No problems found');
      t.press('q');
      await t.exitCode();
      expect(t.allCaptures()).not.toContain(SECRET.slice(0, 10));
    });
  });
});
