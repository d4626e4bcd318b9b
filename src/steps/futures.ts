import type { Observation } from '../core/types.js';
import { readRefusal, refused } from './account.js';
import { pingStep } from './connectivity.js';
import { describeAnswer } from './describe.js';
import type { StepContext, StepRunner } from './context.js';
import { signedEvidence } from './signed-step.js';

/**
 * The futures (contract) API's steps (`check --futures`, core/step-table.ts FUTURES_STEPS). The
 * credentials and clock steps are the spot ones (the clock reads the futures window from the
 * context); these read the futures endpoints. Nothing here can trade: the client allows only the
 * three futures reads (core/endpoints.ts).
 */

/** GET /api/v1/contract/ping: `{success:true, code:0, data:<server time>}` (docs/mexc-api.md §2.1). */
export const runFuturesConnectivity: StepRunner = pingStep('GET /api/v1/contract/ping', 'MEXC futures API', 'with the server time');

/** The ids whose refusal a spot-only key also gets: the same key on spot tells which it is. */
const SPOT_KEY_QUESTION = new Set(['key-invalid', 'permission-denied']);

/**
 * Signed GET /api/v1/private/account/assets (shared with the clock step as the signed probe).
 * When the futures API refuses the key (401) or a futures permission (701–704), the same key is
 * asked on spot (signed GET /api/v3/account): accepted there, the key and secret are right and
 * the key lacks futures access (a spot key), and the diagnosis says so.
 */
export const runFuturesAccount: StepRunner = async (ctx) => {
  const probe = await ctx.signedProbe();
  const evidence = signedEvidence(probe.first);
  if (probe.verdict.ok) return assetsPassed(probe.verdict.json, evidence, ctx.options.verbose);
  const refusal = readRefusal(ctx, probe, evidence);
  if ('outcome' in refusal) return refusal.outcome;
  let findings = refusal.findings;
  if (findings.some((f) => SPOT_KEY_QUESTION.has(f.id)) && (await acceptedOnSpot(ctx, evidence))) {
    findings = findings.map((f) => (SPOT_KEY_QUESTION.has(f.id) ? { ...f, facts: { ...f.facts, spotOnlyKey: true } } : f));
  }
  return refused(ctx, findings, evidence, refusal.facts);
};

/** Refusals that mean the spot API turned this key itself away (not a host without spot, not a network failure). */
const SPOT_KEY_REFUSALS = new Set(['key-invalid', 'key-expired', 'signature-invalid', 'ip-not-whitelisted', 'permission-denied', 'account-abnormal']);

async function acceptedOnSpot(ctx: StepContext, evidence: string[]): Promise<boolean> {
  const spot: Observation = await ctx.client.signed('GET', '/api/v3/account');
  const verdict = ctx.judge(spot, 'GET /api/v3/account');
  if (verdict.ok) {
    evidence.push('The same key and secret, signed the spot way (GET /api/v3/account): accepted. The key works on spot; it lacks futures access.');
    return true;
  }
  evidence.push(
    verdict.findings.some((f) => SPOT_KEY_REFUSALS.has(f.id))
      ? `The same key on spot (GET /api/v3/account): refused too (${describeAnswer(spot)}), so the key itself is refused, not only on futures.`
      : `The same key could not be tried on spot here (GET /api/v3/account: ${describeAnswer(spot)}).`,
  );
  return false;
}

function assetsPassed(json: unknown, evidence: string[], verbose: boolean) {
  const assets = ((json as { data?: unknown } | undefined)?.data ?? []) as Array<{ currency?: unknown; equity?: unknown; availableBalance?: unknown }>;
  const funded = assets.filter((a) => Number(a.equity) > 0 || Number(a.availableBalance) > 0);
  evidence.push(`${assets.length} currenc${assets.length === 1 ? 'y' : 'ies'} in the futures account, ${funded.length} with a balance`);
  // Amounts are private: only with --verbose.
  if (verbose) for (const a of funded) evidence.push(`  ${String(a.currency)}: equity ${String(a.equity)}, available ${String(a.availableBalance)}`);
  return {
    status: 'pass' as const,
    summary: 'Key valid, futures signature accepted, IP allowed, futures account readable',
    evidence,
    diagnoses: [],
    facts: { futuresFunded: funded.length },
  };
}

/**
 * Signed GET /api/v1/private/position/open_positions: the futures trade-read permission (703
 * when missing). A read; MEXC has no futures test-order endpoint, so the order permission is
 * not probed and no order is ever sent.
 */
export const runFuturesTradeRead: StepRunner = async (ctx) => {
  const recvWindowSec = ctx.options.futuresRecvWindowSec;
  const obs = await ctx.client.futuresSigned('GET', '/api/v1/private/position/open_positions', {}, recvWindowSec !== undefined ? { recvWindowSec } : {});
  const evidence = [...signedEvidence(obs), 'A read only: mexc-wizard never sends a futures order (MEXC has no futures test-order endpoint).'];
  const verdict = ctx.judge(obs, 'GET /api/v1/private/position/open_positions');
  if (verdict.ok) {
    const data = (verdict.json as { data?: unknown } | undefined)?.data;
    const count = Array.isArray(data) ? data.length : 0;
    return { status: 'pass', summary: `Futures positions readable (${count} open position${count === 1 ? '' : 's'})`, evidence, diagnoses: [] };
  }
  const diagnoses = ctx.diagnose(verdict.findings);
  return { status: 'fail', summary: `Futures trade read not confirmed: ${diagnoses[0]?.title ?? 'unknown error'}`, evidence, diagnoses };
};
