import type { StepId, StepStatus } from '../../core/types.js';
import { reportFileName, stepIds, stepInfo } from '../content.js';
import { backOrQuit, go, onMenuKeys, quit, runStep, stay, type Of } from '../navigation.js';
import type { Transition, WizardState } from '../types.js';
import type { Link, Paragraph } from '../view.js';
import type { ScreenModule } from './module.js';

/** The end of the guide: the verdict with its counts, each problem to reopen, the report, where to fix things. */

export type SummaryItem =
  | { kind: 'problem'; stepId: StepId; diagnosisIndex: number; status: StepStatus; label: string }
  | { kind: 'action'; action: 'show' | 'copy' | 'save' | 'again' | 'quit'; label: string; detail?: string; key: string; hint: string };

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
    // The name is the first free one: the flash after saving names the file written.
    { kind: 'action', action: 'save', label: 'Save it in this folder', detail: `as ${reportFileName(state.today)} (-2, -3… when that name is taken)`, key: 's', hint: 'save it' },
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

/**
 * Where a user fixes what the summary names: MEXC's site (API Management is behind the login)
 * and the docs of the API that ran (futures: docs/mexc-api.md §6).
 */
export function summaryLinks(api: WizardState['api']): Link[] {
  return [
    { label: 'API Management (log in, then Profile → API Management)', url: 'https://www.mexc.com' },
    api === 'futures'
      ? { label: 'MEXC futures API docs', url: 'https://www.mexc.com/api-docs/futures/integration-guide' }
      : { label: 'MEXC API docs and error codes', url: 'https://www.mexc.com/api-docs/spot-v3/introduction' },
  ];
}

/**
 * The run's verdict in one line, with the counts: what the summary opens with and the exit
 * frame closes with ("✗ Summary: 2 problems found · 6 checks: 4 passed, 1 failed, 1 skipped").
 */
export function runVerdict(state: Pick<WizardState, 'results' | 'api'>): Paragraph {
  const ran = stepIds(state.api).map((id) => state.results[id]).filter((r) => r !== undefined);
  if (ran.length === 0) return { text: 'No checks have run yet.', tone: 'info', bold: true };
  // Counted as check counts them: the diagnoses (a step refused because of an earlier one's cause
  // adds none), so the count is the number of problems listed below; a failure without one counts itself.
  const count = (status: 'fail' | 'warn') => {
    const steps = ran.filter((r) => r.status === status);
    return steps.reduce((n, r) => n + r.diagnoses.length, 0) || steps.length;
  };
  const problems = count('fail');
  const warnings = count('warn');
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const byStatus = (['pass', 'fail', 'warn', 'skip'] as const)
    .map((status) => [STATUS_WORD[status], ran.filter((r) => r.status === status).length] as const)
    .filter(([, n]) => n > 0)
    .map(([word, n]) => `${n} ${word}`);
  const counts = `${plural(ran.length, 'check')}: ${byStatus.join(', ')}`;
  // A demo says so in the banner above, which stays in view.
  if (problems + warnings === 0) return { text: `Summary: No problems found · ${counts}`, tone: 'ok', bold: true };
  const found = [problems ? `${plural(problems, 'problem')} found` : '', warnings ? plural(warnings, 'warning') : ''].filter(Boolean).join(', ');
  return { text: `Summary: ${found} · ${counts}`, tone: problems ? 'error' : 'warn', bold: true };
}

const STATUS_WORD = { pass: 'passed', fail: 'failed', warn: 'warned', skip: 'skipped' } as const;

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
    // Verdict first; each step's line is already above (the history), so it is not repeated.
    const items = summaryItems(state);
    const problems = items.some((i) => i.kind === 'problem');
    return {
      paragraphs: [runVerdict(state), ...(state.savedReport ? [{ text: `Report saved: ${state.savedReport}`, dim: true }] : [])],
      ...(problems ? { links: summaryLinks(state.api) } : {}),
      menu: {
        question: problems ? 'What next? Pick a problem to see its fix again.' : 'What next?',
        items: items.map((item) =>
          item.kind === 'problem' ? { label: item.label, status: item.status } : { label: item.label, ...(item.detail ? { detail: item.detail } : {}), key: { key: item.key, hint: item.hint } },
        ),
        focus: s.focus,
        moveHint: 'move',
        enterHint: 'select',
      },
      actions: [],
    };
  },
};
