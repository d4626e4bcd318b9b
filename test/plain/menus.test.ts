import { describe, expect, it } from 'vitest';
import type { Diagnosis, DiagnosisId, StepResult } from '../../src/core/types.js';
import { initialState, next } from '../../src/flow/index.js';
import type { Event, Screen, WizardState } from '../../src/flow/types.js';
import { answer } from '../../src/plain/index.js';
import { questionFor, type SelectQuestion } from '../../src/plain/menus.js';
import { scriptedPrompter } from './helpers.js';

const diagnosis = (id: DiagnosisId, fixes = 2): Diagnosis => ({
  id,
  title: `Title of ${id}`,
  explanation: `What ${id} means.`,
  evidence: [],
  fixes: Array.from({ length: fixes }, (_v, i) => ({ title: `Fix ${i + 1} for ${id}`, lang: 'sh' as const, text: `echo ${i + 1}` })),
});
const failed = (d: Diagnosis[]): StepResult => ({ id: 'account', status: 'fail', summary: 'Refused', evidence: [], diagnoses: d, durationMs: 1 });

function at(screen: Screen, patch: Partial<WizardState> = {}): WizardState {
  return { ...initialState({ version: '1.0.0', today: '2026-05-01', scenarios: [{ name: 'ok', description: 'all good' }] }), screen, ...patch };
}

function fixScreen(ds: Diagnosis[], mode: 'guide' | 'single' = 'guide', index = 0): WizardState {
  return at({ kind: 'fix', source: { kind: 'step', result: failed(ds), mode }, diagnoses: ds, index, focus: 0 });
}

const labels = (state: WizardState) => (questionFor(state) as SelectQuestion).choices.map((c) => c.label);

/** Runs the events a menu line stands for through the real `next`. */
function choose(state: WizardState, label: string): { state: WizardState; effects: string[] } {
  const q = questionFor(state) as SelectQuestion;
  const choice = q.choices.find((c) => c.label.startsWith(label));
  if (!choice) throw new Error(`no "${label}" in ${q.choices.map((c) => c.label).join(' | ')}`);
  let s = state;
  const effects: string[] = [];
  for (const e of choice.value.events) {
    const t = next(s, e);
    s = t.state;
    effects.push(...t.effects.map((x) => x.type));
  }
  return { state: s, effects };
}

describe('the welcome menu', () => {
  it('offers the welcome choices and Quit, Enter on the first', () => {
    const q = questionFor(at({ kind: 'welcome', focus: 0 })) as SelectQuestion;
    expect(q.choices.map((c) => c.label)).toEqual(['Diagnose my API key', 'My futures bot fails', 'Explain an error I got', 'Check a request my code sent', 'Quit']);
    expect(q.initial).toBe(0);
  });

  it('starts the diagnosis', () => {
    const { state, effects } = choose(at({ kind: 'welcome', focus: 0 }), 'Diagnose my API key');
    expect(state.screen).toMatchObject({ kind: 'credentials', phase: 'loading' });
    expect(state.api).toBe('spot');
    expect(effects).toEqual(['load-credentials']);
  });

  it('starts the futures diagnosis', () => {
    const { state, effects } = choose(at({ kind: 'welcome', focus: 0 }), 'My futures bot fails');
    expect(state.screen).toMatchObject({ kind: 'credentials', phase: 'loading' });
    expect(state.api).toBe('futures');
    expect(effects).toEqual(['load-credentials']);
  });
});

describe('the fix menu', () => {
  it('puts Continue first (where Enter lands), then re-run', () => {
    const q = questionFor(fixScreen([diagnosis('ip-not-whitelisted')])) as SelectQuestion;
    expect(q.initial).toBe(0);
    expect(labels(fixScreen([diagnosis('ip-not-whitelisted')])).slice(0, 2)).toEqual(['Continue with the next check', 'Re-run the Account check']);
  });

  it('says "Back to the summary" when opened from the summary', () => {
    expect(labels(fixScreen([diagnosis('ip-not-whitelisted')], 'single'))[0]).toBe('Back to the summary');
  });

  it('re-runs the step the fix came from', () => {
    const { state, effects } = choose(fixScreen([diagnosis('ip-not-whitelisted')]), 'Re-run');
    expect(state.screen).toMatchObject({ kind: 'step', id: 'account' });
    expect(effects).toEqual(['run-step']);
  });

  it('continues with the next check', () => {
    const { state } = choose(fixScreen([diagnosis('ip-not-whitelisted')]), 'Continue');
    expect(state.screen).toMatchObject({ kind: 'step', id: 'trade-read' });
  });

  it('copies the chosen fix', () => {
    const s = fixScreen([diagnosis('clock-ahead', 3)]);
    const copy = (questionFor(s) as SelectQuestion).choices.find((c) => c.label === 'Copy a fix to the clipboard')!;
    expect(copy.value.then?.choices.map((c) => c.label)).toEqual(['Fix 1: Fix 1 for clock-ahead', 'Fix 2: Fix 2 for clock-ahead', 'Fix 3: Fix 3 for clock-ahead', 'None']);
    let state = s;
    const effects: unknown[] = [];
    for (const e of copy.value.then!.choices[2]!.value.events) {
      const t = next(state, e);
      state = t.state;
      effects.push(...t.effects);
    }
    expect(effects).toEqual([{ type: 'copy', text: 'echo 3', what: 'fix 3' }]);
  });

  it('offers the helpers that fit the diagnosis, as the Ink screen does', () => {
    expect(labels(fixScreen([diagnosis('signature-invalid')]))).toContain('Open the signature lab');
    expect(labels(fixScreen([diagnosis('key-invalid')]))).toContain('Check whether the key has expired');
    expect(labels(fixScreen([diagnosis('key-missing')]))).toContain('Type the key and secret (masked)');
    const ip = labels(fixScreen([diagnosis('ip-not-whitelisted')]));
    expect(ip).not.toContain('Open the signature lab');
    expect(ip).toContain('Show the support report (redacted)');
    expect(ip.at(-1)).toBe('Quit');
  });

  it('walks between several problems', () => {
    const two = [diagnosis('clock-ahead'), diagnosis('timestamp-outside-recv-window')];
    expect(labels(fixScreen(two))).toContain('Next problem (2 of 2)');
    const { state } = choose(fixScreen(two), 'Next problem');
    expect(state.screen).toMatchObject({ kind: 'fix', index: 1 });
    expect(labels(state)).toContain('Previous problem (1 of 2)');
  });
});

