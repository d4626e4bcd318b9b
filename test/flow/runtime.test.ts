import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FoundCredentials } from '../../src/core/credentials.js';
import type { SupportReportInput } from '../../src/core/report.js';
import type { StepId } from '../../src/core/types.js';
import { initialState, next } from '../../src/flow/next.js';
import { viewOf } from '../../src/flow/screens/index.js';
import { createRuntime, type Loaders, type WizardSession } from '../../src/flow/runtime.js';
import type { Event, WizardState } from '../../src/flow/types.js';
import type { SessionOptions } from '../../src/steps/session.js';
import { result } from '../support/fixtures.js';

const SECRET = 'canaryc0ffee0123456789abcdef0123';

function sessionOptions(found: FoundCredentials = {}): SessionOptions {
  return {
    baseUrl: 'https://api.mexc.com',
    timeoutMs: 10_000,
    recvWindowMs: 5000,
    verbose: false,
    env: { HTTPS_PROXY: 'http://proxy:3128' },
    loadCredentials: () => found,
    now: () => 0,
    platform: 'linux',
  };
}

function fakeSession(log: string[]): WizardSession {
  return {
    runStep: async (id: StepId) => {
      log.push(`run ${id}`);
      return result(id, 'pass');
    },
    setTypedCredentials: (k, s) => void log.push(`typed ${k ?? '-'} ${s ? 'secret' : '-'}`),
    setSymbol: (symbol) => void log.push(`symbol ${symbol}`),
    credentials: () => ({}),
    report: () => ({ ok: true, baseUrl: 'x', steps: [] }),
    fixContext: () => ({ baseUrl: 'x', symbol: 'BTCUSDT', recvWindowMs: 5000, platform: 'linux' }),
    close: () => void log.push('close'),
  };
}

function setup(over: { found?: FoundCredentials; loaders?: Partial<Loaders>; cwd?: string } = {}) {
  const events: Event[] = [];
  const log: string[] = [];
  const created: SessionOptions[] = [];
  const copy = vi.fn(async (_text: string, what: string) => ({ ok: true, text: `Copied ${what}` }));
  const onExit = vi.fn();
  const rt = createRuntime({
    session: sessionOptions(over.found),
    version: '1.2.3',
    cwd: over.cwd ?? '/nonexistent',
    today: '2026-03-10',
    copy,
    dispatch: (e) => events.push(e),
    onExit,
    loaders: {
      createSession: async (o) => {
        created.push(o);
        return fakeSession(log);
      },
      ...over.loaders,
    },
  });
  const settle = async () => {
    await rt.idle();
    // exit runs outside the queue: let its shutdown finish too.
    await new Promise((r) => setImmediate(r));
  };
  return { rt, events, log, created, copy, onExit, settle };
}

const found: FoundCredentials = {
  apiKey: { value: 'mx0aBYs33eIilxBWC5\n', origin: 'dotenv', variable: 'MEXC_API_KEY', file: '.env' },
  secret: { value: SECRET, origin: 'environment', variable: 'MEXC_SECRET_KEY' },
};

