import { ACTIONS } from '../actions.js';
import { backOrQuit, go, goBack, log, onMenuKeys, stay, type Of } from '../navigation.js';
import type { Transition, WizardState } from '../types.js';
import type { ScreenModule } from './module.js';

/** `--demo`: pick a simulator scenario, then wait while the simulator starts. */

export const scenario: ScreenModule<'scenario'> = {
  transition(state, s, event) {
    const choose = (index: number): Transition => {
      const name = state.scenarios[index]?.name;
      if (!name) return stay(state);
      // Remembered for Esc: one screen back from the demo's credentials is this list.
      return go(state, { kind: 'starting-demo', scenario: name }, { push: true, effects: [{ type: 'start-demo', scenario: name }] });
    };
    const menu = onMenuKeys(state, s, event, state.scenarios.length, choose);
    if (menu) return menu;
    return backOrQuit(state, event);
  },

  view(state, s: Of<'scenario'>) {
    return {
      heading: 'Demo: pick a scenario',
      paragraphs: [{ text: 'Each one makes the local simulator fail the way MEXC fails for one cause. No key, no network.', dim: true }],
      menu: {
        question: 'Which demo scenario?',
        items: state.scenarios.map((c) => ({ label: c.name, detail: c.description })),
        focus: s.focus,
        moveHint: 'choose',
        enterHint: 'run it',
      },
      actions: [ACTIONS.back(), ACTIONS.quit()],
    };
  },
};

export const startingDemo: ScreenModule<'starting-demo'> = {
  transition(state, _s, event) {
    switch (event.type) {
      case 'demo-started': {
        const withDemo: WizardState = {
          ...log(state, {
            kind: 'note',
            tone: 'info',
            lines: [`Demo: scenario "${event.scenario}" on the local simulator at ${event.url}. Throwaway credentials; nothing leaves this machine.`],
          }),
          demo: { enabled: true, scenario: event.scenario, url: event.url },
          results: {},
        };
        return go(withDemo, { kind: 'credentials', phase: 'loading' }, { effects: [{ type: 'load-credentials' }] });
      }
      case 'demo-failed':
        return stay({ ...goBack(state).state, flash: { tone: 'error', text: event.message } });
      default:
        return stay(state);
    }
  },

  view(_state, s: Of<'starting-demo'>) {
    return { busy: `Starting the local MEXC simulator (scenario: ${s.scenario})`, actions: [] };
  },
};
