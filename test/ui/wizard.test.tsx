import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { DIAGNOSIS_IDS, STEP_IDS } from '../../src/core/types.js';
import { initialState, next } from '../../src/flow/next.js';
import type { WizardState } from '../../src/flow/types.js';
import { catalog, FOUND, KEYS, renderWizard, scriptedSession, stepResult } from './helpers.js';

afterEach(() => {
  cleanup();
});

const SIM_IP = '198.51.100.23';

describe('welcome', () => {
  it('says what the tool does, that the secret stays in memory, offers the choices and the keys', async () => {
    const w = await renderWizard();
    const f = await w.waitFor('What do you want to do?');
    expect(f).toContain('mexc-wizard 0.0.0-test');
    expect(f).toContain('Your secret stays in memory');
    expect(f).toContain('1. Diagnose my API key');
    expect(f).toContain('2. My futures bot fails');
    expect(f).toContain('3. Explain an error I got');
    expect(f).toContain('4. Check a request my code sent');
    expect(f).toMatch(/Enter start · q quit/);
  });

  it('in demo mode without a scenario offers the scenario list', async () => {
    const w = await renderWizard({ init: { demo: true, scenarios: [{ name: 'ok', description: 'healthy' }, { name: 'clock-ahead', description: 'ahead' }] } });
    await w.waitFor('1. Pick a demo scenario');
    await w.press(KEYS.enter);
    const f = await w.waitFor('Demo: pick a scenario');
    expect(f).toContain('2. clock-ahead');
  });
});

describe('diagnose: the happy path', () => {
  it('shows the found credentials masked, runs every step, and ends on a summary with no problems', async () => {
    const w = await renderWizard();
    await w.press(KEYS.enter);
    const review = await w.waitFor('Use these credentials');
    expect(review).toContain('mx0a…WC5');
    expect(review).toContain('MEXC_API_KEY in .env');
    expect(review).not.toContain('45d0b3c26f2644f19bfb98b07741b2f5');
    await w.press(KEYS.enter);
    await w.waitFor('Which symbol does your bot trade?');
    await w.press(KEYS.enter);
    const summary = await w.waitFor('No problems found');
    for (const id of STEP_IDS) expect(summary).toContain(`${id}: pass`);
    expect(summary).toMatch(/✓ PASS\s+1 Credentials:/);
    expect(summary).toContain('❯ 5. Quit');
    await w.press(KEYS.enter);
    await w.waitFor('Bye.');
    expect(w.exits).toEqual([0]);
  });

  it('shows a spinner and what the step does while it runs', async () => {
    let release: () => void = () => undefined;
    const hold = new Promise<void>((r) => (release = r));
    const w = await renderWizard({ session: scriptedSession({}, hold) });
    await w.press(KEYS.enter);
    await w.waitFor('Use these credentials');
    await w.press(KEYS.enter);
    await w.waitFor('Which symbol does your bot trade?');
    await w.press(KEYS.enter);
    const f = await w.waitFor('Step 1 of 6 · Credentials');
    expect(f).toContain('Checking key and secret for copy-paste damage');
    expect(f).toContain('Ctrl-C stop and quit');
    release();
    await w.waitFor('Summary');
  });
});

