import type { Action } from './view.js';

/**
 * The action table: each thing a screen can offer, defined once with its key, its hint words,
 * its menu label and the event it sends. Screen modules pick the ones that apply (with their
 * conditions) in `view()`; the Ink key map and hint line and the plain menus are derived from
 * that list, so a hint never names a dead key and both front ends offer the same things.
 */
export const ACTIONS = {
  quit: (): Action => ({ id: 'quit', key: 'q', hint: 'quit', label: 'Quit', event: { type: 'quit' } }),
  back: (hint = 'back', label = 'Back'): Action => ({ id: 'back', key: 'Esc', hint, label, event: { type: 'back' } }),
  /** Enter on a screen without a menu: continue the guide, return to the summary, or finish. */
  accept: (hint: string, label: string): Action => ({ id: 'accept', key: 'Enter', hint, label, event: { type: 'accept' } }),
  rerun: (stepTitle: string): Action => ({
    id: 'rerun',
    key: 'r',
    hint: 're-run',
    label: `Re-run the ${stepTitle} check`,
    detail: 'after you applied a fix',
    event: { type: 'rerun' },
  }),
  copyFix: (titles: string[]): Action => ({
    id: 'copy-fix',
    key: 'c',
    hint: 'copy',
    label: titles.length === 1 ? 'Copy the fix to the clipboard' : 'Copy a fix to the clipboard',
    event: { type: 'copy' },
    perItem: { question: 'Copy which fix?', items: titles.map((t, i) => `Fix ${i + 1}: ${t}`) },
  }),
  printFix: (titles: string[]): Action => ({
    id: 'print-fix',
    key: 'p',
    hint: 'print fix',
    label: titles.length === 1 ? 'Print the fix on its own, to copy it' : 'Print a fix on its own, to copy it',
    event: { type: 'print' },
    perItem: { question: 'Print which fix?', items: titles.map((t, i) => `Fix ${i + 1}: ${t}`) },
  }),
  previousProblem: (index: number, count: number): Action => ({
    id: 'previous-problem',
    key: '←',
    hint: 'problem',
    label: `Previous problem (${index} of ${count})`,
    event: { type: 'problem', delta: -1 },
  }),
  nextProblem: (index: number, count: number): Action => ({
    id: 'next-problem',
    key: '→',
    hint: 'problem',
    label: `Next problem (${index} of ${count})`,
    event: { type: 'problem', delta: 1 },
  }),
  showReport: (): Action => ({ id: 'show-report', key: 'v', hint: 'report', label: 'Show the support report (redacted)', event: { type: 'report', action: 'show' } }),
  openLab: (): Action => ({
    id: 'open-lab',
    key: 'l',
    hint: 'signature lab',
    label: 'Open the signature lab',
    detail: 'check a request your code sent',
    event: { type: 'open-lab' },
  }),
  openExpiry: (): Action => ({ id: 'open-expiry', key: 'e', hint: 'expiry helper', label: 'Check whether the key has expired', event: { type: 'open-expiry' } }),
  typeCredentials: (): Action => ({
    id: 'type-credentials',
    key: 't',
    hint: 'type credentials',
    label: 'Type the key and secret (masked)',
    event: { type: 'type-credentials' },
  }),
  copyFinding: (titles: string[]): Action => ({
    id: 'copy-finding',
    key: 'c',
    hint: 'copy',
    label: 'Copy a finding to the clipboard',
    event: { type: 'copy' },
    perItem: { question: 'Copy which finding?', items: titles.map((t, i) => `${i + 1}. ${t}`) },
  }),
} as const;

/** The actions whose condition holds, in the order given: `offer([cond, action], …)`. */
export function offer(entries: Array<readonly [boolean | undefined, Action]>): Action[] {
  return entries.filter(([when]) => Boolean(when)).map(([, action]) => action);
}
