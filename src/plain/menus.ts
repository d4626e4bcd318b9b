import { STEP_INFO, CREDENTIAL_CHOICES, CREDENTIAL_DIAGNOSES, EXPIRY_DIAGNOSES, LAB_DIAGNOSES, summaryItems, welcomeChoices } from '../flow/content.js';
import type { Event, Screen, WizardState } from '../flow/types.js';
import type { MenuChoice } from './prompter.js';

/**
 * The question each screen asks in plain mode, and the flow events each answer stands for.
 * The choices are the Ink screens' choices (the same lists from flow/content.ts), spelled out
 * as menu lines instead of keys: "Continue" is where Enter lands, as on the Ink screens.
 */

/** A menu line: the events it sends, or a second menu (which fix to copy). */
export interface Action {
  events: Event[];
  then?: SelectQuestion;
}

export interface SelectQuestion {
  kind: 'select';
  message: string;
  choices: MenuChoice<Action>[];
  initial: number;
}

export type Question =
  | SelectQuestion
  | { kind: 'secret' | 'text'; message: string; answer: (value: string) => Event[] }
  | { kind: 'confirm'; message: string; initial: boolean; answer: (value: boolean) => Event[] };

const act = (...events: Event[]): Action => ({ events });
const QUIT: MenuChoice<Action> = { value: act({ type: 'quit' }), label: 'Quit' };
const BACK: MenuChoice<Action> = { value: act({ type: 'back' }), label: 'Back' };

/** Typed text is sent as one paste followed by Enter, as a terminal would deliver it. */
const typed = (value: string): Event[] => [...(value ? [{ type: 'input', text: value } as const] : []), { type: 'accept' }];

/** What to ask on this screen; undefined while the wizard works (a step runs, the demo starts). */
export function questionFor(state: WizardState): Question | undefined {
  const screen = state.screen;
  switch (screen.kind) {
    case 'welcome': {
      const choices = welcomeChoices(state).map((c, i): MenuChoice<Action> => ({ value: act({ type: 'pick', index: i, activate: true }), label: c.label, ...(c.detail ? { hint: c.detail } : {}) }));
      return { kind: 'select', message: 'What do you want to do?', choices: [...choices, QUIT], initial: Math.min(screen.focus, choices.length - 1) };
    }
    case 'scenario': {
      const choices = state.scenarios.map((c, i): MenuChoice<Action> => ({ value: act({ type: 'pick', index: i, activate: true }), label: c.name }));
      return { kind: 'select', message: 'Which demo scenario?', choices: [...choices, BACK, QUIT], initial: screen.focus };
    }
    case 'credentials':
      return credentialsQuestion(state, screen);
    case 'fix':
      return fixQuestion(screen);
    case 'expiry':
      if (screen.phase === 'ip') {
        return { kind: 'confirm', message: 'Is an IP address bound to this key? (No if you are not sure)', initial: false, answer: (yes) => [{ type: 'answer', value: yes ? 'yes' : 'no' }] };
      }
      if (screen.phase === 'created') return { kind: 'text', message: 'When was the key created? (YYYY-MM-DD)', answer: (v) => [{ type: 'clear' }, ...typed(v)] };
      return { kind: 'select', message: 'Done?', choices: [{ value: act({ type: 'accept' }), label: 'Done: back to the problem' }, { value: act({ type: 'back' }), label: 'Change my answers' }, QUIT], initial: 0 };
    case 'explain':
      if (screen.phase === 'working') return undefined;
      return { kind: 'text', message: 'MEXC error', answer: (v) => [{ type: 'clear' }, ...typed(v)] };
    case 'lab':
      return labQuestion(screen);
    case 'summary': {
      const items = summaryItems(state);
      const choices = items.map((item, i): MenuChoice<Action> => ({
        value: act({ type: 'pick', index: i, activate: true }),
        label: item.kind === 'problem' ? `${item.status === 'fail' ? '✗ FAIL' : '! WARN'} ${item.label}` : item.label,
      }));
      return { kind: 'select', message: 'What next?', choices, initial: screen.focus };
    }
    case 'starting-demo':
    case 'step':
    case 'exiting':
      return undefined;
  }
}

