import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { curlSnippet, pythonSnippet } from '../../src/core/snippets.js';
import { startSimulator, type RunningSim } from '../../src/sim/server.js';
import { skipReason, terminals, type Terminal } from '../support/terminal.js';

/**
 * Copying a fix, the ways users copy, in a real terminal (tmux) at 60 and 100 columns: what is
 * on screen, what `p` prints and a selection of it gives (tmux's joined capture, as a terminal
 * joins a soft-wrapped line when it is selected), what `c` puts in tmux's paste buffer, and
 * what runs are the same text, byte for byte. The fixes are the known-good curl and Python
 * requests the "Explain an error" screen offers for 700002, run afterwards against the
 * simulator with the right secret.
 */

if (skipReason) console.warn(skipReason);

const KEY = 'mx0aBYs33eIilxBWC5';
const SECRET = '45d0b3c26f2644f19bfb98b07741b2f5';
const LONG = 45_000;

/** Runs a program without blocking the event loop (the simulator answering it lives in this process). */
function run(file: string, args: string[], env: Record<string, string>): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(file, args, { env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8', timeout: 20_000 }, (_error, stdout, stderr) => resolve({ stdout, stderr }));
  });
}

const hasCurl = spawnSync('sh', ['-c', 'command -v curl && command -v openssl'], { encoding: 'utf8' }).status === 0;
const hasPython = spawnSync('python3', ['--version'], { encoding: 'utf8' }).status === 0;

