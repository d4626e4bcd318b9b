import { exit, log, stay } from './navigation.js';
import { SCREENS } from './screens/index.js';
import type { ScreenModule } from './screens/module.js';
import type { Event, Transition, WizardState } from './types.js';

export { initialState, type InitInput } from './state.js';

/**
 * The wizard's transition function: pure, total, and the only way from one screen to the next.
 * Results that may arrive on any screen (a copy, a report) are handled here; everything else
 * goes to the current screen's module in screens/.
 */

export function next(state: WizardState, event: Event): Transition {
  const screen = state.screen;
  if (screen.kind === 'exiting') {
    // A save asked for before leaving may still land: the exit frame then names the file.
    // Nothing else (a copy, a step) changes the last frame.
    return event.type === 'report-ready' && event.action === 'save' && event.path ? stay({ ...state, savedReport: event.path }) : stay(state);
  }
  if (event.type === 'interrupt') return exit(state, 130);
  if (event.type === 'copied') return stay({ ...state, flash: { tone: event.outcome.ok ? 'ok' : 'warn', text: event.outcome.text } });
  if (event.type === 'report-ready') return onReport(state, event);
  if (event.type === 'credentials-loaded' && !(screen.kind === 'credentials' && screen.phase === 'loading')) return stay({ ...state, credentials: event.view });
  return (SCREENS[screen.kind] as ScreenModule<typeof screen.kind>).transition(state, screen as never, event);
}

function onReport(state: WizardState, event: Extract<Event, { type: 'report-ready' }>): Transition {
  if (event.error) return stay({ ...state, flash: { tone: 'error', text: event.error } });
  if (event.action === 'show' && event.markdown) {
    const shown = log(state, { kind: 'text', title: 'Support report (redacted: no secret)', text: event.markdown });
    return stay({ ...shown, flash: { tone: 'ok', text: 'Support report printed above. It holds no secret.' } });
  }
  if (event.action === 'save' && event.path) {
    return stay({ ...state, savedReport: event.path, flash: { tone: 'ok', text: `Saved the redacted report to ${event.path}` } });
  }
  return stay(state);
}
