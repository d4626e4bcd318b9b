import type { StepId } from '../core/types.js';
import { nextStepId } from './content.js';
import { runStep } from './navigation.js';
import { openSummary } from './screens/summary.js';
import type { RunMode, Transition, WizardState } from './types.js';

/** After a step: the next one in the guide's order, or the summary. */
export function advance(state: WizardState, from: StepId, mode: RunMode): Transition {
  const following = mode === 'guide' ? nextStepId(from, state.api) : undefined;
  return following ? runStep(state, following, mode) : openSummary(state);
}
