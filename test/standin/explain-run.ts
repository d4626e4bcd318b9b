/** `explain` run in process for the stand-in tables, and the verdict a paste case expects. */
import { expect } from 'vitest';
import { runExplain } from '../../src/commands/explain.js';
import type { DiagnosisId } from '../../src/core/types.js';
import { fakeIO } from '../support/fake-io.js';

export interface Explained {
  code: number;
  ids: string[];
  out: string;
}

/** Both outputs: the ids from --json, the words from either. */
export async function explain(text: string): Promise<Explained> {
  const io = fakeIO();
  const code = await runExplain({ text, json: true }, io);
  const json = JSON.parse(io.out()) as { diagnoses: Array<{ id: string }> };
  const human = fakeIO();
  await runExplain({ text, json: false }, human);
  return { code, ids: json.diagnoses.map((d) => d.id), out: io.out() + human.out() };
}

/** A success (no id) exits 0 and says so; an error exits 1 with `id` first. */
export function expectVerdict(c: { name: string; id?: DiagnosisId; says?: string; notSays?: RegExp }, r: Explained): void {
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
}
