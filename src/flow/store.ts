import { next } from './next.js';
import type { Effect, Event, WizardState } from './types.js';

/**
 * The state holder between a front end and `next`: dispatch an event, get the new state,
 * hand the effects to whoever runs them. React reads it with useSyncExternalStore.
 */
export interface WizardStore {
  getState(): WizardState;
  dispatch(event: Event): void;
  subscribe(listener: () => void): () => void;
}

export function createStore(initial: WizardState, runEffect: (effect: Effect) => void): WizardStore {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    dispatch(event) {
      const t = next(state, event);
      if (t.state !== state) {
        state = t.state;
        for (const listener of listeners) listener();
      }
      for (const effect of t.effects) runEffect(effect);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
