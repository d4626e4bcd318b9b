import { DEFAULT_SYMBOL } from '../../core/defaults.js';
import { normalizeSymbol } from '../../core/symbol.js';
import { ACTIONS } from '../actions.js';
import { editPaste, go, goBack, runStep, stay, type Of } from '../navigation.js';
import type { Effect, Transition, WizardState } from '../types.js';
import type { ScreenModule } from './module.js';

/**
 * Which symbol the user's bot trades, asked once before the checks run (not with --symbol):
 * the order-read and trade checks use it, so a pair that is not open to API trading shows up
 * as it does for the bot. Enter alone keeps the default (or the last answer).
 */

/** What Enter alone keeps: the last answer, or BTCUSDT. */
const keeps = (state: WizardState) => state.symbol?.value ?? DEFAULT_SYMBOL;

/**
 * The checks start, with the symbol asked for first unless --symbol gave it. The futures steps
 * read the account and its open positions, no pair: nothing to ask there.
 */
export function startChecks(state: WizardState, effects: Effect[] = []): Transition {
  if (state.symbol?.fromFlag || state.api !== 'spot') return runStep(state, 'credentials', 'guide', effects);
  return go(state, { kind: 'symbol', text: '' }, { push: true, effects });
}

export const symbol: ScreenModule<'symbol'> = {
  transition(state, s, event) {
    const { error: _e, ...rest } = s;
    const edited = editPaste(s.text, event);
    if (edited !== undefined) return stay({ ...state, screen: { ...rest, text: edited.replace(/[\r\n]/g, '').slice(0, 40) } });
    switch (event.type) {
      case 'accept': {
        const typed = s.text.trim();
        const value = typed === '' ? keeps(state) : normalizeSymbol(typed);
        if (!value) return stay({ ...state, screen: { ...s, error: `"${typed}" is not a spot symbol: letters and digits, such as BTCUSDT or ETHUSDT.` } });
        return runStep({ ...state, symbol: { value, fromFlag: false } }, 'credentials', 'guide', [{ type: 'set-symbol', symbol: value }]);
      }
      case 'back':
        return goBack(state);
      default:
        return stay(state);
    }
  },

  view(state, s: Of<'symbol'>) {
    const current = keeps(state);
    return {
      heading: 'Which symbol does your bot trade?',
      paragraphs: [
        {
          text: `The order-read and trade checks use it: MEXC answers for that pair what it answers your bot (a test order is validated, never placed). Enter alone keeps ${current}.`,
          dim: true,
        },
      ],
      body: { kind: 'paste', text: s.text, placeholder: `${current} (Enter keeps it)` },
      field: { kind: 'line', prompt: `Symbol (Enter keeps ${current})`, submit: 'run the checks' },
      ...(s.error ? { error: s.error } : {}),
      actions: [ACTIONS.back()],
    };
  },
};
