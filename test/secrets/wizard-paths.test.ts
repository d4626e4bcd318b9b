/**
 * The wizard's side of issue #11: what its runtime hands the screens is masked and
 * terminal-safe, a typed secret joins the run's redactor (which guards the terminal), and a
 * pasted error that holds the secret says so in the history.
 */
import { describe, expect, it, vi } from 'vitest';
import type { FoundCredentials } from '../../src/core/credentials.js';
import { SecretRedactor } from '../../src/core/secret-redactor.js';
import { initialState, next } from '../../src/flow/next.js';
import { createRuntime, type Loaders, type WizardSession } from '../../src/flow/runtime.js';
import type { Event } from '../../src/flow/types.js';
import type { SessionOptions } from '../../src/steps/session.js';
import { diagnosis, result } from '../support/fixtures.js';

const SECRET = 'wizardc4n4ry0123456789abcdef0123';

function runtime(found: FoundCredentials, loaders: Partial<Loaders> = {}, redactor = new SecretRedactor()) {
  const events: Event[] = [];
  const copy = vi.fn(async (text: string) => ({ ok: true, text: `copied ${text.length}` }));
  const session: SessionOptions = {
    baseUrl: 'https://api.mexc.com',
    timeoutMs: 10_000,
    recvWindowMs: 5000,
    verbose: false,
    env: {},
    loadCredentials: () => found,
    now: () => 0,
    platform: 'linux',
  };
  const fake: WizardSession = {
    runStep: async (id) => {
      const hostile = diagnosis('unexpected-response', 1, [`MEXC answered "\u001b]0;PWNED\u0007 ${SECRET.slice(4, 20)}"`]);
      return { ...result(id, 'fail', [hostile]), summary: `title \u001b[2J${SECRET}` };
    },
    setTypedCredentials: () => undefined,
    setSymbol: () => undefined,
    credentials: () => found,
    report: () => ({ ok: true, baseUrl: 'x', steps: [] }),
    fixContext: () => ({ baseUrl: 'x', symbol: 'BTCUSDT', recvWindowMs: 5000, platform: 'linux' }),
    close: () => undefined,
  };
  const rt = createRuntime({
    session,
    version: '1',
    cwd: '/nonexistent',
    today: '2026-03-10',
    copy,
    dispatch: (e) => events.push(e),
    onExit: () => undefined,
    redactor,
    loaders: { createSession: async () => fake, ...loaders },
  });
  return { rt, events, copy, redactor };
}

const fromEnv: FoundCredentials = { secret: { value: SECRET, origin: 'environment', variable: 'MEXC_SECRET_KEY' } };

describe('the wizard runtime', () => {
  it('hands the screens step results with the secret masked and escape sequences made visible', async () => {
    const { rt, events } = runtime(fromEnv);
    rt.run({ type: 'run-step', id: 'account' });
    await rt.idle();
    const text = JSON.stringify(events);
    expect(text).toContain('title \\\\x1b[2J[REDACTED]');
    expect(text).toContain('\\\\x1b]0;PWNED\\\\x07 [REDACTED]');
    expect(text).not.toContain(SECRET.slice(4, 12));
  });

  it('adds a typed secret to the run redactor that guards the terminal', async () => {
    const shared = new SecretRedactor();
    const { rt } = runtime({}, {}, shared);
    rt.run({ type: 'set-credentials', apiKey: 'mx0key', secret: 'typed-s3cret-value' });
    await rt.idle();
    expect(shared.redact('x typed-s3cret-value y')).toBe('x [REDACTED] y');
  });

  it('adds the secret typed in the lab, and passes the other known secrets to the lab', async () => {
    const shared = new SecretRedactor();
    const inspect = vi.fn(async () => ({ error: 'no' }));
    const { rt } = runtime(fromEnv, { inspect }, shared);
    rt.run({ type: 'inspect', text: 'x', secret: 'lab-typed-secret' });
    await rt.idle();
    expect(shared.redact('lab-typed-secret')).toBe('[REDACTED]');
    expect(inspect).toHaveBeenCalledWith('x', 'lab-typed-secret', expect.arrayContaining([SECRET, 'lab-typed-secret']));
  });

  it('reports a pasted error that holds the secret, and explains the masked paste', async () => {
    const explain = vi.fn(async () => ({ diagnoses: [diagnosis('signature-invalid')], recognised: true }));
    const { rt, events } = runtime(fromEnv, { explain });
    rt.run({ type: 'explain', text: `key=${SECRET} {"code":700002}` });
    await rt.idle();
    expect(explain).toHaveBeenCalledWith('key=[REDACTED] {"code":700002}', expect.anything());
    expect(events[0]).toMatchObject({ type: 'explained', exposed: { id: 'secret-exposed' } });
  });

  it('refuses to copy text that holds a piece of the secret', async () => {
    const { rt, events, copy } = runtime(fromEnv);
    rt.run({ type: 'copy', text: `echo ${SECRET.slice(0, 12)}`, what: 'x' });
    await rt.idle();
    expect(copy).not.toHaveBeenCalled();
    expect(events[0]).toMatchObject({ type: 'copied', outcome: { ok: false } });
  });
});

describe('the flow', () => {
  it('writes "this text contains your secret" into the history when an explained paste holds it', () => {
    let state = initialState({ version: '1', today: '2026-03-10' });
    state = next(state, { type: 'pick', index: 2, activate: true }).state;
    expect(state.screen.kind).toBe('explain');
    state = next(state, { type: 'input', text: 'pasted' }).state;
    state = next(state, { type: 'accept' }).state;
    const exposed = { id: 'secret-exposed' as const, title: 'This text contains your secret', detail: 'Replace the key.', severity: 'problem' as const };
    state = next(state, { type: 'explained', diagnoses: [diagnosis('signature-invalid')], recognised: true, exposed }).state;
    expect(state.screen.kind).toBe('fix');
    expect(state.log.at(-1)).toMatchObject({ kind: 'note', tone: 'warn', lines: ['This text contains your secret. Replace the key.'] });
  });
});
