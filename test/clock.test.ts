import { describe, expect, it } from 'vitest';
import { describeOffset, estimateClock } from '../src/core/clock.js';

describe('estimateClock', () => {
  it('recovers a 4.2 s lead exactly when delays are symmetric', () => {
    // Local clock 4200 ms ahead; 50 ms each way.
    const est = estimateClock([{ localSentMs: 10_000, localReceivedMs: 10_100, serverTimeMs: 10_000 - 4200 + 50 }]);
    expect(est?.localAheadMs).toBe(4200);
    expect(est?.rttMs).toBe(100);
  });

  it('trusts the sample with the smallest round trip', () => {
    const est = estimateClock([
      { localSentMs: 0, localReceivedMs: 900, serverTimeMs: 100 }, // slow, asymmetric
      { localSentMs: 1000, localReceivedMs: 1020, serverTimeMs: 1010 - 300 },
    ]);
    expect(est?.localAheadMs).toBe(300);
    expect(est?.uncertaintyMs).toBe(10);
  });

  it('stays within half the round trip under asymmetric delays, where the naive method does not', () => {
    // True lead 1000 ms; request takes 10 ms out, reply 90 ms back.
    const sample = { localSentMs: 5000, localReceivedMs: 5100, serverTimeMs: 5000 + 10 - 1000 };
    const est = estimateClock([sample]);
    expect(Math.abs((est?.localAheadMs ?? 0) - 1000)).toBeLessThanOrEqual(50);
    // The naive method many bots use: serverTime − now, read after the reply.
    const naive = sample.localReceivedMs - sample.serverTimeMs;
    expect(Math.abs(naive - 1000)).toBeGreaterThan(50);
  });

  it('returns undefined when no sample is usable', () => {
    expect(estimateClock([])).toBeUndefined();
    expect(estimateClock([{ localSentMs: 10, localReceivedMs: 5, serverTimeMs: 1 }])).toBeUndefined();
  });
});

describe('describeOffset', () => {
  it('says ahead or behind with a unit', () => {
    expect(describeOffset(4200)).toBe('4.2 s ahead of MEXC');
    expect(describeOffset(-830)).toBe('830 ms behind MEXC');
    expect(describeOffset(0)).toBe('in step with MEXC');
  });
});
