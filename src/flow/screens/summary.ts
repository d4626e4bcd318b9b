import type { StepId, StepStatus } from '../../core/types.js';
import { reportFileName, stepIds, stepInfo } from '../content.js';
import { backOrQuit, go, onMenuKeys, quit, runStep, stay, type Of } from '../navigation.js';
import type { Transition, WizardState } from '../types.js';
import type { Paragraph } from '../view.js';
import type { ScreenModule } from './module.js';

/** The end of the guide: the checklist, its verdict, each problem to reopen, and the report. */

export type SummaryItem =
  | { kind: 'problem'; stepId: StepId; diagnosisIndex: number; status: StepStatus; label: string }
  | { kind: 'action'; action: 'show' | 'copy' | 'save' | 'again' | 'quit'; label: string; key: string; hint: string };

export function summaryItems(state: Pick<WizardState, 'results' | 'today' | 'api'>): SummaryItem[] {
  const problems: SummaryItem[] = [];
  const info = stepInfo(state.api);
  for (const id of stepIds(state.api)) {
    const r = state.results[id];
    if (!r || (r.status !== 'fail' && r.status !== 'warn')) continue;
    r.diagnoses.forEach((d, i) => problems.push({ kind: 'problem', stepId: id, diagnosisIndex: i, status: r.status, label: `${info[id].title}: ${d.title}` }));
  }
  return [
    ...problems,
    { kind: 'action', action: 'show', label: 'Show the support report (redacted)', key: 'v', hint: 'show report' },
    { kind: 'action', action: 'copy', label: 'Copy the support report', key: 'c', hint: 'copy it' },
    { kind: 'action', action: 'save', label: `Save it as ${reportFileName(state.today)}`, key: 's', hint: 'save it' },
    { kind: 'action', action: 'again', label: 'Run every check again', key: 'r', hint: 'run again' },
    { kind: 'action', action: 'quit', label: 'Quit', key: 'q', hint: 'quit' },
  ];
}

/** Opens the summary on its first problem, or on Quit when there is none. */
export function openSummary(state: WizardState): Transition {
  const items = summaryItems(state);
  const firstProblem = items.findIndex((i) => i.kind === 'problem');
  // One summary on the Esc path at most: re-runs from the summary come back to a fresh one.
  return go({ ...state, back: state.back.filter((b) => b.kind !== 'summary') }, { kind: 'summary', focus: firstProblem >= 0 ? firstProblem : items.length - 1 });
}

/** The verdict under the checklist: counts, in words, with the way on. */
function summaryVerdict(state: Pick<WizardState, 'results' | 'demo' | 'api'>): Paragraph {
  const ran = stepIds(state.api).map((id) => state.results[id]).filter((r) => r !== undefined);
  const problems = ran.filter((r) => r.status === 'fail').reduce((n, r) => n + r.diagnoses.length, 0);
  const warnings = ran.filter((r) => r.status === 'warn').reduce((n, r) => n + r.diagnoses.length, 0);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (ran.length === 0) return { text: 'No checks have run yet.', tone: 'info', bold: true };
  if (problems + warnings === 0) return { text: `No problems found.${state.demo.enabled ? ' (Demo: the local simulator.)' : ''}`, tone: 'ok', bold: true };
  const counts = [problems ? `${plural(problems, 'problem')} found` : '', warnings ? plural(warnings, 'warning') : ''].filter(Boolean).join(', ');
  return {
    text: `${counts}. Pick one below to see ${problems ? 'its fix again' : 'what to do'}.`,
    tone: problems ? 'error' : 'warn',
    bold: true,
  };
}

export const summary: ScreenModule<'summary'> = {
  transition(state, s, event) {
    const items = summaryItems(state);
    const choose = (index: number): Transition => {
      const item = items[index];
      if (!item) return stay(state);
      if (item.kind === 'problem') {
        const result = state.results[item.stepId];
        if (!result) return stay(state);
        return go(state, { kind: 'fix', source: { kind: 'step', result, mode: 'single' }, diagnoses: result.diagnoses, index: item.diagnosisIndex, focus: 0 }, { push: true });
      }
      switch (item.action) {
        case 'show':
        case 'copy':
        case 'save':
          return stay(state, [{ type: 'report', action: item.action }]);
        case 'again':
          return runStep(state, stepIds(state.api)[0], 'guide');
        case 'quit':
          return quit(state);
      }
    };
    const menu = onMenuKeys(state, s, event, items.length, choose);
    if (menu) return menu;
    switch (event.type) {
      case 'report':
        return stay(state, [{ type: 'report', action: event.action }]);
      case 'rerun':
        return choose(items.findIndex((i) => i.kind === 'action' && i.action === 'again'));
      default:
        return backOrQuit(state, event);
    }
  },

  view(state, s: Of<'summary'>) {
    const info = stepInfo(state.api);
    const steps = stepIds(state.api).flatMap((id) => {
      const r = state.results[id];
      return r ? [{ status: r.status, title: info[id].title, summary: r.summary }] : [];
    });
    return {
      heading: 'Summary',
      body: { kind: 'checklist', steps, verdict: summaryVerdict(state), ...(state.savedReport ? { saved: `Report saved: ${state.savedReport}` } : {}) },
      menu: {
        question: 'What next?',
        items: summaryItems(state).map((item) =>
          item.kind === 'problem' ? { label: item.label, status: item.status } : { label: item.label, key: { key: item.key, hint: item.hint } },
        ),
        focus: s.focus,
        // Quit is in this list: a number only moves the focus, Enter chooses.
        numbers: 'focus',
        moveHint: 'move',
        enterHint: 'select',
      },
      actions: [],
    };
  },
};