describe('failures branch to their quick-fix screen', () => {
  async function failAt(result: ReturnType<typeof stepResult>, size?: { columns: number; rows: number }) {
    const w = await renderWizard({ session: scriptedSession({ [result.id]: result }), ...(size ? { size } : {}) });
    await w.press(KEYS.enter);
    await w.waitFor('Use these credentials');
    await w.press(KEYS.enter);
    await w.waitFor('Which symbol does your bot trade?');
    await w.press(KEYS.enter);
    await w.waitFor('How to fix it');
    return w;
  }

  it('IP not whitelisted: names the IP MEXC saw and the fix to add it', async () => {
    const w = await failAt(stepResult('account', 'fail', [catalog('ip-not-whitelisted', { ip: SIM_IP, mexcCode: 700006, mexcMsg: `IP [${SIM_IP}] not in the ip white list` })]));
    const f = w.lastFrame();
    expect(f).toMatch(/✗ FAIL Step 4 of 6 · Account/);
    expect(f).toContain(`MEXC saw your IP as ${SIM_IP}`);
    expect(f).toContain(`❯ 1. Add ${SIM_IP} to the key's IP whitelist`);
    expect(f).toMatch(/Enter continue · r re-run/);
  });

  it('clock ahead: the offset with its sign, and why a bigger recvWindow cannot help', async () => {
    const w = await failAt(stepResult('clock', 'fail', [catalog('clock-ahead', { localAheadMs: 4200, rttMs: 10, recvWindowMs: 5000, arrivalLeadMs: 4195, nearEdge: false })]));
    const f = w.lastFrame();
    expect(f).toContain('Your clock is 4.2 s ahead of MEXC');
    expect(f).toMatch(/bigger recvWindow\s+cannot help/);
    expect(f).toContain('sudo timedatectl set-ntp true');
  });

  it('signature invalid: offers the signature lab', async () => {
    const w = await failAt(stepResult('account', 'fail', [catalog('signature-invalid', { mexcCode: 700002 })]));
    expect(w.lastFrame()).toContain('l signature lab');
    await w.press('l');
    await w.waitFor('Signature lab: check a request your code sent');
    await w.press(KEYS.escape);
    await w.waitFor('How to fix it');
  });

  it('permission denied on trade: names the missing permission', async () => {
    const w = await failAt(stepResult('trade', 'fail', [catalog('permission-denied', { mexcCode: 700007, permission: 'SPOT_DEAL_WRITE' })]));
    expect(w.lastFrame()).toContain('Step 6 of 6 · Trade');
    expect(w.lastFrame()).toContain('Permission MEXC asks for: SPOT_DEAL_WRITE');
  });

  it.each(DIAGNOSIS_IDS.map((id) => [id]))('%s: title, evidence, numbered fixes and the key hints', async (id) => {
    const d = catalog(id);
    const w = await failAt(stepResult('account', 'fail', [d]));
    const f = w.lastFrame();
    expect(f).toContain(d.title.slice(0, 30));
    if (d.fixes[0]) expect(f.replace(/❯ 1\.\s+/, '❯ 1. ')).toContain(`❯ 1. ${d.fixes[0].title.slice(0, 30)}`);
    expect(f).toContain('Esc back');
  });

  it('c copies the focused fix; numbers move the focus', async () => {
    const d = catalog('clock-ahead', { localAheadMs: 4200, rttMs: 10, recvWindowMs: 5000, arrivalLeadMs: 4195 });
    const w = await failAt(stepResult('clock', 'fail', [d]));
    await w.press('2', 'c');
    await w.waitFor('Copied fix 2');
    expect(w.copies).toEqual([d.fixes[1]?.text]);
  });

  it('r re-runs the step; Enter continues to the next', async () => {
    const w = await failAt(stepResult('clock', 'fail', [catalog('clock-behind', { localAheadMs: -9000, rttMs: 10, recvWindowMs: 5000 })]));
    await w.press('r');
    await w.waitFor('3 Clock (re-run):');
    await w.waitFor('How to fix it');
    await w.press(KEYS.enter);
    await w.waitFor('Summary');
  });
});

describe('credentials typed at the prompt', () => {
  it('draws dots, never the secret, and reports a pasted trailing newline', async () => {
    const canary = 'canary0secret0deadbeef0123456789';
    const w = await renderWizard({ found: {} });
    await w.press(KEYS.enter);
    await w.waitFor('No API key (MEXC_API_KEY) and no secret (MEXC_SECRET_KEY)');
    await w.type('mx0aBYs33eIilxBWC5');
    await w.press(KEYS.enter);
    // Pasted with a space and Enter in one chunk: the line is submitted, the space reported.
    await w.type(`${canary} \n`);
    await w.waitFor('Which symbol does your bot trade?');
    // The symbol and Enter in one chunk, as a paste ending in a newline.
    await w.type('ethusdt\r');
    await w.waitFor('Summary');
    const all = w.frames.join('\n');
    expect(all).not.toContain(canary);
    expect(all).not.toContain(canary.slice(0, 12));
    expect(all).toContain('•'.repeat(18));
    expect(w.lastFrame()).toContain('The secret you typed ends with whitespace: removed it');
  });

  it('Esc from the first field goes back to the menu', async () => {
    const w = await renderWizard({ found: {} });
    await w.press(KEYS.enter);
    await w.waitFor('Type or paste the key');
    await w.press(KEYS.escape);
    await w.waitFor('What do you want to do?');
  });
});

