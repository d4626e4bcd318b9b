import type { ShapedEndpoint } from '../core/answers.js';
import { describeProxy } from '../core/proxy.js';
import type { StepRunner } from './context.js';
import { describeAnswer, describeTimings } from './describe.js';

/** Step 2 (guide "Still not working: check MEXC status"): can we reach MEXC's API at all? */
export function pingStep(endpoint: 'GET /api/v3/ping' | 'GET /api/v1/contract/ping', what: string, answered: string): StepRunner {
  const path = endpoint.split(' ')[1]!;
  return async (ctx) => {
    const obs = await ctx.client.publicGet(path);
    const evidence = [`GET ${ctx.client.baseUrl}${path} → ${describeAnswer(obs)}`];
    const timings = describeTimings(obs.timings);
    if (timings) evidence.push(`Timings: ${timings}`);
    evidence.push(ctx.client.proxy ? `Proxy: ${describeProxy(ctx.client.proxy)}` : 'Proxy: none');
    const verdict = ctx.judge(obs, endpoint as ShapedEndpoint);
    if (verdict.ok) {
      const ms = Math.round(obs.timings?.totalMs ?? obs.receivedAtMs - obs.sentAtMs);
      return { status: 'pass', summary: `${what} reachable (ping answered ${answered} in ${ms} ms)`, evidence, diagnoses: [] };
    }
    const diagnoses = ctx.diagnose(verdict.findings);
    return { status: 'fail', summary: `${what} not reachable: ${diagnoses[0]?.title ?? describeAnswer(obs)}`, evidence, diagnoses };
  };
}

export const runConnectivity: StepRunner = pingStep('GET /api/v3/ping', 'MEXC', '{}');
