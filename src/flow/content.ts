import { CREDENTIAL_DIAGNOSES, EXPIRY_DIAGNOSES, LAB_DIAGNOSES } from '../core/catalog/index.js';
import { STEP_INFO } from '../core/step-table.js';
import { STEP_IDS, type StepId, type StepStatus } from '../core/types.js';
import type { Tone, WelcomeChoice, WizardState } from './types.js';

/**
 * What each screen offers, as data: choices, checklist marks, key hints. Front ends render
 * these; `next` and `keyToEvent` read the same lists, so a choice's number never drifts.
 */

/** Status never by colour alone: a symbol and a word (screen readers read the word). */
export const STATUS_MARK: Record<StepStatus, { symbol: string; word: string; tone: Tone }> = {
  pass: { symbol: '✓', word: 'PASS', tone: 'ok' },
  warn: { symbol: '!', word: 'WARN', tone: 'warn' },
  fail: { symbol: '✗', word: 'FAIL', tone: 'error' },
  skip: { symbol: '-', word: 'SKIP', tone: 'info' },
};

/** Step titles, what each runs and the welcome sentence: the step table (core/step-table.ts). */
export { STEP_INFO, welcomeSentence } from '../core/step-table.js';

export function stepNumber(id: StepId): number {
  return STEP_IDS.indexOf(id) + 1;
}

export function nextStepId(id: StepId): StepId | undefined {
  return STEP_IDS[STEP_IDS.indexOf(id) + 1];
}

export interface Choice<T extends string> {
  id: T;
  label: string;
  detail?: string;
}

export function welcomeChoices(state: Pick<WizardState, 'demo'>): Choice<WelcomeChoice>[] {
  const shared: Choice<WelcomeChoice>[] = [
    { id: 'explain', label: 'Explain an error I got', detail: 'paste a MEXC error body, message or code' },
    { id: 'lab', label: 'Check a request my code sent', detail: 'signature lab: paste the URL or curl command' },
  ];
  if (!state.demo.enabled) {
    return [{ id: 'diagnose', label: 'Diagnose my API key', detail: "run the guide's checks for real against MEXC" }, ...shared];
  }
  const { scenario } = state.demo;
  return [
    ...(scenario
      ? [
          { id: 'diagnose', label: `Diagnose the demo key (scenario: ${scenario})`, detail: 'local simulator, no network' } as const,
          { id: 'demo', label: 'Pick another demo scenario' } as const,
        ]
      : [{ id: 'demo', label: 'Pick a demo scenario', detail: 'local simulator, no key, no network' } as const]),
    ...shared,
  ];
}

export const CREDENTIAL_CHOICES: Choice<'use' | 'type'>[] = [
  { id: 'use', label: 'Use these credentials' },
  { id: 'type', label: 'Type other credentials (masked)' },
];

export const EXPIRY_IP_CHOICES: Choice<'no' | 'yes'>[] = [
  { id: 'no', label: 'No IP address is bound to the key', detail: 'or I am not sure' },
  { id: 'yes', label: 'Yes, the key is bound to an IP address' },
];

export type SummaryItem =
  | { kind: 'problem'; stepId: StepId; diagnosisIndex: number; status: StepStatus; label: string }
  | { kind: 'action'; action: 'show' | 'copy' | 'save' | 'again' | 'quit'; label: string };

export function reportFileName(today: string): string {
  return `mexc-wizard-report-${today}.md`;
}

export function summaryItems(state: Pick<WizardState, 'results' | 'today'>): SummaryItem[] {
  const problems: SummaryItem[] = [];
  for (const id of STEP_IDS) {
    const r = state.results[id];
    if (!r || (r.status !== 'fail' && r.status !== 'warn')) continue;
    r.diagnoses.forEach((d, i) => problems.push({ kind: 'problem', stepId: id, diagnosisIndex: i, status: r.status, label: `${STEP_INFO[id].title}: ${d.title}` }));
  }
  return [
    ...problems,
    { kind: 'action', action: 'show', label: 'Show the support report (redacted)' },
    { kind: 'action', action: 'copy', label: 'Copy the support report' },
    { kind: 'action', action: 'save', label: `Save it as ${reportFileName(state.today)}` },
    { kind: 'action', action: 'again', label: 'Run every check again' },
    { kind: 'action', action: 'quit', label: 'Quit' },
  ];
}

/** Diagnoses whose fix screens offer the signature lab (l), the expiry helper (e), typing credentials (t): from the catalog. */
export { CREDENTIAL_DIAGNOSES, EXPIRY_DIAGNOSES, LAB_DIAGNOSES };

