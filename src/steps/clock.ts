import { clockFindings } from '../core/classify.js';
import { describeOffset, judgeClock, type ClockEstimate, type ClockJudgement } from '../core/clock.js';
import type { Cause, ClockTiming } from '../core/types.js';
import type { SignedProbe, StepOutcome, StepRunner } from './context.js';
import { describeAnswer } from './describe.js';
import { formatSec, type TimingSpec } from './timing.js';

/**
 * Step 3 (guide "Timestamp", Fix 3/4): is the local clock inside MEXC's timing rule? The server
 * time samples (spot: GET /api/v3/time; futures: the ping's data) give an interval; a signed
 * request in the same run is stronger evidence, and the verdict agrees with it: accepted means
 * the clock passed MEXC's own check, and a timestamp refusal that signing with MEXC's time cures
 * proves the clock is the cause. The window is the API's (steps/timing.ts).
 */
export const runClock: StepRunner = async (ctx) => {
  const reading = await ctx.clock();
  const timing = ctx.timing;
  const estimate = reading.estimate;
  if (!estimate) {
    const failure = reading.failure;
    const verdict = failure ? ctx.judge(failure, timing.timeEndpoint) : undefined;
    const findings: Cause[] = verdict && !verdict.ok ? verdict.findings : [{ id: 'unexpected-response', facts: { endpoint: timing.timeEndpoint } }];
    return {
      status: 'fail',
      summary: 'Could not read MEXC server time: no clock offset measured',
      evidence: [`${timing.timeEndpoint} gave no usable server time${failure ? `: ${describeAnswer(failure)}` : ''}`],
      diagnoses: ctx.diagnose(findings),
    };
  }
  const judgement = judgeClock(estimate, timing.window);
  const evidence = clockEvidence(estimate, judgement, timing, reading.usable, reading.sent);
  let findings = timing.adapt(clockFindings(estimate, judgement, timing.window.behindMs));
  const facts = { localAheadMs: estimate.localAheadMs, rttMs: estimate.rttMs };

  const probe = ctx.canSign ? await ctx.signedProbe() : undefined;
  const proof = signedProof(probe);
  if (proof === 'accepted') {
    evidence.push(`MEXC accepted a request signed with your clock in this run (${timing.probeEndpoint}): your clock passes its check.`);
    if (findings.some((f) => f.facts.severity === 'error' || f.facts.uncertain)) {
      evidence.push('The server-time samples suggested otherwise; the accepted request is the stronger evidence.');
    }
    // Samples that disagree among themselves (a jittery server time), or a single sample, prove
    // nothing against the accepted request. Several samples that agree and put the clock at or
    // past an edge, next to a request MEXC accepted, mean the clock sits at the edge: a warning,
    // since the next request may land on the other side (a clock 1.05 s ahead is accepted after
    // 60 ms in transit and refused after 40).
    const agreeing = !estimate.inconsistent && estimate.samples.filter((s) => s.kept).length >= 2;
    findings = agreeing
      ? findings.map((f) => ({ ...f, facts: { ...f.facts, nearEdge: true, severity: 'warning' } }))
      : estimate.inconsistent
        ? []
        : findings.filter((f) => f.facts.nearEdge === true && !f.facts.uncertain);
  } else if (proof === 'clock') {
    const line = `MEXC refused a request signed with your clock, its timestamp outside ${timing.windowName}, and accepted the same request signed with MEXC's time: the clock is the cause.`;
    evidence.push(line);
    findings = timing.adapt(provenFindings(findings, estimate, judgement, timing.window.behindMs, line));
  }
  return { ...outcome(findings, judgement, estimate, timing, evidence, facts, ctx.diagnose), timing: timingNumbers(estimate, timing) };
};

/** The numbers the picture of MEXC's timing rule is drawn from. */
function timingNumbers(estimate: ClockEstimate, timing: TimingSpec): ClockTiming {
  return {
    localAheadMs: estimate.localAheadMs,
    uncertaintyMs: estimate.uncertaintyMs,
    arrivalLeadMs: { min: Math.round(estimate.minArrivalLeadMs), max: Math.round(estimate.maxArrivalLeadMs) },
    window: { aheadMs: timing.window.aheadMs, behindMs: timing.window.behindMs },
    windowName: timing.windowName.replace(/ \(.*\)$/, ''),
  };
}

type Proof = 'accepted' | 'clock' | undefined;

function signedProof(probe: SignedProbe | undefined): Proof {
  if (!probe) return undefined;
  if (probe.verdict.ok) return 'accepted';
  if (probe.timestampRefused && probe.retryVerdict?.ok) return 'clock';
  return undefined;
}