describe('explain', () => {
  it('turns a pasted MEXC error into its diagnosis and fixes', async () => {
    const w = await renderWizard();
    await w.press('3', KEYS.enter);
    await w.waitFor('Explain an error');
    await w.type('{"code":700006,"msg":"IP [198.51.100.23] not in the ip white list"}');
    await w.press(KEYS.enter);
    const f = await w.waitFor('How to fix it');
    expect(f).toContain('the error you pasted');
    expect(f).toContain(`MEXC saw your IP as ${SIM_IP}`);
    expect(f).toMatch(/Enter done/);
  });

  it('masks anything shaped like a secret in the echoed paste', async () => {
    const w = await renderWizard();
    await w.press('3', KEYS.enter);
    await w.type('secret = 45d0b3c26f2644f19bfb98b07741b2f5');
    const f = await w.waitFor('[32 hex characters hidden]');
    expect(f).not.toContain('45d0b3c26f2644f19bfb98b07741b2f5');
  });
});

describe('signature lab', () => {
  it('finds the mistake in a pasted request, with the known secret', async () => {
    const w = await renderWizard();
    await w.press('4', KEYS.enter);
    await w.waitFor(/recomputed with the secret from the environment variable\s+MEXC_SECRET_KEY/);
    // MEXC's documented example, signed correctly (docs/mexc-api.md §1).
    await w.type(
      'https://api.mexc.com/api/v3/order?symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=1&price=11&recvWindow=5000&timestamp=1644489390087&signature=fd3e4e8543c5188531eb7279d68ae7d26a573d0fc5ab0d18eb692451654d837a',
    );
    await w.press(KEYS.enter);
    const f = await w.waitFor('Findings');
    expect(f).toMatch(/Signature sent fd3e…837a · MEXC expects fd3e…837a/);
    expect(f).not.toContain('45d0b3c26f2644f19bfb98b07741b2f5');
  });

  it('asks for the secret when none is known', async () => {
    const w = await renderWizard({ found: {} });
    await w.press('4', KEYS.enter);
    await w.type('https://api.mexc.com/api/v3/account?timestamp=1644489390087&signature=abc');
    await w.press(KEYS.enter);
    await w.waitFor('No secret found');
    await w.type('45d0b3c26f2644f19bfb98b07741b2f5');
    await w.press(KEYS.enter);
    await w.waitFor('Findings');
    expect(w.frames.join('\n')).not.toContain('45d0b3c26f2644f19bfb98b07741b2f5');
  });
});

describe('key expiry helper', () => {
  it('computes the expiry and the renewal window from the creation date', async () => {
    const w = await renderWizard({ session: scriptedSession({ account: stepResult('account', 'fail', [catalog('key-invalid', { mexcCode: 10072 })]) }) });
    await w.press(KEYS.enter);
    await w.waitFor('Use these credentials');
    await w.press(KEYS.enter);
    await w.waitFor('Which symbol does your bot trade?');
    await w.press(KEYS.enter);
    await w.waitFor('e expiry helper');
    await w.press('e');
    await w.waitFor('Is an IP address bound to this key');
    await w.press('n');
    await w.waitFor('When was the key created?');
    await w.type('2025-12-12');
    await w.press(KEYS.enter);
    const f = await w.waitFor('RENEW NOW');
    // In the renewal window the date holds only if the key was not renewed already.
    expect(f).toContain('RENEW NOW · expires 2026-03-12 unless renewed already');
    expect(f).toContain('Renew is open now');
    expect(f).toContain('once renewed, it runs to 2026-06-10');
  });
});

