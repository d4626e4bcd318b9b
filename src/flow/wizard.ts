import { createRuntime, type Runtime, type RuntimeOptions } from './runtime.js';
import { createStore, type WizardStore } from './store.js';
import type { WizardState } from './types.js';

/** Store and runtime wired together: events in, effects out, results back in as events. */
export interface Wizard {
  store: WizardStore;
  runtime: Runtime;
}

export function createWizard(initial: WizardState, runtime: Omit<RuntimeOptions, 'dispatch'>): Wizard {
  let rt: Runtime | undefined;
  const store = createStore(initial, (effect) => rt?.run(effect));
  rt = createRuntime({ ...runtime, dispatch: (event) => store.dispatch(event) });
  return { store, runtime: rt };
}