describe.skipIf(Boolean(skipReason))('copying a fix (tmux)', { timeout: 120_000 }, () => {
  let sim: RunningSim;
  let dir: string;
  const open = terminals({ beforeAll, afterEach });

  beforeAll(async () => {
    sim = await startSimulator({ port: 0, apiKey: KEY, secret: SECRET, scenario: 'ok' });
    dir = mkdtempSync(join(tmpdir(), 'mw-copy-'));
  });
  afterAll(async () => {
    await sim?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const ctx = () => ({ apiKey: KEY, baseUrl: sim.url, recvWindowMs: 5000 });

  /** Welcome → "Explain an error" → 700002: its fix screen. Number and Enter, text and Enter, each pair in one chunk. */
  async function explain700002(columns: number, env: Record<string, string> = {}): Promise<Terminal> {
    const t = open({ args: ['--base-url', sim.url], columns, rows: 40, env: { MEXC_API_KEY: KEY, MEXC_SECRET_KEY: SECRET, ...env } });
    await t.waitFor('What do you want to do?', { timeoutMs: LONG });
    t.type(`${t.menuNumber('Explain an error I got')}\r`);
    await t.waitFor('Explain an error', { timeoutMs: LONG });
    t.type('700002\r');
    await t.waitFor('How to fix it', { timeoutMs: LONG });
    return t;
  }

  /** Focuses fix `n` by its number, as a user would, and waits until it is drawn. */
  async function focusFix(t: Terminal, n: number, title: string): Promise<string> {
    t.type(String(n));
    return t.waitFor(new RegExp(`❯ ${n}\\. ${title}`), { timeoutMs: LONG });
  }

  /** The text `p` printed for fix `n`, as a selection of it gives it: the terminal's folded lines joined. */
  async function printed(t: Terminal, n: number): Promise<string> {
    const count = (t.text().match(new RegExp(`── Fix ${n}: `, 'g')) ?? []).length;
    t.type('p');
    const started = Date.now();
    for (;;) {
      const joined = t.capture({ history: true, joined: true });
      const blocks = joined.split(new RegExp(`^── Fix ${n}: .*──$`, 'm'));
      if (blocks.length - 1 > count && blocks.at(-1)!.includes('\n── end ──')) return blocks.at(-1)!.slice(1).split('\n── end ──')[0]!;
      if (Date.now() - started > LONG) throw new Error(`p printed nothing:\n${joined}`);
      await new Promise((r) => setTimeout(r, 60));
    }
  }

  /** What `c` put in tmux's paste buffer, once the screen says it copied. */
  async function copied(t: Terminal, n: number): Promise<string | undefined> {
    const before = t.pasteBuffer();
    t.type('c');
    await t.waitFor(new RegExp(`Copied\\s+fix\\s+${n}\\s`), { in: 'text', timeoutMs: LONG });
    const started = Date.now();
    while (t.pasteBuffer() === before && Date.now() - started < LONG) await new Promise((r) => setTimeout(r, 60));
    return t.pasteBuffer();
  }

  /** The focused fix's rows on screen: each is a whole line of the fix, or a cut one ending in "…". */
  function expectDrawnWhole(screen: string, fix: string, columns: number): void {
    const lines = fix.split('\n');
    const rows = screen.split('\n');
    const first = rows.findIndex((r) => r === lines[0] || (r.endsWith('…') && lines[0]!.startsWith(r.slice(0, -1))));
    expect(first, `the fix is on screen:\n${screen}`).toBeGreaterThanOrEqual(0);
    for (const [i, line] of lines.entries()) {
      const row = rows[first + i];
      if (row === undefined || /more lines?|cut at …|p prints it whole/.test(row)) break;
      if (line.length <= columns) expect(row).toBe(line);
      else {
        expect(row.endsWith('…'), `a long line is cut, never folded: ${row}`).toBe(true);
        expect(line.startsWith(row.slice(0, -1))).toBe(true);
      }
    }
    for (const row of rows) expect([...row].length).toBeLessThanOrEqual(columns);
  }

  describe.each([60, 100])('at %i columns', (columns) => {
    it.skipIf(!hasCurl)('the curl fix: on screen never folded, p and a selection give it whole, c copies the same, and it runs', async () => {
      const t = await explain700002(columns);
      const expected = curlSnippet(ctx());
      expect(expected).toContain(`awk '{print $NF}'`);
      expectDrawnWhole(await focusFix(t, 2, 'Known-good request with curl'), expected, columns);

      const selection = await printed(t, 2);
      expect(selection).toBe(expected);
      const buffer = await copied(t, 2);
      expect(buffer).toBe(expected);
      // Redraws stayed correct: every earlier frame of the live area was erased whole (a line
      // the terminal had folded would leave its first rows behind in the scrollback).
      t.type('3');
      await t.waitFor('❯ 3. Known-good request in Python', { timeoutMs: LONG });
      expect(t.history().split('How to fix it (7 fixes)').length - 1).toBe(1);

      // What runs: the copied text, in a shell, with the secret exported as its comment says.
      const r = await run('bash', ['-c', buffer!], { MEXC_SECRET_KEY: SECRET });
      expect(r.stdout).toContain('"balances"');
      expect(r.stdout).toContain('HTTP 200');
      t.type('q');
      expect(await t.exitCode(LONG)).toBe(0);
    });

    it.skipIf(!hasPython)('the Python fix keeps its indentation in p, the selection and c, and runs', async () => {
      const t = await explain700002(columns);
      const expected = pythonSnippet(ctx());
      expect(expected).toMatch(/\n {4}\S/);
      expectDrawnWhole(await focusFix(t, 3, 'Known-good request in Python'), expected, columns);
      expect(await printed(t, 3)).toBe(expected);
      const buffer = await copied(t, 3);
      expect(buffer).toBe(expected);
      const file = join(dir, `request-${columns}.py`);
      writeFileSync(file, buffer!);
      const r = await run('python3', [file], { MEXC_SECRET_KEY: SECRET });
      expect(r.stdout).toMatch(/^200 \{.*"balances"/);
      t.press('C-c');
      expect(await t.exitCode(LONG)).toBe(130);
    });
  });

  it("c with tmux's settings as they come: the fix lands in tmux's paste buffer (tmux load-buffer), and the screen says so", async () => {
    const t = await explain700002(100);
    await focusFix(t, 2, 'Known-good request with curl');
    expect(await copied(t, 2)).toBe(curlSnippet(ctx()));
    expect(t.text().replace(/\s+/g, ' ')).toContain("Copied fix 2 to tmux's paste buffer (prefix ] pastes it); sent to the terminal as OSC 52, raw and as a tmux passthrough.");
    t.type('q');
    expect(await t.exitCode(LONG)).toBe(0);
  });

  it('c with "set-clipboard on" and no tmux command on PATH: tmux stores the raw OSC 52 sequence itself', async () => {
    const t = await explain700002(100, { PATH: join(dir, 'no-tools') });
    t.setServerOption('set-clipboard', 'on');
    await focusFix(t, 2, 'Known-good request with curl');
    const before = t.pasteBuffer();
    t.type('c');
    await t.waitFor(/Sent\s+fix\s+2\s+to\s+the\s+terminal\s+as\s+OSC\s+52,\s+raw\s+and\s+as\s+a\s+tmux\s+passthrough;\s+no\s+clipboard\s+tool\s+here/, { in: 'text', timeoutMs: LONG });
    const started = Date.now();
    while (t.pasteBuffer() === before && Date.now() - started < LONG) await new Promise((r) => setTimeout(r, 60));
    expect(t.pasteBuffer()).toBe(curlSnippet(ctx()));
    t.type('q');
    expect(await t.exitCode(LONG)).toBe(0);
  });
});
