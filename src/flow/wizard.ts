import { initialState, type InitInput } from './next.js';
import { createRuntime, type Runtime, type RuntimeOptions } from './runtime.js';
import { createStore, type WizardStore } from './store.js';

/** Store and runtime wired together: events in, effects out, results back in as events. */
export interface Wizard {
  store: WizardStore;
  runtime: Runtime;
}

export function createWizard(init: InitInput, runtime: Omit<RuntimeOptions, 'dispatch'>): Wizard {
  let rt: Runtime | undefined;
  const store = createStore(initialState(init), (effect) => rt?.run(effect));
  rt = createRuntime({ ...runtime, dispatch: (event) => store.dispatch(event) });
  return { store, runtime: rt };
}
