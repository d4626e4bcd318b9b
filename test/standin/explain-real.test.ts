/**
 * `explain` on pastes shaped as the libraries bot authors use print them (explain-real-cases.ts).
 * In process (`runExplain`); a few through the built CLI.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runExplain } from '../../src/commands/explain.js';
import { ensureBuilt, runCli } from '../support/cli.js';
import { fakeIO } from '../support/fake-io.js';
import { REAL_PASTES } from './explain-real-cases.js';

async function explain(text: string): Promise<{ code: number; ids: string[]; out: string }> {
  const io = fakeIO();
  const code = await runExplain({ text, json: true }, io);
  const json = JSON.parse(io.out()) as { diagnoses: Array<{ id: string }> };
  const human = fakeIO();
  await runExplain({ text, json: false }, human);
  return { code, ids: json.diagnoses.map((d) => d.id), out: io.out() + human.out() };
}

describe('explain: real-world paste shapes', () => {
  it.each(REAL_PASTES.map((c) => [c.name, c] as const))('%s', async (_n, c) => {
    const r = await explain(c.text);
    const said = `${c.name} → exit ${r.code} [${r.ids.join(',')}]`;
    if (c.id === undefined) {
      expect(r.code, said).toBe(0);
      expect(r.ids, said).toEqual([]);
      expect(r.out, said).toMatch(/No error/);
    } else {
      expect(r.code, said).toBe(1);
      expect(r.ids[0], said).toBe(c.id);
    }
    if (c.says) expect(r.out, said).toContain(c.says);
    if (c.notSays) expect(r.out, said).not.toMatch(c.notSays);
  });
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