/** The clock is proven the cause: a hard finding on the side the samples point to. */
function provenFindings(findings: Cause[], estimate: ClockEstimate, judgement: ClockJudgement, rw: number, proof: string): Cause[] {
  const side = judgement.side ?? (estimate.maxArrivalLeadMs + estimate.minArrivalLeadMs >= 0 ? 'ahead' : 'behind');
  const base = findings[0]?.facts ?? {
    localAheadMs: estimate.localAheadMs,
    rttMs: estimate.rttMs,
    recvWindowMs: rw,
    arrivalLeadMs: Math.round(side === 'ahead' ? estimate.maxArrivalLeadMs : estimate.minArrivalLeadMs),
  };
  const { uncertain: _u, marginMs: _m, latencyCause: _l, ...rest } = base;
  return [{ id: side === 'ahead' ? 'clock-ahead' : 'clock-behind', facts: { ...rest, nearEdge: false, severity: 'error', signedProof: proof } }];
}

function outcome(
  findings: Cause[],
  judgement: ClockJudgement,
  estimate: ClockEstimate,
  timing: TimingSpec,
  evidence: string[],
  facts: StepOutcome['facts'],
  diagnose: (f: Cause[]) => StepOutcome['diagnoses'],
): StepOutcome {
  const offset = describeOffset(estimate.localAheadMs);
  if (findings.some((f) => f.facts.severity === 'error')) {
    return { status: 'fail', summary: `Clock out of range: ${offset}`, evidence, diagnoses: diagnose(findings), facts };
  }
  if (findings.length > 0) {
    const uncertain = findings.some((f) => f.facts.uncertain);
    return {
      status: 'warn',
      summary: uncertain ? `Clock uncertain: ${offset} ±${estimate.uncertaintyMs} ms, close to MEXC's limit` : `Clock close to MEXC's limit (${offset})`,
      evidence,
      diagnoses: diagnose(findings),
      facts,
    };
  }
  // Latency, not the clock: say so, without calling it a clock problem.
  if (judgement.side === 'behind' && judgement.cause === 'latency' && judgement.verdict !== 'ok') {
    return {
      status: 'warn',
      summary: `Slow network: requests reach MEXC up to ${formatSec(-estimate.minArrivalLeadMs)} old, close to ${timing.windowName}; your clock may be right`,
      evidence,
      diagnoses: [],
      facts,
    };
  }
  return { status: 'pass', summary: `Clock in sync (${offset}${estimate.uncertaintyMs > 50 ? ` ±${estimate.uncertaintyMs} ms` : ''})`, evidence, diagnoses: [], facts };
}

/** An arrival lead in words: "120 ms old", "1.2 s in MEXC's future". */
const describeLead = (leadMs: number) => (leadMs > 0 ? `${formatSec(leadMs)} in MEXC's future` : `${formatSec(-leadMs)} old`);

function clockEvidence(estimate: ClockEstimate, judgement: ClockJudgement, timing: TimingSpec, usable: number, sent: number): string[] {
  const kept = estimate.samples.filter((s) => s.kept).length;
  const range = `between ${describeOffset(estimate.lowAheadMs)} and ${describeOffset(estimate.highAheadMs)}`;
  const lines = [
    estimate.inconsistent
      ? `Your clock is ${range}: MEXC's server-time answers disagree by ${estimate.scatterMs} ms, more than the round trips allow`
      : estimate.lowAheadMs <= 0 && estimate.highAheadMs >= 0 && estimate.uncertaintyMs > 50
        ? `Your clock is ${range}: a round trip of ${estimate.rttMs} ms allows no closer measurement`
        : `Your clock is ${describeOffset(estimate.localAheadMs)} (±${estimate.uncertaintyMs} ms)`,
    `Best round trip ${estimate.rttMs} ms; ${kept} of ${sent} samples used${usable < sent ? ` (${sent - usable} answers were not a server time)` : ''}${kept < usable ? `, ${usable - kept} dropped for a round trip far above the best` : ''}`,
    describeLead(estimate.minArrivalLeadMs) === describeLead(estimate.maxArrivalLeadMs)
      ? `A request signed now reaches MEXC ${describeLead(estimate.minArrivalLeadMs)}`
      : `A request signed now reaches MEXC between ${describeLead(estimate.maxArrivalLeadMs)} and ${describeLead(estimate.minArrivalLeadMs)}`,
    timing.rule,
  ];
  if (judgement.side === 'behind' && judgement.cause === 'latency' && judgement.verdict !== 'ok') {
    lines.push(`Network latency: the round trip alone is ${estimate.rttMs} ms, so requests arrive old even if your clock is right`);
  }
  return lines;
}
