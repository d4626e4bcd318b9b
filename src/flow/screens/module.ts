import type { Of } from '../navigation.js';
import type { Event, Screen, Transition, WizardState } from '../types.js';
import type { View } from '../view.js';

/** One screen: what its events do (`transition`) and what it shows and offers (`view`). */
export interface ScreenModule<K extends Screen['kind']> {
  transition(state: WizardState, screen: Of<K>, event: Event): Transition;
  view(state: WizardState, screen: Of<K>): View;
}
