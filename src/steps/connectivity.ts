import { describeProxy } from '../core/proxy.js';
import type { StepRunner } from './context.js';
import { describeAnswer, describeTimings, isOk } from './describe.js';

/** Step 2 (guide "Still not working: check MEXC status"): can we reach MEXC at all? */
export const runConnectivity: StepRunner = async (ctx) => {
  const obs = await ctx.client.publicGet('/api/v3/ping');
  const evidence = [`GET ${ctx.client.baseUrl}/api/v3/ping → ${describeAnswer(obs)}`];
  const timings = describeTimings(obs.timings);
  if (timings) evidence.push(`Timings: ${timings}`);
  evidence.push(ctx.client.proxy ? `Proxy: ${describeProxy(ctx.client.proxy)}` : 'Proxy: none');
  const pingShapeOk = isOk(obs) && obs.json !== undefined && typeof obs.json === 'object' && !Array.isArray(obs.json);
  if (pingShapeOk) {
    const ms = Math.round(obs.timings?.totalMs ?? obs.receivedAtMs - obs.sentAtMs);
    return { status: 'pass', summary: `MEXC reachable (ping answered in ${ms} ms)`, evidence, diagnoses: [] };
  }
  const findings = ctx.classify(obs);
  const diagnoses = ctx.diagnose(findings.length ? findings : [{ id: 'unexpected-response', facts: { status: obs.status ?? 0 } }]);
  return { status: 'fail', summary: `MEXC not reachable: ${diagnoses[0]?.title ?? describeAnswer(obs)}`, evidence, diagnoses };
};
