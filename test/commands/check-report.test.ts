/**
 * Issue #13, `check`'s text report: the verdict first (a line with the counts under the header),
 * each step once, a passing run in a 30-row terminal, problems with cause, evidence and numbered
 * fixes after; links to MEXC's API Management and docs (OSC 8 where the terminal draws them,
 * never inside a fix's text); what did arrive named instead of "not reachable"; `--json`
 * unchanged in shape.
 */
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/commands/check.js';
import { createSession } from '../../src/steps/session.js';
import { formatReport } from '../../src/commands/check.js';
import type { ScenarioName } from '../../src/sim/scenarios.js';
import { fakeIO } from '../support/fake-io.js';
import { KEY, SECRET, sim } from '../steps/support.js';

const OSC8 = '\u001b]8;;';

async function report(scenario: ScenarioName, over: { links?: boolean; env?: Record<string, string>; json?: boolean; baseUrl?: string } = {}) {
  const s = over.baseUrl ? { url: over.baseUrl } : await sim({ scenario });
  const io = fakeIO({ env: { MEXC_API_KEY: KEY, MEXC_SECRET_KEY: SECRET, ...over.env }, ...(over.links ? { links: true } : {}), invocation: 'node bin/mexc-wizard.js' });
  const code = await runCheck({ baseUrl: s.url, timeout: '3000', json: Boolean(over.json) }, io);
  return { code, text: io.out(), lines: io.out().replace(/\n$/, '').split('\n') };
}

const STEP_LINE = /^(✓ PASS|! WARN|✗ FAIL|- SKIP) {2}(\S+)/;

