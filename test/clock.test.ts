import { describe, expect, it } from 'vitest';
import { describeOffset, estimateClock, estimateFromOffset, judgeClock, naiveLocalAheadMs, type ClockSample } from '../src/core/clock.js';
import { clockFindings } from '../src/core/classify.js';

/** A sample of a local clock `aheadMs` ahead, `outMs` on the way out and `backMs` on the way back. */
function sample(sentMs: number, aheadMs: number, outMs: number, backMs: number, serverJitterMs = 0): ClockSample {
  return { localSentMs: sentMs, localReceivedMs: sentMs + outMs + backMs, serverTimeMs: sentMs + outMs - aheadMs + serverJitterMs };
}

describe('estimateClock', () => {
  it('recovers a 4.2 s lead exactly when delays are symmetric', () => {
    const est = estimateClock([sample(10_000, 4200, 50, 50)]);
    expect(est?.localAheadMs).toBe(4200);
    expect(est?.rttMs).toBe(100);
    expect(est?.uncertaintyMs).toBe(50);
  });

  it('never claims more than the samples support: the true lead is inside the interval, whatever the split', () => {
    for (const [out, back] of [
      [0, 100],
      [100, 0],
      [10, 90],
      [4000, 0],
    ] as const) {
      const est = estimateClock([sample(5000, 1000, out, back), sample(6000, 1000, out, back)])!;
      expect(est.lowAheadMs).toBeLessThanOrEqual(1000);
      expect(est.highAheadMs).toBeGreaterThanOrEqual(1000);
      expect(Math.abs(est.localAheadMs - 1000)).toBeLessThanOrEqual(est.uncertaintyMs);
    }
  });

  it('narrows the interval with samples whose bounds overlap', () => {
    const est = estimateClock([sample(0, 300, 5, 15), sample(100, 300, 15, 5)])!;
    expect(est.uncertaintyMs).toBeLessThan(10);
    expect(est.inconsistent).toBe(false);
  });

  it('drops samples whose round trip is far above the best one', () => {
    const est = estimateClock([sample(0, 300, 5, 5), sample(10, 300, 400, 20), sample(20, 300, 6, 4)])!;
    expect(est.samples.map((s) => s.kept)).toEqual([true, false, true]);
    expect(est.rttMs).toBe(10);
    expect(est.localAheadMs).toBe(300);
  });

  it('widens to what all samples support when the server time jitters more than the round trips allow', () => {
    const est = estimateClock([sample(0, 0, 3, 3, 1200), sample(10, 0, 3, 3, -900), sample(20, 0, 3, 3, 300), sample(30, 0, 3, 3, -200)])!;
    expect(est.inconsistent).toBe(true);
    expect(est.scatterMs).toBeGreaterThan(2000);
    expect(est.uncertaintyMs).toBeGreaterThan(1000);
    expect(est.lowAheadMs).toBeLessThanOrEqual(0);
    expect(est.highAheadMs).toBeGreaterThanOrEqual(0);
  });

  it('reads the arrival lead of each sample directly: sent time minus server time', () => {
    const est = estimateClock([sample(0, 0, 4000, 0)])!;
    expect(est.minArrivalLeadMs).toBe(-4000);
    expect(est.maxArrivalLeadMs).toBe(-4000);
    expect(est.lowAheadMs).toBe(-4000);
    expect(est.highAheadMs).toBe(0);
  });

  it('stays within half the round trip under asymmetric delays, where the naive method does not', () => {
    const s = sample(5000, 1000, 10, 90);
    const est = estimateClock([s]);
    expect(Math.abs((est?.localAheadMs ?? 0) - 1000)).toBeLessThanOrEqual(50);
    expect(Math.abs(naiveLocalAheadMs(s) - 1000)).toBeGreaterThan(50);
  });

  it('returns undefined when no sample is usable', () => {
    expect(estimateClock([])).toBeUndefined();
    expect(estimateClock([{ localSentMs: 10, localReceivedMs: 5, serverTimeMs: 1 }])).toBeUndefined();
  });
});

describe('judgeClock (accept iff lead < 1000 and −lead ≤ recvWindow)', () => {
  it('fails ahead only when every sample lands 1 s or more in MEXC’s future', () => {
    expect(judgeClock(estimateClock([sample(0, 1200, 0, 0)])!, 5000)).toMatchObject({ verdict: 'ahead', side: 'ahead' });
    expect(judgeClock(estimateClock([sample(0, 999, 0, 0)])!, 5000)).toMatchObject({ verdict: 'near-edge', side: 'ahead', marginMs: 1 });
  });

  it('is uncertain, never failed, while samples land on both sides of an edge', () => {
    const est = estimateClock([sample(0, 0, 3, 3, -1500), sample(10, 0, 3, 3, 200)])!;
    expect(judgeClock(est, 5000)).toMatchObject({ verdict: 'uncertain', side: 'ahead' });
  });

  it('calls old arrivals latency when the clock alone may well be right (4 s one way, clock in sync)', () => {
    const j = judgeClock(estimateClock([sample(0, 0, 4000, 0), sample(5, 0, 4000, 0)])!, 5000);
    expect(j).toMatchObject({ verdict: 'near-edge', side: 'behind', cause: 'latency' });
  });

  it('calls them the clock when the clock alone lags that much', () => {
    expect(judgeClock(estimateClock([sample(0, -9000, 5, 5)])!, 5000)).toMatchObject({ verdict: 'behind', cause: 'clock' });
    expect(judgeClock(estimateClock([sample(0, -9000, 5, 5)])!, 10_000)).toMatchObject({ verdict: 'near-edge', cause: 'clock' });
  });

  it('passes well inside the window', () => {
    expect(judgeClock(estimateFromOffset(100, 60), 5000).verdict).toBe('ok');
  });
});

describe('clockFindings', () => {
  const findings = (samples: ClockSample[], rw = 5000) => {
    const est = estimateClock(samples)!;
    return clockFindings(est, judgeClock(est, rw), rw);
  };

  it('an error for a clock every sample puts ahead', () => {
    expect(findings([sample(0, 4200, 5, 5)])).toMatchObject([{ id: 'clock-ahead', facts: { severity: 'error', nearEdge: false } }]);
  });

  it('a warning marked uncertain, with the scatter, when samples disagree across the edge', () => {
    const [f] = findings([sample(0, 0, 3, 3, -1500), sample(10, 0, 3, 3, 200), sample(20, 0, 3, 3, 900)]);
    expect(f).toMatchObject({ id: 'clock-ahead', facts: { severity: 'warning', uncertain: true } });
    expect(f?.facts.scatterMs).toBeGreaterThan(1000);
  });

  it('no clock finding for latency that only brings arrivals near the edge', () => {
    expect(findings([sample(0, 0, 4000, 0)])).toEqual([]);
  });

  it('a latency-caused clock-behind only when requests would be refused', () => {
    expect(findings([sample(0, 0, 6000, 0)])).toMatchObject([{ id: 'clock-behind', facts: { severity: 'error', latencyCause: true } }]);
  });
});

describe('describeOffset', () => {
  it('says ahead or behind with a unit', () => {
    expect(describeOffset(4200)).toBe('4.2 s ahead of MEXC');
    expect(describeOffset(-830)).toBe('830 ms behind MEXC');
    expect(describeOffset(0)).toBe('in step with MEXC');
  });
});
