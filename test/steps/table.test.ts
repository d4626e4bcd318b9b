import { describe, expect, it } from 'vitest';
import { CATALOG, KEY_WIDE_REFUSAL_IDS, REFUSAL_IDS } from '../../src/core/catalog/index.js';
import { FUTURES_STEP_IDS, FUTURES_STEPS, STEP_IDS, STEP_INFO, STEPS, stepBatches, stepInfo, stepList, targetName } from '../../src/core/step-table.js';
import { DIAGNOSIS_IDS } from '../../src/core/types.js';
import { CREDENTIAL_DIAGNOSES, EXPIRY_DIAGNOSES, LAB_DIAGNOSES } from '../../src/core/catalog/index.js';
import { check, faultFront, sim, walkWizard } from './support.js';

describe('the step table', () => {
  it('gives the order, the checklist titles and the step list the welcome screen shows', () => {
    expect(STEP_IDS).toEqual(['credentials', 'connectivity', 'clock', 'account', 'trade-read', 'trade']);
    expect(STEP_INFO['trade-read'].title).toBe('Order read');
    expect(stepList()).toBe('credentials, connectivity, clock, account, order read, trade');
  });

  it('names what the checks run against when it is not MEXC: the simulator, a local server, another base URL', () => {
    expect(targetName({ baseUrl: 'https://api.mexc.com' })).toBe('MEXC');
    expect(targetName({ demo: true })).toBe('a local MEXC simulator');
    expect(targetName({ baseUrl: 'http://127.0.0.1:8799' })).toBe('your base URL http://127.0.0.1:8799 (a local server, not MEXC)');
    expect(targetName({ baseUrl: 'https://gateway.example.com' })).toBe('your base URL https://gateway.example.com (not MEXC)');
    expect(targetName({ baseUrl: 'https://contract.mexc.com' })).toBe('MEXC');
    expect(targetName({ baseUrl: 'https://mexc.com.evil.example' })).toMatch(/\(not MEXC\)$/);
  });

  it("gives check's schedule: steps that may run alongside each other share a batch", () => {
    expect(stepBatches()).toEqual([['credentials'], ['connectivity', 'clock', 'account'], ['trade-read', 'trade']]);
    for (const step of STEPS) for (const other of step.alongside) expect(STEPS.find((s) => s.id === other)?.alongside).toContain(step.id);
  });

  it('has a futures table beside the spot one: its order, batches, titles and step list', () => {
    expect(FUTURES_STEP_IDS).toEqual(['credentials', 'connectivity', 'clock', 'futures-account', 'futures-trade-read']);
    expect(stepBatches('futures')).toEqual([['credentials'], ['connectivity', 'clock', 'futures-account'], ['futures-trade-read']]);
    for (const step of FUTURES_STEPS) for (const other of step.alongside) expect(FUTURES_STEPS.find((s) => s.id === other)?.alongside).toContain(step.id);
    expect(stepInfo('futures').connectivity.running).toMatch(/GET \/api\/v1\/contract\/ping/);
    expect(stepInfo('spot').connectivity.running).toMatch(/GET \/api\/v3\/ping/);
    expect(STEP_INFO['futures-account'].title).toBe('Futures account');
    expect(stepList('futures')).toBe('credentials, connectivity, clock, futures account, futures trade read');
  });

  it('skips from the needs: no key skips the signed steps, connectivity failing skips the rest', async () => {
    const s = await sim();
    const noKey = await check({ baseUrl: s.url, env: { MEXC_API_KEY: '', MEXC_SECRET_KEY: '' } });
    expect(noKey.status).toMatchObject({ connectivity: 'pass', clock: 'pass', account: 'skip', 'trade-read': 'skip', trade: 'skip' });
    expect(noKey.json.steps.find((x) => x.id === 'account')?.summary).toMatch(/no API key and secret/i);
    const down = await sim({ scenario: 'blocked' });
    const blocked = await check({ baseUrl: down.url });
    expect(blocked.status).toMatchObject({ connectivity: 'fail', clock: 'skip', account: 'skip', 'trade-read': 'skip', trade: 'skip' });
  });

  it('check signs GET /api/v3/account once for the clock and account steps; the wizard signs afresh per step', async () => {
    const s = await sim();
    const accountCalls = () => s.requests.filter((r) => r.path === '/api/v3/account').length;
    await check({ baseUrl: s.url });
    // check runs twice in support.check (JSON, then text): once per run.
    expect(accountCalls()).toBe(2);
    await walkWizard({ baseUrl: s.url });
    expect(accountCalls()).toBe(4);
  });

  it('a permission refused on the account (this endpoint only) still runs the trade steps', async () => {
    const base = await faultFront(await sim(), { 'GET /api/v3/account': { status: 400, body: '{"code":700007,"msg":"No permission to access the endpoint."}' } });
    const r = await check({ baseUrl: base });
    expect(r.status).toMatchObject({ account: 'fail', 'trade-read': 'pass', trade: 'pass' });
  });
});

describe('refusal sets come from the catalog', () => {
  it('key-wide refusals skip later signed steps; endpoint refusals do not; local findings are no refusal', () => {
    for (const id of ['signature-invalid', 'timestamp-outside-recv-window', 'ip-not-whitelisted', 'key-invalid', 'unexpected-response'] as const) expect(KEY_WIDE_REFUSAL_IDS.has(id)).toBe(true);
    expect(KEY_WIDE_REFUSAL_IDS.has('permission-denied')).toBe(false);
    expect(REFUSAL_IDS.has('permission-denied')).toBe(true);
    for (const id of ['key-format', 'clock-ahead', 'unknown-error'] as const) expect(REFUSAL_IDS.has(id)).toBe(false);
  });
});

describe('helper screens come from the catalog', () => {
  it('the sets the flow uses are the entries that name the helper', () => {
    const withHelper = (h: string) => new Set(DIAGNOSIS_IDS.filter((id) => (CATALOG[id].helpers as readonly string[]).includes(h)));
    expect(LAB_DIAGNOSES).toEqual(withHelper('lab'));
    expect(EXPIRY_DIAGNOSES).toEqual(withHelper('expiry'));
    expect(CREDENTIAL_DIAGNOSES).toEqual(withHelper('credentials'));
    expect([...LAB_DIAGNOSES]).toContain('signature-invalid');
    expect([...EXPIRY_DIAGNOSES]).toContain('key-invalid');
    expect([...CREDENTIAL_DIAGNOSES]).toContain('key-missing');
  });
});