describe('summary', () => {
  it('opens with the verdict and counts, lists the problems and the report actions; Enter opens a problem', async () => {
    const w = await renderWizard({ session: scriptedSession({ trade: stepResult('trade', 'fail', [catalog('permission-denied', { permission: 'SPOT_DEAL_WRITE' })]) }) });
    await w.press(KEYS.enter);
    await w.waitFor('Use these credentials');
    await w.press(KEYS.enter);
    await w.waitFor('Which symbol does your bot trade?');
    await w.press(KEYS.enter);
    await w.waitFor('How to fix it');
    await w.press(KEYS.enter);
    const f = await w.waitFor('Summary');
    expect(f).toContain('✗ Summary: 1 problem found · 6 checks: 5 passed, 1 failed');
    expect(f).toMatch(/❯ 1\. ✗ FAIL Trade:/);
    expect(f).toContain('Save it in this folder');
    expect(f).toContain('https://www.mexc.com/api-docs/spot-v3/introduction');
    await w.press('4');
    expect(await w.waitFor('❯ 4. Save it in this folder')).toContain('as mexc-wizard-report-2026-03-10.md (-2, -3… when that name is taken)');
    await w.press('1', KEYS.enter);
    await w.waitFor('Step 6 of 6 · Trade');
    await w.press(KEYS.escape);
    await w.waitFor('Summary');
    await w.press('q');
    await w.waitFor('Bye.');
    expect(w.exits).toEqual([1]);
  });
});

describe('Ctrl-C', () => {
  it('quits with 130 from any screen, also while a step runs', async () => {
    const w = await renderWizard({ session: scriptedSession({}, new Promise(() => undefined)) });
    await w.press(KEYS.enter);
    await w.waitFor('Use these credentials');
    await w.press(KEYS.enter);
    await w.waitFor('Which symbol does your bot trade?');
    await w.press(KEYS.enter);
    await w.waitFor('Step 1 of 6');
    await w.press(KEYS.ctrlC);
    await w.waitFor('Interrupted');
    await expect.poll(() => w.exits).toEqual([130]);
  });
});

