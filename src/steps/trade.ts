import { orderTestProof } from '../core/answers.js';
import type { StepRunner } from './context.js';
import { describeSymbol, testOrderParams } from './market.js';
import { signedEvidence } from './signed-step.js';

/**
 * Step 6 (guide "Permissions", Trade): signed POST /api/v3/order/test. MEXC validates the order
 * and does not send it to the matching engine; this tool never places a real order. The
 * permission is confirmed only by `{}` or by an order-validation code (core/answers.ts
 * ORDER_TEST_PROOFS); any other answer is a diagnosis, never a pass.
 */
export const runTrade: StepRunner = async (ctx) => {
  const market = await ctx.market();
  const params = testOrderParams(market);
  const obs = await ctx.client.signed('POST', '/api/v3/order/test', params);
  const symbolLine = describeSymbol(market);
  const evidence = [...(symbolLine ? [symbolLine] : []), ...signedEvidence(obs), 'Validated by MEXC only: /api/v3/order/test never executes an order.'];
  const verdict = ctx.judge(obs, 'POST /api/v3/order/test');
  if (verdict.ok) return { status: 'pass', summary: `Trade permission confirmed (test order on ${market.symbol} validated)`, evidence, diagnoses: [] };
  const proof = obs.status !== undefined && obs.json !== undefined ? orderTestProof(obs.mexcCode) : undefined;
  if (proof) {
    evidence.push(
      `MEXC answered ${proof.code} "${obs.mexcMsg ?? proof.text}": it checked ${proof.checked}, which it does only after the key, the signature and the Trade permission were accepted.`,
    );
    return { status: 'pass', summary: `Trade permission confirmed (MEXC validated the test order and answered ${proof.code})`, evidence, diagnoses: [] };
  }
  const diagnoses = ctx.diagnose(
    verdict.findings.map((f) => (f.id === 'permission-denied' ? { ...f, facts: { ...f.facts, inferredPermission: 'Trade: Trade', endpoint: 'POST /api/v3/order/test' } } : f)),
  );
  return { status: 'fail', summary: `Trade permission not confirmed: ${diagnoses[0]?.title ?? 'unknown error'}`, evidence, diagnoses };
};
