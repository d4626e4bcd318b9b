import { cleanValue, lintValue, VALUE_PROBLEM_WORDS, type ValueProblem } from '../../core/credentials.js';
import { maskKey } from '../../core/redact.js';
import { ACTIONS, offer } from '../actions.js';
import { backOrQuit, editMasked, go, goBack, log, onMenuKeys, quit, stay, type Of } from '../navigation.js';
import type { CredentialField, Effect, Transition, WizardState } from '../types.js';
import type { View } from '../view.js';
import type { ScreenModule } from './module.js';
import { startChecks } from './symbol.js';

/**
 * Credentials: look for them, show where they came from (the key masked, the secret never),
 * or ask for what is missing in masked fields. Typed values leave the state as soon as they are
 * submitted: only the `set-credentials` effect carries them, to the session.
 */

type Typing = Extract<Of<'credentials'>, { phase: 'typing' }>;

const REVIEW_CHOICES = [
  { id: 'use', label: 'Use these credentials' },
  { id: 'type', label: 'Type other credentials (masked)', key: { key: 't', hint: 'type others' } },
] as const;

const FIELD_NAME: Record<CredentialField, string> = { key: 'API key', secret: 'secret' };
const FIELD_LABEL: Record<CredentialField, string> = { key: 'API key', secret: 'Secret' };

export function typeCredentials(state: WizardState): Transition {
  return go(state, { kind: 'credentials', phase: 'typing', fields: ['key', 'secret'], index: 0, values: {} }, { push: true });
}

export const credentials: ScreenModule<'credentials'> = {
  transition(state, s, event) {
    if (s.phase === 'loading') {
      if (event.type !== 'credentials-loaded') return event.type === 'quit' ? quit(state) : stay(state);
      const view = event.view;
      const withView = { ...state, credentials: view };
      if (view.key && view.secret) return go(withView, { kind: 'credentials', phase: 'review', focus: 0 });
      const fields: CredentialField[] = [...(view.key ? [] : ['key' as const]), ...(view.secret ? [] : ['secret' as const])];
      return go(withView, { kind: 'credentials', phase: 'typing', fields, index: 0, values: {} });
    }
    if (s.phase === 'review') {
      const choose = (index: number): Transition =>
        REVIEW_CHOICES[index]?.id === 'type' ? typeCredentials(state) : startChecks(state);
      const menu = onMenuKeys(state, s, event, REVIEW_CHOICES.length, choose);
      if (menu) return menu;
      if (event.type === 'type-credentials') return typeCredentials(state);
      return backOrQuit(state, event);
    }
    return onTyping(state, s, event);
  },

  view(state, s) {
    const found = state.credentials;
    if (s.phase === 'loading') return { busy: 'Looking for MEXC_API_KEY and MEXC_SECRET_KEY (environment, .env)', actions: [] };
    if (s.phase === 'review') {
      return {
        heading: `Credentials${found?.demo ? ' (throwaway demo key)' : ''}`,
        body: {
          kind: 'rows',
          rows: [
            { label: 'API key', value: `${found?.key?.masked ?? ''} from ${found?.key?.where ?? ''}` },
            { label: 'Secret', value: `found in ${found?.secret?.where ?? ''}; kept in memory, never shown` },
          ],
        },
        menu: { question: 'Run the checks with these credentials?', items: [...REVIEW_CHOICES], focus: s.focus, moveHint: 'choose', enterHint: 'continue' },
        actions: offer([
          [state.back.length > 0, ACTIONS.back()],
          [true, ACTIONS.quit()],
        ]),
      };
    }
    return typingView(state, s);
  },
};

function typingView(state: WizardState, s: Typing): View {
  const found = state.credentials;
  const field = s.fields[s.index];
  const missing = s.fields.filter((f) => (f === 'key' ? !found?.key : !found?.secret));
  const names = missing.map((f) => (f === 'key' ? 'API key (MEXC_API_KEY)' : 'secret (MEXC_SECRET_KEY)'));
  return {
    heading: 'Credentials',
    paragraphs: [
      ...(missing.length ? [{ text: `No ${names.join(' and no ')} in the environment or ./.env.` }] : []),
      ...(found?.key && !s.fields.includes('key') ? [{ text: `API key: ${found.key.masked} from ${found.key.where}` }] : []),
      {
        text: `Type or paste ${field === 'secret' ? 'the secret' : 'the key'}: drawn as dots, kept in memory only. Empty + Enter skips it (connectivity and clock still run).`,
        dim: true,
      },
    ],
    body: {
      kind: 'masked',
      fields: s.fields.map((f, i) => ({
        label: FIELD_LABEL[f],
        length: [...(s.values[f] ?? '')].length,
        active: i === s.index,
        ...(i > s.index ? { placeholder: '(next)' } : {}),
      })),
    },
    field: { kind: 'secret', prompt: field === 'key' ? 'API key (masked)' : 'Secret key (masked)', submit: s.index + 1 < s.fields.length ? 'next' : 'check' },
    ...(s.error ? { error: s.error } : {}),
    actions: [ACTIONS.back()],
  };
}