describe('check: the verdict first', () => {
  it('a passing run: header, verdict, one line per step, in 30 rows and 100 columns', async () => {
    const r = await report('ok');
    expect(r.code).toBe(0);
    expect(r.lines[0]).toMatch(/^mexc-wizard check · http:\/\/127\.0\.0\.1:\d+ · key mx0a…WC5$/);
    expect(r.lines[1]).toBe('✓ No problems: all 6 steps passed.');
    expect(r.lines.length).toBeLessThanOrEqual(30);
    for (const line of r.lines) expect(line.length).toBeLessThanOrEqual(100);
    expect(r.lines.filter((l) => STEP_LINE.test(l)).map((l) => STEP_LINE.exec(l)![2])).toEqual(['credentials', 'connectivity', 'clock', 'account', 'trade-read', 'trade']);
  });

  it('a problem: the count and its title on line 2, each step once, then the problem with numbered fixes', async () => {
    const r = await report('permission-denied');
    expect(r.code).toBe(1);
    expect(r.lines[1]).toBe('✗ 1 problem: The key lacks permission for this request');
    const steps = r.lines.filter((l) => STEP_LINE.test(l)).map((l) => STEP_LINE.exec(l)![2]);
    expect(steps).toEqual(['credentials', 'connectivity', 'clock', 'account', 'trade-read', 'trade']);
    const problems = r.lines.indexOf('Problems');
    expect(problems).toBeGreaterThan(r.lines.findIndex((l) => l.startsWith('✗ FAIL  trade')));
    expect(r.text).toMatch(/\n1\. The key lacks permission for this request {2}\[permission-denied\]\n/);
    expect(r.text).toMatch(/\n {3}Fix 1: Give the key the permission it needs\n1\. Log in/);
    expect(r.lines.at(-2)).toBe('MEXC: API Management https://www.mexc.com/user/openapi · API docs https://www.mexc.com/api-docs/spot-v3/introduction');
    expect(r.lines.at(-1)).toBe('1 problem found. After a fix, run node bin/mexc-wizard.js check again.');
  });

  it('counts skipped steps and every problem in the verdict', async () => {
    const r = await report('ip-not-whitelisted');
    expect(r.lines[1]).toBe("✗ 1 problem, 2 steps skipped: Your IP 198.51.100.23 is not on the key's whitelist");
  });

  it('links where the terminal draws them: in the prose, evidence and the MEXC line, never inside a fix', async () => {
    const s = await sim({ scenario: 'server-error' });
    const r = await report('server-error', { links: true, baseUrl: s.url });
    const json = JSON.parse((await report('server-error', { json: true, baseUrl: s.url })).text) as { steps: Array<{ diagnoses: Array<{ fixes: Array<{ text: string }> }> }> };
    expect(r.text).toContain(`${OSC8}https://www.mexc.com/user/openapi\u001b\\https://www.mexc.com/user/openapi${OSC8}\u001b\\`);
    // The announcement in the evidence is a link too.
    expect(r.text).toMatch(/• MEXC's announcement: \u001b\]8;;https:\/\/www\.mexc\.com\/support\/articles\/\d+/);
    const fixes = json.steps.flatMap((s) => s.diagnoses.flatMap((d) => d.fixes.map((f) => f.text)));
    expect(fixes.length).toBeGreaterThan(2);
    // Each fix is in the report exactly as the text to run, link-free.
    for (const fix of fixes) expect(r.text).toContain(`\n${fix}\n`);
    const plain = await report('server-error');
    expect(plain.text).not.toContain('\u001b');
  });

  it('check --futures takes --recv-window 60000 (the futures header\'s 60 s), spot stops at 59999', async () => {
    const s = await sim();
    const io = fakeIO({ env: { MEXC_API_KEY: KEY, MEXC_SECRET_KEY: SECRET } });
    expect(await runCheck({ baseUrl: s.url, timeout: '3000', futures: true, recvWindow: '60000' }, io)).toBe(0);
    await expect(runCheck({ baseUrl: s.url, timeout: '3000', recvWindow: '60000' }, fakeIO({ env: { MEXC_API_KEY: KEY, MEXC_SECRET_KEY: SECRET } }))).rejects.toThrow(/above 59999/);
  });

  it('--json keeps its shape', async () => {
    const r = await report('permission-denied', { json: true });
    const json = JSON.parse(r.text) as Record<string, unknown> & { steps: Array<Record<string, unknown> & { diagnoses: Array<Record<string, unknown>> }> };
    expect(Object.keys(json)).toEqual(['ok', 'tool', 'node', 'platform', 'baseUrl', 'key', 'symbol', 'steps', 'clock'].filter((k) => k in json));
    expect(Object.keys(json).sort()).toEqual(['baseUrl', 'clock', 'key', 'ok', 'platform', 'steps', 'symbol', 'tool'].sort());
    expect(Object.keys(json.steps[0]!)).toEqual(['id', 'status', 'summary', 'evidence', 'durationMs', 'diagnoses']);
    expect(Object.keys(json.steps[5]!.diagnoses[0]!)).toEqual(['id', 'title', 'explanation', 'evidence', 'fixes']);
  });
});

describe('check: what arrived is named, not "not reachable"', () => {
  it.each([
    ['rate-limited', 'HTTP 429', 'Too many requests (rate limited)'],
    ['server-error', 'HTTP 503 with code 500', 'MEXC is under maintenance'],
    ['html-200', 'HTTP 200 with an HTML page', "The answer did not come from MEXC's API"],
  ] as const)('%s: the ping got %s', async (scenario, arrived, title) => {
    const r = await report(scenario);
    expect(r.text).not.toMatch(/not reachable/i);
    expect(r.text).toContain(`✗ FAIL  connectivity  The ping got ${arrived} instead of {}: ${title}`);
    // The steps that need a healthy ping say why they did not run.
    expect(r.text).toMatch(new RegExp(`^- SKIP {2}clock +The ping got ${arrived}, not a healthy answer \\(see connectivity\\)$`, 'm'));
  });

  it('a refused connection is still "not reachable"', async () => {
    const s = await sim();
    const url = s.url;
    await s.close();
    const io = fakeIO({ env: { MEXC_API_KEY: KEY, MEXC_SECRET_KEY: SECRET } });
    await runCheck({ baseUrl: url, timeout: '2000' }, io);
    expect(io.out()).toMatch(/✗ FAIL {2}connectivity {2}MEXC not reachable: /);
    expect(io.out()).toMatch(/- SKIP {2}clock +MEXC is not reachable \(see connectivity\)/);
  });
});

describe('check: the wording of issue #13', () => {
  it('a 700007 names the permission as inferred: MEXC names none', async () => {
    const r = await report('permission-denied');
    expect(r.text).not.toContain('Permission MEXC asks for');
    expect(r.text).toContain("• Permission this endpoint needs: Trade: Trade (inferred from the endpoint; MEXC's answer names none)");
    expect(r.text.replace(/\s+/g, ' ')).toContain('This endpoint needs the permission "Trade: Trade" (inferred from the endpoint: MEXC\'s answer does not name one).');
  });

  it('the rate-limit fix: title and text give the same waits', async () => {
    const r = await report('rate-limited');
    expect(r.text).toContain("Fix 1: Stop for at least 30 s (MEXC's Retry-After), up to 10 minutes\nMEXC asked for 30 s without requests (Retry-After).");
  });

  it('a clock a few ms off reads "16 ms", never "16 ms … (16 ms)"', async () => {
    const s = await sim({ scenario: 'clock-ahead' });
    const io = fakeIO({ env: { MEXC_API_KEY: KEY, MEXC_SECRET_KEY: SECRET } });
    await runCheck({ baseUrl: s.url, timeout: '3000' }, io);
    expect(io.out()).toMatch(/• Your clock is 4\.\d s ahead of MEXC \(4\d{3} ms\)\n/);
    const { renderDiagnosis } = await import('../../src/core/catalog/index.js');
    const d = renderDiagnosis({ id: 'clock-behind', facts: { localAheadMs: -16, rttMs: 4800, recvWindowMs: 5000, nearEdge: true, latencyCause: true } }, { baseUrl: 'https://api.mexc.com', symbol: 'BTCUSDT', recvWindowMs: 5000, platform: 'linux' });
    expect(d.evidence).toContain('Your clock is 16 ms behind MEXC');
  });
});

describe('credentials: a typed value the tool cleaned is a warning, never a silent pass', () => {
  async function typed(apiKey: string, secret: string) {
    const s = await sim();
    const session = createSession({
      baseUrl: s.url,
      timeoutMs: 3000,
      recvWindowMs: 5000,
      verbose: false,
      env: {},
      loadCredentials: () => ({}),
      now: () => Date.now(),
      platform: 'linux',
      invocation: 'node bin/mexc-wizard.js',
    });
    try {
      session.setTypedCredentials(apiKey, secret);
      return await session.runAll();
    } finally {
      session.close();
    }
  }

  it('a secret typed with a trailing space: the step warns, the rest runs with the cleaned one and passes', async () => {
    const rep = await typed(KEY, `${SECRET} `);
    const step = rep.steps.find((r) => r.id === 'credentials')!;
    expect(step.status).toBe('warn');
    expect(step.summary).toBe("The secret you typed ends with whitespace: removed here, but your bot's config probably has it too");
    expect(rep.steps.filter((r) => r.id !== 'credentials').every((r) => r.status === 'pass')).toBe(true);
    const d = step.diagnoses[0]!;
    expect(d.id).toBe('secret-format');
    expect(d.evidence).toContain('The secret you typed ends with whitespace');
    expect(d.evidence.join('\n')).not.toMatch(/typed at the masked prompt\)|from typed at/);
    expect(d.explanation).toMatch(/700002/);
    // The fix says where to look: the bot's .env or config, and the quotes around the value.
    expect(d.fixes[0]!.title).toBe('Remove it where your bot reads the secret');
    expect(d.fixes[0]!.text).toMatch(/its \.env, config\.json or config\.yaml/);
    expect(d.fixes[0]!.text).toMatch(/the quotes around it/);
    expect(d.fixes[0]!.text).toContain('node bin/mexc-wizard.js check --dotenv path/to/.env');
    expect(JSON.stringify(rep)).not.toContain(SECRET);
    const text = formatReport(rep, { color: false });
    expect(text.split('\n')[1]).toBe("! No problems, 1 warning: The secret you typed ends with whitespace: removed here, but your bot's config probably has it too");
    expect(text).not.toMatch(/No problems found/);
  });

  it('a key typed with a quote around it: the same, for the key', async () => {
    const rep = await typed(`"${KEY}"`, SECRET);
    const step = rep.steps.find((r) => r.id === 'credentials')!;
    expect(step.status).toBe('warn');
    expect(step.diagnoses[0]!.title).toBe("The key you typed is wrapped in quotes: removed here, but your bot's config probably has it too");
    expect(step.evidence).toContain('API key from what you typed at the masked prompt');
  });

  it('typed values swapped: read from what was typed, and swapped there, not in environment variables', async () => {
    const rep = await typed(SECRET, KEY);
    const d = rep.steps.find((r) => r.id === 'credentials')!.diagnoses.find((x) => x.id === 'key-secret-swapped')!;
    expect(d.evidence).toContain('Key read from what you typed at the masked prompt');
    expect(d.evidence.join('\n')).not.toMatch(/The key you typed/);
    expect(d.fixes[0]!.title).toBe('Swap them where you typed them, and in your bot');
    expect(d.fixes[0]!.text).not.toMatch(/export /);
  });

  it('values from a .env file with a space: the fix edits that file', async () => {
    const s = await sim();
    const io = fakeIO({ env: {}, cwd: process.cwd() });
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'mexc-dotenv-'));
    try {
      writeFileSync(join(dir, '.env'), `MEXC_API_KEY=${KEY}\nMEXC_SECRET_KEY="${SECRET} "\n`);
      await runCheck({ baseUrl: s.url, timeout: '3000', json: true }, { ...io, cwd: dir });
      const json = JSON.parse(io.out()) as { steps: Array<{ id: string; status: string; diagnoses: Array<{ id: string; fixes: Array<{ title: string; text: string }> }> }> };
      const cred = json.steps.find((x) => x.id === 'credentials')!;
      expect(cred.status).toBe('fail');
      expect(cred.diagnoses[0]!.fixes[0]!.title).toBe('Fix the secret in .env');
      expect(cred.diagnoses[0]!.fixes[0]!.text).toMatch(/^1\. Open \.env and find the line MEXC_SECRET_KEY=\.\.\./);
      expect(cred.diagnoses[0]!.fixes[0]!.text).not.toMatch(/export MEXC_SECRET_KEY/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
