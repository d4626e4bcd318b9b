/**
 * `check` and `check --futures` against the independent stand-in (standin.ts, written from
 * docs/mexc-api.md, not from src/sim): one server for the file, one case after another. Every
 * case runs in process (`runCheck`, the code the bundle is built from); a few also run through
 * the built CLI. STANDIN_BUILT=1 runs every case through the built CLI instead.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/commands/check.js';
import { fakeIO } from '../support/fake-io.js';
import { ensureBuilt, runCli } from '../support/cli.js';
import { FUTURES_CASES, SPOT_CASES, type CheckCase } from './check-cases.js';
import { KEY, SECRET, startStandin, type Standin } from './standin.js';

interface Report {
  ok: boolean;
  steps: Array<{ id: string; status: string; summary: string; diagnoses: Array<{ id: string; facts?: Record<string, unknown>; evidence: string[]; explanation: string }> }>;
}

let standin: Standin;
beforeAll(async () => {
  standin = await startStandin();
  await ensureBuilt();
});
afterAll(() => standin.close());

const ALL_BUILT = process.env.STANDIN_BUILT === '1';
/** These also go through the built CLI in every run. */
const BUILT_SAMPLE = new Set(['healthy', 'secret of another key: 700002', 'futures healthy (ping as DOC-FUT prints it, no code)', 'captive portal: 200 HTML everywhere']);

async function check(c: CheckCase, built: boolean): Promise<{ code: number; report: Report }> {
  standin.set(c.standin);
  const flags = { baseUrl: standin.url, timeout: c.flags?.timeout ?? '3000', ...(c.flags?.recvWindow ? { recvWindow: c.flags.recvWindow } : {}), ...(c.futures ? { futures: true } : {}) };
  const env = { MEXC_API_KEY: KEY, MEXC_SECRET_KEY: SECRET };
  if (built) {
    const args = ['check', '--json', '--base-url', flags.baseUrl, '--timeout', flags.timeout, ...(flags.recvWindow ? ['--recv-window', flags.recvWindow] : []), ...(c.futures ? ['--futures'] : [])];
    const r = await runCli(args, { env, cwd: '/tmp' });
    return { code: r.code ?? -1, report: JSON.parse(r.stdout) as Report };
  }
  const io = fakeIO({ env });
  const code = await runCheck({ ...flags, json: true }, io);
  return { code, report: JSON.parse(io.out()) as Report };
}

/** One line per case, for the report: what the tool said. */
function said(report: Report): string {
  return report.steps.map((s) => `${s.id}:${s.status}${s.diagnoses.length ? `[${s.diagnoses.map((d) => d.id).join(',')}]` : ''}`).join(' ');
}

function verify(c: CheckCase, code: number, report: Report): void {
  const summary = `${c.name} → exit ${code}: ${said(report)}`;
  if (c.healthy) {
    expect(code, summary).toBe(0);
    expect(report.ok, summary).toBe(true);
    for (const s of report.steps) expect(['pass', 'warn'], summary).toContain(s.status);
    if (c.step) {
      const warned = report.steps.find((s) => s.id === c.step);
      expect(warned?.status, summary).toBe('warn');
      expect(warned!.diagnoses.map((d) => d.id).some((id) => (c.ids as string[]).includes(id)), summary).toBe(true);
    }
    return;
  }
  // Never "all good" when the stand-in sent anything but MEXC's success answer.
  expect(code, summary).toBe(1);
  expect(report.ok, summary).toBe(false);
  const step = report.steps.find((s) => s.id === c.step);
  expect(c.status ?? ['fail'], summary).toContain(step?.status);
  const ids = step!.diagnoses.map((d) => d.id);
  expect(ids.some((id) => (c.ids as string[]).includes(id)), summary).toBe(true);
  expect(ids[0] === undefined || (c.ids as string[]).includes(ids[0]) || ids.some((id) => (c.ids as string[]).includes(id)), summary).toBe(true);
  if (c.facts) {
    const d = step!.diagnoses.find((x) => (c.ids as string[]).includes(x.id))!;
    const text = JSON.stringify(d);
    for (const v of Object.values(c.facts)) expect(text, summary).toContain(String(v));
  }
}

describe.each([
  ['spot', SPOT_CASES],
  ['futures', FUTURES_CASES],
] as const)('check%s against the stand-in', (_api, cases) => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const built = ALL_BUILT || BUILT_SAMPLE.has(c.name);
    const { code, report } = await check(c, built);
    if (process.env.STANDIN_DEBUG && c.name.includes(process.env.STANDIN_DEBUG)) console.log(JSON.stringify(report, null, 1));
    verify(c, code, report);
  });
});