function onTyping(state: WizardState, s: Typing, event: Parameters<ScreenModule<'credentials'>['transition']>[2]): Transition {
  const field = s.fields[s.index];
  if (!field) return stay(state);
  const { error: _e, ...rest } = s;
  const edited = editMasked(s.values[field] ?? '', event);
  if (edited !== undefined) {
    return stay({ ...state, screen: { ...rest, values: { ...s.values, [field]: edited } } });
  }
  switch (event.type) {
    case 'accept':
      return submitField(state, field);
    case 'back':
      return s.index > 0 ? stay({ ...state, screen: { ...s, index: s.index - 1 } }) : goBack(state);
    default:
      return stay(state);
  }
}

function submitField(state: WizardState, field: CredentialField): Transition {
  const s = state.screen as Typing;
  const cleaned = cleanValue(s.values[field] ?? '');
  if (/\s/.test(cleaned)) {
    const { [field]: _dropped, ...values } = s.values;
    return stay({
      ...state,
      screen: { ...s, values, error: `The ${FIELD_NAME[field]} you pasted has whitespace or a line break in the middle: two values pasted together? Paste it again.` },
    });
  }
  const { error: _e, ...rest } = s;
  if (s.index + 1 < s.fields.length) return stay({ ...state, screen: { ...rest, index: s.index + 1 } });
  return finishTyping(state, rest);
}

function finishTyping(state: WizardState, s: Typing): Transition {
  const notes: string[] = [];
  const cleaned: Partial<Record<CredentialField, string>> = {};
  for (const field of s.fields) {
    const raw = s.values[field] ?? '';
    const lint = lintValue(raw);
    cleaned[field] = lint.cleaned;
    const problems: ValueProblem[] = lint.problems.filter((p) => p !== 'non-ascii' && p !== 'inner-whitespace');
    // "abc \n": lint sees the line break; the space before it was removed too, so say so.
    if (/[ \t][\r\n]+$/.test(raw) && !problems.includes('trailing-whitespace')) problems.splice(problems.indexOf('line-break'), 0, 'trailing-whitespace');
    if (raw !== '' && problems.length > 0 && lint.cleaned !== raw) {
      const what = joinWords(problems.map((p) => VALUE_PROBLEM_WORDS[p]));
      notes.push(`The ${FIELD_NAME[field]} you typed ${what}: removed it. If your bot reads the value the same way, it has the same problem.`);
    }
  }
  const key = cleaned.key;
  const view = {
    ...(state.credentials ?? { demo: false }),
    // An empty field keeps whatever was found before (the session does the same).
    ...(key ? { key: { masked: maskKey(key), where: 'what you typed' } } : {}),
    ...(cleaned.secret ? { secret: { where: 'what you typed' } } : {}),
  };
  let next: WizardState = { ...state, credentials: view };
  if (notes.length) next = log(next, { kind: 'note', tone: 'warn', lines: notes });
  // As typed, less the line break that submitted a pasted line (that was the Enter): the
  // credentials step cleans the rest and warns that the bot's copy may need the same (issue #13).
  const asTyped = (field: CredentialField) => (s.values[field] ?? '').replace(/(?:\r\n|\r|\n)$/, '');
  const effect: Effect = {
    type: 'set-credentials',
    ...(s.fields.includes('key') && key ? { apiKey: asTyped('key') } : {}),
    ...(s.fields.includes('secret') && cleaned.secret ? { secret: asTyped('secret') } : {}),
  };
  // The typed text leaves the state here: only the effect carries it, to the session. Esc
  // from what follows comes back to empty fields.
  const emptied: WizardState = { ...next, screen: { ...s, index: 0, values: {} } };
  return startChecks(emptied, [effect]);
}

function joinWords(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