/** Exit code when the user quits: 1 once a problem was diagnosed (DESIGN.md exit codes). */
export function quitCode(state: Pick<WizardState, 'results'>): number {
  return Object.values(state.results).some((r) => r?.status === 'fail') ? 1 : 0;
}

export interface Hint {
  keys: string;
  label: string;
}

/** The key-hint line: always shown, and always true to what `keyToEvent` accepts on this screen. */
export function hintsFor(state: WizardState): Hint[] {
  const s = state.screen;
  const quit: Hint = { keys: 'q', label: 'quit' };
  const ctrlC: Hint = { keys: 'Ctrl-C', label: 'quit' };
  const back: Hint = { keys: 'Esc', label: 'back' };
  switch (s.kind) {
    case 'welcome':
      return [{ keys: '↑↓/1-9', label: 'choose' }, { keys: 'Enter', label: 'start' }, quit];
    case 'scenario':
      return [{ keys: '↑↓/1-9', label: 'choose' }, { keys: 'Enter', label: 'run it' }, back, quit];
    case 'starting-demo':
    case 'step':
      return [{ keys: 'Ctrl-C', label: 'stop and quit' }];
    case 'credentials':
      if (s.phase === 'loading') return [ctrlC];
      if (s.phase === 'review') return [{ keys: '↑↓', label: 'choose' }, { keys: 'Enter', label: 'continue' }, { keys: 't', label: 'type others' }, back, quit];
      return [{ keys: 'Enter', label: s.index + 1 < s.fields.length ? 'next' : 'check' }, { keys: 'Ctrl-U', label: 'clear' }, back, ctrlC];
    case 'fix': {
      const d = s.diagnoses[s.index];
      const hints: Hint[] = [];
      if (d && d.fixes.length > 1) hints.push({ keys: '↑↓/1-9', label: 'fix' });
      if (d && d.fixes.length > 0) hints.push({ keys: 'c', label: 'copy' });
      if (s.diagnoses.length > 1) hints.push({ keys: '←→', label: 'problem' });
      if (s.source.kind === 'step') {
        hints.push({ keys: 'r', label: 're-run' }, { keys: 'Enter', label: s.source.mode === 'guide' ? 'continue' : 'summary' });
        hints.push({ keys: 'v', label: 'report' });
      } else {
        hints.push({ keys: 'Enter', label: 'done' });
      }
      if (d && LAB_DIAGNOSES.has(d.id)) hints.push({ keys: 'l', label: 'signature lab' });
      if (d && EXPIRY_DIAGNOSES.has(d.id)) hints.push({ keys: 'e', label: 'expiry helper' });
      if (d && CREDENTIAL_DIAGNOSES.has(d.id)) hints.push({ keys: 't', label: 'type credentials' });
      hints.push({ keys: 'p', label: 'print fix' }, back, quit);
      return hints;
    }
    case 'expiry':
      if (s.phase === 'ip') return [{ keys: '↑↓/y/n', label: 'answer' }, { keys: 'Enter', label: 'next' }, back, quit];
      if (s.phase === 'created') return [{ keys: 'Enter', label: 'compute' }, back, ctrlC];
      return [{ keys: 'Enter', label: 'done' }, back, quit];
    case 'explain':
      return s.phase === 'working' ? [ctrlC] : [{ keys: 'Enter', label: 'explain' }, { keys: 'Ctrl-U', label: 'clear' }, back, ctrlC];
    case 'lab':
      if (s.phase === 'working') return [ctrlC];
      if (s.phase === 'result') return [{ keys: '↑↓', label: 'finding' }, { keys: 'c', label: 'copy' }, { keys: 'Enter', label: 'done' }, { keys: 'Esc', label: 'edit request' }, quit];
      return [{ keys: 'Enter', label: s.phase === 'secret' ? 'check' : 'inspect' }, { keys: 'Ctrl-U', label: 'clear' }, back, ctrlC];
    case 'summary':
      return [{ keys: '↑↓/1-9', label: 'move' }, { keys: 'Enter', label: 'select' }, { keys: 'v', label: 'show report' }, { keys: 'c', label: 'copy it' }, { keys: 's', label: 'save it' }, quit];
    case 'exiting':
      return [];
  }
}

/** Words for credential lint problems when a typed value was cleaned (core/credentials.ts ValueProblem). */
export const VALUE_PROBLEM_WORDS: Record<string, string> = {
  'leading-whitespace': 'whitespace in front',
  'trailing-whitespace': 'trailing whitespace',
  'line-break': 'a line break',
  quotes: 'surrounding quotes',
  'zero-width': 'an invisible zero-width character',
  'non-breaking-space': 'a non-breaking space',
  'non-ascii': 'a non-ASCII character',
  'inner-whitespace': 'whitespace in the middle',
};
