import { describeOffset } from '../core/clock.js';
import type { StepRunner } from './context.js';
import { describeAnswer } from './describe.js';

/** Step 3 (guide §7 "Timestamp", Fix 3/4): is the local clock inside MEXC's timing rule? */
export const runClock: StepRunner = async (ctx) => {
  const estimate = await ctx.clock();
  if (!estimate) {
    const failure = ctx.clockFailure();
    const findings = failure ? ctx.classify(failure) : [];
    return {
      status: 'fail',
      summary: 'Could not read MEXC server time',
      evidence: [`GET /api/v3/time gave no usable serverTime${failure ? `: ${describeAnswer(failure)}` : ''}`],
      diagnoses: ctx.diagnose(findings.length ? findings : [{ id: 'unexpected-response', facts: { endpoint: '/api/v3/time' } }]),
    };
  }
  const { localAheadMs, rttMs, uncertaintyMs, samples } = estimate;
  const evidence = [
    `Your clock is ${describeOffset(localAheadMs)} (±${uncertaintyMs} ms; best round trip ${rttMs} ms over ${samples.length} samples)`,
    `MEXC accepts a request when timestamp < serverTime + 1000 and serverTime − timestamp ≤ recvWindow (${ctx.options.recvWindowMs} ms)`,
  ];
  const findings = ctx.classifyClock(localAheadMs, rttMs, ctx.options.recvWindowMs);
  const facts = { localAheadMs, rttMs };
  if (findings.length === 0) {
    return { status: 'pass', summary: `Clock in sync (${describeOffset(localAheadMs)})`, evidence, diagnoses: [], facts };
  }
  const nearEdgeOnly = findings.every((f) => f.facts.nearEdge === true);
  return {
    status: nearEdgeOnly ? 'warn' : 'fail',
    summary: nearEdgeOnly ? `Clock close to MEXC's limit (${describeOffset(localAheadMs)})` : `Clock out of range: ${describeOffset(localAheadMs)}`,
    evidence,
    diagnoses: ctx.diagnose(findings),
    facts,
  };
};
