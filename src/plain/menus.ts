import { viewOf } from '../flow/screens/index.js';
import type { Event, WizardState } from '../flow/types.js';
import { itemText, type Action as ViewAction, type View } from '../flow/view.js';
import type { MenuChoice } from './prompter.js';

/**
 * The question each screen asks in plain mode, derived from the same View the Ink wizard
 * draws: its menu becomes a numbered select, its actions become menu lines (the one Enter
 * stands for first, where Enter lands), its text field a prompt. An action that works on the
 * focused fix or finding asks which one in a second menu.
 */

/** A menu line: the events it sends, or a second menu (which fix to copy). */
export interface Action {
  events: Event[];
  then?: SelectQuestion;
}

export interface SelectQuestion {
  kind: 'select';
  message: string;
  choices: MenuChoice<Action>[];
  initial: number;
}

export type Question = SelectQuestion | { kind: 'secret' | 'text'; message: string; answer: (value: string) => Event[] };

const act = (...events: Event[]): Action => ({ events });

/** Typed text is sent as a fresh paste followed by Enter, as a terminal would deliver it. */
const typed = (value: string): Event[] => [{ type: 'clear' }, ...(value ? [{ type: 'input', text: value } as const] : []), { type: 'accept' }];

/** What to ask on this screen; undefined while the wizard works (a step runs, the demo starts). */
export function questionFor(state: WizardState): Question | undefined {
  if (state.screen.kind === 'exiting') return undefined;
  const view = viewOf(state);
  if (view.busy) return undefined;
  if (view.field) return { kind: view.field.kind === 'secret' ? 'secret' : 'text', message: view.field.prompt, answer: typed };
  if (view.menu) {
    const items = view.menu.items.map((item, i): MenuChoice<Action> => ({
      value: act({ type: 'pick', index: i, activate: true }),
      label: itemText(item),
      ...(item.detail ? { hint: item.detail } : {}),
    }));
    // Enter on a menu chooses its focused item: an Enter action would say the same twice.
    const others = view.actions.filter((a) => a.key !== 'Enter').map((a) => actionChoice(a, view));
    return { kind: 'select', message: view.menu.question, choices: [...items, ...others], initial: Math.min(view.menu.focus, items.length - 1) };
  }
  const ordered = [...view.actions.filter((a) => a.key === 'Enter'), ...view.actions.filter((a) => a.key !== 'Enter')];
  return { kind: 'select', message: 'What next?', choices: ordered.map((a) => actionChoice(a, view)), initial: 0 };
}

function actionChoice(action: ViewAction, view: View): MenuChoice<Action> {
  const line = { label: action.label, ...(action.detail ? { hint: action.detail } : {}) };
  const items = action.perItem?.items ?? [];
  if (items.length === 1) return { ...line, value: act({ type: 'pick', index: 0, activate: false }, action.event) };
  if (action.perItem && items.length > 1) {
    const which: SelectQuestion = {
      kind: 'select',
      message: action.perItem.question,
      choices: [...items.map((label, i): MenuChoice<Action> => ({ value: act({ type: 'pick', index: i, activate: false }, action.event), label })), { value: act(), label: 'None' }],
      initial: view.list?.focus ?? 0,
    };
    return { ...line, value: { events: [], then: which } };
  }
  return { ...line, value: act(action.event) };
}
