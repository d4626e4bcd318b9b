import type { Api } from '../../core/types.js';
import { ACTIONS } from '../actions.js';
import { stepList } from '../content.js';
import { backOrQuit, go, goBack, log, onMenuKeys, stay, type Of } from '../navigation.js';
import type { ScenarioChoice, Transition, WizardState } from '../types.js';
import type { View } from '../view.js';
import type { ScreenModule } from './module.js';

/**
 * `--demo`: pick a simulator scenario, then wait while the simulator starts. When the list has
 * scenarios for more than one API (spot and futures), the picker asks for the API first, so
 * both groups are in plain sight and each list stays short; a scenario runs its API's steps.
 */

const API_NAME: Record<Api, string> = { spot: 'Spot', futures: 'Futures' };

export const scenarioApi = (choice: Pick<ScenarioChoice, 'api'> | undefined): Api => choice?.api ?? 'spot';

/** The APIs the scenarios cover, in the order the list first names them. */
function scenarioGroups(state: WizardState): Api[] {
  return [...new Set(state.scenarios.map(scenarioApi))];
}

/** The scenarios a screen lists: one API's, or all of them when there is one group. */
function listed(state: WizardState, s: Of<'scenario'>): ScenarioChoice[] {
  return s.api === undefined ? state.scenarios : state.scenarios.filter((c) => scenarioApi(c) === s.api);
}

const choosingApi = (state: WizardState, s: Of<'scenario'>): boolean => s.api === undefined && scenarioGroups(state).length > 1;

/** The choice of the scenario started last: its name, and its API when it was started from a list. */
const isCurrent = (state: WizardState, c: ScenarioChoice): boolean =>
  c.name === state.demo.scenario && (state.demo.api === undefined || scenarioApi(c) === state.demo.api);

/** The picker from the welcome screen: on the current scenario's API and name, when there is one. */
export function openScenarios(state: WizardState): Transition {
  const current = state.scenarios.find((c) => isCurrent(state, c));
  const groups = scenarioGroups(state);
  if (groups.length > 1) return go(state, { kind: 'scenario', focus: Math.max(0, groups.indexOf(scenarioApi(current))) }, { push: true });
  return go(state, { kind: 'scenario', focus: Math.max(0, state.scenarios.findIndex((c) => isCurrent(state, c))) }, { push: true });
}

export const scenario: ScreenModule<'scenario'> = {
  transition(state, s, event) {
    if (choosingApi(state, s)) {
      const groups = scenarioGroups(state);
      const open = (index: number): Transition => {
        const api = groups[index];
        if (!api) return stay(state);
        const focus = listed(state, { ...s, api }).findIndex((c) => isCurrent(state, c));
        return go(state, { kind: 'scenario', api, focus: Math.max(0, focus) }, { push: true });
      };
      return onMenuKeys(state, s, event, groups.length, open) ?? backOrQuit(state, event);
    }
    const choices = listed(state, s);
    const choose = (index: number): Transition => {
      const choice = choices[index];
      if (!choice) return stay(state);
      // Remembered for Esc: one screen back from the demo's credentials is this list. The API
      // travels with the name: 'ok' (a healthy server) is listed for spot and for futures.
      const { name } = choice;
      return go(state, { kind: 'starting-demo', scenario: name, api: scenarioApi(choice) }, { push: true, effects: [{ type: 'start-demo', scenario: name }] });
    };
    const menu = onMenuKeys(state, s, event, choices.length, choose);
    if (menu) return menu;
    return backOrQuit(state, event);
  },

  view(state, s: Of<'scenario'>) {
    const intro = { text: 'ok is a healthy server; each other one makes the local simulator fail the way MEXC fails for one cause. No key, no network.', dim: true };
    if (choosingApi(state, s)) return apiChoiceView(state, s, intro);
    const groups = scenarioGroups(state);
    const api = s.api ?? groups[0] ?? 'spot';
    const named = groups.length > 1;
    return {
      heading: named ? `Demo: pick a ${api} scenario` : 'Demo: pick a scenario',
      paragraphs: [intro, ...(named ? [{ text: `They run the ${api} checks: ${stepList(api)}.`, dim: true }] : [])],
      menu: {
        question: 'Which demo scenario?',
        items: listed(state, s).map((c) => ({ label: c.name, detail: c.description })),
        focus: s.focus,
        moveHint: 'choose',
        enterHint: 'run it',
      },
      actions: [ACTIONS.back(), ACTIONS.quit()],
    };
  },
};

function apiChoiceView(state: WizardState, s: Of<'scenario'>, intro: { text: string; dim: boolean }): View {
  return {
    heading: 'Demo: pick a scenario',
    paragraphs: [intro],
    menu: {
      question: 'Scenarios for which API?',
      items: scenarioGroups(state).map((api) => {
        const count = state.scenarios.filter((c) => scenarioApi(c) === api).length;
        return { label: `${API_NAME[api]} API (${count} scenario${count === 1 ? '' : 's'})`, detail: `checks ${stepList(api)}` };
      }),
      focus: s.focus,
      moveHint: 'choose',
      enterHint: 'list them',
    },
    actions: [ACTIONS.back(), ACTIONS.quit()],
  };
}

export const startingDemo: ScreenModule<'starting-demo'> = {
  transition(state, s, event) {
    switch (event.type) {
      case 'demo-started': {
        // A futures scenario runs the futures steps; a spot one the spot steps.
        const api = s.api ?? scenarioApi(state.scenarios.find((c) => c.name === event.scenario));
        const withDemo: WizardState = {
          ...log(state, {
            kind: 'note',
            tone: 'info',
            lines: [`Demo: scenario "${event.scenario}" on the local simulator at ${event.url}. Throwaway credentials; nothing leaves this machine.`],
          }),
          demo: { enabled: true, scenario: event.scenario, url: event.url, api },
          api,
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
