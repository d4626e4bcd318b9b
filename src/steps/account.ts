import { describeOffset, judgeClock } from '../core/clock.js';
import type { Cause } from '../core/types.js';
import type { SignedProbe, StepContext, StepOutcome, StepRunner } from './context.js';
import { signedEvidence } from './signed-step.js';

/**
 * Step 4 (guide debug step 3: "test a simple request, account info before trading"). Signed
 * with local time, as the user's bot would sign it; passes only on an account with balances.
 */
export const runAccount: StepRunner = async (ctx) => {
  const probe = await ctx.signedProbe();
  const evidence = signedEvidence(probe.first);
  if (probe.verdict.ok) return accountPassed(probe.verdict.json, evidence, ctx.options.verbose);
  const refusal = readRefusal(ctx, probe, evidence);
  return 'outcome' in refusal ? refusal.outcome : refused(ctx, refusal.findings, evidence, refusal.facts);
};

export type Refusal = { outcome: StepOutcome } | { findings: Cause[]; facts: Record<string, string | number | boolean> };

/**
 * Why the signed probe was refused. A timestamp refusal was signed again with MEXC's time
 * (session.ts): when that cured it, the clock is the one cause and the clock step reports it
 * (`outcome`); otherwise the findings carry the clock verdict and whatever else the retry met.
 * The spot and futures account steps share this.
 */
export function readRefusal(ctx: StepContext, probe: SignedProbe, evidence: string[]): Refusal {
  if (probe.verdict.ok) return { findings: [], facts: {} };
  let findings = probe.verdict.findings;
  const facts: Record<string, string | number | boolean> = {};
  if (probe.timestampRefused && probe.retry && probe.clock) {
    const clock = probe.clock;
    const fixed = probe.retryVerdict?.ok === true;
    facts.retriedWithOffset = true;
    facts.retryFixed = fixed;
    evidence.push(
      fixed
        ? `Signed again with MEXC's time (your clock is ${describeOffset(clock.localAheadMs)}): accepted. The clock is the cause.`
        : `Signed again with MEXC's time: still refused (${probe.retry.mexcCode ?? probe.retry.status ?? probe.retry.networkError?.code}). Something besides the clock is wrong too.`,
    );
    // One cause, one problem: the clock step reports it. In check it reads this same proof; in
    // the wizard it ran earlier, so defer only when it did name a clock problem.
    const clockResult = ctx.results.get('clock');
    const clockReportsIt = !clockResult || clockResult.diagnoses.some((d) => d.id === 'clock-ahead' || d.id === 'clock-behind');
    if (fixed && clockReportsIt) {
      return {
        outcome: {
          status: 'fail',
          summary: `Refused${probe.first.mexcCode !== undefined ? ` with ${probe.first.mexcCode}` : ''} because of the clock (see the Clock step)`,
          evidence,
          diagnoses: [],
          facts: { ...facts, refusedBy: 'clock' },
        },
      };
    }
    const verdict = judgeClock(clock, ctx.timing.window).verdict;
    findings = findings.map((f): Cause =>
      f.id === 'timestamp-outside-recv-window'
        ? { ...f, facts: { ...f.facts, clockVerdict: verdict, localAheadMs: clock.localAheadMs, rttMs: clock.rttMs, retryFixed: false } }
        : f,
    );
    const more = probe.retryVerdict && !probe.retryVerdict.ok ? probe.retryVerdict.findings.filter((f) => f.id !== 'timestamp-outside-recv-window') : [];
    findings = [...findings, ...more];
  }
  return { findings, facts };
}

/** A refused probe as the step's outcome: the diagnoses, and the IP MEXC saw for the report. */
export function refused(ctx: StepContext, findings: Cause[], evidence: string[], facts: Record<string, string | number | boolean>): StepOutcome {
  const ip = findings.find((f) => f.id === 'ip-not-whitelisted')?.facts.ip;
  if (typeof ip === 'string') facts.mexcSawIp = ip;
  const diagnoses = ctx.diagnose(findings);
  return { status: 'fail', summary: `Refused: ${diagnoses[0]?.title ?? 'unknown error'}`, evidence, diagnoses, facts };
}

function accountPassed(json: unknown, evidence: string[], verbose: boolean) {
  const account = (json ?? {}) as {
    accountType?: unknown;
    canTrade?: unknown;
    permissions?: unknown;
    balances?: Array<{ asset?: unknown; free?: unknown; locked?: unknown }>;
  };
  const balances = Array.isArray(account.balances) ? account.balances : [];
  const nonZero = balances.filter((b) => Number(b.free) + Number(b.locked) > 0);
  evidence.push(
    `Account type ${String(account.accountType ?? '?')} · canTrade ${String(account.canTrade ?? '?')} · permissions ${Array.isArray(account.permissions) ? account.permissions.join(', ') : '?'}`,
    `${nonZero.length} asset${nonZero.length === 1 ? '' : 's'} with a non-zero balance`,
  );
  // Amounts are private: only with --verbose.
  if (verbose) for (const b of nonZero) evidence.push(`  ${String(b.asset)}: free ${String(b.free)}, locked ${String(b.locked)}`);
  return {
    status: 'pass' as const,
    summary: 'Key valid, signature accepted, IP allowed, account readable',
    evidence,
    diagnoses: [],
    facts: { canTrade: account.canTrade === true, nonZeroBalances: nonZero.length },
  };
}
