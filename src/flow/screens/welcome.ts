import type { Api } from '../../core/types.js';
import { ACTIONS } from '../actions.js';
import { stepList, targetName } from '../content.js';
import { go, onMenuKeys, quit, stay, type Of } from '../navigation.js';
import type { Transition, WizardState } from '../types.js';
import type { ScreenModule } from './module.js';
import { openScenarios } from './demo.js';

/**
 * The first screen: what the wizard does, and what the user came for. Each choice is one row
 * of WELCOME_CHOICES (when it is offered, its words, where it leads), so a new way in is one
 * more row.
 */

interface WelcomeChoice {
  id: string;
  /** Offered on this run? */
  when: (state: WizardState) => boolean;
  label: (state: WizardState) => string;
  detail?: (state: WizardState) => string;
  open: (state: WizardState) => Transition;
}

/**
 * The guide for one API: its credentials first. Results of another API's run are dropped (the
 * checklist, the summary and the exit code belong to one API's steps).
 */
function startGuide(state: WizardState, api: Api): Transition {
  const fresh: WizardState = { ...state, api, results: state.api === api ? state.results : {} };
  return go(fresh, { kind: 'credentials', phase: 'loading' }, { push: true, effects: [{ type: 'load-credentials' }] });
}

/** 'ok' runs on either API: the welcome row says which; a futures-… name says it itself. */
function demoScenarioName(s: WizardState): string {
  const name = s.demo.scenario ?? '';
  return s.demo.api === 'futures' && !name.startsWith('futures-') ? `futures scenario: ${name}` : `scenario: ${name}`;
}

const WELCOME_CHOICES: WelcomeChoice[] = [
  {
    id: 'diagnose',
    when: (s) => !s.demo.enabled || Boolean(s.demo.scenario),
    label: (s) => (s.demo.enabled ? `Diagnose the demo key (${demoScenarioName(s)})` : 'Diagnose my API key'),
    // In a demo the scenario decides the API (a futures scenario runs the futures steps).
    detail: (s) => (s.demo.enabled ? 'local simulator, no network' : `spot API: ${stepList('spot')}`),
    open: (s) =>
      s.demo.enabled && s.demo.scenario
        ? go(s, { kind: 'starting-demo', scenario: s.demo.scenario, ...(s.demo.api ? { api: s.demo.api } : {}) }, { push: true, effects: [{ type: 'start-demo', scenario: s.demo.scenario }] })
        : startGuide(s, 'spot'),
  },
  {
    id: 'futures',
    when: (s) => !s.demo.enabled,
    label: () => 'My futures bot fails',
    detail: () => `futures API: ${stepList('futures')}; reads only, never an order`,
    open: (s) => startGuide(s, 'futures'),
  },
  {
    id: 'demo',
    when: (s) => s.demo.enabled,
    label: (s) => (s.demo.scenario ? 'Pick another demo scenario' : 'Pick a demo scenario'),
    detail: (s) => (s.demo.scenario ? '' : 'spot or futures; local simulator, no key, no network'),
    open: (s) => openScenarios(s),
  },
  {
    id: 'explain',
    when: () => true,
    label: () => 'Explain an error I got',
    detail: () => 'paste a MEXC error body, message or code',
    open: (s) => go(s, { kind: 'explain', phase: 'input', text: '' }, { push: true }),
  },
  {
    id: 'lab',
    when: () => true,
    label: () => 'Check a request my code sent',
    detail: () => 'signature lab: paste the URL or curl command',
    open: (s) => go(s, { kind: 'lab', phase: 'input', text: '', secret: '', focus: 0 }, { push: true, effects: s.credentials ? [] : [{ type: 'load-credentials' }] }),
  },
];

function welcomeChoices(state: WizardState): WelcomeChoice[] {
  return WELCOME_CHOICES.filter((c) => c.when(state));
}

export const welcome: ScreenModule<'welcome'> = {
  transition(state, s, event) {
    const choices = welcomeChoices(state);
    const choose = (index: number): Transition => {
      const choice = choices[index];
      return choice ? choice.open(state) : stay(state);
    };
    const menu = onMenuKeys(state, s, event, choices.length, choose);
    if (menu) return menu;
    return event.type === 'quit' ? quit(state) : stay(state);
  },

  view(state, s: Of<'welcome'>) {
    return {
      paragraphs: [
        {
          text: `Runs the troubleshooting guide's checks for real against ${targetName({ demo: state.demo.enabled, ...(state.baseUrl ? { baseUrl: state.baseUrl } : {}) })}, for a spot or a futures bot. Each failure gets its cause and a fix you can copy.`,
        },
        { text: 'Your secret stays in memory: never shown, logged, or written to disk.', bold: true },
      ],
      menu: {
        question: 'What do you want to do?',
        items: welcomeChoices(state).map((c) => {
          const detail = c.detail?.(state);
          return { label: c.label(state), ...(detail ? { detail } : {}) };
        }),
        focus: s.focus,
        moveHint: 'choose',
        enterHint: 'start',
      },
      actions: [ACTIONS.quit()],
    };
  },
};
