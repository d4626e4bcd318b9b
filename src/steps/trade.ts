import type { StepRunner } from './context.js';
import { isOk } from './describe.js';
import { testOrderParams } from './market.js';
import { refusalFindings, signedEvidence } from './signed-step.js';

/**
 * Step 6 (guide §1 Permissions, "Trade"): signed POST /api/v3/order/test. MEXC validates the
 * order and does not send it to the matching engine; this tool never places a real order.
 */
export const runTrade: StepRunner = async (ctx) => {
  const market = await ctx.market();
  const params = testOrderParams(market);
  const obs = await ctx.client.signed('POST', '/api/v3/order/test', params);
  const evidence = [...signedEvidence(ctx, obs), 'Validated by MEXC only: /api/v3/order/test never executes an order.'];
  if (isOk(obs)) return { status: 'pass', summary: `Trade permission confirmed (test order on ${market.symbol} validated)`, evidence, diagnoses: [] };
  const refused = refusalFindings(ctx, obs);
  if (refused.length > 0) {
    const diagnoses = ctx.diagnose(refused.map((f) => (f.id === 'permission-denied' ? { ...f, facts: { ...f.facts, permission: 'Trade: Trade', endpoint: 'POST /api/v3/order/test' } } : f)));
    return { status: 'fail', summary: `Refused: ${diagnoses[0]?.title ?? 'unknown error'}`, evidence, diagnoses };
  }
  const findings = ctx.classify(obs);
  if (findings.some((f) => f.id === 'symbol-not-api-enabled')) {
    return { status: 'warn', summary: `Key may trade, but ${market.symbol} is not open to API trading for it`, evidence, diagnoses: ctx.diagnose(findings) };
  }
  // A business or parameter error means the key, signature and permission all got through.
  evidence.push(`MEXC checked the order parameters, so the key passed authentication and permission: ${obs.mexcCode ?? obs.status} ${obs.mexcMsg ?? ''}`.trim());
  return { status: 'pass', summary: 'Trade permission confirmed (MEXC rejected only the test order parameters)', evidence, diagnoses: [] };
};
