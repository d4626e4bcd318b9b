import { stepIds } from '../core/step-table.js';
import type { Api, StepId, StepStatus } from '../core/types.js';
import type { Tone, WizardState } from './types.js';

/**
 * Words and tables more than one screen uses: the status marks, the steps' titles and order,
 * the banner. Each screen's own words are in its module in screens/. This module loads
 * nothing heavy: the first frame is drawn from it.
 */

/** Status never by colour alone: a symbol and a word (screen readers read the word). */
export const STATUS_MARK: Record<StepStatus, { symbol: string; word: string; tone: Tone }> = {
  pass: { symbol: '✓', word: 'PASS', tone: 'ok' },
  warn: { symbol: '!', word: 'WARN', tone: 'warn' },
  fail: { symbol: '✗', word: 'FAIL', tone: 'error' },
  skip: { symbol: '-', word: 'SKIP', tone: 'info' },
};

/**
 * The steps of each API, their titles and what each runs: the step tables (core/step-table.ts).
 * Screens read them for the wizard's API (`state.api`), so a new API needs no screen code.
 */
export { STEP_INFO, stepIds, stepInfo, stepList, targetName } from '../core/step-table.js';

/** Mark of a verdict line by its tone: the symbol says what the colour says. */
export const TONE_MARK: Record<Tone, string> = { ok: '✓', warn: '!', error: '✗', info: 'i' };

/** The banner: the first lines of every interactive run, above everything else. */
export function banner(version: string, demo: boolean): { title: string; tagline: string } {
  return { title: `mexc-wizard ${version}${demo ? ' · DEMO (local simulator)' : ''}`, tagline: 'finds why your MEXC API key fails, and hands you the fix' };
}

export function stepNumber(id: StepId, api: Api): number {
  return stepIds(api).indexOf(id) + 1;
}

export function nextStepId(id: StepId, api: Api): StepId | undefined {
  const ids = stepIds(api);
  return ids[ids.indexOf(id) + 1];
}

export function reportFileName(today: string): string {
  return `mexc-wizard-report-${today}.md`;
}

/** Exit code when the user quits: 1 once a problem was diagnosed (README "Exit codes"). */
export function quitCode(state: Pick<WizardState, 'results'>): number {
  return Object.values(state.results).some((r) => r?.status === 'fail') ? 1 : 0;
}
