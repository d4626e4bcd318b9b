import { ACTIONS } from '../actions.js';
import { checkCreatedOn, computeKeyExpiry, KEY_LIFETIME_DAYS, RENEWAL_OPENS_DAYS_BEFORE, WARN_DAYS_BEFORE } from '../expiry.js';
import { backOrQuit, goBack, onMenuKeys, quit, stay, type Of } from '../navigation.js';
import type { ExpiryResult, Tone, Transition } from '../types.js';
import type { Paragraph, View } from '../view.js';
import type { ScreenModule } from './module.js';

/**
 * The key-expiry helper (from a key-invalid or key-expired fix screen): is an IP bound to the
 * key, when was it created, so when does it expire and when does Renew open.
 */

const IP_CHOICES = [
  { id: 'no', label: 'No IP address is bound to the key', detail: 'or I am not sure', key: { key: 'n', hint: 'no' } },
  { id: 'yes', label: 'Yes, the key is bound to an IP address', key: { key: 'y', hint: 'yes' } },
] as const;

const VERDICT: Record<ExpiryResult['state'], string> = { 'no-expiry': 'DOES NOT EXPIRE', valid: 'VALID', 'renewal-open': 'RENEW NOW', expired: 'EXPIRED' };

/** The date beside the verdict; from the renewal window on, a renewal may have moved it. */
function verdictLine(result: ExpiryResult): string {
  if (!result.expiresOn) return VERDICT[result.state];
  if (result.state === 'expired') return `${VERDICT.expired} · on ${result.expiresOn}, unless renewed`;
  if (result.state === 'renewal-open') return `${VERDICT['renewal-open']} · expires ${result.expiresOn} unless renewed already`;
  return `${VERDICT[result.state]} · expires ${result.expiresOn}`;
}
const RESULT_TONE: Record<ExpiryResult['state'], Tone> = { 'no-expiry': 'ok', valid: 'ok', 'renewal-open': 'warn', expired: 'error' };

export const expiry: ScreenModule<'expiry'> = {
  transition(state, s, event) {
    if (s.phase === 'ip') {
      const answer = (index: number): Transition =>
        IP_CHOICES[index]?.id === 'yes'
          ? stay({ ...state, screen: { ...s, phase: 'result', ipBound: true, result: computeKeyExpiry({ ipBound: true, today: state.today }) } })
          : stay({ ...state, screen: { ...s, phase: 'created', ipBound: false } });
      const menu = onMenuKeys(state, s, event, IP_CHOICES.length, answer);
      if (menu) return menu;
      return backOrQuit(state, event);
    }
    if (s.phase === 'created') {
      const { error: _e, ...rest } = s;
      switch (event.type) {
        case 'input':
          return stay({ ...state, screen: { ...rest, text: (s.text + event.text).replace(/[\r\n]/g, '').slice(0, 40) } });
        case 'erase':
          return stay({ ...state, screen: { ...rest, text: s.text.slice(0, -1) } });
        case 'clear':
          return stay({ ...state, screen: { ...rest, text: '' } });
        case 'accept': {
          const checked = checkCreatedOn(s.text, state.today);
          if (!checked.ok) return stay({ ...state, screen: { ...s, error: checked.error } });
          return stay({ ...state, screen: { ...rest, phase: 'result', result: computeKeyExpiry({ ipBound: false, createdOn: checked.createdOn, today: state.today }) } });
        }
        case 'back':
          return stay({ ...state, screen: { ...rest, phase: 'ip' } });
        default:
          return stay(state);
      }
    }
    switch (event.type) {
      case 'accept':
        return goBack(state);
      case 'back':
        return stay({ ...state, screen: { ...s, phase: s.ipBound ? 'ip' : 'created' } });
      case 'quit':
        return quit(state);
      default:
        return stay(state);
    }
  },

  view(state, s: Of<'expiry'>): View {
    const intro: Paragraph = {
      text: `A key with no bound IP expires ${KEY_LIFETIME_DAYS} days after it was created, unless it is renewed: Renew opens ${RENEWAL_OPENS_DAYS_BEFORE} days before the expiry date and adds ${KEY_LIFETIME_DAYS} days. Keys bound to an IP do not expire. Today is ${state.today}.`,
      dim: true,
    };
    const base = { heading: 'Key expiry helper', paragraphs: [intro] };
    if (s.phase === 'ip') {
      return {
        ...base,
        menu: {
          question: 'Is an IP address bound to this key (API Management → the key → IP)?',
          items: [...IP_CHOICES],
          focus: s.focus,
            moveHint: 'answer',
          enterHint: 'next',
        },
        actions: [ACTIONS.back(), ACTIONS.quit()],
      };
    }
    if (s.phase === 'created') {
      return {
        ...base,
        paragraphs: [intro, { text: 'When was the key created? Find the date in MEXC → Profile → API Management, next to the key. Type it as YYYY-MM-DD.' }],
        body: { kind: 'paste', text: s.text, placeholder: 'e.g. 2026-03-01' },
        field: { kind: 'line', prompt: 'Created on (YYYY-MM-DD)', submit: 'compute' },
        ...(s.error ? { error: s.error } : {}),
        actions: [ACTIONS.back()],
      };
    }
    const result = s.result;
    const tone: Tone = result?.state === 'valid' && (result.daysLeft ?? 99) <= WARN_DAYS_BEFORE ? 'warn' : result ? RESULT_TONE[result.state] : 'info';
    return {
      ...base,
      paragraphs: [
        intro,
        ...(result
          ? [
              { text: verdictLine(result), tone, bold: true },
              ...result.lines.map((text) => ({ text })),
            ]
          : []),
      ],
      actions: [ACTIONS.accept('done', 'Done: back to where you were'), ACTIONS.back('change answers', 'Change my answers'), ACTIONS.quit()],
    };
  },
};
