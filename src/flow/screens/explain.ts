import { ACTIONS } from '../actions.js';
import { editPaste, go, goBack, log, stay, type Of } from '../navigation.js';
import type { Screen } from '../types.js';
import type { ScreenModule } from './module.js';

/** "Explain an error I got": paste what MEXC or a library answered; its diagnoses open as fix screens. */

export const explain: ScreenModule<'explain'> = {
  transition(state, s, event) {
    if (s.phase === 'working') {
      if (event.type === 'explained') {
        // A paste holding the secret is said first, in the history, where it stays in view.
        if (event.exposed) state = log(state, { kind: 'note', tone: 'warn', lines: [`${event.exposed.title}. ${event.exposed.detail}`] });
        if (event.diagnoses.length === 0) return goBack(state, (prev) => ({ ...prev, error: 'That is a MEXC answer without an error code: nothing to fix in it.' }) as Screen);
        const shown = go(state, { kind: 'fix', source: { kind: 'explain', text: s.text }, diagnoses: event.diagnoses, index: 0, focus: 0 });
        if (event.recognised) return shown;
        return stay({ ...shown.state, flash: { tone: 'warn', text: 'No MEXC error code found in that text: paste the whole response body for a diagnosis.' } });
      }
      if (event.type === 'explain-failed') return goBack(state, (prev) => ({ ...prev, error: event.message }) as Screen);
      return stay(state);
    }
    const { error: _e, ...rest } = s;
    const edited = editPaste(s.text, event);
    if (edited !== undefined) return stay({ ...state, screen: { ...rest, text: edited } });
    switch (event.type) {
      case 'accept': {
        const text = s.text.trim();
        if (!text) return stay({ ...state, screen: { ...s, error: 'Paste the error first: the response body, the message, or just the code.' } });
        return go(state, { kind: 'explain', phase: 'working', text: s.text }, { push: true, effects: [{ type: 'explain', text }] });
      }
      case 'back':
        return goBack(state);
      default:
        return stay(state);
    }
  },

  view(_state, s: Of<'explain'>) {
    if (s.phase === 'working') return { busy: 'Reading the error', actions: [] };
    return {
      heading: 'Explain an error',
      paragraphs: [{ text: 'Paste what MEXC or your library answered: the JSON body, the error line from your log, or just the code (e.g. 700002). Then Enter.', dim: true }],
      body: { kind: 'paste', text: s.text, placeholder: 'e.g. {"code":700002,"msg":"Signature for this request is not valid."}' },
      field: { kind: 'paste', prompt: 'MEXC error', submit: 'explain' },
      ...(s.error ? { error: s.error } : {}),
      actions: [ACTIONS.back()],
    };
  },
};