describe('the summary menu', () => {
  it('lists each problem with its status word, then the actions', () => {
    const result = failed([diagnosis('ip-not-whitelisted')]);
    const s = at({ kind: 'summary', focus: 0 }, { results: { account: result } });
    expect(labels(s)).toEqual([
      '✗ FAIL Account: Title of ip-not-whitelisted',
      'Show the support report (redacted)',
      'Copy the support report',
      'Save it in this folder',
      'Run every check again',
      'Quit',
    ]);
    expect(choose(s, '✗ FAIL').state.screen).toMatchObject({ kind: 'fix', source: { mode: 'single' } });
    expect(choose(s, 'Quit').effects).toEqual(['exit']);
  });
});

describe('typed answers', () => {
  const typing: Screen = { kind: 'credentials', phase: 'typing', fields: ['key', 'secret'], index: 0, values: {} };

  it('asks for the key and the secret masked', async () => {
    expect(questionFor(at(typing))).toMatchObject({ kind: 'secret', message: 'API key (masked)' });
    expect(questionFor(at({ ...typing, index: 1 }))).toMatchObject({ kind: 'secret', message: 'Secret key (masked)' });
  });

  it('sends a typed value as one paste and Enter, replacing a refused one', async () => {
    const events = await answer(scriptedPrompter(['mx0abc']), questionFor(at(typing))!);
    expect(events).toEqual<Event[]>([{ type: 'clear' }, { type: 'input', text: 'mx0abc' }, { type: 'accept' }]);
  });

  it('asks again, with the reason, when a pasted value has a space in the middle', async () => {
    let s = at(typing);
    for (const e of await answer(scriptedPrompter(['mx0a bc']), questionFor(s)!)) s = next(s, e).state;
    expect(s.screen).toMatchObject({ kind: 'credentials', phase: 'typing', index: 0 });
    expect((s.screen as { error?: string }).error).toMatch(/whitespace or a line break in the middle/);
  });

  it('asks the expiry question with the same two answers as the Ink screen', async () => {
    const s = at({ kind: 'expiry', phase: 'ip', focus: 0, text: '' });
    expect(labels(s)).toEqual(['No IP address is bound to the key', 'Yes, the key is bound to an IP address', 'Back', 'Quit']);
    expect(choose(s, 'Yes').state.screen).toMatchObject({ kind: 'expiry', phase: 'result', result: { state: 'no-expiry' } });
    expect(choose(s, 'No IP').state.screen).toMatchObject({ kind: 'expiry', phase: 'created' });
  });
});

describe('keys that are not answers', () => {
  const q = () => questionFor(at({ kind: 'welcome', focus: 0 }))!;
  it('Esc is back', async () => expect(await answer(scriptedPrompter([{ key: 'esc' }]), q())).toEqual([{ type: 'back' }]));
  it('Ctrl-C is interrupt', async () => expect(await answer(scriptedPrompter([{ key: 'ctrl-c' }]), q())).toEqual([{ type: 'interrupt' }]));
});

describe('screens where the wizard works', () => {
  it.each<Screen>([
    { kind: 'step', id: 'clock', mode: 'guide' },
    { kind: 'starting-demo', scenario: 'ok' },
    { kind: 'credentials', phase: 'loading' },
    { kind: 'explain', phase: 'working', text: 'x' },
    { kind: 'lab', phase: 'working', text: 'x', secret: '', focus: 0 },
    { kind: 'exiting', code: 0 },
  ])('asks nothing on $kind', (screen) => {
    expect(questionFor(at(screen))).toBeUndefined();
  });
});

describe('a second menu', () => {
  it('Esc in "Copy which fix?" goes back to the first menu, not to the screen before', async () => {
    const q = questionFor(fixScreen([diagnosis('clock-ahead', 3)]))!;
    const prompter = scriptedPrompter(['Copy a fix', { key: 'esc' }]);
    expect(await answer(prompter, q)).toEqual([]);
    expect(prompter.asked.map((a) => a.message)).toEqual(['What next?', 'Copy which fix?']);
  });
});
