import type { StepRunner } from './context.js';
import { isOk } from './describe.js';
import { refusalFindings, signedEvidence } from './signed-step.js';

/** Step 5 (guide §1 Permissions, "View Order Details"): signed GET /api/v3/openOrders. */
export const runTradeRead: StepRunner = async (ctx) => {
  const market = await ctx.market();
  const obs = await ctx.client.signed('GET', '/api/v3/openOrders', [['symbol', market.symbol]]);
  const evidence = signedEvidence(ctx, obs);
  if (isOk(obs)) {
    const count = Array.isArray(obs.json) ? obs.json.length : 0;
    return { status: 'pass', summary: `Order details readable (${count} open order${count === 1 ? '' : 's'} on ${market.symbol})`, evidence, diagnoses: [] };
  }
  const refused = refusalFindings(ctx, obs);
  if (refused.length === 0) {
    return {
      status: 'warn',
      summary: `MEXC accepted the key but answered ${obs.mexcCode ?? obs.status} for ${market.symbol}`,
      evidence,
      diagnoses: ctx.diagnose(ctx.classify(obs)),
    };
  }
  const diagnoses = ctx.diagnose(refused.map((f) => (f.id === 'permission-denied' ? { ...f, facts: { ...f.facts, permission: 'Trade: View Order Details', endpoint: 'GET /api/v3/openOrders' } } : f)));
  return { status: 'fail', summary: `Refused: ${diagnoses[0]?.title ?? 'unknown error'}`, evidence, diagnoses };
};
