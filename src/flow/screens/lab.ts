import { cleanValue } from '../../core/credentials.js';
import type { Api } from '../../core/types.js';
import { maskKey, shortenHex } from '../../core/redact.js';
import { ACTIONS, offer } from '../actions.js';
import { backOrQuit, editMasked, editPaste, go, goBack, onListKeys, stay, type Of } from '../navigation.js';
import type { Screen, Transition, WizardState } from '../types.js';
import type { View } from '../view.js';
import type { ScreenModule } from './module.js';

/**
 * The signature lab: paste the request your code sent (URL, curl, or a logged request), give
 * the secret if none is known, and read which common bug produced the signature it carries.
 */

const heading = 'Signature lab: check a request your code sent';

/**
 * What to paste, by the API the guide runs: a futures request is signed in its ApiKey,
 * Request-Time and Signature headers, so its URL alone carries nothing to check
 * (https://www.mexc.com/api-docs/futures/integration-guide); the lab reads both kinds.
 */
const ASK: Record<Api, { what: string; missing: string; placeholder: string; prompt: string }> = {
  spot: {
    what: 'Paste the full URL it called, its curl command, or a logged request (method + URL, headers, body).',
    missing: 'Paste the request first: the full URL your code called, or its curl command.',
    placeholder: 'e.g. https://api.mexc.com/api/v3/account?timestamp=…&signature=…',
    prompt: 'Request (URL or curl)',
  },
  futures: {
    what: 'Paste its curl command or a logged request with its headers (method + URL, the ApiKey, Request-Time and Signature headers, body): a futures request is signed in its headers, so the URL alone is not enough.',
    missing: 'Paste the request first: its curl command, or the logged request with its ApiKey, Request-Time and Signature headers.',
    placeholder: "e.g. curl -H 'ApiKey: mx0…' -H 'Request-Time: …' -H 'Signature: …' https://api.mexc.com/api/v1/private/account/assets",
    prompt: 'Request (curl, or logged with headers)',
  },
};

export const lab: ScreenModule<'lab'> = {
  transition(state, s, event) {
    const { error: _e, ...rest } = s;
    switch (s.phase) {
      case 'working':
        if (event.type === 'inspected') return go(state, { kind: 'lab', phase: 'result', text: s.text, secret: '', result: event.result, focus: 0 });
        if (event.type === 'inspect-failed') return goBack(state, (prev) => ({ ...prev, error: event.message }) as Screen);
        return stay(state);
      case 'input': {
        const edited = editPaste(s.text, event);
        if (edited !== undefined) return stay({ ...state, screen: { ...rest, text: edited } });
        if (event.type === 'back') return goBack(state);
        if (event.type !== 'accept') return stay(state);
        const text = s.text.trim();
        if (!text) return stay({ ...state, screen: { ...s, error: ASK[state.api].missing } });
        if (!state.credentials?.secret) return stay({ ...state, screen: { ...rest, phase: 'secret', secret: '' } });
        return go(state, { ...rest, phase: 'working', text: s.text }, { push: true, effects: [{ type: 'inspect', text }] });
      }
      case 'secret': {
        const edited = editMasked(s.secret, event);
        if (edited !== undefined) return stay({ ...state, screen: { ...rest, secret: edited } });
        if (event.type === 'accept') return submitSecret(state, s);
        if (event.type === 'back') return stay({ ...state, screen: { ...rest, phase: 'input', secret: '' } });
        return stay(state);
      }
      case 'result': {
        const findings = s.result?.findings ?? [];
        const list = onListKeys(state, s, event, findings.length);
        if (list) return list;
        switch (event.type) {
          case 'copy': {
            const finding = findings[s.focus];
            return finding ? stay(state, [{ type: 'copy', text: `${finding.title}\n${finding.detail}`, what: `finding ${s.focus + 1}` }]) : stay(state);
          }
          case 'accept':
            // Done: back past the lab's own input screen to where the lab was opened from.
            return goBack(goBack(state).state);
          default:
            return backOrQuit(state, event);
        }
      }
    }
  },

  view(state, s) {
    if (s.phase === 'working') return { busy: 'Recomputing the signature over the strings common bugs produce', actions: [] };
    if (s.phase === 'result' && s.result) return resultView(s.result, s.focus);
    const secretWhere = state.credentials?.secret?.where;
    const ask = ASK[state.api];
    const intro = {
      text: `${ask.what} Then Enter. ${
        secretWhere ? `The signature is recomputed with the secret from ${secretWhere}.` : 'You will be asked for the secret (masked).'
      }`,
      dim: true,
    };
    if (s.phase === 'secret') {
      return {
        heading,
        paragraphs: [intro, { text: 'No secret found in the environment or ./.env. Type or paste it: it stays in memory and is never shown.' }],
        body: { kind: 'masked', fields: [{ label: 'Secret', length: [...s.secret].length, active: true }] },
        field: { kind: 'secret', prompt: 'Secret key (masked)', submit: 'check' },
        ...(s.error ? { error: s.error } : {}),
        actions: [ACTIONS.back()],
      };
    }
    return {
      heading,
      paragraphs: [intro],
      body: { kind: 'paste', text: s.text, placeholder: ask.placeholder },
      field: { kind: 'paste', prompt: ask.prompt, submit: 'inspect' },
      ...(s.error ? { error: s.error } : {}),
      actions: [ACTIONS.back()],
    };
  },
};

function resultView(result: NonNullable<Of<'lab'>['result']>, focus: number): View {
  const facts: string[] = [];
  if (result.apiKey) facts.push(`API key in the request: ${maskKey(result.apiKey)}`);
  if (result.signature) {
    const { sent, expected, stringToSign, signedString } = result.signature;
    facts.push(`Signature sent ${shortenHex(sent)} · MEXC expects ${shortenHex(expected)}`, `MEXC signs: ${stringToSign}`);
    if (signedString !== undefined && signedString !== stringToSign) facts.push(`You signed: ${signedString}`);
  }
  const titles = result.findings.map((f) => f.title);
  return {
    body: {
      kind: 'lab',
      valid: result.valid,
      verdict: result.verdict,
      facts,
      findings: result.findings.map(({ id, title, detail, severity }) => ({ id, title, detail, severity })),
      focus,
      notes: result.notes,
    },
    list: { noun: 'finding', count: titles.length, focus },
    actions: offer([
      [true, ACTIONS.accept('done', 'Done')],
      [titles.length > 0, ACTIONS.copyFinding(titles)],
      [true, ACTIONS.back('edit request', 'Edit the request')],
      [true, ACTIONS.quit()],
    ]),
  };
}

function submitSecret(state: WizardState, s: Of<'lab'>): Transition {
  const secret = cleanValue(s.secret);
  const { error: _e, ...rest } = s;
  if (!secret) return stay({ ...state, screen: { ...s, error: 'The lab needs the secret to recompute the signature (it stays in memory).' } });
  const input: Of<'lab'> = { ...rest, phase: 'input', secret: '' };
  const pushed: WizardState = { ...state, back: [...state.back, input] };
  return go(pushed, { ...rest, phase: 'working', secret: '' }, { effects: [{ type: 'inspect', text: s.text.trim(), secret }] });
}
