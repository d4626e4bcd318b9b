import type { StepRunner } from './context.js';
import { describeSymbol } from './market.js';
import { signedEvidence } from './signed-step.js';

/** Step 5 (guide "Permissions", View Order Details): signed GET /api/v3/openOrders must answer a list. */
export const runTradeRead: StepRunner = async (ctx) => {
  const market = await ctx.market();
  const obs = await ctx.client.signed('GET', '/api/v3/openOrders', [['symbol', market.symbol]]);
  const symbolLine = describeSymbol(market);
  const evidence = [...(symbolLine ? [symbolLine] : []), ...signedEvidence(obs)];
  const verdict = ctx.judge(obs, 'GET /api/v3/openOrders');
  if (verdict.ok) {
    const count = Array.isArray(verdict.json) ? verdict.json.length : 0;
    return { status: 'pass', summary: `Order details readable (${count} open order${count === 1 ? '' : 's'} on ${market.symbol})`, evidence, diagnoses: [] };
  }
  const diagnoses = ctx.diagnose(
    verdict.findings.map((f) => (f.id === 'permission-denied' ? { ...f, facts: { ...f.facts, inferredPermission: 'Trade: View Order Details', endpoint: 'GET /api/v3/openOrders' } } : f)),
  );
  return { status: 'fail', summary: `Order details not confirmed: ${diagnoses[0]?.title ?? 'unknown error'}`, evidence, diagnoses };
};
