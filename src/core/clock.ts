/**
 * Clock estimate against MEXC's `GET /api/v3/time`, and the verdict against MEXC's timing rule.
 *
 * One sample: the request left at local t0, the answer's first byte came at local t1, and MEXC
 * stamped serverTime s in between. Whatever the split of the round trip, the local clock's lead
 * θ (local − MEXC) lies in [t0 − s, t1 − s]. And `t0 − s` is exactly what a signed request sent
 * at t0 looks like to MEXC: its timestamp minus MEXC's clock on arrival (the "arrival lead").
 * MEXC accepts iff `timestamp < serverTime + 1000 && serverTime − timestamp <= recvWindow`
 * (docs/mexc-api.md §1.1, https://mexcdevelop.github.io/apidocs/spot_v3_en/#timing-security),
 * i.e. iff arrival lead < 1000 and −lead ≤ recvWindow. So each sample measures the verdict
 * directly, and the clock's share of it is known only to within the round trip.
 */
export interface ClockSample {
  localSentMs: number;
  localReceivedMs: number;
  serverTimeMs: number;
}

export interface DescribedSample extends ClockSample {
  rttMs: number;
  /** Midpoint estimate of this sample alone (positive: local clock ahead). */
  localAheadMs: number;
  /** localSentMs − serverTimeMs: the lead a request sent then would have had on arrival. */
  arrivalLeadMs: number;
  /** False when its round trip was far above the best one: it is not used. */
  kept: boolean;
}

export interface ClockEstimate {
  /** Positive when the local clock is ahead of MEXC's (centre of the interval below). */
  localAheadMs: number;
  /** The local clock's lead lies within localAheadMs ± uncertaintyMs, as the kept samples support. */
  uncertaintyMs: number;
  lowAheadMs: number;
  highAheadMs: number;
  /** Best (smallest) round trip. */
  rttMs: number;
  /** Arrival lead of a request signed now, over the kept samples (see the module comment). */
  minArrivalLeadMs: number;
  maxArrivalLeadMs: number;
  /** The kept samples disagree by more than their round trips allow (server time jitters). */
  inconsistent: boolean;
  /** Spread of the kept samples' midpoints. */
  scatterMs: number;
  samples: DescribedSample[];
}

/** A sample is dropped when its round trip exceeds twice the best one plus this much. */
export const RTT_SLACK_MS = 20;

export function estimateClock(samples: ReadonlyArray<ClockSample>): ClockEstimate | undefined {
  const usable = samples.filter((s) => Number.isFinite(s.serverTimeMs) && Number.isFinite(s.localSentMs) && s.localReceivedMs >= s.localSentMs);
  if (usable.length === 0) return undefined;
  const bestRtt = Math.min(...usable.map((s) => s.localReceivedMs - s.localSentMs));
  const described: DescribedSample[] = usable.map((s) => {
    const rttMs = s.localReceivedMs - s.localSentMs;
    return {
      ...s,
      rttMs,
      localAheadMs: Math.round(s.localSentMs + rttMs / 2 - s.serverTimeMs),
      arrivalLeadMs: s.localSentMs - s.serverTimeMs,
      kept: rttMs <= 2 * bestRtt + RTT_SLACK_MS,
    };
  });
  const kept = described.filter((s) => s.kept);
  const lows = kept.map((s) => s.localSentMs - s.serverTimeMs);
  const highs = kept.map((s) => s.localReceivedMs - s.serverTimeMs);
  let low = Math.max(...lows);
  let high = Math.min(...highs);
  const inconsistent = low > high;
  const mids = kept.map((s) => s.localSentMs + s.rttMs / 2 - s.serverTimeMs).sort((a, b) => a - b);
  let centre = (low + high) / 2;
  if (inconsistent) {
    // The samples cannot all be right: MEXC's answers jitter more than the round trips allow.
    // Claim only what all of them together support.
    low = Math.min(...lows);
    high = Math.max(...highs);
    centre = median(mids);
  }
  return {
    localAheadMs: Math.round(centre),
    uncertaintyMs: Math.ceil(Math.max(centre - low, high - centre)),
    lowAheadMs: Math.floor(low),
    highAheadMs: Math.ceil(high),
    rttMs: bestRtt,
    minArrivalLeadMs: Math.min(...kept.map((s) => s.arrivalLeadMs)),
    maxArrivalLeadMs: Math.max(...kept.map((s) => s.arrivalLeadMs)),
    inconsistent,
    scatterMs: Math.round((mids[mids.length - 1] ?? 0) - (mids[0] ?? 0)),
    samples: described,
  };
}