describe('runtime', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('reports where the credentials came from, the key masked and never the secret', async () => {
    const { rt, events, settle } = setup({ found });
    rt.run({ type: 'load-credentials' });
    await settle();
    expect(events).toEqual([
      {
        type: 'credentials-loaded',
        view: { demo: false, key: { masked: 'mx0a…WC5', where: 'MEXC_API_KEY in .env' }, secret: { where: 'the environment variable MEXC_SECRET_KEY' } },
      },
    ]);
    expect(JSON.stringify(events)).not.toContain(SECRET);
  });

  it('creates the session on the first step, with its own abort signal, and applies typed credentials', async () => {
    const { rt, events, log, created, settle } = setup();
    rt.run({ type: 'set-credentials', apiKey: 'mx0typed', secret: 'typed-secret' });
    rt.run({ type: 'run-step', id: 'credentials' });
    await settle();
    expect(log).toEqual(['typed mx0typed secret', 'run credentials']);
    expect(created[0]?.signal).toBeInstanceOf(AbortSignal);
    expect(events).toEqual([{ type: 'step-done', result: result('credentials', 'pass') }]);
  });

  it('a crashing step becomes a failed step that says so, with the secret redacted', async () => {
    const { rt, events, settle } = setup({
      found,
      loaders: {
        createSession: async () => ({
          ...fakeSession([]),
          runStep: async () => {
            throw new Error(`boom ${SECRET}`);
          },
        }),
      },
    });
    rt.run({ type: 'run-step', id: 'clock' });
    await settle();
    expect(events[0]).toMatchObject({ type: 'step-done', result: { id: 'clock', status: 'fail' } });
    expect(JSON.stringify(events)).not.toContain(SECRET);
  });

  it('refuses to copy text that contains the secret', async () => {
    const { rt, events, copy, settle } = setup({ found });
    rt.run({ type: 'copy', text: `export MEXC_SECRET_KEY=${SECRET}`, what: 'fix 1' });
    rt.run({ type: 'copy', text: 'sudo chronyc makestep', what: 'fix 2' });
    await settle();
    expect(copy).toHaveBeenCalledTimes(1);
    expect(events).toEqual([
      { type: 'copied', outcome: { ok: false, text: 'Not copied: the text contains your secret.' } },
      { type: 'copied', outcome: { ok: true, text: 'Copied fix 2' } },
    ]);
  });

  it('saves the report in the working directory without overwriting an earlier one', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'mw-report-'));
    dirs.push(cwd);
    const renderReport = vi.fn(async (_input: SupportReportInput) => `# report with ${SECRET} stripped`);
    const { rt, events, settle } = setup({ found, cwd, loaders: { renderReport } });
    rt.run({ type: 'report', action: 'save' });
    rt.run({ type: 'report', action: 'save' });
    await settle();
    expect(readdirSync(cwd).sort()).toEqual(['mexc-wizard-report-2026-03-10-2.md', 'mexc-wizard-report-2026-03-10.md']);
    expect(readFileSync(join(cwd, 'mexc-wizard-report-2026-03-10.md'), 'utf8')).not.toContain(SECRET);
    expect(events[1]).toEqual({ type: 'report-ready', action: 'save', path: join(cwd, 'mexc-wizard-report-2026-03-10-2.md') });
    expect(renderReport.mock.calls[0]?.[0]).toMatchObject({ version: '1.2.3', apiKey: 'mx0aBYs33eIilxBWC5', secret: SECRET });
    // What the user is told names the file that was written (the second is -2), on the summary and in the last words.
    let state: WizardState = { ...initialState({ version: '1.2.3', today: '2026-03-10' }), screen: { kind: 'summary', focus: 0 } };
    for (const event of events) {
      state = next(state, event).state;
      const path = event.type === 'report-ready' ? event.path! : '';
      expect(existsSync(path)).toBe(true);
      expect(state.flash?.text).toBe(`Saved the redacted report to ${path}`);
    }
    const last = join(cwd, 'mexc-wizard-report-2026-03-10-2.md');
    expect(viewOf(state).paragraphs?.map((p) => p.text)).toContain(`Report saved: ${last}`);
    expect(viewOf({ ...state, screen: { kind: 'exiting', code: 0 } }).paragraphs?.map((p) => p.text)).toContain(`Nothing was written to disk except the report: ${last}`);
  });

  it('demo: the session talks to the simulator with throwaway credentials and no proxy', async () => {
    const close = vi.fn(async () => undefined);
    const { rt, events, created, settle } = setup({
      found,
      loaders: { startDemo: async () => ({ sim: { url: 'http://127.0.0.1:9', close }, apiKey: 'mx0demo', secret: 'demo-secret' }) },
    });
    rt.run({ type: 'start-demo', scenario: 'ok' });
    rt.run({ type: 'load-credentials' });
    rt.run({ type: 'run-step', id: 'connectivity' });
    await settle();
    expect(events[0]).toEqual({ type: 'demo-started', url: 'http://127.0.0.1:9', scenario: 'ok' });
    expect(events[1]).toMatchObject({ type: 'credentials-loaded', view: { demo: true, key: { where: 'the demo simulator' } } });
    expect(created[0]).toMatchObject({ baseUrl: 'http://127.0.0.1:9', env: {} });
    expect(created[0]?.loadCredentials().secret?.value).toBe('demo-secret');
    await rt.shutdown();
    expect(close).toHaveBeenCalled();
  });

  it('exit aborts requests, closes the session, then reports the code', async () => {
    const { rt, log, created, onExit, settle } = setup();
    rt.run({ type: 'run-step', id: 'credentials' });
    await settle();
    rt.run({ type: 'exit', code: 130 });
    await settle();
    expect(created[0]?.signal?.aborted).toBe(true);
    expect(log).toContain('close');
    expect(onExit).toHaveBeenCalledWith(130);
  });

  it('waits for session options still being built; a bad flag ends the wizard through onFatal', async () => {
    const events: Event[] = [];
    const onFatal = vi.fn();
    const failing = createRuntime({
      session: Promise.reject(new Error('--recv-window must be a whole number')),
      version: '1',
      cwd: '/nonexistent',
      today: '2026-03-10',
      copy: async () => ({ ok: true, text: '' }),
      dispatch: (e) => events.push(e),
      onExit: () => undefined,
      onFatal,
    });
    failing.run({ type: 'load-credentials' });
    await failing.idle();
    expect(onFatal).toHaveBeenCalledWith(new Error('--recv-window must be a whole number'));
    expect(events).toEqual([]);

    let resolve: (o: SessionOptions) => void = () => undefined;
    const later = createRuntime({
      session: new Promise<SessionOptions>((r) => (resolve = r)),
      version: '1',
      cwd: '/nonexistent',
      today: '2026-03-10',
      copy: async () => ({ ok: true, text: '' }),
      dispatch: (e) => events.push(e),
      onExit: () => undefined,
    });
    later.run({ type: 'load-credentials' });
    resolve(sessionOptions(found));
    await later.idle();
    expect(events[0]).toMatchObject({ type: 'credentials-loaded', view: { key: { masked: 'mx0a…WC5' } } });
  });

  it('explain and inspect go through the core and come back as events', async () => {
    const { rt, events, settle } = setup({ found });
    rt.run({ type: 'explain', text: '{"code":700002,"msg":"Signature for this request is not valid."}' });
    rt.run({ type: 'inspect', text: 'not a request at all' });
    await settle();
    expect(events[0]).toMatchObject({ type: 'explained', recognised: true, diagnoses: [{ id: 'signature-invalid' }] });
    expect(events[1]).toMatchObject({ type: 'inspect-failed' });
  });
});
