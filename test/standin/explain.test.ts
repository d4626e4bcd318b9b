/**
 * `explain` on every error text the facts list, bare and inside the noise users paste around
 * it (a traceback, ccxt's `mexc {...}`, an HTTP status line, a log line), and on the paste
 * classes of issue #10. In process (`runExplain`, the code the bundle is built from); a sample
 * also goes through the built CLI.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli } from '../support/cli.js';
import { explain, expectVerdict } from './explain-run.js';
import { FUTURES_TEXTS, PASTES, SPOT_TEXTS, WRAPPERS, type MexcText } from './explain-cases.js';

/** Wrappers that carry the code next to the message; a futures message alone is ambiguous (401 Unauthorized is any HTTP 401). */
const wrappersFor = (t: MexcText) => WRAPPERS.filter((w) => !t.futures || !['message text alone', 'log line with code and message'].includes(w.name));

const TEXT_CASES = [...SPOT_TEXTS, ...FUTURES_TEXTS].flatMap((t) => [
  ...wrappersFor(t).map((w) => ({ name: `${t.futures ? 'futures ' : ''}${t.code} ${t.msg} · ${w.name}`, text: w.wrap(t), id: t.id })),
  ...(t.bareCode ? [{ name: `${t.code} · bare code`, text: String(t.code), id: t.id }] : []),
]);

describe('explain: MEXC error texts, bare and in noise', () => {
  it.each(TEXT_CASES.map((c) => [c.name, c] as const))('%s', async (_n, c) => {
    const r = await explain(c.text);
    const said = `${c.name} → exit ${r.code} [${r.ids.join(',')}]`;
    expect(r.code, said).toBe(1);
    expect(r.ids[0], said).toBe(c.id);
  });
});

describe('explain: paste classes', () => {
  it.each(PASTES.map((c) => [c.name, c] as const))('%s', async (_n, c) => expectVerdict(c, await explain(c.text)));
});

describe('explain through the built CLI', () => {
  beforeAll(() => ensureBuilt());
  it.each([
    ['ccxt 700002', 'AuthenticationError: mexc {"code":700002,"msg":"Signature for this request is not valid."}', 1, 'signature-invalid'],
    ['futures 602', '{"success":false,"code":602,"message":"Signature verification failed!"}', 1, 'signature-invalid'],
    ['success', '{"serverTime":1700000000000}', 0, undefined],
  ] as const)('%s', async (_n, text, exit, id) => {
    const r = await runCli(['explain', '--json', text], { cwd: '/tmp' });
    expect(r.code).toBe(exit);
    const ids = (JSON.parse(r.stdout) as { diagnoses: Array<{ id: string }> }).diagnoses.map((d) => d.id);
    expect(ids[0]).toBe(id);
  });
});
