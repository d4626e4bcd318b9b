/**
 * `explain` on pastes shaped as the libraries bot authors use print them (explain-real-cases.ts).
 * In process (`runExplain`); a few through the built CLI.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli } from '../support/cli.js';
import { REAL_PASTES } from './explain-real-cases.js';
import { explain, expectVerdict } from './explain-run.js';

describe('explain: real-world paste shapes', () => {
  it.each(REAL_PASTES.map((c) => [c.name, c] as const))('%s', async (_n, c) => expectVerdict(c, await explain(c.text)));
});

describe('explain real pastes through the built CLI', () => {
  beforeAll(() => ensureBuilt());
  it.each(['ccxt py traceback with Windows line ends', 'curl -v with a 400 and 700002', 'requests HTTPError 400, body not shown', 'success: ticker price'])('%s', async (name) => {
    const c = REAL_PASTES.find((p) => p.name === name)!;
    const r = await runCli(['explain', '--json', '-'], { cwd: '/tmp', input: c.text });
    expect(r.code).toBe(c.id ? 1 : 0);
    expect((JSON.parse(r.stdout) as { diagnoses: Array<{ id: string }> }).diagnoses.map((d) => d.id)[0]).toBe(c.id);
  });
});
