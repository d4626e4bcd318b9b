import type { ShapedEndpoint } from '../core/answers.js';
import { describeProxy } from '../core/proxy.js';
import type { Observation } from '../core/types.js';
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
      return { status: 'pass', summary: `${what} reachable (ping answered ${answered} in ${ms} ms)`, evidence, diagnoses: [], facts: { pingAnswer: '' } };
    }
    const diagnoses = ctx.diagnose(verdict.findings);
    const title = diagnoses[0]?.title ?? describeAnswer(obs);
    // Something that did arrive (a 429, a 503, an HTML page) is named: "not reachable" would send
    // the user to check a network that works.
    if (obs.networkError || obs.status === undefined) return { status: 'fail', summary: `${what} not reachable: ${title}`, evidence, diagnoses, facts: { pingAnswer: '' } };
    const arrived = arrivedAnswer(obs);
    return { status: 'fail', summary: `The ping got ${arrived} instead of ${answered}: ${title}`, evidence, diagnoses, facts: { pingAnswer: arrived } };
  };
}

/** "HTTP 429", "HTTP 200 with an HTML page", "HTTP 503 with MEXC code 500". */
function arrivedAnswer(obs: Observation): string {
  const type = obs.headers?.['content-type'] ?? '';
  const body = (obs.bodySnippet ?? '').trimStart();
  const code = obs.mexcCode !== undefined && String(obs.mexcCode) !== String(obs.status) ? ` with code ${obs.mexcCode}` : '';
  const what = /html/i.test(type) || /^<(?:!doctype|html)/i.test(body) ? ' with an HTML page' : code || (obs.bodyBytes === 0 ? ' with an empty body' : '');
  return `HTTP ${obs.status}${what}`;
}

export const runConnectivity: StepRunner = pingStep('GET /api/v3/ping', 'MEXC', '{}');
