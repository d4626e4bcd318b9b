import type { Screen, WizardState } from '../types.js';
import type { View } from '../view.js';
import { credentials } from './credentials.js';
import { scenario, startingDemo } from './demo.js';
import { exiting } from './exiting.js';
import { expiry } from './expiry.js';
import { explain } from './explain.js';
import { fix } from './fix.js';
import { lab } from './lab.js';
import type { ScreenModule } from './module.js';
import { step } from './step.js';
import { summary } from './summary.js';
import { symbol } from './symbol.js';
import { welcome } from './welcome.js';

/** Every screen kind and the module that owns it: a new screen is a new entry here. */
export const SCREENS: { [K in Screen['kind']]: ScreenModule<K> } = {
  welcome,
  scenario,
  'starting-demo': startingDemo,
  credentials,
  symbol,
  step,
  fix,
  expiry,
  explain,
  lab,
  summary,
  exiting,
};

/** What the current screen shows and offers. */
export function viewOf(state: WizardState): View {
  const screen = state.screen;
  return (SCREENS[screen.kind] as ScreenModule<typeof screen.kind>).view(state, screen as never);
}
