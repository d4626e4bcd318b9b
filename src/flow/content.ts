import { STEP_IDS, type DiagnosisId, type StepId, type StepStatus } from '../core/types.js';
import type { Tone, WizardState } from './types.js';

/**
 * Words and tables more than one screen uses: the status marks, the steps' titles and order,
 * which diagnoses open which helper. Each screen's own words are in its module in screens/.
 */

/** Status never by colour alone: a symbol and a word (screen readers read the word). */
export const STATUS_MARK: Record<StepStatus, { symbol: string; word: string; tone: Tone }> = {
  pass: { symbol: '✓', word: 'PASS', tone: 'ok' },
  warn: { symbol: '!', word: 'WARN', tone: 'warn' },
  fail: { symbol: '✗', word: 'FAIL', tone: 'error' },
  skip: { symbol: '-', word: 'SKIP', tone: 'info' },
};

export const STEP_INFO: Record<StepId, { title: string; running: string }> = {
  credentials: { title: 'Credentials', running: 'Checking key and secret for copy-paste damage (nothing leaves this machine)' },
  connectivity: { title: 'Connectivity', running: 'Reaching MEXC: DNS, connect, TLS, GET /api/v3/ping' },
  clock: { title: 'Clock', running: "Comparing your clock with MEXC's server time (GET /api/v3/time, 4 samples)" },
  account: { title: 'Account', running: 'Signed GET /api/v3/account: key, signature, IP whitelist, Account permission' },
  'trade-read': { title: 'Order read', running: 'Signed GET /api/v3/openOrders: View Order Details permission' },
  trade: { title: 'Trade', running: 'Signed POST /api/v3/order/test (validated, never executed): Trade permission' },
};

/** Mark of a verdict line by its tone: the symbol says what the colour says. */
export const TONE_MARK: Record<Tone, string> = { ok: '✓', warn: '!', error: '✗', info: 'i' };

/** The banner: the first lines of every interactive run, above everything else. */
export function banner(version: string, demo: boolean): { title: string; tagline: string } {
  return { title: `mexc-wizard ${version}${demo ? ' · DEMO (local simulator)' : ''}`, tagline: 'finds why your MEXC API key fails, and hands you the fix' };
}

export function stepNumber(id: StepId): number {
  return STEP_IDS.indexOf(id) + 1;
}

export function nextStepId(id: StepId): StepId | undefined {
  return STEP_IDS[STEP_IDS.indexOf(id) + 1];
}

/** The sentence that opens the welcome screen: what the wizard does, against what. */
export function welcomeSentence(target: string): string {
  return `Runs the troubleshooting guide's checks for real against ${target}: credentials, connectivity, clock, account, order read, trade. Each failure gets its cause and a fix you can copy.`;
}

export function reportFileName(today: string): string {
  return `mexc-wizard-report-${today}.md`;
}

/** Diagnoses whose fix screens offer the signature lab (l) and the expiry helper (e). */
export const LAB_DIAGNOSES: ReadonlySet<DiagnosisId> = new Set<DiagnosisId>(['signature-invalid', 'signature-missing']);
export const EXPIRY_DIAGNOSES: ReadonlySet<DiagnosisId> = new Set<DiagnosisId>(['key-invalid', 'key-expired']);
export const CREDENTIAL_DIAGNOSES: ReadonlySet<DiagnosisId> = new Set<DiagnosisId>([
  'key-missing',
  'secret-missing',
  'key-format',
  'secret-format',
  'key-secret-swapped',
]);

/** Exit code when the user quits: 1 once a problem was diagnosed (README "Exit codes"). */
export function quitCode(state: Pick<WizardState, 'results'>): number {
  return Object.values(state.results).some((r) => r?.status === 'fail') ? 1 : 0;
}
