/**
 * NTP-style clock estimate against MEXC's `GET /api/v3/time`.
 * For one sample, t0/t1 are local times when the request left and the reply began, s the
 * server's stamp. Assuming the server stamped halfway, offset = s - (t0 + t1) / 2 and the error
 * is at most (t1 - t0) / 2, so the sample with the smallest round trip is the most trustworthy.
 */
export interface ClockSample {
  localSentMs: number;
  localReceivedMs: number;
  serverTimeMs: number;
}

export interface ClockEstimate {
  /** Positive when the local clock is ahead of MEXC's. */
  localAheadMs: number;
  /** Round trip of the sample the estimate came from. */
  rttMs: number;
  /** Error bound of the estimate: half that round trip. */
  uncertaintyMs: number;
  samples: Array<ClockSample & { rttMs: number; localAheadMs: number }>;
}

export function estimateClock(samples: ReadonlyArray<ClockSample>): ClockEstimate | undefined {
  const described = samples
    .filter((s) => Number.isFinite(s.serverTimeMs) && s.localReceivedMs >= s.localSentMs)
    .map((s) => {
      const rttMs = s.localReceivedMs - s.localSentMs;
      const midpoint = s.localSentMs + rttMs / 2;
      return { ...s, rttMs, localAheadMs: Math.round(midpoint - s.serverTimeMs) };
    });
  if (described.length === 0) return undefined;
  const best = described.reduce((a, b) => (b.rttMs < a.rttMs ? b : a));
  return {
    localAheadMs: best.localAheadMs,
    rttMs: best.rttMs,
    uncertaintyMs: Math.ceil(best.rttMs / 2),
    samples: described,
  };
}

/** "4.2 s ahead", "830 ms behind": a signed offset in words. */
export function describeOffset(localAheadMs: number): string {
  const abs = Math.abs(localAheadMs);
  const size = abs >= 1000 ? `${(abs / 1000).toFixed(1)} s` : `${abs} ms`;
  if (abs === 0) return 'in step with MEXC';
  return `${size} ${localAheadMs > 0 ? 'ahead of' : 'behind'} MEXC`;
}
