import { describeOffset } from '../core/clock.js';
import type { Cause } from '../core/types.js';
import type { StepRunner } from './context.js';
import { isOk } from './describe.js';
import { refusalFindings, signedEvidence } from './signed-step.js';

/**
 * Step 4 (guide debug step 3: "test a simple request, account info before trading").
 * Signed with local time, as the user's bot would sign it.
 */
export const runAccount: StepRunner = async (ctx) => {
  const obs = await ctx.client.signed('GET', '/api/v3/account');
  const evidence = signedEvidence(ctx, obs);
  if (isOk(obs)) return accountPassed(obs.json, evidence, ctx.options.verbose);

  let findings = ctx.classify(obs);
  const facts: Record<string, string | number | boolean> = {};
  if (findings.some((f) => f.id === 'timestamp-outside-recv-window')) {
    // Prove (or rule out) the clock: sign once more with the measured offset.
    const clock = await ctx.clock();
    if (clock) {
      const retry = await ctx.client.signed('GET', '/api/v3/account', [], { serverOffsetMs: -clock.localAheadMs });
      const fixed = isOk(retry);
      facts.retriedWithOffset = true;
      facts.retryFixed = fixed;
      evidence.push(
        fixed
          ? `Signed again with MEXC's time (your clock is ${describeOffset(clock.localAheadMs)}): accepted. The clock is the cause.`
          : `Signed again with MEXC's time: still refused (${retry.mexcCode ?? retry.status}). Something besides the clock is wrong too.`,
      );
      findings = findings.map((f): Cause =>
        f.id === 'timestamp-outside-recv-window' ? { ...f, facts: { ...f.facts, localAheadMs: clock.localAheadMs, retryFixed: fixed } } : f,
      );
      if (fixed) return { status: 'fail', summary: 'Refused: timestamp outside recvWindow (your clock)', evidence, diagnoses: ctx.diagnose(findings), facts };
      const more = refusalFindings(ctx, retry).filter((f) => f.id !== 'timestamp-outside-recv-window');
      findings = [...findings, ...more];
    }
  }
  const ip = findings.find((f) => f.id === 'ip-not-whitelisted')?.facts.ip;
  if (typeof ip === 'string') facts.mexcSawIp = ip;
  const diagnoses = ctx.diagnose(findings);
  return { status: 'fail', summary: `Refused: ${diagnoses[0]?.title ?? 'unknown error'}`, evidence, diagnoses, facts };
};

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