function median(sorted: number[]): number {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** "4.2 s ahead", "830 ms behind": a signed offset in words. */
export function describeOffset(localAheadMs: number): string {
  const abs = Math.abs(localAheadMs);
  const size = abs >= 1000 ? `${(abs / 1000).toFixed(1)} s` : `${abs} ms`;
  if (abs === 0) return 'in step with MEXC';
  return `${size} ${localAheadMs > 0 ? 'ahead of' : 'behind'} MEXC`;
}

// ---------------------------------------------------------------------------------------------
// The verdict

/** MEXC rejects a timestamp this far (or more) in its future (docs/mexc-api.md §1.1). */
export const FUTURE_TOLERANCE_MS = 1000;
/** Within this share of either edge the clock still passes, but only just. */
export const NEAR_EDGE_SHARE = 0.2;

/**
 * - `ok`: every sample lands well inside the window.
 * - `near-edge`: inside, but within 20 % of an edge (`side` says which).
 * - `uncertain`: some samples land inside, others outside: too uncertain to fail.
 * - `ahead` / `behind`: every sample lands outside: MEXC will refuse signed requests.
 * `cause` says whether the local clock or the network's travel time explains a `behind` side:
 * latency only makes requests older, never newer, so `ahead` is always the clock.
 */
export type ClockVerdictKind = 'ok' | 'near-edge' | 'uncertain' | 'ahead' | 'behind';

export interface ClockJudgement {
  verdict: ClockVerdictKind;
  side?: 'ahead' | 'behind';
  cause?: 'clock' | 'latency';
  /** Margin to the nearest edge for the worst sample (negative: beyond it). */
  marginMs: number;
}

/**
 * The window a request's time must land in, relative to MEXC's clock on arrival: refused when it
 * leads by `aheadMs` or more, or lags by more than `behindMs`.
 * - spot v3: 1000 ms ahead, recvWindow behind (docs/mexc-api.md §1.1);
 * - futures: the same number of seconds either way, 10 by default or the Recv-Window header
 *   ("more than 10 seconds … behind or ahead", docs/mexc-api.md §6).
 */
export interface TimingWindow {
  aheadMs: number;
  behindMs: number;
}

export function spotWindow(recvWindowMs: number): TimingWindow {
  return { aheadMs: FUTURE_TOLERANCE_MS, behindMs: recvWindowMs };
}

/** |serverTime − Request-Time| ≤ window: in whole ms, a lead of window + 1 is the first refused. */
export function futuresWindow(windowMs: number): TimingWindow {
  return { aheadMs: windowMs + 1, behindMs: windowMs };
}

export function judgeClock(estimate: Pick<ClockEstimate, 'minArrivalLeadMs' | 'maxArrivalLeadMs' | 'highAheadMs'>, window: number | TimingWindow): ClockJudgement {
  const { aheadMs, behindMs } = typeof window === 'number' ? spotWindow(window) : window;
  const { minArrivalLeadMs: minLead, maxArrivalLeadMs: maxLead, highAheadMs } = estimate;
  const aheadMargin = aheadMs - maxLead;
  const behindMargin = behindMs + minLead;
  // The clock's own lag is at least −highAheadMs; when that alone does not reach the near-edge
  // zone, the network's travel time is what makes requests old.
  const behindCause = -highAheadMs >= behindMs * (1 - NEAR_EDGE_SHARE) ? 'clock' : 'latency';
  if (minLead >= aheadMs) return { verdict: 'ahead', side: 'ahead', cause: 'clock', marginMs: aheadMargin };
  if (-maxLead > behindMs) return { verdict: 'behind', side: 'behind', cause: behindCause, marginMs: behindMargin };
  if (maxLead >= aheadMs) return { verdict: 'uncertain', side: 'ahead', cause: 'clock', marginMs: aheadMargin };
  if (-minLead > behindMs) return { verdict: 'uncertain', side: 'behind', cause: behindCause, marginMs: behindMargin };
  if (maxLead >= aheadMs * (1 - NEAR_EDGE_SHARE)) return { verdict: 'near-edge', side: 'ahead', cause: 'clock', marginMs: aheadMargin };
  if (-minLead >= behindMs * (1 - NEAR_EDGE_SHARE)) return { verdict: 'near-edge', side: 'behind', cause: behindCause, marginMs: behindMargin };
  return { verdict: 'ok', marginMs: Math.min(aheadMargin, behindMargin) };
}

/**
 * An estimate from one offset and round trip, assuming the request spent half the round trip
 * on the way out: what a pasted or remembered measurement (no samples) supports.
 */
export function estimateFromOffset(localAheadMs: number, rttMs: number): ClockEstimate {
  const rtt = Math.max(0, rttMs);
  return estimateClock([{ localSentMs: 0, localReceivedMs: rtt, serverTimeMs: rtt / 2 - localAheadMs }])!;
}