function credentialsQuestion(state: WizardState, screen: Extract<Screen, { kind: 'credentials' }>): Question | undefined {
  if (screen.phase === 'loading') return undefined;
  if (screen.phase === 'review') {
    const choices = CREDENTIAL_CHOICES.map((c, i): MenuChoice<Action> => ({ value: act({ type: 'pick', index: i, activate: true }), label: c.label }));
    return { kind: 'select', message: 'Run the checks with these credentials?', choices: [...choices, ...(state.back.length ? [BACK] : []), QUIT], initial: screen.focus };
  }
  const field = screen.fields[screen.index];
  return {
    kind: 'secret',
    message: field === 'key' ? 'API key (masked)' : 'Secret key (masked)',
    // A fresh answer replaces whatever an earlier, refused one left behind.
    answer: (v) => [{ type: 'clear' }, ...typed(v)],
  };
}

function fixQuestion(screen: Extract<Screen, { kind: 'fix' }>): Question {
  const d = screen.diagnoses[screen.index];
  const src = screen.source;
  const choices: MenuChoice<Action>[] = [];
  if (src.kind === 'step') {
    choices.push({ value: act({ type: 'accept' }), label: src.mode === 'guide' ? 'Continue with the next check' : 'Back to the summary' });
    choices.push({ value: act({ type: 'rerun' }), label: `Re-run the ${STEP_INFO[src.result.id].title} check`, hint: 'after you applied a fix' });
  } else {
    choices.push({ value: act({ type: 'accept' }), label: 'Done' });
  }
  if (screen.index + 1 < screen.diagnoses.length) choices.push({ value: act({ type: 'problem', delta: 1 }), label: `Next problem (${screen.index + 2} of ${screen.diagnoses.length})` });
  if (screen.index > 0) choices.push({ value: act({ type: 'problem', delta: -1 }), label: `Previous problem (${screen.index} of ${screen.diagnoses.length})` });
  const fixes = d?.fixes ?? [];
  if (fixes.length === 1) choices.push({ value: act({ type: 'pick', index: 0, activate: false }, { type: 'copy' }), label: 'Copy the fix to the clipboard' });
  if (fixes.length > 1) {
    const which: SelectQuestion = {
      kind: 'select',
      message: 'Copy which fix?',
      choices: [...fixes.map((f, i): MenuChoice<Action> => ({ value: act({ type: 'pick', index: i, activate: false }, { type: 'copy' }), label: `Fix ${i + 1}: ${f.title}` })), { value: act(), label: 'None' }],
      initial: screen.focus,
    };
    choices.push({ value: { events: [], then: which }, label: 'Copy a fix to the clipboard' });
  }
  if (d && LAB_DIAGNOSES.has(d.id)) choices.push({ value: act({ type: 'open-lab' }), label: 'Open the signature lab', hint: 'check a request your code sent' });
  if (d && EXPIRY_DIAGNOSES.has(d.id)) choices.push({ value: act({ type: 'open-expiry' }), label: 'Check whether the key has expired' });
  if (d && CREDENTIAL_DIAGNOSES.has(d.id)) choices.push({ value: act({ type: 'type-credentials' }), label: 'Type the key and secret (masked)' });
  if (src.kind === 'step') choices.push({ value: act({ type: 'report', action: 'show' }), label: 'Show the support report (redacted)' });
  choices.push(QUIT);
  return { kind: 'select', message: 'What next?', choices, initial: 0 };
}

function labQuestion(screen: Extract<Screen, { kind: 'lab' }>): Question | undefined {
  switch (screen.phase) {
    case 'working':
      return undefined;
    case 'input':
      return { kind: 'text', message: 'Request (URL or curl)', answer: (v) => [{ type: 'clear' }, ...typed(v)] };
    case 'secret':
      return { kind: 'secret', message: 'Secret key (masked)', answer: (v) => [{ type: 'clear' }, ...typed(v)] };
    case 'result': {
      const findings = screen.result?.findings ?? [];
      const copy: SelectQuestion = {
        kind: 'select',
        message: 'Copy which finding?',
        choices: [...findings.map((f, i): MenuChoice<Action> => ({ value: act({ type: 'pick', index: i, activate: false }, { type: 'copy' }), label: `${i + 1}. ${f.title}` })), { value: act(), label: 'None' }],
        initial: 0,
      };
      return {
        kind: 'select',
        message: 'What next?',
        choices: [
          { value: act({ type: 'accept' }), label: 'Done' },
          ...(findings.length ? [{ value: { events: [], then: copy }, label: 'Copy a finding to the clipboard' }] : []),
          { value: act({ type: 'back' }), label: 'Edit the request' },
          QUIT,
        ],
        initial: 0,
      };
    }
  }
}
