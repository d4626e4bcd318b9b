import type { Screen, WizardState } from '../../flow/types.js';

export type Of<K extends Screen['kind']> = Extract<Screen, { kind: K }>;

/** What every screen gets: the state, its own screen, and the room it may use. */
export interface ScreenProps<K extends Screen['kind']> {
  state: WizardState;
  screen: Of<K>;
  columns: number;
  /** Rows the screen may take (the hint and status lines are already subtracted). */
  maxRows: number;
}