describe('layout', () => {
  /** A state on the fix screen whose only static line is the banner, so the live area is measurable. */
  function onFix(id: 'clock-ahead' | 'signature-invalid' | 'ip-not-whitelisted'): WizardState {
    const facts = { localAheadMs: 4200, rttMs: 10, recvWindowMs: 5000, arrivalLeadMs: 4195, ip: SIM_IP, mexcCode: 700002 };
    // The clock's problem comes with its numbers: the fix screen draws the timing rule.
    const step = id === 'clock-ahead' ? 'clock' : 'account';
    const timing = { localAheadMs: 4200, uncertaintyMs: 5, arrivalLeadMs: { min: 4190, max: 4200 }, window: { aheadMs: 1000, behindMs: 5000 }, windowName: 'recvWindow' };
    const r = { ...stepResult(step, 'fail', [catalog(id, facts)]), ...(step === 'clock' ? { timing } : {}) };
    const s: WizardState = { ...initialState({ version: '0', today: '2026-03-10' }), screen: { kind: 'step', id: step, mode: 'guide' } };
    const t = next(s, { type: 'step-done', result: r }).state;
    return { ...t, log: t.log.filter((e) => e.kind === 'banner') };
  }

  it.each([
    [60, 24],
    [60, 40],
    [100, 24],
    [200, 50],
  ])('at %i×%i every line fits and the live area stays shorter than the terminal', async (columns, rows) => {
    for (const id of ['clock-ahead', 'signature-invalid', 'ip-not-whitelisted'] as const) {
      const w = await renderWizard({ state: onFix(id), size: { columns, rows } });
      const f = await w.waitFor('How to fix it');
      // The banner (two lines) is the only static output here; the rest is the live area.
      const live = f.split('\n').slice(2);
      for (const line of f.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(columns);
      expect(live.length, f).toBeLessThan(rows);
      cleanup();
    }
  });

  /** Every fact the catalog may show, with long realistic values. */
  const RICH_FACTS = {
    ip: SIM_IP,
    mexcCode: 700007,
    mexcMsg: 'No permission to access the endpoint.',
    httpStatus: 400,
    endpoint: 'POST /api/v3/order/test',
    localAheadMs: 4200,
    rttMs: 180,
    recvWindowMs: 5000,
    arrivalLeadMs: 4110,
    permission: 'SPOT_DEAL_WRITE',
    errorCode: 'ECONNRESET',
    errorMessage: 'socket hang up while reading the response from api.mexc.com',
    retryAfterSec: 30,
    bodySnippet: '<HTML><HEAD><TITLE>Access Denied</TITLE></HEAD><BODY>You don\'t have permission to access this server.',
    reference: '18.6e1a1402.1700000000.2a3b4c5d',
    problem: 'line-break',
    variable: 'MEXC_SECRET_KEY',
    where: 'MEXC_SECRET_KEY in .env',
    likelyCause: 'a trailing newline from echo into a file, a Windows CRLF .env, or a copy of the whole line',
    symbol: 'BTCUSDT',
  };

  it.each([
    [60, 24],
    [100, 24],
  ])('every diagnosis fits at %i×%i, on its first and its last fix', async (columns, rows) => {
    for (const id of DIAGNOSIS_IDS) {
      const d = catalog(id, RICH_FACTS);
      for (const focus of [0, Math.max(0, d.fixes.length - 1)]) {
        const base = onFix('ip-not-whitelisted');
        const state: WizardState = { ...base, screen: { ...(base.screen as Extract<WizardState['screen'], { kind: 'fix' }>), diagnoses: [d], focus } };
        const w = await renderWizard({ state, size: { columns, rows } });
        const f = await w.waitFor('Esc back');
        for (const line of f.split('\n')) expect([...line].length, `${id}: ${line}`).toBeLessThanOrEqual(columns);
        expect(f.split('\n').slice(2).length, `${id} focus ${focus}:\n${f}`).toBeLessThan(rows);
        cleanup();
      }
    }
  });

  it("the clock's fix screen draws MEXC's timing rule: the window, MEXC's time, where the timestamp lands", async () => {
    const w = await renderWizard({ state: onFix('clock-ahead'), size: { columns: 60, rows: 40 } });
    const f = await w.waitFor('How to fix it');
    const rows = f.split('\n');
    const axis = rows.find((r) => r.includes('┿'))!;
    expect(axis.indexOf('├')).toBeLessThan(axis.indexOf('┿'));
    expect(axis.indexOf('┿')).toBeLessThan(axis.indexOf('┤'));
    expect(axis.indexOf('┤')).toBeLessThan(axis.indexOf('●'));
    expect(f).toContain('you +4.2 s');
    expect(f.replace(/\s+/g, ' ')).toContain('MEXC accepts a timestamp from its time − 5 s to + 1 s (recvWindow); yours lands at + 4.2 s (your clock is 4.2 s ahead): too far ahead, refused.');
  });

  it('a long fix is clipped with a pointer to p and c, and p prints it whole above', async () => {
    const w = await renderWizard({ state: onFix('signature-invalid'), size: { columns: 60, rows: 24 } });
    await w.waitFor('How to fix it');
    await w.press('3');
    const f = await w.waitFor(/more lines.*: p prints it whole above/);
    expect(f).toContain('+ 6 other fixes');
    await w.press('p');
    const printed = await w.waitFor('── end ──');
    expect(printed).toContain('hmac.new');
  });

  it('a code line wider than the screen is cut and marked, never folded; p prints it unbroken', async () => {
    const w = await renderWizard({ state: onFix('signature-invalid'), size: { columns: 60, rows: 60 } });
    await w.press('2');
    const f = await w.waitFor('❯ 2. Known-good request with curl');
    const d = (w.state().screen as Extract<WizardState['screen'], { kind: 'fix' }>).diagnoses[0]!;
    const long = d.fixes[1]!.text.split('\n').find((l) => l.includes("awk '{print $NF}'"))!;
    expect(long.length).toBeGreaterThan(60);
    const rows = f.split('\n');
    const row = rows.find((r) => r.startsWith('SIGNATURE='))!;
    expect(row.endsWith('…')).toBe(true);
    expect(long.startsWith(row.slice(0, -1))).toBe(true);
    // The rest of the line is nowhere on screen: no row starts with a piece of it.
    expect(rows.some((r) => r.startsWith("{print $NF}')") || r.startsWith("$NF}')"))).toBe(false);
    expect(f).toMatch(/lines cut at …: p prints it whole above, c copies it/);
    await w.press('p');
    const printed = await w.waitFor('── end ──');
    expect(printed.split('\n')).toContain(long);
  });
});
