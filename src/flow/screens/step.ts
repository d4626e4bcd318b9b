import type { StepResult } from '../../core/types.js';
import { stepIds, stepInfo, stepNumber } from '../content.js';
import { advance } from '../guide.js';
import { go, log, quit, stay, type Of } from '../navigation.js';
import type { ScreenModule } from './module.js';

/** A step runs: its number, what it does, a spinner. The result joins the checklist. */

/** A result with a diagnosis that failed or warned stops on its quick-fix screen. */
function needsFixScreen(result: StepResult): boolean {
  return result.diagnoses.length > 0 && (result.status === 'fail' || result.status === 'warn');
}

export const step: ScreenModule<'step'> = {
  transition(state, s, event) {
    if (event.type === 'quit') return quit(state);
    if (event.type !== 'step-done' || event.result.id !== s.id) return stay(state);
    const result = event.result;
    const rerun = state.results[result.id] !== undefined;
    const recorded = log({ ...state, results: { ...state.results, [result.id]: result } }, { kind: 'step', result, rerun, api: state.api });
    if (needsFixScreen(result)) {
      return go(recorded, { kind: 'fix', source: { kind: 'step', result, mode: s.mode }, diagnoses: result.diagnoses, index: 0, focus: 0 });
    }
    return advance(recorded, result.id, s.mode);
  },

  view(state, s: Of<'step'>) {
    const info = stepInfo(state.api)[s.id];
    return { heading: `Step ${stepNumber(s.id, state.api)} of ${stepIds(state.api).length} · ${info.title}`, busy: info.running, actions: [] };
  },
};
