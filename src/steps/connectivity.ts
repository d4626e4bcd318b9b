import { describeProxy } from '../core/proxy.js';
import type { StepRunner } from './context.js';
import { describeAnswer, describeTimings } from './describe.js';

/** Step 2 (guide "Still not working: check MEXC status"): can we reach MEXC's API at all? */
export const runConnectivity: StepRunner = async (ctx) => {
  const obs = await ctx.client.publicGet('/api/v3/ping');
  const evidence = [`GET ${ctx.client.baseUrl}/api/v3/ping → ${describeAnswer(obs)}`];
  const timings = describeTimings(obs.timings);
  if (timings) evidence.push(`Timings: ${timings}`);
  evidence.push(ctx.client.proxy ? `Proxy: ${describeProxy(ctx.client.proxy)}` : 'Proxy: none');
  const verdict = ctx.judge(obs, 'GET /api/v3/ping');
  if (verdict.ok) {
    const ms = Math.round(obs.timings?.totalMs ?? obs.receivedAtMs - obs.sentAtMs);
    return { status: 'pass', summary: `MEXC reachable (ping answered {} in ${ms} ms)`, evidence, diagnoses: [] };
  }
  const diagnoses = ctx.diagnose(verdict.findings);
  return { status: 'fail', summary: `MEXC not reachable: ${diagnoses[0]?.title ?? describeAnswer(obs)}`, evidence, diagnoses };
};
